"""Blog and news: index pages that list, filter and syndicate; posts and articles; their snippets.

A blog post has *authors* (people snippets; a guest author is a Person marked external) and a
separate *page owner*, the person responsible for the page (the Swedish "Sidansvarig"), who is
often not the author. A news article has a type (news, press release, statement), a lead, a
credited hero image, and may point at the meeting it announces.

Snippets and people are chosen once on the source page and synchronised to translations;
templates and the API show their ``.localized`` rows (see plugins/blog/listing.py for the
batched version the index pages use, so the query count stays flat).
"""

from __future__ import annotations

from datetime import datetime, time

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField, TranslatableField

from blocks.links import CallToActionBlock
from blocks.stream import BodyStreamBlock
from cms.public import OrderedRow, TingstedPage
from plugins.blog import api as blog_api
from plugins.blog.items import decorate
from plugins.blog.listing import ListingIndexMixin
from plugins.blog.structured_data import article


class LanguageOwnField(BaseTranslatableField):
    """A field each translation keeps for itself: neither synchronised nor translated.

    wagtail-localize copies it once, when the translation is created (Wagtail's
    ``copy_for_translation`` copies child relations), and never overwrites it afterwards.
    """

    def __repr__(self) -> str:
        return f"<LanguageOwnField {self.field_name}>"


# --- snippets ---------------------------------------------------------------------------------


class SlugUniquePerLocale(models.Model):
    """A snippet whose ``slug`` (filled in from ``name``) is unique within its locale.

    The form never holds ``locale`` (Wagtail sets it when saving), so Django's form
    validation skips the (locale, slug) constraint and a second "Events" category in a
    language would fail in the database (a 500 in the admin and the API) instead of
    being refused on the form.
    """

    #: How long the slug field is.
    slug_length = 80

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[: self.slug_length]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[: self.slug_length]
        locale = self.locale if self.locale_id else self.get_default_locale()
        taken = type(self)._default_manager.filter(locale=locale, slug=self.slug)
        if taken.exclude(pk=self.pk).exists():
            # Not keyed by field: Wagtail's API form may hold only the fields a request sent.
            raise self.unique_error_message(type(self), ("locale", "slug"))


