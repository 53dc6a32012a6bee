"""Builds the people plugin's demo: organisations, people and venues, in every language.

The content is data in plugins/people/demo_content.py; this module turns it into
snippets with the demo context's helpers (docs/plugins.md, "Demo content"). Other
plugins' demo builders find these rows by name (``context.find(Person, language,
name=...)``).
"""

from __future__ import annotations

from cms.public import DemoContext
from plugins.people.demo_content import DEMO_PEOPLE, ORGANISATIONS, VENUES
from plugins.people.models import Organisation, Person, Venue, VenueRoom


def _further_roles(spec, language: str) -> list:
    """A demo person's further roles in ``language``: the role, and the organisation's
    name as that language writes it."""
    return [
        ("role", {"role": role[language], "organisation": ORGANISATIONS[key].name[language]})
        for key, role in spec.further_roles
    ]


def build(context: DemoContext) -> None:
    organisations = {}
    for key, spec in ORGANISATIONS.items():
        source = context.add_snippet(
            Organisation(
                locale=context.locale(spec.language),
                name=spec.name[spec.language],
                website=spec.website,
            )
        )
        organisations[key] = source
        context.translate_all(source, {"name": spec.name})

    for key, spec in DEMO_PEOPLE.items():
        organisation = organisations.get(spec.organisation)
        source = context.add_snippet(
            Person(
                locale=context.locale(spec.language),
                name=spec.name,
                affiliation=spec.affiliation,
                role=spec.role[spec.language],
                bio=spec.bio[spec.language],
                organisation=organisation,
                is_external=spec.external,
                photo=context.image(
                    f"Portrait: {spec.name}",
                    alt=f"Portrait of {spec.name}",
                    credit="Illustration: Tingsted demo",
                    size=(600, 600),
                ),
                email="" if spec.external else f"{key}@example.org",
                further_roles=_further_roles(spec, spec.language),
            )
        )
        context.translate_all(
            source,
            lambda language, spec=spec, organisation=source.organisation: {
                **context.localized({"role": spec.role, "bio": spec.bio}, language),
                "organisation": organisation and context.in_language(organisation, language),
                "further_roles": _further_roles(spec, language),
            },
        )

    for spec in VENUES.values():
        source = context.add_snippet(
            Venue(
                locale=context.locale(spec.language),
                name=spec.name,
                street_address=spec.street_address,
                postal_code=spec.postal_code,
                city=spec.city,
                country=spec.country,
                latitude=spec.latitude,
                longitude=spec.longitude,
                access_notes=spec.access_notes[spec.language],
                rooms=[
                    VenueRoom(name=name, floor=floor, capacity=capacity)
                    for name, floor, capacity in spec.rooms
                ],
            )
        )
        context.translate_all(source, {"access_notes": spec.access_notes})
