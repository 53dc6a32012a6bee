"""What other plugins may use of the people plugin, and nothing else.

People, organisations and venues are the register every other plugin chooses from (a
meeting's speakers and venue, a post's authors, a council's members). A plugin that
depends on them declares ``requires = ["people"]`` and imports from this module only; the
independence contract in ``.importlinter`` checks it, so the people plugin may reorganise
everything else freely.
"""

from __future__ import annotations

from plugins.people.api import (
    OrganisationData,
    OrganisationField,
    PersonData,
    PersonEntryData,
    PersonField,
    PersonRoleData,
    ReferencedOrganisations,
    ReferencedPeople,
    ReferencedVenues,
    VenueData,
    VenueField,
    organisation_data,
    person_data,
    referenced_organisations,
    referenced_people,
    referenced_people_organisations,
    referenced_rows,
    serialise,
    venue_data,
)
from plugins.people.blocks import SpeakerBlock, SpeakerData
from plugins.people.jsonld import organization, person, person_of, place
from plugins.people.models import (
    Organisation,
    Person,
    Venue,
    VenueRoom,
    further_roles_label,
)

__all__ = [
    "Organisation",
    "OrganisationData",
    "OrganisationField",
    "Person",
    "PersonData",
    "PersonEntryData",
    "PersonField",
    "PersonRoleData",
    "ReferencedOrganisations",
    "ReferencedPeople",
    "ReferencedVenues",
    "SpeakerBlock",
    "SpeakerData",
    "Venue",
    "VenueData",
    "VenueField",
    "VenueRoom",
    "demo_people",
    "further_roles_label",
    "organisation_data",
    "organization",
    "person",
    "person_data",
    "person_of",
    "place",
    "referenced_organisations",
    "referenced_people",
    "referenced_people_organisations",
    "referenced_rows",
    "serialise",
    "venue_data",
]


def demo_people() -> dict:
    """The demo register's people by key, for other plugins' demo content."""
    from plugins.people.demo_content import DEMO_PEOPLE

    return DEMO_PEOPLE
