"""Link blocks: call to action."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from blocks.representation import PageLinkData, absolute, page_link_data


class CallToActionData(BaseModel):
    label: str
    text: str
    #: The chosen page's URL, or the address typed in.
    url: str | None
    page: PageLinkData | None


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Button text"),
        max_length=80,
        help_text=_("Say what happens, for example 'Sign up for the meeting'."),
    )
    page = blocks.PageChooserBlock(
        label=_("Page"), required=False, help_text=_("A page on this site. Or give an address.")
    )
    url = blocks.URLBlock(
        label=_("Address"),
        required=False,
        help_text=_("A web address, used when no page is chosen."),
    )
    text = blocks.CharBlock(
        label=_("Supporting text"),
        required=False,
        max_length=250,
        help_text=_("An optional sentence shown before the button."),
    )

    def clean(self, value):
        value = super().clean(value)
        # A button just added to a draft has no target yet; publishing needs exactly one.
        if bool(value["page"]) == bool(value["url"]) and not self.is_deferred_validation:
            message = _("Choose a page or give an address, not both.")
            if not value["page"] and not value["url"]:
                message = _("Choose a page or give an address for the button.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    @staticmethod
    def href(value, request=None) -> str:
        if value["page"]:
            # The chooser gives a plain Page; only the specific class (TingstedPage) knows
            # the language prefixes of the page's own site.
            return value["page"].specific_deferred.get_url(request=request) or ""
        return value["url"] or ""

    def get_api_representation(self, value, context=None):
        super().get_api_representation(value, context)
        page = page_link_data(value["page"], context) if value["page"] else None
        return {
            "label": value["label"],
            "text": value["text"] or "",
            "url": page["url"] if page else absolute(value["url"], context),
            "page": page,
        }

    def get_api_schema(self) -> type:
        return CallToActionData

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
        preview_value = {
            "label": "Sign up",
            "page": None,
            "url": "https://example.org/sign-up",
            "text": "Places are limited.",
        }
        description = _("A button that leads to a page or address.")
