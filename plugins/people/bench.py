"""The people plugin's share of the benchmark dataset (the contract's ``bench_data`` hook).

No pages: the snippets every other plugin's pages choose from, in every locale, built in
bulk before any page (``make bench``, docs/benchmarks.md). Nothing of the harness is
imported here: it hands over its :class:`cms.public.BenchContext`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wagtail.images import get_image_model

from plugins.people.models import Organisation, Person, Venue, VenueRoom

if TYPE_CHECKING:
    from cms.public import BenchContext

PEOPLE_PER_LOCALE = 24
ORGANISATIONS_PER_LOCALE = 6
VENUES_PER_LOCALE = 6


def build(context: BenchContext) -> None:
    """Organisations, people and venues with rooms in every locale, translations linked."""
    if Person.objects.filter(email__endswith="@bench.example.org").exists():
        return
    Image = get_image_model()
    organisations, people, venues = [], [], []
    for language, locale in context.locales.items():
        for number in range(ORGANISATIONS_PER_LOCALE):
            organisations.append(
                Organisation(
                    locale=locale,
                    translation_key=context.translation_key("organisation", number),
                    name=f"{context.text.title(language, 3)} {number + 1}",
                    short_name=f"O{number + 1}",
                    website="https://example.org/",
                    description=context.text.sentence(language, words=16),
                    logo_id=context.pick(Image, None),
                )
            )
    Organisation.objects.bulk_create(organisations)
    by_locale: dict[int, list[Organisation]] = {}
    for organisation in organisations:
        by_locale.setdefault(organisation.locale_id, []).append(organisation)
    for language, locale in context.locales.items():
        for number in range(PEOPLE_PER_LOCALE):
            people.append(
                Person(
                    locale=locale,
                    translation_key=context.translation_key("person", number),
                    name=context.text.name(),
                    role=context.text.title(language, 2),
                    organisation=by_locale[locale.pk][number % ORGANISATIONS_PER_LOCALE],
                    photo_id=context.pick(Image, None),
                    bio=context.text.paragraph(language, sentences=3)[:1500],
                    email=f"person{number + 1}@bench.example.org",
                    is_external=number % 3 == 0,
                )
            )
        for number in range(VENUES_PER_LOCALE):
            venues.append(
                Venue(
                    locale=locale,
                    translation_key=context.translation_key("venue", number),
                    name=f"{context.text.title(language, 2)} {number + 1}",
                    street_address=f"Torvet {number + 1}",
                    postal_code=f"{1000 + number}",
                    city=context.text.title(language, 1),
                    country=["DK", "SE", "NO"][number % 3],
                    access_notes=context.text.sentence(language, words=14),
                )
            )
    Person.objects.bulk_create(people)
    Venue.objects.bulk_create(venues)
    VenueRoom.objects.bulk_create(
        VenueRoom(venue=venue, name=f"Room {room}", sort_order=room, capacity=20 * room)
        for venue in venues
        for room in (1, 2)
    )
    for model in (Organisation, Person, Venue):
        context.forget_pool(model)
