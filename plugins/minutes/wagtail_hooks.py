"""Admin and serving hooks: closed-item documents, and the permission in the group editor."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail import hooks

from plugins.minutes.access import PERMISSION_CODENAME, can_see_closed_items
from plugins.minutes.documents import is_closed_document


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


@hooks.register("before_edit_page", order=-1)
def closed_items_stay_out_of_the_translation_editor(request, page):
    """wagtail-localize's translation editor lists every translatable text of a page,
    closed agenda items included, segment by segment. A user who may not read closed items
    is not shown that editor for a meeting that has any; the admin's own edit view (which
    hides closed items, see plugins/minutes/panels.py) is unaffected."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.urls import reverse

    from plugins.minutes.models import AgendaItem, MinutesPage

    if not isinstance(page.specific, MinutesPage) or can_see_closed_items(request.user):
        return None
    try:
        from wagtail_localize.models import Translation
    except ImportError:  # the translation workflow is not installed: no such editor
        return None
    translated = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists()
    sources = MinutesPage.objects.filter(translation_key=page.translation_key)
    has_closed = AgendaItem.objects.filter(page__in=sources, is_closed=True).exists()
    if not (translated and has_closed):
        return None
    messages.error(
        request,
        _(
            "This meeting has closed agenda items. Only readers of closed items may open its "
            "translation."
        ),
    )
    return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
