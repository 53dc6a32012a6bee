"""API tokens and pages with translations for the translation tests (users: factories.auth)."""

from __future__ import annotations

from django.utils.text import slugify
from wagtail.models import APIToken

from cms.models import HomePage
from tests.factories import indexed_once


def api_token(user) -> str:
    """A v3 bearer token for ``user``; returns the raw key."""
    _token, key = APIToken.create_token(user=user, name="test")
    return key


@indexed_once
def child_page(parent, *, title: str, intro: str = "", body=None) -> HomePage:
    """A published page under ``parent`` in the parent's locale.

    HomePage stands in for any page type (it may sit anywhere); the translation machinery
    under test treats every page type alike.
    """
    page = HomePage(title=title, slug=slugify(title), intro=intro, body=body or [])
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
