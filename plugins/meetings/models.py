"""Meetings: a network's meetings and stand-alone conferences, with status and programme.

Times are stored as aware datetimes and shown in the site's time zone (cms.sites). A
meeting is *upcoming* ("in the programme") until the end of the local day on which it
ends, in its site's time zone, and *past* from the following midnight; see
:func:`~plugins.meetings.programme.programme_cutoff`.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.fields import typed_property
from blocks.media import AttachmentListBlock
from blocks.text import RICH_TEXT_FEATURES
from cms.public import TingstedPage, TingstedPageForm, format_datetime, site_time_zone
from plugins.meetings.blocks import ProgrammeBlock
from plugins.meetings.calendar import calendar_response
from plugins.meetings.choices import (
    ALWAYS_SHOWN,
    PLAN_CHANGING,
    MeetingKind,
    MeetingStatus,
    StatusDisplay,
)
from plugins.meetings.hosts import host_models, is_host
from plugins.meetings.jsonld import meeting_json_ld
from plugins.meetings.programme import (
    programme_cutoff,
    raw_sessions,
    resolve_meetings,
    session_bounds,
    split_meetings,
)
from plugins.meetings.serializers import (
    MeetingOrganisationsField,
    MeetingOrganiserIdField,
    MeetingPeopleField,
    MeetingVenueIdField,
    MeetingVenuesField,
)
from plugins.people.interface import SpeakerBlock


class MeetingPageForm(TingstedPageForm):
    """Publishing needs a place; a draft may be saved before the venue is known.

    A meeting under a host with a usual venue (a network's ``default_venue``, see
    plugins/meetings/hosts.py) starts with that venue, and takes it when published without
    one: the meeting then names its place like any other, in every channel.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's validation needs the site's time zone before a new page has a path.
        self.instance._validation_parent = self.parent_page
        venue = self._host_venue()
        if venue is not None and not self.instance.pk and "venue" in self.fields:
            self.initial["venue"] = self.initial.get("venue") or venue.pk

    def _host_venue(self):
        parent = getattr(self, "parent_page", None)
        if parent is None or not is_host(parent.specific_class):
            return None
        return getattr(parent.specific, "default_venue", None)

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation and not (
            cleaned_data.get("venue") or cleaned_data.get("online_url")
        ):
            venue = self._host_venue()
            if venue is not None:
                cleaned_data["venue"] = venue
                return cleaned_data
            message = _("Choose a venue or give an online link before publishing the meeting.")
            self.add_error("venue", message)
            self.add_error("online_url", message)
        return cleaned_data


