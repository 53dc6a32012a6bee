"""No draft, private or restricted page leaves through any route unless a token is granted it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

HIDDEN = ("draft", "private", "private_child")


def listed_ids(api, token=None) -> set[int]:
    ids = set()
    for path in [
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?limit=100&fields=*",
        "/api/v2/pages/?limit=100&type=cms.HomePage&fields=*",
        "/api/v3/pages/?limit=100",
        "/api/v3/pages/?limit=100&type=cms.HomePage",
    ]:
        response = api.get(path, token=token)
        assert response.status_code == 200, path
        ids |= {item["id"] for item in response.json()["items"]}
    return ids


def readable_ids(api, pages, token=None) -> set[int]:
    ids = set()
    for page in pages.values():
        statuses = {
            api.get(f"/api/v2/pages/{page.pk}/", token=token).status_code,
            api.get(f"/api/v2/pages/{page.pk}/?fields=*", token=token).status_code,
            api.get(f"/api/v3/pages/{page.pk}/", token=token).status_code,
            api.get(
                f"/api/v2/pages/find/?html_path={page.url_path.split('/', 2)[-1]}", token=token
            ).status_code
            in (200, 302),
        }
        if 200 in statuses:
            ids.add(page.pk)
    return ids


def test_anonymous_callers_see_published_public_pages_only(api, hidden_pages):
    visible = listed_ids(api) | readable_ids(api, hidden_pages)
    assert hidden_pages["public"].pk in visible
    for name in HIDDEN:
        assert hidden_pages[name].pk not in visible, name


def test_no_draft_content_leaks_into_a_published_page(api, hidden_pages):
    public = hidden_pages["public"]
    for path in [f"/api/v2/pages/{public.pk}/", f"/api/v3/pages/{public.pk}/"]:
        assert api.get(path).json()["title"] == "Offentlig side"
    assert api.get(f"/api/v3/pages/{public.pk}/?version=draft").status_code == 401


def test_a_service_users_token_sees_exactly_the_public_set(api, hidden_pages, service_token):
    anonymous = listed_ids(api) | readable_ids(api, hidden_pages)
    with_token = listed_ids(api, service_token) | readable_ids(api, hidden_pages, service_token)
    assert with_token == anonymous
    public = hidden_pages["public"]
    draft = api.get(f"/api/v3/pages/{public.pk}/?version=draft", token=service_token)
    assert draft.status_code == 403
    assert draft.json()["errors"][0]["loc"] == ["query", "version"]


def test_a_granted_token_reads_restricted_pages_but_no_drafts(api, hidden_pages, granted_token):
    """read_restricted opens login restrictions; drafts open only to those who may edit."""
    visible = listed_ids(api, granted_token)
    assert hidden_pages["private"].pk in visible
    assert hidden_pages["private_child"].pk in visible
    assert hidden_pages["draft"].pk not in visible
    public = hidden_pages["public"]
    draft = api.get(f"/api/v3/pages/{public.pk}/?version=draft", token=granted_token)
    assert draft.status_code == 403


def test_an_editors_token_reads_drafts_as_wagtail_intends(api, hidden_pages, editor_token):
    visible = listed_ids(api, editor_token)
    assert hidden_pages["draft"].pk in visible
    public = hidden_pages["public"]
    draft = api.get(f"/api/v3/pages/{public.pk}/?version=draft", token=editor_token)
    assert draft.status_code == 200
    assert draft.json()["title"] == "Offentlig side med kladde"


def test_group_restrictions_open_to_members_only(api, hidden_pages, service_token):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    members = Group.objects.create(name="Partner sites")
    restriction = PageViewRestriction.objects.get(page=hidden_pages["private"])
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.add(members)
    assert hidden_pages["private"].pk not in listed_ids(api, service_token)
    service_token.user.groups.add(members)
    assert hidden_pages["private"].pk in listed_ids(api, service_token)


def test_credentialed_responses_are_private_and_vary_on_authorization(api, service_token):
    for path in ["/api/v2/pages/", "/api/v3/pages/"]:
        response = api.get(path, token=service_token)
        assert response["Cache-Control"] == "private, no-store"
        assert "Authorization" in response["Vary"]
        assert not response.has_header("ETag")


def test_the_api_ignores_an_admin_session(client, hidden_pages, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    response = client.get("/api/v2/pages/?limit=100", HTTP_HOST="dk.localhost")
    ids = {item["id"] for item in response.json()["items"]}
    assert hidden_pages["draft"].pk not in ids and hidden_pages["private"].pk not in ids
    # A session may hold a page password: its answers are never shared or stored.
    assert response["Cache-Control"] == "private, no-store"


def test_documents_in_restricted_collections_are_hidden(api, granted_token):
    from wagtail.models import Collection, CollectionViewRestriction

    from tests.factories.cms import DocumentFactory

    private = Collection.get_first_root_node().add_child(name="Lukket")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    shown = DocumentFactory()
    hidden = DocumentFactory(collection=private)
    anonymous = {item["id"] for item in api.get("/api/v2/documents/").json()["items"]}
    assert shown.pk in anonymous and hidden.pk not in anonymous
    granted = {
        item["id"] for item in api.get("/api/v2/documents/", token=granted_token).json()["items"]
    }
    assert hidden.pk in granted


def test_closed_items_need_the_read_closed_grant(rf, service_token, granted_token):
    from api.access import can_read_closed

    request = rf.get("/api/v3/pages/")
    request.api_token = None
    assert not can_read_closed(request)
    request.api_token = service_token
    assert not can_read_closed(request)
    request.api_token = granted_token
    assert can_read_closed(request)


def test_a_new_or_removed_restriction_applies_to_the_next_request(api, hidden_pages):
    """Restrictions are remembered per content generation; changing one starts a new one."""
    from wagtail.models import PageViewRestriction

    public = hidden_pages["public"]
    assert public.pk in listed_ids(api)
    restriction = PageViewRestriction.objects.create(
        page=public, restriction_type=PageViewRestriction.LOGIN
    )
    assert public.pk not in listed_ids(api)
    assert api.get(f"/api/v2/pages/{public.pk}/").status_code == 404
    restriction.delete()
    assert public.pk in listed_ids(api)


def test_a_groups_change_applies_to_the_next_request(api, hidden_pages, service_token):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    members = Group.objects.create(name="Partner sites")
    service_token.user.groups.add(members)
    restriction = PageViewRestriction.objects.get(page=hidden_pages["private"])
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    assert hidden_pages["private"].pk not in listed_ids(api, service_token)
    restriction.groups.add(members)  # no save(): only the m2m signal tells of it
    assert hidden_pages["private"].pk in listed_ids(api, service_token)
    restriction.groups.remove(members)
    assert hidden_pages["private"].pk not in listed_ids(api, service_token)
