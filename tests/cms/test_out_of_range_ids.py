"""An id no column can hold finds no row, on SQLite as on PostgreSQL; never a 500.

Found by hand-editing admin list filters on the SQLite demo: ``/admin/pages/3/?owner=<a
number past 64 bits>`` answered 500 (``OverflowError: Python int too large to convert to
SQLite INTEGER``), as did ``content_type``, ``site`` and ``edited_by`` there, the users
list's ``?group=``, the API-token list's ``?user=`` and the interest submissions'
``?network=``. PostgreSQL answered the empty list.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from cms.models import HomePage

pytestmark = pytest.mark.django_db

PAST_64_BITS = 2**70


def test_in_with_a_number_no_column_holds_finds_no_row(admin_user):
    users = get_user_model().objects
    assert list(users.filter(pk__in=[PAST_64_BITS])) == []
    assert list(users.filter(pk__in=[str(PAST_64_BITS)])) == []
    assert list(users.filter(pk__in=[-PAST_64_BITS])) == []


def test_the_numbers_a_column_holds_still_count(admin_user):
    users = get_user_model().objects
    assert list(users.filter(pk__in=[admin_user.pk, PAST_64_BITS])) == [admin_user]
    assert admin_user in users.exclude(pk__in=[PAST_64_BITS])
    assert admin_user not in users.exclude(pk__in=[admin_user.pk, PAST_64_BITS])


def test_a_foreign_key_in_with_such_a_number_finds_no_row(home, admin_user):
    page = home("da")
    Page.objects.filter(pk=page.pk).update(owner=admin_user)
    assert list(Page.objects.filter(owner__in=[PAST_64_BITS])) == []
    owned = Page.objects.filter(owner__in=[admin_user.pk, PAST_64_BITS])
    assert list(owned.values_list("pk", flat=True)) == [page.pk]
    assert list(Group.objects.filter(user__in=[PAST_64_BITS])) == []


def test_equals_through_a_relation_with_such_a_number_finds_no_row(home, admin_user):
    # A page type's pk is its parent link to Page: a relation, which Django does not check.
    assert list(HomePage.objects.filter(pk=PAST_64_BITS)) == []
    assert list(HomePage.objects.filter(pk=-PAST_64_BITS)) == []
    assert list(Page.objects.filter(owner=PAST_64_BITS)) == []
    assert HomePage.objects.exclude(pk=PAST_64_BITS).filter(pk=home("da").pk).exists()


@pytest.mark.parametrize(
    "address",
    [
        "/admin/pages/{home}/?owner={big}",
        "/admin/pages/{home}/?content_type={big}",
        "/admin/pages/{home}/?site={big}",
        "/admin/pages/{home}/?edited_by={big}",
        "/admin/pages/{home}/?owner={admin}&owner={big}",
        "/admin/users/?group={big}",
        "/admin/api-tokens/?user={big}",
        "/admin/interest_submissions/?network={big}",
    ],
)
def test_an_admin_list_filtered_by_such_an_id_shows_the_list(
    address, home, admin_client, admin_user
):
    url = address.format(home=home("da").pk, big=PAST_64_BITS, admin=admin_user.pk)
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"<html" in response.content