class EventIndexPage(TingstedPage):
    """A list of stand-alone meetings and conferences that belong to no network."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences about the events listed here."),
    )

    content_panels = [*TingstedPage.content_panels, FieldPanel("intro")]
    search_fields = [*TingstedPage.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["meetings.MeetingPage"]
    search_summary_field = "intro"
    template = "meetings/event_index_page.html"

    override_translatable_fields = [TranslatableField("intro")]

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming, past = split_meetings(
            MeetingPage.objects.child_of(self), timezone.get_current_timezone()
        )
        context["upcoming"] = resolve_meetings(upcoming)
        context["past"] = resolve_meetings(past)
        return context


class MeetingPage(RoutablePageMixin, TingstedPage):
    """One meeting of a network, or a stand-alone conference under an event index."""

    sequence_label = models.CharField(
        _("sequence label"),
        max_length=80,
        blank=True,
        help_text=_("Where the meeting sits in the season, for example 'Meeting 3 of 5'."),
    )
    kind = models.CharField(
        _("kind of meeting"),
        max_length=20,
        choices=MeetingKind.choices,
        default=MeetingKind.REGULAR,
        help_text=_("An overnight meeting must end on a later day than it starts."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MeetingStatus.choices,
        default=MeetingStatus.PLANNED,
        help_text=_(
            "Shown prominently on the page, in lists and in calendars. 'Not yet confirmed' is "
            "tentative in calendars; 'Cancelled' removes the meeting from most calendar apps."
        ),
    )
    status_display = models.CharField(
        _("show the status"),
        max_length=20,
        choices=StatusDisplay.choices,
        default=StatusDisplay.WHEN_IT_MATTERS,
        blank=True,  # a form or client that does not say: the default rule
        help_text=_(
            "When visitors see the status on the page and in lists. By default only 'Not yet "
            "confirmed', 'Postponed' and 'Cancelled' are shown; 'Planned' and 'Confirmed' "
            "tell a visitor nothing new. Postponed and cancelled meetings always say so."
        ),
    )
    status_note = models.CharField(
        _("status note"),
        max_length=250,
        blank=True,
        help_text=_("Optional: why the meeting was postponed or cancelled, or what is pending."),
    )
    start = models.DateTimeField(_("starts"), help_text=_("Date and time in the site's time zone."))
    end = models.DateTimeField(_("ends"), help_text=_("Date and time in the site's time zone."))
    previous_start = models.DateTimeField(
        _("originally planned start"),
        null=True,
        blank=True,
        help_text=_("Only for postponed meetings: when the meeting was first planned to start."),
    )
    venue = models.ForeignKey(
        "people.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the meeting takes place. Needed to publish, unless it is online."),
    )
    room = models.CharField(
        _("room"), max_length=120, blank=True, help_text=_("Optional, for example 'Room 2.14'.")
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("For webinars and hybrid meetings: the address participants join."),
    )
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the meeting is about; shown on the page and in the network's programme."),
    )
    speakers = StreamField(
        [("speaker", SpeakerBlock())],
        verbose_name=_("speakers"),
        blank=True,
        help_text=_(
            "Who speaks at the meeting as a whole: people from the register, or typed in. "
            "Enough for a one-part meeting; a programme is then not needed."
        ),
    )
    programme = StreamField(
        ProgrammeBlock(),
        verbose_name=_("programme"),
        blank=True,
        help_text=_(
            "The sessions in order. Each must lie within the meeting's start and end; for "
            "meetings over several days give each session its day."
        ),
    )
    signup_label = models.CharField(
        _("sign-up button text"),
        max_length=80,
        blank=True,
        help_text=_("For example 'Sign up for the meeting'. Leave empty for no button."),
    )
    signup_url = models.URLField(
        _("sign-up address"), blank=True, help_text=_("Where the sign-up button leads.")
    )
    signup_deadline = models.DateField(
        _("sign-up deadline"), null=True, blank=True, help_text=_("Optional last day to sign up.")
    )
    organiser = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Who organises the event. Leave empty for a network's meeting: the network's "
            "organiser is used."
        ),
    )
    attachments = StreamField(
        [("attachments", AttachmentListBlock())],
        verbose_name=_("attachments"),
        blank=True,
        max_num=1,
        help_text=_("Agenda, slides or background papers to download."),
    )
    #: Bumped on every publish (see apps.py); iCalendar's SEQUENCE. Kept out of revisions.
    calendar_sequence = models.PositiveIntegerField(
        _("calendar revision"),
        default=0,
        editable=False,
        help_text=_(
            "Counts the published changes, so calendars that subscribed to the meeting update it."
        ),
    )

    content_panels = [
        *TingstedPage.content_panels,
        FieldPanel("sequence_label"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status"), FieldPanel("status_display")]),
        FieldPanel("status_note"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("previous_start"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("room"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("description"),
        FieldPanel("speakers"),
        FieldPanel("programme"),
        MultiFieldPanel(
            [FieldPanel("signup_label"), FieldPanel("signup_url"), FieldPanel("signup_deadline")],
            heading=_("Sign-up"),
        ),
        FieldPanel("attachments"),
        FieldPanel("organiser"),
    ]
    base_form_class = MeetingPageForm

    search_fields = [
        *TingstedPage.search_fields,
        index.SearchField("description"),
        index.SearchField("sequence_label"),
        index.FilterField("status"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    api_fields = [
        APIField("sequence_label"),
        APIField("kind"),
        APIField("kind_label", serializer=typed_property(str)),
        APIField("status"),
        APIField("status_label", serializer=typed_property(str)),
        APIField("status_note"),
        APIField("shows_status", serializer=typed_property(bool)),
        APIField("start"),
        APIField("end"),
        APIField("previous_start"),
        APIField("venue_id", serializer=MeetingVenueIdField()),
        APIField("room"),
        APIField("online_url"),
        APIField("description"),
        APIField("speakers"),
        APIField("programme"),
        APIField("signup_label"),
        APIField("signup_url"),
        APIField("signup_deadline"),
        APIField("attachments"),
        APIField("organiser_id", serializer=MeetingOrganiserIdField()),
        APIField("calendar_url", serializer=typed_property(str | None)),
        APIField("people", serializer=MeetingPeopleField()),
        APIField("venues", serializer=MeetingVenuesField()),
        APIField("organisations", serializer=MeetingOrganisationsField()),
    ]
    override_translatable_fields = [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("status_display", overridable=False),
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("previous_start", overridable=False),
        SynchronizedField("venue", overridable=False),
        SynchronizedField("organiser", overridable=False),
        SynchronizedField("online_url", overridable=False),
        SynchronizedField("signup_url", overridable=False),
        SynchronizedField("signup_deadline", overridable=False),
        TranslatableField("sequence_label"),
        TranslatableField("status_note"),
        TranslatableField("room"),
        TranslatableField("description"),
        TranslatableField("speakers"),
        TranslatableField("programme"),
        TranslatableField("signup_label"),
        TranslatableField("attachments"),
    ]

    # And every page type of another plugin that takes the meeting host role (a network):
    # see clean_parent_page_models and plugins/meetings/hosts.py.
    parent_page_types = ["meetings.EventIndexPage"]
    subpage_types: list[str] = []
    search_summary_field = "description"
    template = "meetings/meeting_page.html"

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    # --- labels and relations -------------------------------------------------------------

    @property
    def shows_status(self) -> bool:
        """Whether the site shows the status (the editor's choice, see StatusDisplay)."""
        if self.status in ALWAYS_SHOWN or self.status_display == StatusDisplay.ALWAYS:
            return True
        if self.status_display == StatusDisplay.ONLY_CANCELLED_OR_POSTPONED:
            return False
        return self.status in PLAN_CHANGING

    @property
    def status_label(self) -> str:
        return str(MeetingStatus(self.status).label)

    @property
    def kind_label(self) -> str:
        return str(MeetingKind(self.kind).label)

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @classmethod
    def clean_parent_page_models(cls):
        # The meeting hosts (networks) first, then the event index, as editors see them.
        return [*host_models(), *super().clean_parent_page_models()]

    @cached_property
    def network(self):
        """The meeting host page (a network) the meeting belongs to, or None for a
        stand-alone event under an event index."""
        parent = self.get_parent()
        if parent is None or not is_host(parent.specific_class):
            return None
        return parent.specific

    @property
    def effective_organiser(self):
        """The event's own organiser, else its network's (translations resolved on use)."""
        if self.organiser_id:
            return self.organiser
        # A meeting host need not have an organiser (plugins/meetings/hosts.py).
        return getattr(self.network, "organiser", None)

    @property
    def calendar_url(self) -> str | None:
        # Wagtail's page URLs allow no dot, so the feed is <page>/ical/, not calendar.ics.
        url = self.get_url()
        return f"{url}ical/" if url else None

    def time_zone(self) -> ZoneInfo:
        site = None
        if self.path:
            site = self.get_site()
        elif getattr(self, "_validation_parent", None) is not None:
            site = self._validation_parent.get_site()
        return site_time_zone(site)

    # --- validation -----------------------------------------------------------------------

    def clean(self) -> None:
        super().clean()
        if self.is_deferred_validation:
            # A draft may be between two related changes (the start moved, the end not
            # yet): these rules hold for what is published and submitted for review.
            return
        errors: dict[str, ValidationError | list] = {}
        if self.start and self.end:
            if self.end <= self.start:
                errors["end"] = ValidationError(_("The meeting must end after it starts."))
            else:
                zone = self.time_zone()
                start_day = timezone.localtime(self.start, zone).date()
                end_day = timezone.localtime(self.end, zone).date()
                if self.kind == MeetingKind.OVERNIGHT and end_day <= start_day:
                    errors["end"] = ValidationError(
                        _("An overnight meeting must end on a later day than it starts.")
                    )
                session_errors = self._session_errors(zone)
                if session_errors:
                    errors["programme"] = StreamBlockValidationError(block_errors=session_errors)
        if self.status == MeetingStatus.POSTPONED and self.previous_start is None:
            errors["previous_start"] = ValidationError(
                _("Give the originally planned start of a postponed meeting.")
            )
        if errors:
            raise ValidationError(errors)

    def _session_errors(self, zone: ZoneInfo) -> dict[int, StructBlockValidationError]:
        errors = {}
        # As the editor's language writes them, in the meeting's zone (the site's).
        with timezone.override(zone):
            bounds = {"start": format_datetime(self.start), "end": format_datetime(self.end)}
        for position, raw in enumerate(raw_sessions(self)):
            start, end = session_bounds(raw, self.start, zone)
            if start is None or end is None:
                continue
            if start < self.start or end > self.end:
                field = "day" if raw.get("day") else "start_time"
                errors[position] = StructBlockValidationError(
                    block_errors={
                        field: ValidationError(
                            _(
                                "This session lies outside the meeting's time "
                                "(%(start)s to %(end)s)."
                            )
                            % bounds
                        )
                    }
                )
        return errors

    # --- revisions ------------------------------------------------------------------------

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        # The publish counter belongs to the live row, not to what an editor saved.
        obj.calendar_sequence = self.calendar_sequence
        return obj

    # --- serving --------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resolve_meetings([self])
        context["structured_data"] = meeting_json_ld(self, request)
        context["network"] = self.network
        return context

    @path("")
    def meeting(self, request):
        return self.render(request)

    @path("ical/", name="calendar")
    def calendar(self, request):
        return calendar_response([self], request, name=self.title, filename=f"{self.slug}.ics")


def upcoming_meetings(site: Site, locale: Locale, now=None):
    """Live, public meetings of ``site`` in ``locale`` that are not past, soonest first."""
    home = site.root_page.get_translation_or_none(locale)
    if home is None:
        return MeetingPage.objects.none()
    return (
        MeetingPage.objects.live()
        .public()
        .descendant_of(home)
        .filter(end__gte=programme_cutoff(site_time_zone(site), now))
        .order_by("start")
    )


def count_publish(sender, instance, **kwargs) -> None:
    """``page_published`` receiver: the next iCalendar SEQUENCE of a meeting."""
    if isinstance(instance, MeetingPage):
        MeetingPage.objects.filter(pk=instance.pk).update(
            calendar_sequence=F("calendar_sequence") + 1
        )
        instance.calendar_sequence += 1
