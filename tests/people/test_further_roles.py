"""A person may hold more than one role, at more than one organisation (issue 17): shown
after the main role on pages, typed in the API's person data, and in JSON-LD."""

from __future__ import annotations

from unittest import mock

import pytest
from django.urls import reverse

from cms.i18n.localize import translate
from plugins.people.jsonld import person_of
from plugins.people.models import Person
from tests.factories.meetings import MeetingPageFactory, local, speakers
from tests.factories.networks import (
    NetworkIndexPageFactory,
    NetworkModeratorFactory,
    NetworkPageFactory,
)
from tests.factories.people import OrganisationFactory, PersonFactory
from tests.meetings.test_structured_data import json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def mayor():
    """The mayor of a town who chairs an association besides."""
    return PersonFactory(
        name="Ole Dam",
        affiliation="KrF",
        role="Mayor",
        organisation=OrganisationFactory(name="Town A"),
        further_roles=[("role", {"role": "Chair", "organisation": "Association B"})],
    )


@pytest.fixture
def meeting(home, mayor):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    NetworkModeratorFactory(page=network, person=mayor, quote="")
    return MeetingPageFactory(
        parent=network,
        start=local(2030, 3, 4, 9, 0),
        end=local(2030, 3, 4, 12, 0),
        speakers=speakers(people=[mayor]),
        programme=[],
    )


def test_pages_show_further_roles_after_the_main_one(host_client, meeting):
    body = host_client.get("da", meeting.get_url()).content.decode()
    assert "Mayor</span>, <span" in body and "Town A" in body
    assert '· <span class="speaker-further-roles">Chair, Association B</span>' in body
    network = host_client.get("da", meeting.get_parent().get_url()).content.decode()
    assert "Ole Dam (KrF)</strong>, <span" in network
    assert '· <span class="moderator-further-roles">Chair, Association B</span>' in network


def test_json_ld_gives_every_title_and_organisation(host_client, meeting):
    (data,) = json_ld(host_client.get("da", meeting.get_url()).content.decode())
    (performer,) = data["performer"]
    assert performer["jobTitle"] == ["Mayor", "Chair"]
    assert performer["affiliation"] == [
        {"@type": "Organization", "name": "Town A"},
        {"@type": "Organization", "name": "Association B"},
    ]
    assert performer["memberOf"] == {"@type": "Organization", "alternateName": "KrF"}
    # A person with one role keeps single values.
    single = person_of(PersonFactory(role="Researcher", organisation=None))
    assert single["jobTitle"] == "Researcher" and "affiliation" not in single


def test_the_api_types_further_roles_in_the_person_data(client, meeting, mayor):
    with mock.patch("django.utils.timezone.now", return_value=local(2030, 2, 1, 12)):
        data = client.get("/api/v3/meetings/upcoming/", HTTP_HOST="dk.localhost").json()
    person = data["people"][str(mayor.pk)]
    assert person["role"] == "Mayor"
    assert data["organisations"][str(person["organisation_id"])]["name"] == "Town A"
    assert person["further_roles"] == [{"role": "Chair", "organisation": "Association B"}]
    detail = client.get(f"/api/v3/pages/{meeting.pk}/", HTTP_HOST="dk.localhost").json()
    embedded = detail["people"][str(detail["speakers"][0]["value"]["person_id"])]
    assert [role["role"] for role in embedded["further_roles"]] == ["Chair"]


def test_further_roles_are_translated(locales, mayor):
    translated, _changed = translate(
        mayor,
        "sv",
        role="Kommunstyrelsens ordförande",
        further_roles=[("role", {"role": "Ordförande", "organisation": "Förening B"})],
    )
    translated = Person.objects.get(pk=translated.pk)
    assert translated.locale.language_code == "sv"
    assert translated.further_roles_label == "Ordförande, Förening B"
    assert Person.objects.get(pk=mayor.pk).further_roles_label == "Chair, Association B"


def test_a_list_of_people_costs_no_query_for_their_further_roles(mayor, django_assert_num_queries):
    person = Person.objects.get(pk=mayor.pk)
    with django_assert_num_queries(0):
        assert person.further_role_pairs == [("Chair", "Association B")]


def test_editors_add_further_roles_in_the_person_form(admin_client, locales):
    url = reverse("wagtailsnippets_people_person:add")
    body = admin_client.get(url).content.decode()
    assert "further_roles" in body and "Further role" in body
