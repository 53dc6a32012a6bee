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
