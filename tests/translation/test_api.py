"""/api/v3/translations/: status for token holders with the permission, sync with the other."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from cms.i18n.localize import translate
from tests.factories.auth import UserFactory
from tests.factories.translation import api_token, child_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home):
    page = child_page(home("da"), title="Høring", intro="Høringen slutter i maj.")
    translate(page, "sv", title="Remiss", intro="Remissen slutar i maj.")
    return page


def _get(client, path, token):
    return client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_HOST="localhost")


def test_status_needs_a_token_and_the_permission(client, page, user_in):
    url = f"/api/v3/translations/pages/{page.pk}/"
    assert client.get(url, HTTP_HOST="localhost").status_code == 401
    outsider = UserFactory(username="outsider")
    assert _get(client, url, api_token(outsider)).status_code == 403


def test_status_lists_every_locale(client, page, user_in):
    token = api_token(user_in("editors-dk.localhost"))
    response = _get(client, f"/api/v3/translations/pages/{page.pk}/", token)
    assert response.status_code == 200
    states = {item["locale"]: item["state"] for item in response.json()["translations"]}
    assert states == {"da": "source", "sv": "up_to_date", "nb": "missing", "en": "missing"}


def test_asking_about_a_translation_answers_for_its_source(client, page, user_in):
    swedish = Page.objects.get(translation_key=page.translation_key, locale__language_code="sv")
    token = api_token(user_in("editors-dk.localhost"))
    response = _get(client, f"/api/v3/translations/pages/{swedish.pk}/", token)
    assert response.json()["id"] == page.pk


def test_sync_needs_the_sync_permission(client, page, user_in):
    url = f"/api/v3/translations/pages/{page.pk}/sync/"
    translator = api_token(user_in("translators-sv"))
    response = client.post(
        url,
        data={},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {translator}",
        HTTP_HOST="localhost",
    )
    assert response.status_code == 403


def _change_source(page) -> Page:
    page = Page.objects.get(pk=page.pk).specific
    page.intro = "Høringen slutter i juni."
    page.save_revision().publish()
    return page


def _sync(client, page, token):
    return client.post(
        f"/api/v3/translations/pages/{page.pk}/sync/",
        data={"publish": True},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_HOST="localhost",
    )


def test_editor_sync_sends_translations_to_review(client, page, user_in):
    page = Page.objects.get(pk=page.pk).specific
    page.save_revision().publish()  # republished, no text changed: nothing to translate
    response = _sync(client, page, api_token(user_in("editors-dk.localhost")))
    assert response.status_code == 200, response.content
    assert response.json()["locales"][0]["outcome"] == "draft for review"
    swedish = {item["locale"]: item for item in response.json()["status"]["translations"]}["sv"]
    assert swedish["in_review"] is True
    assert swedish["state"] == "awaiting_review"


def test_editor_sync_leaves_unfinished_translations_to_their_translator(client, page, user_in):
    """Changed text: the translation is saved as a draft (never published) and waits for
    its translator, who submits it for review when it is done."""
    page = _change_source(page)
    response = _sync(client, page, api_token(user_in("editors-dk.localhost")))
    assert response.status_code == 200, response.content
    [swedish_sync] = response.json()["locales"]
    assert swedish_sync["outcome"] == "draft"
    assert swedish_sync["untranslated"] == ["Høringen slutter i juni."]
    swedish = {item["locale"]: item for item in response.json()["status"]["translations"]}["sv"]
    assert swedish["in_review"] is False
    assert swedish["state"] == "outdated"


def test_an_editor_of_another_site_may_not_sync_this_sites_page(client, page, user_in):
    """The sync permission alone is not enough: the caller must be able to edit the source."""
    page = _change_source(page)
    swedish = page.get_translations().get(locale__language_code="sv")
    before = swedish.latest_revision_id
    response = _sync(client, page, api_token(user_in("editors-se.localhost")))
    assert response.status_code == 403
    swedish.refresh_from_db()
    assert swedish.latest_revision_id == before


def test_sync_updates_translations_after_the_source_changed(client, page, user_in):
    page = _change_source(page)
    token = api_token(user_in("reviewers"))
    before = _get(client, f"/api/v3/translations/pages/{page.pk}/", token).json()
    assert {item["locale"]: item["state"] for item in before["translations"]}["sv"] == "outdated"

    response = _sync(client, page, token)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["locales"] == [
        {"locale": "sv", "outcome": "published", "untranslated": ["Høringen slutter i juni."]}
    ]
    swedish = {item["locale"]: item for item in body["status"]["translations"]}["sv"]
    # Published with the new sentence untranslated: live, but not the current text.
    assert swedish["state"] == "outdated"
    assert swedish["percent"] == 66


def test_sync_of_an_untranslated_page_is_a_clear_409(client, home, user_in):
    page = child_page(home("da"), title="Ny side")
    token = api_token(user_in("editors-dk.localhost"))
    response = client.post(
        f"/api/v3/translations/pages/{page.pk}/sync/",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_HOST="localhost",
    )
    assert response.status_code == 409
    assert "Translate this page" in response.content.decode()
