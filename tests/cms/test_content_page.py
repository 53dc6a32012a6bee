"""The core's generic page of text (terms, privacy, about): a plugin's form links to one,
so every site can have one under its home page (issue 17: the consent box linked nothing)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(home):
    page = ContentPage(
        title="Vilkår",
        slug="vilkaar",
        intro="Det accepterer du.",
        body=[("text", "<p>Vi sletter dine oplysninger efter et år.</p>")],
    )
    home("da").add_child(instance=page)
    page.save_revision().publish()
    return page


def test_an_editor_adds_a_content_page_under_a_home_page(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=("cms", "contentpage", home("da").pk))
    assert admin_client.get(url).status_code == 200


def test_a_content_page_renders_its_text(host_client, terms):
    response = host_client.get("da", terms.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<h1 id="page-title">Vilkår</h1>' in body
    assert "Det accepterer du." in body and "efter et år" in body
    assert '"BreadcrumbList"' in body


def test_the_api_gives_a_content_pages_text(client, terms):
    data = client.get(f"/api/v3/pages/{terms.pk}/", HTTP_HOST="dk.localhost").json()
    assert data["intro"] == "Det accepterer du."
    assert data["body"][0]["type"] == "text"
