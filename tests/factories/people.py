"""Factories for the people plugin's snippets."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from plugins.people.models import Organisation, Person, Venue, VenueRoom


def _locale(language: str = "da") -> Locale:
    return Locale.objects.get(language_code=language)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    locale = factory.LazyFunction(_locale)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    website = "https://org.example.org"
    description = "An organisation that brings councils together."


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    locale = factory.LazyFunction(_locale)
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Researcher"
    organisation = factory.SubFactory(OrganisationFactory, locale=factory.SelfAttribute("..locale"))
    bio = "Works on local democracy."


class VenueFactory(DjangoModelFactory):
    class Meta:
        model = Venue

    locale = factory.LazyFunction(_locale)
    name = factory.Sequence(lambda n: f"Venue {n}")
    street_address = "Kajgade 4"
    postal_code = "1000"
    city = "Eksempelby"
    country = "DK"
    latitude = "55.676100"
    longitude = "12.568300"


class VenueRoomFactory(DjangoModelFactory):
    class Meta:
        model = VenueRoom

    venue = factory.SubFactory(VenueFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    capacity = 20


def translated(row, locale, **fields):
    """A translation of a snippet (a person, an organisation) in ``locale``, as
    wagtail-localize makes it, with ``fields`` changed."""
    copy = row.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy
