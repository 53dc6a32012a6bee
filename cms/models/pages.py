"""The page base every Tingsted page type uses, and the home page of each site."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.pages import APIPageMixin
from blocks.stream import BodyStreamBlock
from cms.tree import TREE_FIELDS, tree_fields_from_database


class TingstedPageForm(WagtailAdminPageForm):
    """The admin form of every Tingsted page type (subclass it for a page's own form).

    It tells the page, while the page validates itself, whether Wagtail defers validation:
    saving a draft (*Save draft*, autosave) needs only what the database needs, publishing
    and submitting for review need everything (Wagtail's "validation on publish").
    """

    def clean(self):
        self.instance.is_deferred_validation = self.is_deferred_validation
        return super().clean()


class TingstedPage(APIPageMixin, Page):
    """Abstract base for every Tingsted page type.

    A page's URL is built with the language prefixes of the site the page belongs to (see
    cms/routing.py), also when the link is rendered on another site. From the API mixin,
    every page type lists its translations in both APIs and can be previewed in a headless
    front end (see api/pages.py).
    """

    #: The field whose text site search shows under the page when the editor left the
    #: search description empty: a text or rich text field ("introduction", "lead"). Page
    #: types set it or override :meth:`search_summary` (docs/plugins.md, "search_summary").
    search_summary_field: str | None = None
    base_form_class = TingstedPageForm

    #: True while the admin saves a draft: ``clean()`` leaves out the checks only a
    #: published page needs (fields that must agree with each other), so a page half
    #: edited, or autosaved between two related changes, is kept rather than refused. The
    #: same flag as Wagtail's on forms and blocks (``is_deferred_validation``).
    is_deferred_validation = False

    class Meta:
        abstract = True

    def search_summary(self) -> str:
        """The plain text shown under this page in site search results.

        The editor's search description (the Promote tab) if there is one, else the text of
        :attr:`search_summary_field`, rich text as plain words; empty when neither is filled.
        """
        text = self.search_description or ""
        name = self.search_summary_field
        if not text.strip() and name:
            text = str(getattr(self, name, None) or "")
            try:
                rich = isinstance(self._meta.get_field(name), RichTextField)
            except FieldDoesNotExist:
                rich = False  # a property: its text is taken as it is
            if rich:
                text = get_text_for_indexing(text)
        return text.strip()

    def get_site(self):
        # Wagtail fetches the Site anew for every page (a query each: a list's dates and
        # links ask for it per item); the site memo has every site (cms/sites.py).
        from cms.sites import site_by_id

        url_parts = self.get_url_parts()
        if url_parts is None:
            return None
        return site_by_id(url_parts[0])

    def get_url_parts(self, request=None):
        from django.urls import get_urlconf, set_urlconf

        from cms.routing import urlconf_for
        from cms.sites import site_language

        possible = self._get_relevant_site_root_paths(request)
        if not possible:
            return super().get_url_parts(request)
        previous = get_urlconf()
        set_urlconf(urlconf_for(site_language(possible[0].site_id)))
        try:
            return super().get_url_parts(request)
        finally:
            set_urlconf(previous)

    def serve(self, request, *args, **kwargs):
        from django.utils.cache import patch_cache_control, patch_vary_headers

        from cms.visibility import is_shareable

        response = super().serve(request, *args, **kwargs)
        # The one rule for shared caches (cms/visibility.py): an answer to a request with a
        # session or credential, or of a restricted page, is nobody else's to reuse.
        if not is_shareable(request) or self.get_view_restrictions():
            patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
        return response

    def save(self, *args, **kwargs):
        # Tree columns are treebeard's: an instance loaded before a child was added under it
        # would write back the old child count and hide the child (cms/tree.py).
        update_fields = kwargs.get("update_fields")
        if (
            self.pk is not None
            and not self._state.adding
            and (update_fields is None or set(update_fields) & set(TREE_FIELDS))
        ):
            tree_fields_from_database(self)
        return super().save(*args, **kwargs)

    def copy_for_translation(self, locale, copy_parents=False, alias=False, exclude_fields=None):
        # Wagtail creates the missing parents of a new translation as aliases of the
        # source pages: live at once, in the source language, under the translated
        # language's address. They are made as draft translations instead, which a
        # translator translates and a reviewer publishes like any other
        # (cms.i18n.localize.translate_missing_parents, docs/translation.md).
        if copy_parents and not alias:
            from cms.i18n.localize import translate_missing_parents

            translate_missing_parents(self, locale)
        return super().copy_for_translation(
            locale, copy_parents=copy_parents, alias=alias, exclude_fields=exclude_fields
        )

    copy_for_translation.alters_data = True

    def get_view_restrictions(self):
        # Wagtail looks for restrictions on the page and its ancestors (two queries) every
        # time a page is served. Where the site has none at all, as most have, none can
        # apply: the list of restrictions is remembered per content generation, which every
        # saved or deleted restriction bumps (api.signals). Otherwise Wagtail decides.
        from api.access import has_page_restrictions

        if not has_page_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(TingstedPage):
    """The root page of a site, one per site in its own language, translated to the others."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences under the site name that say what the site offers."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Optional content under the introduction."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("body")]

    # Every text is translated; only the menu flag follows the source (docs/translation.md).
    override_translatable_fields = [
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("show_in_menus", overridable=False),
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "cms/home_page.html"
    search_summary_field = "intro"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def clean_subpage_models(cls):
        # Plugins declare which of their page types live directly under a site's home
        # page (the `home_page_types` hook), so a new plugin needs no change here.
        from cms.plugins import registry

        return registry.home_page_types()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().in_menu().specific()
        return context
