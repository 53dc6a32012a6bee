"""The translation status (screen, CSV, spreadsheet, API) lists only pages the user may see.

Listed: pages the user may edit, pages with a translation the user may edit (a
translator's own locale), and live public pages. Not listed: private (view-restricted) and
never-published pages that are not the user's to edit or translate.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from cms.i18n.localize import translate
from tests.factories.translation import api_token, child_page

pytestmark = pytest.mark.django_db

URL = "/admin/translation-status/"


@pytest.fixture
def pages(home):
    public = child_page(home("da"), title="Offentlig side", intro="Alle må se den.")
    private = child_page(home("da"), title="Hemmelig bestyrelse", intro="Kun for medlemmer.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = child_page(home("da"), title="Kladde fusion", intro="Ikke offentliggjort.")
    draft.unpublish()
    translated_private = child_page(home("da"), title="Lukket oversat", intro="Tekst.")
    PageViewRestriction.objects.create(
        page=translated_private, restriction_type=PageViewRestriction.LOGIN
    )
    translate(translated_private, "sv", title="Stängd översatt", intro="Text.")
    formula = child_page(home("da"), title='=HYPERLINK("http://evil.example","x")', intro="")
    return {
        "public": public,
        "private": private,
        "draft": draft,
        "translated_private": translated_private,
        "formula": formula,
    }


def test_translator_sees_public_pages_and_their_own_translations_only(pages, user_in, client):
    client.force_login(user_in("translators-sv"))
    for query in ({}, {"export": "csv"}):
        text = client.get(URL, query, HTTP_HOST="localhost").content.decode()
        assert "Offentlig side" in text
        assert "Lukket oversat" in text  # they translate it (Swedish translation exists)
        assert "Hemmelig bestyrelse" not in text
        assert "Kladde fusion" not in text
    response = client.get(URL, {"export": "xlsx"}, HTTP_HOST="localhost")
    titles = [
        row[0]
        for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    ]
    assert "Offentlig side" in titles
    assert "Hemmelig bestyrelse" not in titles and "Kladde fusion" not in titles


def test_a_translator_of_another_locale_does_not_see_the_private_translated_page(
    pages, user_in, client
):
    client.force_login(user_in("translators-nb"))
    text = client.get(URL, {"export": "csv"}, HTTP_HOST="localhost").content.decode()
    assert "Offentlig side" in text
    assert "Lukket oversat" not in text


def test_editor_of_the_site_sees_every_page_of_it(pages, user_in, client):
    client.force_login(user_in("editors-dk.localhost"))
    text = client.get(URL, {"export": "csv"}, HTTP_HOST="localhost").content.decode()
    for title in ("Offentlig side", "Hemmelig bestyrelse", "Kladde fusion"):
        assert title in text


def test_api_answers_404_for_a_page_the_translator_may_not_see(pages, user_in, client):
    token = api_token(user_in("translators-sv"))
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}", "HTTP_HOST": "localhost"}
    for name in ("private", "draft"):
        response = client.get(f"/api/v3/translations/pages/{pages[name].pk}/", **headers)
        assert response.status_code == 404, name
        assert "Hemmelig" not in response.content.decode()
        assert "Kladde" not in response.content.decode()
    response = client.get(f"/api/v3/translations/pages/{pages['public'].pk}/", **headers)
    assert response.status_code == 200
    assert response.json()["title"] == "Offentlig side"


def test_api_gives_the_editor_their_private_page(pages, user_in, client):
    token = api_token(user_in("editors-dk.localhost"))
    response = client.get(
        f"/api/v3/translations/pages/{pages['private'].pk}/",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_HOST="localhost",
    )
    assert response.status_code == 200
    assert response.json()["title"] == "Hemmelig bestyrelse"


def test_exports_never_write_a_title_as_a_formula(pages, admin_client):
    csv_text = admin_client.get(URL, {"export": "csv"}, HTTP_HOST="localhost").content.decode()
    assert '"\'=HYPERLINK(""http://evil.example"",""x"")"' in csv_text
    assert '\n"=HYPERLINK' not in csv_text and not csv_text.startswith("=")
    response = admin_client.get(URL, {"export": "xlsx"}, HTTP_HOST="localhost")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [row[0] for row in sheet.iter_rows() if str(row[0].value).startswith("=HYPERLINK")]
    assert cells and all(cell.data_type == "s" for cell in cells)
