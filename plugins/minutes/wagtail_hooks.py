"""Admin and serving hooks: closed-item documents, and the permission in the group editor."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail import hooks

from plugins.minutes.access import PERMISSION_CODENAME, can_see_closed_items, is_closed_document


@hooks.register("before_serve_document")
def deny_closed_documents(document, request):
    """Refuse a closed item's attachment to anyone without the permission.

    Wagtail's own collection restriction (the private collection is limited to the readers'
    group) refuses them too, and keeps them out of the documents APIs; this check also
    covers a closed item's attachment that is not (yet) in the private collection. Grant
    the permission through the readers' group: Wagtail's group restriction on the
    collection admits group members (and superusers) only.
    """
    if is_closed_document(document) and not can_see_closed_items(request):
        return HttpResponseForbidden(
            _("This document belongs to a closed agenda item."), content_type="text/plain"
        )
    return None


@hooks.register("register_permissions")
def register_closed_items_permission():
    return Permission.objects.filter(
        content_type__app_label="minutes", codename=PERMISSION_CODENAME
    )
