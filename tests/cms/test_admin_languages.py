"""Editors use the Wagtail admin in their own language: da, sv, nb or en."""

import re

import pytest
from django.conf import settings
from wagtail.users.models import UserProfile

#: (title of the dashboard, the sidebar's "Pages") as Wagtail translates them.
DASHBOARD = {
    "da": ("Dashboard", "Sider"),
    "sv": ("Instrumentpanel", "Sidor"),
    "nb": ("Kontrollpanel", "Sider"),
    "en": ("Dashboard", "Pages"),
}


def test_the_admin_offers_exactly_the_configured_languages():
    assert [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == list(DASHBOARD)


@pytest.mark.django_db
@pytest.mark.parametrize("language", list(DASHBOARD))
def test_the_dashboard_renders_in_the_users_preferred_language(admin_client, admin_user, language):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()

    html = admin_client.get("/admin/").content.decode()

    title, pages = DASHBOARD[language]
    assert re.search(r'<html lang="([^"]+)"', html).group(1) == language
    assert re.search(r"<title>\s*(.*?)\s*</title>", html, re.S).group(1) == f"{title} - Wagtail"
    assert f'"{pages}"' in html  # the sidebar menu item, in the sidebar's JSON props


def _admin_user(username, pages, *, codenames=("change_page",), preferred=""):
    """A user in a group that may edit ``pages`` (and nothing else) in the admin."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from tests.factories.auth import UserFactory

    group = Group.objects.create(name=f"group of {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.create(
                group=group, page=page, permission=Permission.objects.get(codename=codename)
            )
    user = UserFactory(username=username, groups=[group.name])
    if preferred:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = preferred
        profile.save()
    return user


def _admin_language(client, user, host) -> str:
    client.force_login(user)
    response = client.get("/admin/", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Language"] == re.search(
        r'<html lang="([^"]+)"', response.content.decode()
    ).group(1)
    return response["Content-Language"]


@pytest.mark.django_db
def test_a_translator_without_a_preference_gets_the_admin_in_their_language_anywhere(client, home):
    """Issue 15 finding 10: the Swedish translator logs in at the address `make demo` prints."""
    translator = _admin_user("translator", [home("da", "sv"), home("nb", "sv")])
    assert _admin_language(client, translator, "localhost") == "sv"
    assert _admin_language(client, translator, "dk.localhost") == "sv"


@pytest.mark.django_db
def test_an_editor_gets_the_language_of_the_site_they_edit(client, home):
    editor = _admin_user("editor", [home("da")], codenames=("add_page", "change_page"))
    assert _admin_language(client, editor, "se.localhost") == "da"


@pytest.mark.django_db
def test_the_users_own_preference_wins(client, home):
    translator = _admin_user("translator", [home("da", "sv")], preferred="nb")
    assert _admin_language(client, translator, "se.localhost") == "nb"


@pytest.mark.django_db
def test_someone_working_in_several_languages_gets_the_sites(client, home, admin_user):
    reviewer = _admin_user("reviewer", [home("da"), home("da", "sv")])
    assert _admin_language(client, reviewer, "no.localhost") == "nb"
    assert _admin_language(client, admin_user, "dk.localhost") == "da"
