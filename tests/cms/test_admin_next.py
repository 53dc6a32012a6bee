"""An admin address whose ``next`` names no place goes where Wagtail goes without one.

Found by following mangled admin links on the demo: ``/admin/login/?next=junk`` for an
editor already logged in, and locking or unlocking a page from
``/admin/pages/3/lock/?next=junk``, answered 500 (``NoReverseMatch``: Django's
``redirect()`` takes a bare word for a view name).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("junk", ["junk", "dashboard", "wagtailadmin_explore"])
def test_a_logged_in_editor_sent_to_the_login_page_lands_on_the_dashboard(admin_client, junk):
    response = admin_client.get("/admin/login/", {"next": junk})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_next_that_names_a_place_is_still_followed(admin_client, home):
    page = home("da")
    response = admin_client.get("/admin/login/", {"next": f"/admin/pages/{page.pk}/"})
    assert response["Location"] == f"/admin/pages/{page.pk}/"
    response = admin_client.post(f"/admin/pages/{page.pk}/lock/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"


@pytest.mark.parametrize("action", ["lock", "unlock"])
def test_locking_from_an_address_with_a_junk_next_locks_and_returns_to_the_explorer(
    admin_client, home, action
):
    page = home("da")
    if action == "unlock":
        page.locked = True
        page.save()
    response = admin_client.post(f"/admin/pages/{page.pk}/{action}/?next=junk")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.get_parent().pk}/"
    page.refresh_from_db()
    assert page.locked is (action == "lock")


def test_a_posted_junk_next_is_left_out_too(admin_client, home):
    page = home("da")
    response = admin_client.post(f"/admin/pages/{page.pk}/lock/", {"next": "junk"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.get_parent().pk}/"