class BlogCategory(SlugUniquePerLocale, TranslatableMixin, index.Indexed, models.Model):
    """A broad subject a blog groups its posts by, translated like any other text."""

    name = models.CharField(
        _("name"), max_length=80, help_text=_("Shown on posts and in the category filter.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "The category's part of filter addresses (?category=…). Filled in from the name if "
            "left empty."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Optional sentence shown when a visitor filters by this category."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.FilterField("locale_id"),
        index.FilterField("id"),  # the API's tiebreaker when searched and ordered
    ]
    api_fields = [APIField("name"), APIField("slug"), APIField("description")]

    # The slug is translated too: filter addresses read naturally in each language.
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("slug"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("blog category")
        verbose_name_plural = _("blog categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="blog_category_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class NewsType(SlugUniquePerLocale, TranslatableMixin, models.Model):
    """The label a news article carries: news, press release, statement, and what editors add."""

    name = models.CharField(
        _("name"), max_length=60, help_text=_("For example 'News', 'Press release', 'Statement'.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        allow_unicode=True,
        blank=True,
        help_text=_("Used in filter addresses (?type=…). Filled in from the name if left empty."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    api_fields = [APIField("name"), APIField("slug")]

    override_translatable_fields = [TranslatableField("name"), TranslatableField("slug")]
    slug_length = 60

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news type")
        verbose_name_plural = _("news types")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="blog_newstype_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


# --- shared pieces ----------------------------------------------------------------------------


def hero_image_field() -> models.ForeignKey:
    return models.ForeignKey(
        "cms.TingstedImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The large picture at the top, also used in lists, feeds and when shared. The "
            "photographer credit and alt text come from the image itself."
        ),
    )


def hero_caption_field() -> models.CharField:
    return models.CharField(
        _("hero image caption"),
        max_length=300,
        blank=True,
        help_text=_(
            "Says what the picture shows here. Leave empty to use the image's own caption."
        ),
    )


def per_page_field() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        _("items per page"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("How many items each page of the list shows (1–50)."),
    )


def date_field() -> models.DateField:
    return models.DateField(
        _("publish date"),
        null=True,
        blank=True,
        help_text=_(
            "The date shown on the page and used for sorting. Leave empty to use the day it "
            "is first published."
        ),
    )


class DatedPageMixin:
    """A page whose ``date`` defaults to the day it was first published (in the site's zone)."""

    def fill_date(self) -> bool:
        """Set ``date`` from the first publication if the editor left it empty."""
        if self.date is None and self.first_published_at is not None:
            self.date = timezone.localdate(self.first_published_at, self.site_time_zone())
            return True
        return False

    def site_time_zone(self):
        from cms.public import site_time_zone

        site = self.get_site()
        return site_time_zone(site)

    @property
    def display_date(self):
        if self.date is not None:
            return self.date
        if self.first_published_at is not None:
            return timezone.localdate(self.first_published_at, self.site_time_zone())
        return None

    def publish_datetime(self) -> datetime | None:
        """When the post counts as published: its first publication if that fell on its date,
        otherwise the start of the working day of its date in the site's time zone."""
        published = self.first_published_at
        day = self.display_date
        if day is None:
            return published
        zone = self.site_time_zone()
        if published is not None and timezone.localdate(published, zone) == day:
            return published
        return datetime.combine(day, time(8, 0), tzinfo=zone)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        decorate([self], self.locale)
        context["article_data"] = article(self, request)
        if isinstance(self, BlogPostPage):
            context["related"] = self.related()
        return context

    @property
    def hero_caption_text(self) -> str:
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.caption if self.hero_image else ""


# --- blog -------------------------------------------------------------------------------------


class BlogIndexPage(ListingIndexMixin, RoutablePageMixin, TingstedPage):
    """A blog: an introduction and its posts, newest first, filterable and syndicated."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few sentences above the list of posts: what the blog is about."),
    )
    per_page = per_page_field()

    content_panels = [*TingstedPage.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = [*TingstedPage.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("per_page")]
    override_translatable_fields = [SynchronizedField("per_page", overridable=False)]

    subpage_types = ["blog.BlogPostPage"]
    search_summary_field = "intro"
    template = "blog/blog_index_page.html"
    filter_names = ("tag", "category", "year")

    class Meta:
        verbose_name = _("blog")
        verbose_name_plural = _("blogs")

    @classmethod
    def item_model(cls):
        return BlogPostPage


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPostPage",
        verbose_name=_("blog post"),
        on_delete=models.CASCADE,
        related_name="tagged_items",
        help_text=_("The post that carries this tag."),
    )


class BlogPostPage(DatedPageMixin, TingstedPage):
    """One blog post: authors, a page owner, excerpt, hero image, body, tags and categories."""

    date = date_field()
    excerpt = models.TextField(
        _("excerpt"),
        max_length=600,
        help_text=_("Two or three sentences shown in the list of posts, in feeds and in search."),
    )
    page_owner = models.ForeignKey(
        "people.Person",
        verbose_name=_("page owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The person responsible for this page, shown as 'Page owner'. Often a staff "
            "member even when the post is written by a guest."
        ),
    )
    hero_image = hero_image_field()
    hero_caption = hero_caption_field()
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "The post itself: text, quotes, images and other blocks, in the order readers "
            "see them. The excerpt is shown above it, so do not repeat it here."
        ),
    )
    tags = ClusterTaggableManager(
        through=BlogPostTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Words in this page's language that visitors can filter posts by."),
    )
    categories = ParentalManyToManyField(
        "blog.BlogCategory",
        verbose_name=_("categories"),
        blank=True,
        related_name="posts",
        help_text=_("The blog's broad subjects this post belongs to."),
    )

    content_panels = [
        *TingstedPage.content_panels,
        FieldPanel("date"),
        FieldPanel("excerpt"),
        MultiFieldPanel(
            [
                InlinePanel("authors", label=_("Author"), min_num=0),
                FieldPanel("page_owner"),
            ],
            heading=_("Authors and page owner"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Hero image")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("categories"), FieldPanel("tags")], heading=_("Categories and tags")
        ),
        InlinePanel("related_posts", label=_("Related post"), heading=_("Related posts")),
    ]
    search_fields = [
        *TingstedPage.search_fields,
        index.SearchField("excerpt", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "authors", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date", serializer=blog_api.DisplayDateField()),
        APIField("excerpt"),
        APIField("authors", serializer=blog_api.AuthorsField()),
        APIField("page_owner", serializer=blog_api.LocalizedPersonField()),
        APIField("hero_image", serializer=blog_api.HeroImageField()),
        APIField("body"),
        APIField("tags", serializer=blog_api.TagsField()),
        APIField("categories", serializer=blog_api.CategoriesField()),
        APIField("related_posts", serializer=blog_api.RelatedPostsField()),
    ]
    # Dates, people and categories are facts shared by every translation. Tags are words in
    # the page's language: a translation starts with the source's tags and then keeps its own.
    override_translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("page_owner", overridable=False),
        SynchronizedField("hero_image", overridable=False),
        SynchronizedField("categories", overridable=False),
        SynchronizedField("authors", overridable=False),
        SynchronizedField("related_posts", overridable=False),
        LanguageOwnField("tagged_items"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types: list[str] = []
    search_summary_field = "excerpt"
    template = "blog/blog_post_page.html"

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    def related(self, limit: int = 3) -> list[BlogPostPage]:
        """Editor-chosen related posts, else the newest live posts sharing a category."""
        attached = getattr(self, "_related_for_list", None)
        if attached is not None:  # a list preload (plugins.blog.related.attach_related)
            return attached[:limit]
        chosen = [
            link.related.specific
            for link in self.related_posts.select_related("related")
            if link.related.live
        ]
        if chosen:
            return chosen[:limit]
        keys = [category.translation_key for category in self.categories.all()]
        if not keys:
            return []
        return list(
            BlogPostPage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .filter(categories__translation_key__in=keys)
            .distinct()
            .order_by("-date", "-first_published_at")[:limit]
        )


class BlogPostAuthor(OrderedRow):
    """One author of a post, in the order they are credited."""

    page = ParentalKey(
        BlogPostPage,
        verbose_name=_("blog post"),
        on_delete=models.CASCADE,
        related_name="authors",
        help_text=_("The post this person is credited on."),
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Choose from the people register. For a guest author, choose (or add) a person "
            "marked as external contributor, with their organisation."
        ),
    )

    panels = [FieldPanel("person")]

    class Meta(OrderedRow.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class BlogPostRelated(OrderedRow):
    page = ParentalKey(
        BlogPostPage,
        verbose_name=_("blog post"),
        on_delete=models.CASCADE,
        related_name="related_posts",
        help_text=_("The post that links to the related post."),
    )
    related = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("post"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Another post readers of this one may want next."),
    )

    panels = [PageChooserPanel("related", page_type="blog.BlogPostPage")]

    class Meta(OrderedRow.Meta):
        verbose_name = _("related post")
        verbose_name_plural = _("related posts")


# --- news -------------------------------------------------------------------------------------


class NewsIndexPage(ListingIndexMixin, RoutablePageMixin, TingstedPage):
    """A news section: its articles newest first, filterable by type and year, syndicated."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two above the list of news articles."),
    )
    per_page = per_page_field()

    content_panels = [*TingstedPage.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = [*TingstedPage.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("per_page")]
    override_translatable_fields = [SynchronizedField("per_page", overridable=False)]

    subpage_types = ["blog.NewsPage"]
    search_summary_field = "intro"
    template = "blog/news_index_page.html"
    filter_names = ("type", "year")

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    @classmethod
    def item_model(cls):
        return NewsPage


class NewsPage(DatedPageMixin, TingstedPage):
    """A news article, press release or statement."""

    date = date_field()
    news_type = models.ForeignKey(
        NewsType,
        verbose_name=_("type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown next to the date, for example 'News' or 'Press release'."),
    )
    lead = models.TextField(
        _("lead"),
        max_length=800,
        help_text=_(
            "The opening paragraph in bold: who, what, when. Also used in lists and feeds."
        ),
    )
    hero_image = hero_image_field()
    hero_caption = hero_caption_field()
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Use the quote block for statements (with name and role) and the fact box for lists."
        ),
    )
    related_event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("related meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A meeting or conference this article is about; its date and place are shown in a box."
        ),
    )
    call_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name=_("sign-up button"),
        blank=True,
        max_num=1,
        help_text=_("An optional button at the end, for example 'Sign up for the conference'."),
    )

    content_panels = [
        *TingstedPage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("news_type")]),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Hero image")
        ),
        FieldPanel("body"),
        # Offer only meetings in the chooser when the meetings plugin is installed; the
        # field itself stays a plain page link so blog works without it.
        PageChooserPanel(
            "related_event",
            page_type="meetings.MeetingPage" if apps.is_installed("plugins.meetings") else None,
        ),
        FieldPanel("call_to_action"),
    ]
    search_fields = [
        *TingstedPage.search_fields,
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date", serializer=blog_api.DisplayDateField()),
        APIField("news_type", serializer=blog_api.NewsTypeField()),
        APIField("lead"),
        APIField("hero_image", serializer=blog_api.HeroImageField()),
        APIField("body"),
        APIField("related_event", serializer=blog_api.RelatedEventField()),
        APIField("call_to_action"),
    ]
    override_translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("news_type", overridable=False),
        SynchronizedField("hero_image", overridable=False),
        SynchronizedField("related_event", overridable=False),
    ]

    parent_page_types = ["blog.NewsIndexPage"]
    subpage_types: list[str] = []
    search_summary_field = "lead"
    template = "blog/news_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self) -> None:
        super().clean()
        if self.related_event_id and not is_event(self.related_event.specific):
            raise ValidationError(
                {"related_event": _("Choose a meeting page; this page has no date and place.")}
            )

    @property
    def event(self):
        """The related meeting as a dict for templates and the API, or None."""
        if self.related_event_id is None:
            return None
        page = self.related_event
        if page.locale_id != self.locale_id:
            page = page.get_translation_or_none(self.locale) or page
        page = page.specific
        if not page.live or not is_event(page):
            return None
        return event_summary(page)


def is_event(page) -> bool:
    """Meetings live in another plugin; we recognise them by their shape, not their class."""
    return hasattr(page, "start") and (hasattr(page, "venue") or hasattr(page, "online_url"))


def event_summary(page) -> dict:
    venue = getattr(page, "venue", None)
    venue = venue.localized if venue is not None and hasattr(venue, "localized") else venue
    return {
        "page": page,
        "title": page.title,
        "start": getattr(page, "start", None),
        "end": getattr(page, "end", None),
        "venue": venue,
        "online": bool(getattr(page, "online_url", "") or getattr(page, "is_online", False)),
    }
