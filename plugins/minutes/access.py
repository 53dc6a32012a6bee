"""Who may see closed agenda items: one rule, used by every channel.

The rendered page, the API routes, the JSON export and the document view all ask
:func:`can_see_closed_items`. Search indexing never asks: closed text is not indexed at all.
Wagtail's generic page APIs (v2 and v3) always get the public view, because their
responses are shared between callers (CDN, API cache) and cannot vary by user. The
decision itself is the project's one rule (cms/visibility.py).

Attachments of closed items live in one private collection (:func:`closed_collection`)
with a group view restriction, so Wagtail's own document checks (the serve view, the
documents APIs) keep them out of reach; ``wagtail_hooks.deny_closed_documents`` adds the
permission check on top.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, CollectionViewRestriction

from cms.public import can_see_closed, machine_principal, web_principal

#: The permission that opens closed items, declared on AgendaItem's Meta.
PERMISSION_CODENAME = "view_closed_items"
PERMISSION = f"minutes.{PERMISSION_CODENAME}"

#: Names of the private collection and of the group allowed into it. Kept in English in
#: the database: they are looked up by name; the admin shows them as they are.
CLOSED_COLLECTION_NAME = "Closed agenda items"
CLOSED_GROUP_NAME = "Closed agenda item readers"

CLOSED_ITEM_LABEL = _("Closed item")


def principal_of(request: HttpRequest):
    """The request as the visibility rule sees it: a token's user on the API, exports and
    feeds (machine channels, or any request that sends ``Authorization``), the browser
    session on rendered pages."""
    from api.access import api_principal

    if request.path.startswith("/api/") or "Authorization" in request.headers:
        return api_principal(request)
    return web_principal(request)


def can_see_closed_items(user_or_request) -> bool:
    """True if the user (or the principal of a request) may read closed agenda items.

    Superusers may; everyone else needs the ``minutes.view_closed_items`` permission,
    usually through the "Closed agenda item readers" group. Editing rights alone do not
    open closed items (cms/visibility.py, ``can_see_closed``).
    """
    if user_or_request is None:
        return False
    if isinstance(user_or_request, HttpRequest) or hasattr(user_or_request, "META"):
        principal = principal_of(user_or_request)
    else:
        principal = machine_principal(user_or_request)
    return can_see_closed(principal, PERMISSION)


def closed_collection() -> Collection:
    """The private collection for attachments of closed items, created on first use.

    It carries a group view restriction for the readers' group, so Wagtail denies its
    documents to everyone else in the serve view and leaves them out of the documents APIs.
    """
    collection = Collection.objects.filter(name=CLOSED_COLLECTION_NAME, depth=2).first()
    if collection is not None and collection.view_restrictions.exists():
        return collection
    with transaction.atomic():
        if collection is None:
            collection = Collection.get_first_root_node().add_child(name=CLOSED_COLLECTION_NAME)
        group = readers_group()
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([group])
    return collection


def readers_group() -> Group:
    """The group whose members may read closed items and their attachments."""
    group, _created = Group.objects.get_or_create(name=CLOSED_GROUP_NAME)
    permission = Permission.objects.filter(
        content_type__app_label="minutes", codename=PERMISSION_CODENAME
    ).first()
    if permission is not None:
        group.permissions.add(permission)
    return group


def closed_collection_or_none() -> Collection | None:
    return Collection.objects.filter(name=CLOSED_COLLECTION_NAME, depth=2).first()
