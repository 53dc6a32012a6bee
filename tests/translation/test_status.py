"""The translation status overview: every state, its fixing link, filters, exports, queries."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.i18n.localize import translate
from cms.models import HomePage
from plugins.translation import status
from tests.factories import indexed_once
from tests.factories.translation import child_page

pytestmark = pytest.mark.django_db

URL = "/admin/translation-status/"


@pytest.fixture
@indexed_once
def pages(home):
    """Two Danish source pages whose translations are in every state."""
    plan = child_page(home("da"), title="Mødeplan", intro="Møder i foråret.")
    translate(plan, "sv", title="Mötesplan", intro="Möten under våren.")
    translate(plan, "en", title="Meeting plan", intro="Meetings in the spring.")
    # The English translator has not done the introduction yet.
    StringTranslation.objects.filter(
        locale__language_code="en", data="Meetings in the spring."
    ).delete()

    news = child_page(home("da"), title="Nyheder", intro="Seneste nyt.")
    translate(news, "sv", title="Nyheter", intro="Senaste nytt.")
    news.intro = "Seneste nyt fra netværket."
    news.save_revision().publish()

    # Never published in Swedish: visitors see no Swedish page while it is translated.
    draft = child_page(home("da"), title="Høring", intro="Høringen slutter i maj.")
    swedish, _changed = translate(draft, "sv", title="Remiss", intro="Remissen slutar i maj.")
    Page.objects.get(pk=swedish.pk).specific.unpublish()
    StringTranslation.objects.filter(
        locale__language_code="sv", data="Remissen slutar i maj."
    ).delete()
    return {"plan": plan, "news": news, "draft": draft}


def _cells(page):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.filter(is_superuser=True).first()
    admin = admin or get_user_model().objects.create_superuser("status-admin", password="x")
    return status.page_status(page, admin)


def test_every_state_with_its_fixing_action(pages):
    plan = _cells(pages["plan"])
    assert plan["da"].state == status.SOURCE
    assert plan["sv"].state == status.UP_TO_DATE
    assert plan["sv"].label == "Live and up to date"
    # Live, with the introduction not translated: visitors see the older translation.
    assert plan["en"].state == status.OUTDATED
    assert plan["en"].percent == 66  # title and slug done, introduction not
    assert plan["en"].label == "Live but outdated (66 %)"
    assert plan["nb"].state == status.MISSING
    assert plan["nb"].url == f"/admin/localize/submit/page/{pages['plan'].pk}/"
    assert plan["en"].url == f"/admin/pages/{plan['en'].target_id}/edit/"

    news = _cells(pages["news"])
    source = TranslationSource.objects.get_for_instance(pages["news"])
    assert news["sv"].state == status.OUTDATED
    assert news["sv"].url == f"/admin/localize/update/{source.pk}/"

    draft = _cells(pages["draft"])
    assert draft["sv"].state == status.IN_PROGRESS
    assert draft["sv"].label == "Translation in progress (66 %)"
    assert draft["sv"].url == f"/admin/pages/{draft['sv'].target_id}/edit/"


def test_overview_shows_states_and_filters_by_state_and_locale(pages, admin_client):
    response = admin_client.get(URL, {"state": "outdated"}, HTTP_HOST="localhost")
    assert response.status_code == 200
    titles = [row.title for row in response.context["rows"]]
    assert titles == ["Mødeplan", "Nyheder"]

    response = admin_client.get(
        URL, {"locale": "sv", "state": "in_progress"}, HTTP_HOST="localhost"
    )
    assert [row.title for row in response.context["rows"]] == ["Høring"]
    assert "Translation in progress (66 %)" in response.content.decode()


def test_overview_filters_by_site(pages, admin_client, sites):
    response = admin_client.get(URL, {"site": sites["sv"].pk}, HTTP_HOST="localhost")
    titles = [row.title for row in response.context["rows"]]
    assert "Mødeplan" not in titles
    assert titles == [sites["sv"].root_page.title]


def test_csv_and_spreadsheet_exports(pages, admin_client):
    csv_text = admin_client.get(URL, {"export": "csv"}, HTTP_HOST="localhost").content.decode()
    assert "Mødeplan" in csv_text and "Live but outdated (66 %)" in csv_text
    assert "Translation in progress (66 %)" in csv_text and "Missing" in csv_text

    response = admin_client.get(URL, {"export": "xlsx"}, HTTP_HOST="localhost")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Title", "Type", "Site", "Source locale")
    assert any(row[0] == "Nyheder" and "Live but outdated" in row for row in rows)


def test_overview_needs_the_permission(user_in, client):
    translator = user_in("translators-sv")
    editor = user_in("editors-dk.localhost")
    client.force_login(editor)
    assert client.get(URL, HTTP_HOST="localhost").status_code == 200
    nobody = type(translator).objects.create_user("nobody", password="x-long-password")
    client.force_login(nobody)
    assert client.get(URL, HTTP_HOST="localhost").status_code in (302, 403)


def _many_pages(parent, count: int) -> None:
    now = timezone.now()
    for number in range(count):
        page = HomePage(
            title=f"Side {number}", slug=f"side-{number}", live=True, last_published_at=now
        )
        parent.add_child(instance=page)


def test_query_count_does_not_grow_with_the_number_of_pages(
    pages, admin_client, home, django_assert_max_num_queries
):
    # Warm up per-process caches (content types, locales) so both runs count the same.
    admin_client.get(URL, {"export": "csv"}, HTTP_HOST="localhost")
    with django_assert_max_num_queries(40) as few:
        admin_client.get(URL, {"export": "csv"}, HTTP_HOST="localhost")
    # Counted now: every request clears Django's query log, which captured_queries reads.
    few_count = len(few.captured_queries)
    _many_pages(home("da"), 60)
    for number in range(0, 60, 20):
        translate(HomePage.objects.get(slug=f"side-{number}"), "nb")
    # The changes above moved the content generation: warm again (the site lookup).
    admin_client.get(URL, {"export": "csv"}, HTTP_HOST="localhost")
    with django_assert_max_num_queries(few_count) as many:
        response = admin_client.get(URL, {"export": "csv"}, HTTP_HOST="localhost")
    assert response.content.decode().count("Side ") == 60
    assert len(many.captured_queries) == few_count
    # The paginated HTML view is bounded the same way.
    with django_assert_max_num_queries(40):
        admin_client.get(URL, {"p": "3"}, HTTP_HOST="localhost")
