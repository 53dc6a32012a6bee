"""Text blocks: heading, rich text, quote and fact box."""

from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel
from wagtail import blocks

from blocks.representation import rich_text_html
from cms.i18n.names import ProperNameBlock

#: The rich-text features editors get in body text. Kept small on purpose: structure
#: (headings) has its own block, and presentation (colours, alignment) is the front end's.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Heading"), max_length=200, help_text=_("A short heading for the next section.")
    )
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Section heading")),
            ("h3", _("Sub-heading")),
            ("h4", _("Minor heading")),
        ],
        default="h2",
        help_text=_("Section headings start a new part of the page; sub-headings go under them."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        preview_value = {"text": _("What the network works on"), "level": "h2"}
        description = _("A heading that starts a section of the page.")


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs.setdefault("label", _("Text"))
        kwargs.setdefault(
            "help_text", _("Paragraphs, lists and links. Use the heading block for headings.")
        )
        super().__init__(**kwargs)

    def get_api_representation(self, value, context=None):
        # The base class returns database HTML with <a linktype="page" id="3">: useless
        # to a consumer. Expand it and make every internal URL absolute.
        super().get_api_representation(value, context)
        return rich_text_html(value.source if value else "", context)

    def get_api_schema(self) -> type:
        return str

    class Meta:
        icon = "pilcrow"
        template = "blocks/rich_text.html"
        preview_value = (
            "<p>The network meets five times a season to compare notes on local policy.</p>"
        )
        description = _("Formatted text with lists and links.")


class QuoteData(BaseModel):
    text: str
    name: str
    role: str
    organisation: str


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("Quote"), help_text=_("The quoted words, without quotation marks.")
    )
    # Names are the same in every language: never offered for translation (cms/i18n/names.py).
    name = ProperNameBlock(label=_("Name"), help_text=_("Who said it."))
    role = blocks.CharBlock(
        label=_("Role"), required=False, help_text=_("Their title or role, for example 'Mayor'.")
    )
    organisation = ProperNameBlock(
        label=_("Organisation"),
        required=False,
        help_text=_("The organisation they speak for, if any."),
    )

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        return {key: data.get(key) or "" for key in ("text", "name", "role", "organisation")}

    def get_api_schema(self) -> type:
        return QuoteData

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        preview_value = {
            "text": "Good decisions start with people who listen to each other.",
            "name": "Sigrid Holm",
            "role": "Chair",
            "organisation": "Nordic Towns Forum",
        }
        description = _("A quotation with the speaker's name, role and organisation.")


class FactBoxData(BaseModel):
    title: str
    items: list[str]


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=120, help_text=_("For example 'Key facts' or 'On the agenda'.")
    )
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Fact"), max_length=300),
        label=_("Facts"),
        min_num=1,
        help_text=_("One short fact per line; they are shown as a bulleted list."),
    )

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        return {"title": data["title"], "items": list(data["items"])}

    def get_api_schema(self) -> type:
        return FactBoxData

    class Meta:
        icon = "list-ul"
        label = _("Fact box")
        template = "blocks/fact_box.html"
        preview_value = {
            "title": "On the agenda",
            "items": ["Housing for newcomers", "Local climate plans", "Youth participation"],
        }
        description = _("A boxed title with a short bulleted list of facts.")
