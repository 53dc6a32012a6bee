"""A person's party or group abbreviation (issue 17): after the name, never in it."""

from __future__ import annotations

import pytest

from plugins.people.jsonld import person_of
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def test_structured_data_names_the_person_and_their_party_apart():
    row = PersonFactory(name="Ingrid Solberg", affiliation="KrF", role="Ordfører")
    data = person_of(row)
    assert data["name"] == "Ingrid Solberg"
    assert data["memberOf"] == {"@type": "Organization", "alternateName": "KrF"}
    assert str(row) == "Ingrid Solberg (KrF) (Ordfører)"
    assert "memberOf" not in person_of(PersonFactory(name="Ane Berg"))
