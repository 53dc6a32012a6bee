"""Admin wiring: locale checks on snippet edits, submitting a translation for review, the
translation status report, its menu item."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
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


# Order -1: before wagtail-localize's before_edit_page, which answers every POST to a
# translation's edit view itself and knows no workflow (plugins/translation/review.py).
@hooks.register("before_edit_page", order=-1)
def submit_translation_for_review(request, page):
    from plugins.translation import review

    if request.method != "POST" or review.SUBMIT_ACTION not in request.POST:
        return None
    translation = review.translation_of(page)
    if translation is None:
        return None  # not a translation: Wagtail's own "Submit for moderation"
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    page = Page.objects.get(pk=page.pk).specific
    lock = page.get_lock()
    if not review.may_submit(page, request.user) or (lock and lock.for_user(request.user)):
        messages.error(request, _("This translation cannot be submitted for review now."))
        return redirect(edit_url)
    try:
        untranslated = review.submit(translation, page, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation was not submitted for review: %(errors)s")
            % {"errors": "; ".join(error.messages)},
        )
        return redirect(edit_url)
    messages.success(
        request,
        _("'%(title)s' was submitted for review in %(language)s.")
        % {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()},
    )
    if untranslated:
        messages.warning(
            request,
            ngettext(
                "%(count)d text is not translated yet: it shows in the source language.",
                "%(count)d texts are not translated yet: they show in the source language.",
                len(untranslated),
            )
            % {"count": len(untranslated)},
        )
    return redirect(edit_url)


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
