"""Factories for the networks plugin: index, network pages, moderators, submissions."""

from decimal import Decimal

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from plugins.networks.models import (
    InterestSubmission,
    NetworkIndexPage,
    NetworkModerator,
    NetworkPage,
)
from tests.factories.people import PersonFactory


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworkIndexPage

    title = factory.Sequence(lambda n: f"Networks {n}")
    intro = "Networks for council leaders."


class NetworkPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworkPage

    title = factory.Sequence(lambda n: f"Network {n}")
    topic = "Inclusion"
    lead = "A forum for people who work with newcomers."
    meetings_per_season = 5
    season_label = "2029/30"
    includes_overnight_meeting = True
    fee_amount = Decimal("18500")
    fee_currency = "DKK"
    fee_vat_note = "ex. VAT"
    fee_includes = "all meetings with catering"
    contact_email = "network@example.org"
    terms_version = "2029-01"


class NetworkModeratorFactory(DjangoModelFactory):
    class Meta:
        model = NetworkModerator

    page = factory.SubFactory(NetworkPageFactory)
    person = factory.SubFactory(PersonFactory)
    quote = "Let the people who know everyday life speak first."
    presentation = "Chairs every meeting."


class InterestSubmissionFactory(DjangoModelFactory):
    class Meta:
        model = InterestSubmission

    network = factory.SubFactory(NetworkPageFactory)
    name = factory.Sequence(lambda n: f"Visitor {n}")
    organisation = "Eksempelby Kommune"
    job_title = "Adviser"
    email = factory.Sequence(lambda n: f"visitor{n}@example.org")
    consent_text = "I accept the terms."
    consent_version = "2029-01"
    language = "da"


#: The interest form's fields, filled in as a visitor with only the required answers would.
INTEREST_FORM = {
    "name": "Tove Lund",
    "organisation": "Åstad kommun",
    "job_title": "Planner",
    "email": "tove@example.org",
    "phone": "",
    "message": "",
    "consent": "on",
    "website": "",
}
