"""Networks: a policy network's page with moderators, membership terms and interest form.

A network's meetings are its child pages (plugins.meetings.MeetingPage); this module reads
them through that declared model and nothing else of the meetings plugin's internals.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.fields import typed_property
from blocks.stream import BodyStreamBlock
from blocks.text import RICH_TEXT_FEATURES
from cms.public import OrderedRow, TingstedPage
from plugins.networks.blocks import NoticeStreamBlock
from plugins.networks.choices import Currency
from plugins.networks.schemas import InterestFormData, MembershipData, ModeratorData

# The interest form's submissions have a module of their own, which the form imports without
# the page types; imported here so the app registers the model.
from plugins.networks.submissions import InterestSubmission  # noqa: F401
from plugins.people.interface import OrganisationField, PersonField, VenueField


class NetworkIndexPage(TingstedPage):
    """The list of a site's networks."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences about the networks and who they are for."),
    )

    content_panels = [*TingstedPage.content_panels, FieldPanel("intro")]
    search_fields = [*TingstedPage.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["networks.NetworkPage"]
    search_summary_field = "intro"
    template = "networks/network_index_page.html"

    override_translatable_fields = [TranslatableField("intro")]

    class Meta:
        verbose_name = _("network index page")
        verbose_name_plural = _("network index pages")

    def get_context(self, request, *args, **kwargs):
        from plugins.meetings.interface import MeetingPage, programme_cutoff

        context = super().get_context(request, *args, **kwargs)
        networks = list(NetworkPage.objects.child_of(self).live().public().order_by("title"))
        # The next meeting of every network in one query, matched by tree path.
        cutoff = programme_cutoff(timezone.get_current_timezone())
        upcoming = (
            MeetingPage.objects.descendant_of(self)
            .live()
            .public()
            .filter(end__gte=cutoff)
            .order_by("start")
        )
        next_meeting: dict[str, MeetingPage] = {}
        for meeting in upcoming:
            next_meeting.setdefault(meeting.path[: -MeetingPage.steplen], meeting)
        for network in networks:
            network.next_meeting = next_meeting.get(network.path)
        context["networks"] = networks
        return context


class NetworkPage(RoutablePageMixin, TingstedPage):
    """A policy network: who it is for, who leads it, what it costs, and its meetings."""

    topic = models.CharField(
        _("topic"),
        max_length=120,
        blank=True,
        help_text=_("The policy area in a word or two, for example 'Integration'."),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("Two or three sentences on what the network is and whom it brings together."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("More about the network: its themes, how meetings work, quotes."),
    )

    # Membership terms
    meetings_per_season = models.PositiveSmallIntegerField(
        _("meetings per season"),
        null=True,
        blank=True,
        help_text=_("How many meetings a membership covers, for example 5."),
    )
    season_label = models.CharField(
        _("season"), max_length=40, blank=True, help_text=_("For example '2025/26'.")
    )
    includes_overnight_meeting = models.BooleanField(
        _("overnight meeting included"),
        default=False,
        help_text=_("Tick if one of the season's meetings is an overnight (two-day) meeting."),
    )
    fee_amount = models.DecimalField(
        _("fee"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), message=_("The fee cannot be negative."))],
        help_text=_("The membership fee per season, as a number: for example 19995."),
    )
    fee_currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=Currency.choices,
        default=Currency.DKK,
        help_text=_("The currency the fee is given in."),
    )
    fee_vat_note = models.CharField(
        _("VAT note"),
        max_length=60,
        blank=True,
        help_text=_("Shown after the fee, for example 'ex. VAT' or 'ex. moms'."),
    )
    fee_includes = models.CharField(
        _("the fee includes"),
        max_length=250,
        blank=True,
        help_text=_("For example 'all meetings including full catering'."),
    )
    membership_text = RichTextField(
        _("more about membership"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Anything else about the terms: how members are selected, cancellation."),
    )

    default_venue = models.ForeignKey(
        "people.Venue",
        verbose_name=_("usual venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the network usually meets; new meetings can choose it too."),
    )
    contact_person = models.ForeignKey(
        "people.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Whom visitors can ask about the network."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_(
            "Receives the interest form's submissions. Falls back to the contact person's."
        ),
    )

    show_programme_notice = models.BooleanField(
        _("programme subject to change"),
        default=True,
        help_text=_("Show a notice that the programme may change."),
    )
    programme_notice = models.CharField(
        _("programme notice text"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty for the standard sentence 'The programme may change.'"),
    )
    notices = StreamField(
        NoticeStreamBlock(),
        verbose_name=_("notices"),
        blank=True,
        help_text=_("Short notices for participants, for example health or practical ones."),
    )

    organiser = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation behind the network, shown in 'About the organiser'."),
    )
    about_organiser = RichTextField(
        _("about the organiser"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Leave empty to use the organisation's own description."),
    )

    interest_enabled = models.BooleanField(
        _("show the interest form"),
        default=True,
        help_text=_("Lets visitors ask to be contacted about membership."),
    )
    membership_heading = models.CharField(
        _("membership heading"),
        max_length=120,
        blank=True,
        help_text=_("The heading above the membership terms. Leave empty for 'Membership'."),
    )
    practical_heading = models.CharField(
        _("practical heading"),
        max_length=120,
        blank=True,
        help_text=_(
            "The heading above venue, contact and notices. Leave empty for 'Practical information'."
        ),
    )
    organiser_heading = models.CharField(
        _("organiser heading"),
        max_length=120,
        blank=True,
        help_text=_("The heading above the organiser. Leave empty for 'About the organiser'."),
    )
    interest_heading = models.CharField(
        _("form heading"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for 'Interested?'."),
    )
    interest_intro = RichTextField(
        _("form introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What happens after someone fills in the form."),
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("terms page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page with the terms visitors accept; linked beside the consent box."),
    )
    terms_version = models.CharField(
        _("terms version"),
        max_length=40,
        blank=True,
        help_text=_(
            "Stored with each submission, for example '2025-01'. Change it when the terms change."
        ),
    )
    consent_text = models.CharField(
        _("consent text"),
        max_length=300,
        blank=True,
        help_text=_(
            "The sentence beside the checkbox. Leave empty for 'I accept the terms and agree "
            "to be contacted about the network.'"
        ),
    )

    content_panels = [
        *TingstedPage.content_panels,
        FieldPanel("topic"),
        FieldPanel("lead"),
        FieldPanel("body"),
        InlinePanel(
            "moderators",
            # A context of its own: the page template has "Moderator" with a plural.
            label=pgettext_lazy("one moderator in the page editor", "Moderator"),
            heading=_("Moderators"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("meetings_per_season"), FieldPanel("season_label")]),
                FieldPanel("includes_overnight_meeting"),
                FieldRowPanel(
                    [
                        FieldPanel("fee_amount"),
                        FieldPanel("fee_currency"),
                        FieldPanel("fee_vat_note"),
                    ]
                ),
                FieldPanel("fee_includes"),
                FieldPanel("membership_text"),
                FieldPanel("membership_heading"),
            ],
            heading=_("Membership terms"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("default_venue"),
                FieldPanel("contact_person"),
                FieldPanel("contact_email"),
                FieldPanel("show_programme_notice"),
                FieldPanel("programme_notice"),
                FieldPanel("practical_heading"),
            ],
            heading=_("Practical"),
        ),
        FieldPanel("notices"),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("about_organiser"),
                FieldPanel("organiser_heading"),
            ],
            heading=_("About the organiser"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("interest_enabled"),
                FieldPanel("interest_heading"),
                FieldPanel("interest_intro"),
                PageChooserPanel("terms_page"),
                FieldPanel("terms_version"),
                FieldPanel("consent_text"),
            ],
            heading=_("Interest form"),
        ),
    ]
    search_fields = [
        *TingstedPage.search_fields,
        index.SearchField("topic"),
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("topic"),
        APIField("lead"),
        APIField("body"),
        APIField("moderators_data", serializer=typed_property(list[ModeratorData])),
        APIField("membership", serializer=typed_property(MembershipData)),
        APIField("default_venue", serializer=VenueField()),
        APIField("contact_person", serializer=PersonField()),
        APIField("contact_email"),
        APIField("programme_notice_text", serializer=typed_property(str)),
        APIField("notices"),
        APIField("organiser", serializer=OrganisationField()),
        APIField("about_organiser"),
        # The page's own wording of its section headings; empty: the site's default.
        APIField("membership_heading"),
        APIField("practical_heading"),
        APIField("organiser_heading"),
        APIField("interest_form", serializer=typed_property(InterestFormData)),
        APIField("calendar_url", serializer=typed_property(str | None)),
        APIField("programme_api_url", serializer=typed_property(str | None)),
    ]
    override_translatable_fields = [
        SynchronizedField("meetings_per_season", overridable=False),
        SynchronizedField("includes_overnight_meeting", overridable=False),
        SynchronizedField("fee_amount", overridable=False),
        SynchronizedField("fee_currency", overridable=False),
        SynchronizedField("default_venue", overridable=False),
        SynchronizedField("contact_person", overridable=False),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("show_programme_notice", overridable=False),
        SynchronizedField("organiser", overridable=False),
        SynchronizedField("interest_enabled", overridable=False),
        SynchronizedField("terms_page", overridable=False),
        SynchronizedField("terms_version", overridable=False),
        TranslatableField("topic"),
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("season_label"),
        TranslatableField("fee_vat_note"),
        TranslatableField("fee_includes"),
        TranslatableField("membership_text"),
        TranslatableField("programme_notice"),
        TranslatableField("notices"),
        TranslatableField("about_organiser"),
        TranslatableField("membership_heading"),
        TranslatableField("practical_heading"),
        TranslatableField("organiser_heading"),
        TranslatableField("interest_heading"),
        TranslatableField("interest_intro"),
        TranslatableField("consent_text"),
    ]

    parent_page_types = ["networks.NetworkIndexPage"]
    subpage_types = ["meetings.MeetingPage"]
    # The meetings plugin's meeting host role (plugins/meetings/interface.py): editors add
    # meetings under a network, and they show it as their network and organiser.
    meeting_host = True
    search_summary_field = "lead"
    template = "networks/network_page.html"

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    # --- what templates and the API show --------------------------------------------------

    @property
    def programme_notice_text(self) -> str:
        if not self.show_programme_notice:
            return ""
        return self.programme_notice or str(_("The programme may change."))

    @property
    def default_consent_text(self) -> str:
        return self.consent_text or str(
            _("I accept the terms and agree to be contacted about the network.")
        )

    @property
    def recipient_email(self) -> str:
        if self.contact_email:
            return self.contact_email
        person = self.contact_person
        return person.email if person is not None else ""

    @property
    def membership(self) -> dict:
        return {
            "meetings_per_season": self.meetings_per_season,
            "season_label": self.season_label,
            "includes_overnight_meeting": self.includes_overnight_meeting,
            "fee": {
                "amount": str(self.fee_amount) if self.fee_amount is not None else None,
                "currency": self.fee_currency,
                "vat_note": self.fee_vat_note,
            },
            "fee_includes": self.fee_includes,
            "text": self.membership_text,
        }

    @property
    def moderators_data(self) -> list[dict]:
        from plugins.people.interface import person_data

        return [
            {
                "person": person_data(moderator.person),
                "quote": moderator.quote,
                "presentation": moderator.presentation,
            }
            for moderator in self.moderators.select_related("person")
        ]

    @property
    def interest_form(self) -> dict:
        terms = self.terms_page.localized if self.terms_page_id else None
        return {
            "enabled": self.interest_enabled,
            "heading": self.interest_heading,
            "intro": self.interest_intro,
            "consent_text": self.default_consent_text,
            "terms_version": self.terms_version,
            "terms_url": terms.get_full_url() if terms else None,
            "action_url": self.get_full_url(),
            "fields": ["name", "organisation", "job_title", "email", "phone", "message", "consent"],
        }

    @property
    def calendar_url(self) -> str | None:
        # Wagtail's page URLs allow no dot, so the feed is <page>/ical/, not calendar.ics.
        url = self.get_url()
        return f"{url}ical/" if url else None

    @property
    def programme_api_url(self) -> str | None:
        # WAGTAILAPI_BASE_URL is unset by default: then the API answers on the network's
        # own site, as its other links do (None while the page is on no site).
        base = settings.WAGTAILAPI_BASE_URL
        if not base:
            site = self.get_site()
            if site is None:
                return None
            base = site.root_url
        return f"{base.rstrip('/')}/api/v3/networks/{self.pk}/programme/"

    # --- serving --------------------------------------------------------------------------

    def meetings(self):
        from plugins.meetings.interface import MeetingPage

        return MeetingPage.objects.child_of(self)

    @path("")
    def network(self, request):
        from plugins.networks.views import interest_view

        return interest_view(self, request)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        from plugins.networks.views import interest_view

        return interest_view(self, request, sent=True)

    @path("ical/", name="calendar")
    def calendar(self, request):
        from plugins.meetings.interface import calendar_response

        meetings = self.meetings().live().public().order_by("start")
        return calendar_response(meetings, request, name=self.title, filename=f"{self.slug}.ics")


class NetworkModerator(OrderedRow):
    """A moderator of the network, with a quote and a short presentation."""

    page = ParentalKey(
        NetworkPage,
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="moderators",
        help_text=_("The network this person moderates."),
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose the moderator from the people register."),
    )
    quote = models.TextField(
        _("quote"),
        blank=True,
        max_length=400,
        help_text=_("A sentence in the moderator's own words, shown as a quote."),
    )
    presentation = models.TextField(
        _("presentation"),
        blank=True,
        max_length=1500,
        help_text=_("A short presentation of the moderator's role in the network."),
    )

    panels = [FieldPanel("person"), FieldPanel("quote"), FieldPanel("presentation")]
    api_fields = [
        APIField("person", serializer=PersonField()),
        APIField("quote"),
        APIField("presentation"),
    ]
    override_translatable_fields = [
        SynchronizedField("person", overridable=False),
        TranslatableField("quote"),
        TranslatableField("presentation"),
    ]

    class Meta(OrderedRow.Meta):
        verbose_name = _("moderator")
        verbose_name_plural = _("moderators")
