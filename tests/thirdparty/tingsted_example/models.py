from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from cms.public import TingstedPage


class ExamplePage(TingstedPage):
    summary = models.CharField(_("summary"), max_length=200, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    api_fields = [APIField("summary")]
    override_translatable_fields = [TranslatableField("summary")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    template = "tingsted_example/example_page.html"
    # The text under the page in site search results (the search_summary convention).
    search_summary_field = "summary"

    class Meta:
        verbose_name = _("example page")


class ExampleNote(models.Model):
    """A tiny snippet: the example of ``snippet_models``."""

    text = models.CharField(_("text"), max_length=200)

    api_fields = [APIField("text")]
    panels = [FieldPanel("text")]

    class Meta:
        verbose_name = _("example note")

    def __str__(self) -> str:
        return self.text
