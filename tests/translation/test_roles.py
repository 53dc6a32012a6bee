"""Roles: a translator reaches only their own locale, in the admin and in the API."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, WorkflowPage
from wagtail_localize.views import edit_translation

from plugins.people.models import Person
from plugins.translation.models import TranslatorGroup
from plugins.translation.roles import setup_roles
from tests.factories.translation import api_token

pytestmark = pytest.mark.django_db


def test_setup_roles_creates_groups_per_site_and_locale_and_is_idempotent(roles, sites, locales):
    names = set(Group.objects.values_list("name", flat=True))
    assert {f"editors-{site.hostname}" for site in sites.values()} <= names
    assert {f"translators-{code}" for code in locales} <= names
    assert "reviewers" in names
    assert TranslatorGroup.objects.get(group__name="translators-sv").locale == locales["sv"]

    again = setup_roles(log=lambda message: None)
    assert again.created == []


def test_setup_roles_command_prints_demo_logins_once(db, capsys):
    call_command("setup_roles", "--demo-users")
    first = capsys.readouterr().out
    assert "Login created: translator-sv / " in first
    call_command("setup_roles", "--demo-users")
    second = capsys.readouterr().out
    assert "nothing changed" in second
    assert "Login created" not in second


def test_translators_get_only_translated_trees_of_their_locale(roles, home):
    translators = Group.objects.get(name="translators-sv")
    pages = {
        permission.page.id for permission in GroupPagePermission.objects.filter(group=translators)
    }
    assert pages == {home("da", "sv").id, home("nb", "sv").id, home("en", "sv").id}


def test_workflows_are_assigned_to_source_and_translated_trees(roles, home):
    assert WorkflowPage.objects.get(page=home("da")).workflow.name == "Editorial review"
    assert WorkflowPage.objects.get(page=home("da", "sv")).workflow.name == "Translation review"


@pytest.fixture
def swedish_translator(user_in):
    return user_in("translators-sv", username="translator-sv")


def _edit_url(page) -> str:
    return f"/admin/pages/{page.id}/edit/"


def test_swedish_translator_edits_swedish_translation_only_in_admin(
    swedish_translator, client, home
):
    client.force_login(swedish_translator)
    assert client.get(_edit_url(home("da", "sv")), HTTP_HOST="localhost").status_code == 200
    for page in (home("da"), home("da", "nb")):
        response = client.get(_edit_url(page), HTTP_HOST="localhost")
        assert response.status_code in (302, 403), page
        assert page.permissions_for_user(swedish_translator).can_edit() is False


def test_swedish_translator_cannot_post_to_danish_source(swedish_translator, client, home):
    source = home("da")
    client.force_login(swedish_translator)
    client.post(
        _edit_url(source),
        {"title": "Overskrevet", "slug": source.slug, "intro": "x"},
        HTTP_HOST="localhost",
    )
    source.refresh_from_db()
    assert source.title != "Overskrevet"
    assert source.get_latest_revision().content["title"] != "Overskrevet"


@pytest.fixture
def people(locales):
    danish = Person.objects.create(name="Inger Vang", role="Formand", locale=locales["da"])
    swedish = danish.copy_for_translation(locales["sv"])
    swedish.role = "Ordförande"
    swedish.save()
    norwegian = danish.copy_for_translation(locales["nb"])
    norwegian.role = "Leder"
    norwegian.save()
    return {"da": danish, "sv": swedish, "nb": norwegian}


def _snippet_url(person) -> str:
    return f"/admin/snippets/people/person/edit/{person.pk}/"


def test_swedish_translator_edits_swedish_snippets_only(swedish_translator, client, people):
    client.force_login(swedish_translator)
    assert client.get(_snippet_url(people["sv"]), HTTP_HOST="localhost").status_code == 200
    for language in ("da", "nb"):
        response = client.get(_snippet_url(people[language]), HTTP_HOST="localhost")
        assert response.status_code in (302, 403)
        client.post(
            _snippet_url(people[language]),
            {"name": "Inger Vang", "role": "Hacked"},
            HTTP_HOST="localhost",
        )
        people[language].refresh_from_db()
        assert people[language].role != "Hacked"


def test_localize_editor_asks_about_the_snippet_locale(swedish_translator, people):
    assert edit_translation.user_can_edit_instance(swedish_translator, people["sv"])
    assert not edit_translation.user_can_edit_instance(swedish_translator, people["nb"])
    assert not edit_translation.user_can_edit_instance(swedish_translator, people["da"])


def test_editor_edits_snippets_in_every_locale(user_in, people, client):
    editor = user_in("editors-dk.localhost")
    assert edit_translation.user_can_edit_instance(editor, people["nb"])
    # Translator groups hold the same "change" permission; that must not narrow an editor's.
    client.force_login(editor)
    for language in ("da", "sv", "nb"):
        response = client.get(_snippet_url(people[language]), HTTP_HOST="localhost")
        assert response.status_code == 200, language


def _patch(client, page, token: str, title: str):
    return client.patch(
        f"/api/v3/pages/{page.id}/",
        data=json.dumps({"meta": {"type": "cms.HomePage"}, "title": title}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_HOST="localhost",
    )


def test_swedish_translator_token_patches_swedish_page_only(swedish_translator, client, home):
    token = api_token(swedish_translator)
    for page in (home("da"), home("da", "nb")):
        response = _patch(client, page, token, "Ändrat av en översättare")
        assert response.status_code == 403, response.content
        page.refresh_from_db()
        assert page.get_latest_revision().content["title"] != "Ändrat av en översättare"

    swedish = home("da", "sv")
    response = _patch(client, swedish, token, "Tingsted Danmark på svenska")
    assert response.status_code == 200, response.content
    swedish.refresh_from_db()
    assert swedish.get_latest_revision().content["title"] == "Tingsted Danmark på svenska"
