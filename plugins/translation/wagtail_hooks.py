"""Admin wiring: locale checks on snippet edits, the translation status report, its menu item."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page, TranslatableMixin


def _guard_snippet(request, instance, action: str):
    if not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return None
    from wagtail.permissions import policy_registry

    policy = policy_registry.get(instance)
    if not policy.user_has_permission_for_instance(request.user, action, instance):
        raise PermissionDenied
    return None


# Order -1: before wagtail-localize's own before_edit_snippet, which would otherwise open
# its translation editor for the snippet without asking about the locale.
@hooks.register("before_edit_snippet", order=-1)
def check_snippet_locale_on_edit(request, instance):
    return _guard_snippet(request, instance, "change")


@hooks.register("before_delete_snippet", order=-1)
def check_snippet_locale_on_delete(request, instances):
    for instance in instances if isinstance(instances, list | tuple) else [instances]:
        _guard_snippet(request, instance, "delete")


@hooks.register("register_admin_urls")
def register_admin_urls():
    from plugins.translation import guards, views

    return [
        *guards.admin_urls(),
        path(
            "translation-status/",
            include(
                ([path("", views.status_overview, name="status")], "tingsted_translation"),
                namespace="tingsted_translation",
            ),
        ),
    ]


class StatusMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("tingsted_translation.view_translation_status")


@hooks.register("register_reports_menu_item")
def register_status_menu_item():
    return StatusMenuItem(
        _("Translation status"),
        reverse("tingsted_translation:status"),
        icon_name="site",
        order=8900,
    )
