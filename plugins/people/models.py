"""People and places: the snippets every other plugin chooses from.

Each carries text an editor may want in another language (a role, a bio, access notes),
so each is translatable with wagtail-localize. Pages choose the row in their own locale;
templates and the API show ``.localized``, so a translation that is missing falls back to
the source instead of disappearing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.public import OrderedRow
from plugins.people.choices import COUNTRIES
from plugins.people.roles import PersonRoleBlock


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The organisation's full name as it presents itself."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("An abbreviation used in lists, for example 'NTF'. Optional."),
    )
    logo = models.ForeignKey(
        "cms.TingstedImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown next to the organisation's name where there is room."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The organisation's own website, starting https://.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("A sentence or two about the organisation, for 'about the organiser' boxes."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.FilterField("locale_id"),
        # A searched list may be ordered by name, then id (the API's tiebreaker).
        index.FilterField("name"),
        index.FilterField("id"),
    ]
    api_fields = [APIField("name"), APIField("short_name"), APIField("website")]

    # What a translator writes and what follows the source (docs/translation.md).
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("description"),
        SynchronizedField("logo", overridable=False),
        SynchronizedField("website", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200, help_text=_("First name and surname."))
    affiliation = models.CharField(
        _("affiliation"),
        max_length=20,
        blank=True,
        help_text=_(
            "A party or group abbreviation shown in brackets after the name, for example "
            "'S', 'V' or 'KrF'. Type it without brackets, and keep it out of the name."
        ),
    )
    role = models.CharField(
        _("role or title"),
        max_length=200,
        blank=True,
        help_text=_("For example 'Head of Integration' or 'Mayor'."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_("Where the person works or whom they represent."),
    )
    # In the person's row, not a table of its own: lists of people (a programme's speakers)
    # show them without another query (the API lists' query budgets, docs/benchmarks.md).
    further_roles = StreamField(
        [("role", PersonRoleBlock())],
        verbose_name=_("further roles"),
        blank=True,
        help_text=_("Other roles the person holds, each at its organisation. Optional."),
    )
    photo = models.ForeignKey(
        "cms.TingstedImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait; the person must have agreed to its use."),
    )
    bio = models.TextField(
        _("short biography"),
        blank=True,
        max_length=1500,
        help_text=_("Two to four sentences in the third person."),
    )
    email = models.EmailField(
        _("public e-mail"),
        blank=True,
        help_text=_("Only if the person wants it shown on the site. Leave empty otherwise."),
    )
    is_external = models.BooleanField(
        _("external contributor"),
        default=False,
        help_text=_("Tick for guest authors and speakers who do not belong to your organisation."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("affiliation")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        FieldPanel("further_roles"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("email"),
        FieldPanel("is_external"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("locale_id"),
        # A searched list may be ordered by name, then id (the API's tiebreaker).
        index.FilterField("name"),
        index.FilterField("id"),
        index.FilterField("is_external"),
        index.FilterField("organisation_id"),
    ]
    api_fields = [
        APIField("name"),
        APIField("affiliation"),
        APIField("role"),
        APIField("bio"),
        APIField("email"),
        APIField("is_external"),
    ]

    # What a translator writes and what follows the source (docs/translation.md).
    override_translatable_fields = [
        SynchronizedField("name", overridable=False),
        SynchronizedField("affiliation", overridable=False),
        TranslatableField("role"),
        TranslatableField("bio"),
        TranslatableField("organisation"),
        TranslatableField("further_roles"),
        SynchronizedField("photo", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("is_external", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.role})" if self.role else self.display_name

    @property
    def display_name(self) -> str:
        """The name as pages show it: with the affiliation after it, "Anna Berg (S)"."""
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name

    @property
    def further_role_pairs(self) -> list[tuple[str, str]]:
        """(role, organisation name) of each further role, in the editor's order.

        Read from the stream's stored data: no query, whatever the number of people."""
        return [
            (value.get("role") or "", value.get("organisation") or "")
            for child in self.further_roles.raw_data
            if child.get("type") == "role" and (value := child.get("value") or {})
        ]

    @property
    def further_roles_label(self) -> str:
        """The further roles as pages show them after the primary one:
        "Chair, Association B · Board member, Fund C"."""
        return further_roles_label(self.further_role_pairs)


def further_roles_label(pairs) -> str:
    """ "Chair, Association B · Board member, Fund C" for (role, organisation) pairs."""
    return " · ".join(", ".join(part for part in pair if part) for pair in pairs if any(pair))


class Venue(TranslatableMixin, index.Indexed, ClusterableModel):
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The venue's name, for example 'Harbour House'.")
    )
    street_address = models.CharField(
        _("street address"), max_length=200, help_text=_("Street and number.")
    )
    postal_code = models.CharField(
        _("postal code"), max_length=20, help_text=_("For example '8000' or '111 52'.")
    )
    city = models.CharField(
        _("city"),
        max_length=100,
        help_text=_("The town or city as it is written in this language, for example 'Aarhus'."),
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=COUNTRIES,
        default="DK",
        help_text=_("The country the venue is in. Used in the address and for maps."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Optional, for maps: for example 55.676098."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Optional, for maps: for example 12.568337."),
    )
    map_url = models.URLField(
        _("map link"), blank=True, help_text=_("A link to the venue on a map service. Optional.")
    )
    access_notes = models.TextField(
        _("access notes"),
        blank=True,
        help_text=_("Step-free access, public transport, parking, where to find the entrance."),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("country"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("map_url"),
            ],
            heading=_("Map"),
        ),
        FieldPanel("access_notes"),
        InlinePanel("rooms", label=_("Rooms"), heading=_("Rooms")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("city"),
        index.SearchField("street_address"),
        index.FilterField("locale_id"),
        # A searched list may be ordered by name, then id (the API's tiebreaker).
        index.FilterField("name"),
        index.FilterField("id"),
        index.FilterField("country"),
        index.FilterField("city"),
    ]
    api_fields = [
        APIField("name"),
        APIField("street_address"),
        APIField("postal_code"),
        APIField("city"),
        APIField("country"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("map_url"),
        APIField("access_notes"),
    ]

    # What a translator writes and what follows the source (docs/translation.md).
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("city"),
        TranslatableField("access_notes"),
        SynchronizedField("street_address", overridable=False),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("map_url", overridable=False),
        SynchronizedField("rooms", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    def clean(self) -> None:
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})

    @property
    def address_lines(self) -> list[str]:
        return [self.street_address, f"{self.postal_code} {self.city}".strip()]


class VenueRoom(OrderedRow):
    venue = ParentalKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.CASCADE,
        related_name="rooms",
        help_text=_("The venue this room is in."),
    )
    name = models.CharField(_("room"), max_length=120, help_text=_("For example 'Room 2.14'."))
    floor = models.CharField(
        _("floor"),
        max_length=40,
        blank=True,
        help_text=_("For example 'Ground floor' or '2nd floor'. Optional."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats, if known.")
    )

    panels = [FieldPanel("name"), FieldPanel("floor"), FieldPanel("capacity")]

    class Meta(OrderedRow.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self) -> str:
        return self.name
