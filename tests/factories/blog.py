"""Factories for the blog plugin: categories, news types, index pages, posts and articles."""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from plugins.blog.models import (
    BlogCategory,
    BlogIndexPage,
    BlogPostAuthor,
    BlogPostPage,
    NewsIndexPage,
    NewsPage,
    NewsType,
)
from tests.factories.cms import ImageFactory


def _locale(language: str = "en") -> Locale:
    return Locale.objects.get(language_code=language)


class BlogCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlogCategory

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    locale = factory.LazyFunction(_locale)


class NewsTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsType

    name = factory.Sequence(lambda n: f"Type {n}")
    slug = factory.Sequence(lambda n: f"type-{n}")
    locale = factory.LazyFunction(_locale)


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BlogIndexPage

    title = "Blog"
    slug = factory.Sequence(lambda n: f"blog-{n}")
    intro = "What we are thinking about."


class BlogPostPageFactory(wagtail_factories.PageFactory):
    """A live post. Pass ``authors=[person, ...]``, ``categories=[...]``, ``tags=[...]``."""

    class Meta:
        model = BlogPostPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Post {n}")
    slug = factory.Sequence(lambda n: f"post-{n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 6, 1) - datetime.timedelta(days=n))
    excerpt = factory.LazyAttribute(lambda post: f"The excerpt of {post.title}.")
    first_published_at = factory.LazyFunction(
        lambda: datetime.datetime(2025, 6, 1, 9, 0, tzinfo=datetime.UTC)
    )
    last_published_at = factory.SelfAttribute("first_published_at")

    @factory.post_generation
    def authors(self, create, people, **kwargs):
        for person in people or []:
            BlogPostAuthor.objects.create(page=self, person=person)

    @factory.post_generation
    def categories(self, create, categories, **kwargs):
        if categories:
            self.categories.set(categories)
            self.save()

    @factory.post_generation
    def tags(self, create, tags, **kwargs):
        if tags:
            self.tags.add(*tags)
            self.save()


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "News"
    slug = factory.Sequence(lambda n: f"news-{n}")


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 6, 1) - datetime.timedelta(days=n))
    lead = factory.LazyAttribute(lambda article: f"The lead of {article.title}.")
    hero_image = factory.SubFactory(ImageFactory)
    first_published_at = factory.LazyFunction(
        lambda: datetime.datetime(2025, 6, 1, 9, 0, tzinfo=datetime.UTC)
    )
    last_published_at = factory.SelfAttribute("first_published_at")
