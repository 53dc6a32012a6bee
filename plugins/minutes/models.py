"""Councils, their meetings, and the agenda items of each meeting.

A :class:`CouncilPage` is a council, board or committee: description, members with
their role and period, a secretariat contact and the archive of its meetings. Each
meeting is a :class:`MinutesPage` under it, first published as an agenda and later as
minutes. Agenda items are rows (:class:`AgendaItem`), not StreamField blocks: they are
typed, can be filtered one by one (closed items), prefetched in a fixed number of queries
and exposed through the API as objects.

Closed items: see plugins/minutes/access.py for who may read them and plugins/minutes/
presentation.py for the one place that turns an item into what a reader may see.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from blocks.contact import ContactBlock
from cms.public import OrderedRow, TingstedPage, format_date, localize, plain_text
from plugins.minutes.access import can_see_closed_items
from plugins.minutes.attachments import secure_closed_attachments
from plugins.minutes.choices import Attendance, DocumentStatus, MemberRole, Outcome
from plugins.minutes.forms import MinutesPageForm
from plugins.minutes.panels import AgendaItemsPanel, ItemInlinePanel
from plugins.minutes.presentation import MEETING_CONTEXT_NAMES, meeting_context
from plugins.minutes.serializers import (
    AgendaField,
    AttendanceField,
    CouncilField,
    CouncilLinksField,
    MembersField,
    MembersOrganisationsField,
    MembersPeopleField,
    MinutesOrganisationsField,
    MinutesPeopleField,
    TimeZoneField,
)
from plugins.minutes.structured_data import council_json_ld
from plugins.minutes.validation import minutes_errors
from plugins.people.interface import Person, VenueField

#: Rich text features for item texts: paragraphs, lists and links, nothing decorative.
ITEM_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


# --- Council ------------------------------------------------------------------------------


class CouncilPage(TingstedPage):
    """A council, board or committee, and the archive of its meetings."""

    description = RichTextField(
        _("description"),
        blank=True,
        features=ITEM_TEXT_FEATURES,
        help_text=_("What the council does, whom it advises and how its members are appointed."),
    )
    secretariat = StreamField(
        [("contact", ContactBlock())],
        verbose_name=_("secretariat"),
        blank=True,
        max_num=1,
        help_text=_(
            "How to reach the council's secretariat: department, address, phone, "
            "e-mail and opening hours."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        InlinePanel(
            "members",
            heading=_("Members"),
            label=_("Member"),
            help_text=_("Everyone appointed to the council, with their role and period."),
        ),
        FieldPanel("secretariat"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("description")]
    api_fields = [
        APIField("description"),
        APIField("secretariat"),
        APIField("members", serializer=MembersField(source="*")),
        # What ``members`` point at by id, each once (docs/api.md, "References").
        APIField("people", serializer=MembersPeopleField(source="*")),
        APIField("organisations", serializer=MembersOrganisationsField(source="*")),
        APIField("open_data", serializer=CouncilLinksField(source="*")),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["minutes.MinutesPage"]
    search_summary_field = "description"
    template = "minutes/council_page.html"

    override_translatable_fields = [
        TranslatableField("description"),
        TranslatableField("secretariat"),
    ]

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def meetings(self):
        """Live, public meetings of this council, newest first."""
        return (
            MinutesPage.objects.child_of(self)
            .live()
            .public()
            .select_related("venue")
            .order_by("-start")
        )

    def archive(self, time_zone=None) -> list[tuple[int, list[MinutesPage]]]:
        """The meetings grouped by year (in the site's time zone), newest year first."""
        time_zone = time_zone or timezone.get_current_timezone()
        years: dict[int, list[MinutesPage]] = {}
        for meeting in self.meetings():
            years.setdefault(meeting.start.astimezone(time_zone).year, []).append(meeting)
        return sorted(years.items(), key=lambda pair: pair[0], reverse=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = list(self.members.select_related("person__organisation", "organisation"))
        people = localize(
            [m.person for m in members if m.person] + [m.organisation for m in members]
        )
        for member in members:
            member.shown_person = people.get(member.person)
            member.shown_organisation = people.get(member.organisation)
        context["members"] = members
        context["archive"] = self.archive()
        context["structured_data"] = council_json_ld(self, request)
        return context


class CouncilMember(TranslatableMixin, OrderedRow):
    """A person's seat on a council: role, whom they represent and for how long."""

    page = ParentalKey(
        CouncilPage,
        verbose_name=_("council"),
        on_delete=models.CASCADE,
        related_name="members",
        help_text=_("The council the person has a seat on."),
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose the member from People; add them there first if they are missing."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=MemberRole.choices,
        default=MemberRole.MEMBER,
        help_text=_("The member's role on this council."),
    )
    represents = models.CharField(
        _("represents"),
        max_length=200,
        blank=True,
        help_text=_(
            "The organisation, party or group the member is appointed for, for example "
            "'Employers’ association' or 'Green Party'."
        ),
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisation represented"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: choose the organisation if it is in People and places."),
    )
    period_start = models.DateField(
        _("member from"), null=True, blank=True, help_text=_("First day of the appointment.")
    )
    period_end = models.DateField(
        _("member until"),
        null=True,
        blank=True,
        help_text=_("Last day of the appointment; leave empty if it is open-ended."),
    )

    panels = [
        FieldRowPanel([FieldPanel("person"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("represents"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
    ]

    override_translatable_fields = [
        SynchronizedField("person", overridable=False),
        SynchronizedField("organisation", overridable=False),
        SynchronizedField("role", overridable=False),
        SynchronizedField("period_start", overridable=False),
        SynchronizedField("period_end", overridable=False),
        TranslatableField("represents"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = OrderedRow.Meta.ordering  # this Meta does not inherit it

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"

    def clean(self) -> None:
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {
                    "period_end": _(
                        "The membership cannot end (%(end)s) before it starts (%(start)s)."
                    )
                    % {"end": format_date(self.period_end), "start": format_date(self.period_start)}
                }
            )


# --- Meeting ------------------------------------------------------------------------------


class MinutesPage(TingstedPage):
    """One meeting of a council: its agenda and, after the meeting, its minutes."""

    start = models.DateTimeField(
        _("starts"),
        help_text=_("Date and time the meeting starts, in the site's time zone."),
    )
    end = models.DateTimeField(
        _("ends"),
        null=True,
        blank=True,
        help_text=_("Optional: when the meeting is planned to end."),
    )
    venue = models.ForeignKey(
        "people.Venue",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the meeting is held; add the venue under People and places."),
    )
    room = models.CharField(
        _("room"),
        max_length=120,
        blank=True,
        help_text=_("Optional: the room, for example 'Meeting room 3, 2nd floor'."),
    )
    document_status = models.CharField(
        _("document status"),
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.AGENDA,
        help_text=_(
            "Agenda before the meeting; minutes draft while the minutes are being approved; "
            "minutes approved once every open item has its decision."
        ),
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Optional: a sentence or two about the meeting shown above the agenda."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("room")]),
                FieldPanel("document_status"),
            ],
            heading=_("Meeting"),
        ),
        FieldPanel("introduction"),
        InlinePanel(
            "attendance",
            heading=_("Attendance"),
            label=_("Attendee or absentee"),
            help_text=_("Who attended and who was absent, and whether absentees gave notice."),
        ),
        AgendaItemsPanel("agenda_items", heading=_("Agenda items"), label=_("Agenda item")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        # Only open items: closed items' text must never reach the search index.
        index.SearchField("open_items_text"),
        index.FilterField("start"),
        index.FilterField("document_status"),
    ]
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("time_zone", serializer=TimeZoneField(source="*")),
        APIField("venue", serializer=VenueField()),
        APIField("room"),
        APIField("document_status"),
        APIField("introduction"),
        APIField("council", serializer=CouncilField(source="*")),
        APIField("attendance", serializer=AttendanceField(source="*")),
        # Always the public view: generic page API responses are shared between callers.
        APIField("agenda", serializer=AgendaField(source="*")),
        # Whom ``attendance`` and ``agenda`` point at by id, each once.
        APIField("people", serializer=MinutesPeopleField(source="*")),
        # The organisations ``people`` name by ``organisation_id``, each once.
        APIField("organisations", serializer=MinutesOrganisationsField(source="*")),
    ]

    base_form_class = MinutesPageForm
    parent_page_types = ["minutes.CouncilPage"]
    subpage_types: list[str] = []
    search_summary_field = "introduction"
    template = "minutes/minutes_page.html"

    override_translatable_fields = [
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("venue", overridable=False),
        SynchronizedField("document_status", overridable=False),
        SynchronizedField("attendance", overridable=False),
    ]

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def save_revision(self, *args, **kwargs):
        # Drafts are saved as revisions before anything is published; attachments of closed
        # items must be private from the first save, not from publication.
        secure_closed_attachments(self)
        return super().save_revision(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        problems = minutes_errors(self.document_status, list(self.agenda_items.all()))
        if problems:
            raise ValidationError([message for _index, _field, message in problems])
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("The meeting cannot end before it starts.")})

    @property
    def council(self) -> CouncilPage | None:
        """The meeting's council (its parent) in one query, not two (parent, then specific);
        none when a list fetched it (:func:`preload_minutes`)."""
        if hasattr(self, "_cached_parent_obj"):
            return self._cached_parent_obj.specific
        council = CouncilPage.objects.filter(path=self.path[: -self.steplen]).first()
        if council is not None:
            return council
        parent = self.get_parent()
        return parent.specific if parent else None

    # --- reading the agenda in a fixed number of queries ----------------------------------

    def loaded_items(self) -> list[AgendaItem]:
        """The agenda items with participants and attachments, in three queries.

        A page being previewed holds its items in memory, and a listed page may have them
        fetched with the list (:func:`preload_minutes`); those are used as they are.
        """
        items = self.agenda_items.all()
        if not isinstance(items, QuerySet) or _prefetched(self, "agenda_items"):
            return list(items)
        return list(items.prefetch_related(*_item_prefetches()))

    def loaded_attendance(self) -> list[MinutesAttendance]:
        rows = self.attendance.all()
        if isinstance(rows, QuerySet) and not _prefetched(self, "attendance"):
            rows = rows.select_related("person__organisation")
        return list(rows)

    @staticmethod
    def items_of(pages: list[MinutesPage]) -> dict[int, list[AgendaItem]]:
        """Agenda items of several pages at once (for council exports), keyed by page id."""
        items = AgendaItem.objects.filter(page__in=[page.pk for page in pages]).prefetch_related(
            *_item_prefetches()
        )
        grouped: dict[int, list[AgendaItem]] = defaultdict(list)
        for item in items.order_by("page_id", "sort_order"):
            grouped[item.page_id].append(item)
        return grouped

    @property
    def is_minutes(self) -> bool:
        return self.document_status != DocumentStatus.AGENDA

    @property
    def is_upcoming(self) -> bool:
        return self.start >= timezone.now()

    def open_items_text(self) -> str:
        """The text of open items only, for the search index."""
        parts = []
        for item in self.agenda_items.all():
            if item.is_closed:
                continue
            parts += [
                item.title,
                item.case_number,
                plain_text(item.summary),
                plain_text(item.recommendation),
                plain_text(item.decision_text),
            ]
        return "\n".join(part for part in parts if part)

    def siblings(self) -> tuple[MinutesPage | None, MinutesPage | None]:
        """The previous and next meeting of the same council (live, public)."""
        from api.access import public_pages

        # (The view restrictions public() would query for are remembered per generation.)
        meetings = public_pages(MinutesPage.objects.sibling_of(self, inclusive=False).live())
        previous = meetings.filter(start__lt=self.start).order_by("-start").first()
        following = meetings.filter(start__gt=self.start).order_by("start").first()
        return previous, following

    def serve(self, request, *args, **kwargs):
        from django.utils.cache import patch_cache_control, patch_vary_headers

        response = super().serve(request, *args, **kwargs)
        # A page that shows closed items must never be kept by a shared cache, and the
        # same address answers differently with an API token.
        patch_vary_headers(response, ["Authorization"])
        if can_see_closed_items(request):
            patch_cache_control(response, private=True, no_store=True)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out when the template first reads one of them, not before: for anonymous
        # visitors the page's content and JSON-LD come from fragments kept per content
        # generation (templates/minutes/minutes_page.html), and then nothing asks for them.
        computed = SimpleLazyObject(lambda: meeting_context(self, request))
        context.update({name: _lazy_entry(computed, name) for name in MEETING_CONTEXT_NAMES})
        return context


class MinutesAttendance(OrderedRow):
    """A person present at, or absent from, a meeting."""

    page = ParentalKey(
        MinutesPage,
        verbose_name=_("minutes"),
        on_delete=models.CASCADE,
        related_name="attendance",
        help_text=_("The minutes of the meeting the attendance is recorded for."),
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A council member, secretary or guest (from People)."),
    )
    status = models.CharField(
        _("attendance"),
        max_length=10,
        choices=Attendance.choices,
        default=Attendance.PRESENT,
        help_text=_("Whether the person took part in the meeting or was absent."),
    )
    notice_given = models.BooleanField(
        _("notice given"),
        default=False,
        help_text=_("For absentees: tick if the person sent notice of absence."),
    )

    panels = [
        FieldRowPanel([FieldPanel("person"), FieldPanel("status"), FieldPanel("notice_given")])
    ]

    class Meta(OrderedRow.Meta):
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_status_display()})"

    def clean(self) -> None:
        super().clean()
        if self.notice_given and self.status != Attendance.ABSENT:
            raise ValidationError(
                {"notice_given": _("Only an absent person can have given notice of absence.")}
            )


class AgendaItem(TranslatableMixin, OrderedRow, ClusterableModel):
    """One item on a meeting's agenda, with the recommendation and the decision."""

    page = ParentalKey(
        MinutesPage,
        verbose_name=_("minutes"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
        help_text=_("The minutes this item belongs to."),
    )
    number = models.CharField(
        _("number"),
        max_length=12,
        help_text=_("The item's number on the agenda, for example '4' or '4a'."),
    )
    title = models.CharField(
        _("title"),
        max_length=300,
        help_text=_(
            "A short heading for the item, for example 'Budget 2026'. Shown to the public "
            "even when the item is closed, so keep personal details out of it."
        ),
    )
    is_closed = models.BooleanField(
        _("closed item"),
        default=False,
        help_text=_(
            "Closed items show only their number and title to the public. Their text, "
            "recommendation, decision and attachments are visible only to people allowed "
            "to see closed items. Attachments move to the private collection."
        ),
    )
    case_number = models.CharField(
        _("case number"),
        max_length=60,
        blank=True,
        help_text=_("The administration's case or journal number, if any."),
    )
    summary = RichTextField(
        _("summary and background"),
        blank=True,
        features=ITEM_TEXT_FEATURES,
        help_text=_("What the item is about and why it is on the agenda."),
    )
    recommendation = RichTextField(
        _("recommendation"),
        blank=True,
        features=ITEM_TEXT_FEATURES,
        help_text=_("The administration's recommendation to the council."),
    )
    participants_note = models.TextField(
        _("note on participants"),
        blank=True,
        help_text=_(
            "Optional, translatable: who takes part in this item and why, for example "
            "'The head of the volunteer centre presents the project.'"
        ),
    )
    decision_outcome = models.CharField(
        _("decision"),
        max_length=30,
        choices=Outcome.choices,
        blank=True,
        help_text=_("Leave empty until the meeting has been held."),
    )
    decision_text = RichTextField(
        _("decision text"),
        blank=True,
        features=ITEM_TEXT_FEATURES,
        help_text=_("What the council decided or discussed, in full."),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("is_closed"), FieldPanel("case_number")]),
        FieldPanel("summary"),
        FieldPanel("recommendation"),
        ItemInlinePanel(
            "participants",
            heading=_("Participants for this item"),
            label=_("Participant"),
        ),
        FieldPanel("participants_note"),
        FieldPanel("decision_outcome"),
        FieldPanel("decision_text"),
        ItemInlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
    ]

    override_translatable_fields = [
        SynchronizedField("number", overridable=False),
        # Synchronised and not overridable: a translation can never open a closed item.
        SynchronizedField("is_closed", overridable=False),
        SynchronizedField("case_number", overridable=False),
        SynchronizedField("decision_outcome", overridable=False),
        SynchronizedField("attachments", overridable=False),
        SynchronizedField("participants", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = OrderedRow.Meta.ordering  # this Meta does not inherit it
        permissions = [("view_closed_items", _("Can see closed agenda items"))]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        return "item-" + re.sub(r"[^0-9A-Za-z]+", "-", self.number).strip("-").lower()


class AgendaItemParticipant(OrderedRow):
    """Someone who takes part in one item: a person chosen from People, or a typed name.

    Not translatable itself (a nested translatable row would clash with its source when a
    page is copied); the item's ``participants_note`` carries translatable prose.
    """

    item = ParentalKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="participants",
        help_text=_("The agenda item the person takes part in."),
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Choose a person from People, or type a name below."),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("For guests who are not in People."),
    )
    role = models.CharField(
        _("role for this item"),
        max_length=200,
        blank=True,
        help_text=_("For example 'Chair of the volunteer association'. Copied, not translated."),
    )

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("name"), FieldPanel("role")])]

    class Meta(OrderedRow.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name or str(self.person or "")

    def clean(self) -> None:
        super().clean()
        if not self.person_id and not self.name.strip():
            raise ValidationError({"name": _("Choose a person or type a name.")})


class AgendaItemAttachment(OrderedRow):
    """A document attached to an agenda item ("bilag")."""

    item = ParentalKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="attachments",
        help_text=_("The agenda item the document is attached to."),
    )
    document = models.ForeignKey(
        "cms.TingstedDocument",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The document's own title is shown as the link text."),
    )

    panels = [FieldPanel("document")]

    class Meta(OrderedRow.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return str(self.document)


# --- lists of meetings --------------------------------------------------------------------


def _item_prefetches() -> list[Prefetch]:
    return [
        Prefetch(
            "participants",
            queryset=AgendaItemParticipant.objects.select_related("person__organisation"),
        ),
        Prefetch("attachments", queryset=AgendaItemAttachment.objects.select_related("document")),
    ]


def _prefetched(page: Page, name: str) -> bool:
    return name in getattr(page, "_prefetched_objects_cache", {})


def preload_minutes(pages: list[MinutesPage], preload: Any, fields: set[str] | None) -> None:
    """A preload hook (cms/loading.py): a list's agendas, attendance and councils.

    Each page would fetch its items, participants, attachments, attendance, the people's
    translations and its council (parent) by itself: eight queries a page. Here they are
    fetched for the whole list, as :meth:`MinutesPage.loaded_items`,
    :meth:`~MinutesPage.loaded_attendance` and :attr:`~MinutesPage.council` would.
    """

    def asked(name: str) -> bool:
        return fields is None or name in fields

    pages = [page for page in pages if page.pk and isinstance(page.agenda_items.all(), QuerySet)]
    if not pages:
        return
    people = []
    if asked("agenda"):
        prefetch_related_objects(
            pages,
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.prefetch_related(*_item_prefetches()),
            ),
        )
        people += [
            participant.person_id
            for page in pages
            for item in page.agenda_items.all()
            for participant in item.participants.all()
        ]
    if asked("attendance"):
        prefetch_related_objects(
            pages,
            Prefetch(
                "attendance",
                queryset=MinutesAttendance.objects.select_related("person__organisation"),
            ),
        )
        people += [row.person_id for page in pages for row in page.attendance.all()]
    preload.want(Person, people)
    if asked("council"):
        # treebeard keeps a page's parent here once read: the councils in one query (a
        # meeting's parent is always a council; any other parent is read as before).
        need = [page for page in pages if not hasattr(page, "_cached_parent_obj")]
        paths = {page.path[: -page.steplen] for page in need}
        parents = {
            parent.path: parent
            for parent in CouncilPage.objects.exact_type(CouncilPage).filter(path__in=paths)
        }
        for page in need:
            parent = parents.get(page.path[: -page.steplen])
            if parent is not None:
                page._cached_parent_obj = parent


def _lazy_entry(computed: Any, name: str) -> SimpleLazyObject:
    """``computed[name]``, read when the template first uses it."""
    return SimpleLazyObject(lambda: computed[name])
