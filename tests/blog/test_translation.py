"""Translating a post with wagtail-localize: facts follow the source, tags stay the translator's."""

from __future__ import annotations

import pytest
from wagtail_localize.models import TranslationSource

from tests.factories.blog import BlogCategoryFactory, BlogPostPageFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def translate(page, locale):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    source.create_or_update_translation(locale, fallback=True, copy_parent_pages=True)
    return page.get_translation(locale)


def test_tags_start_from_the_source_then_belong_to_the_translation(blog, locales):
    author = PersonFactory(locale=locales["da"])
    category = BlogCategoryFactory(locale=locales["da"])
    post = BlogPostPageFactory(parent=blog, authors=[author], categories=[category], tags=["bolig"])

    translation = translate(post, locales["sv"])
    assert list(translation.tags.names()) == ["bolig"]
    assert [link.person for link in translation.authors.all()] == [author]
    assert list(translation.categories.all()) == [category]
    assert translation.date == post.date

    translation.tags.set(["boende"])
    translation.save()
    other = PersonFactory(locale=locales["da"])
    post.authors.create(person=other)
    post.save_revision().publish()

    translation = translate(post, locales["sv"])
    assert list(translation.tags.names()) == ["boende"]
    assert [link.person for link in translation.authors.all()] == [author, other]
