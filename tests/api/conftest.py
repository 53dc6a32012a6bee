"""Fixtures for the API tests: a client, tokens with different grants, pages in every state."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Page, PageViewRestriction

from cms.models import HomePage
from tests.conftest import HOSTS
from tests.factories import indexed_once
from tests.factories.api import APITokenFactory
from tests.factories.auth import UserFactory


class APIClient:
    """The test client speaking to one site's host, optionally with a bearer token."""

    def __init__(self, client):
        self.client = client

    def get(self, path: str, site: str = "da", token=None, **extra):
        if token is not None:
            plaintext = token if isinstance(token, str) else token.plaintext
            extra["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
        return self.client.get(path, HTTP_HOST=HOSTS[site], **extra)


@pytest.fixture
def api(client):
    return APIClient(client)


def _grant(user, *codenames: str) -> None:
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="tingsted_api", codename__in=codenames)
    )


@pytest.fixture
def service_token(db):
    """A consuming site's token: a service user with no admin access and no permissions."""
    return APITokenFactory(user=UserFactory(username="partner-site"))


@pytest.fixture
def granted_token(db):
    """A service user granted restricted pages and closed items."""
    user = UserFactory(username="trusted-partner")
    _grant(user, "read_restricted", "read_closed")
    return APITokenFactory(user=user)


@pytest.fixture
def editor_token(db):
    """An editor's personal token: Wagtail's rule gives it the drafts it may edit."""
    user = UserFactory(username="editor")
    editors = Group.objects.get(name="Editors")
    user.groups.add(editors)
    return APITokenFactory(user=user)


@indexed_once
def add_page(parent: Page, title: str, *, live: bool = True, **fields) -> HomePage:
    """A page under ``parent``. HomePage stands in for any page type: it may sit anywhere,
    and the caching, access and webhook machinery tested here treats every type alike."""
    page = HomePage(
        title=title, slug=title.lower().replace(" ", "-"), locale=parent.locale, **fields
    )
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
        page.save_revision()
    return page


@pytest.fixture
@indexed_once
def hidden_pages(home):
    """Under the Danish home page: a published page, a draft, a private page and its child."""
    dk_home = home("da")
    public = add_page(dk_home, "Offentlig side")
    draft = add_page(dk_home, "Kladde side", live=False)
    private = add_page(dk_home, "Lukket side")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    private_child = add_page(private, "Lukket underside")
    # A published page with unpublished changes: its draft title must not leak either.
    public.title = "Offentlig side med kladde"
    public.save_revision()
    return {"public": public, "draft": draft, "private": private, "private_child": private_child}
