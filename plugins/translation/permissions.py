"""Translators may edit only their own locale, in pages and in snippets.

Pages need nothing here: ``setup_roles`` grants a translator group its permissions on the
home page of every site *in the group's locale*, and Wagtail's page permissions are per
subtree. Snippet permissions in Wagtail are per model, for every locale at once; the
:class:`LocaleSnippetPermissionPolicy` narrows them to the translator's locales for every
translatable snippet model, including plugins' models installed later (it is registered
in ``AppConfig.ready()`` for every ``TranslatableMixin`` model that is not a page).

The policy is consulted by Wagtail's snippet API (v3) and by wagtail-localize's
translation editor; Wagtail's snippet edit and delete views only check model permissions,
so ``wagtail_hooks`` adds ``before_edit_snippet`` / ``before_delete_snippet`` checks.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import Page, TranslatableMixin, get_translatable_models
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

#: Actions a translator may take only in the locales of their translator groups.
LOCALE_BOUND_ACTIONS = frozenset({"add", "change", "delete", "publish", "lock", "unlock"})

_CACHE_ATTR = "_tingsted_snippet_locale_scope"


def translator_locale_ids(user) -> set[int]:
    """Locales the user translates into through translator groups."""
    from plugins.translation.models import TranslatorGroup

    if not user.is_authenticated:
        return set()
    return set(TranslatorGroup.objects.filter(group__user=user).values_list("locale_id", flat=True))


def locale_scope(user, model, action: str) -> set[int] | None:
    """The locales in which ``user`` may take ``action`` on ``model``; None means all.

    A permission that comes only from translator groups is limited to their locales. The
    same permission granted by any other group, directly, or by being a superuser is not.
    """
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE_ATTR, cache)
    key = (model._meta.label, action)
    if key in cache:
        return cache[key]

    from plugins.translation.models import TranslatorGroup

    codename = f"{action}_{model._meta.model_name}"
    permission = Permission.objects.filter(
        content_type__app_label=model._meta.app_label, codename=codename
    )
    translator_group_ids = TranslatorGroup.objects.values_list("group_id", flat=True)
    # Ask for the user's other groups, not for permissions outside translator groups: the
    # same permission row is also granted to every translator group, and excluding those
    # would drop it for an editor too.
    unrestricted = (
        permission.filter(user=user).exists()
        or Group.objects.filter(user=user, permissions__in=permission)
        .exclude(pk__in=translator_group_ids)
        .exists()
    )
    scope = None if unrestricted else translator_locale_ids(user)
    cache[key] = scope
    return scope


class LocaleSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the translator's locales for instance actions."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        return self._in_scope(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        if "view" in actions or not set(actions) <= LOCALE_BOUND_ACTIONS:
            return queryset
        scopes = [locale_scope(user, self.model, action) for action in actions]
        if any(scope is None for scope in scopes):
            return queryset
        return queryset.filter(locale_id__in=set().union(*scopes))

    def _in_scope(self, user, action, instance) -> bool:
        if action not in LOCALE_BOUND_ACTIONS:
            return True
        scope = locale_scope(user, self.model, action)
        return scope is None or instance.locale_id in scope


def translatable_snippet_models() -> list[type]:
    """Every translatable model that is not a page (snippets and other translatable rows)."""
    return [
        model
        for model in get_translatable_models(include_subclasses=True)
        if not issubclass(model, Page) and not model._meta.abstract
    ]


def install() -> None:
    """Register the policy for every translatable snippet model, and guard localize's editor.

    Runs from ``AppConfig.ready()``, before Wagtail imports ``wagtail_hooks`` and registers
    snippet viewsets (which would otherwise create plain fallback policies first).
    """
    for model in translatable_snippet_models():
        if policy_registry.get_by_type(model, fallback=False) is None:
            register_permission_policy(
                model, LocaleSnippetPermissionPolicy(model), exact_class=True
            )
    _guard_localize_editor()


def user_can_edit(user, instance) -> bool:
    """Whether ``user`` may edit this page or snippet (its locale included)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_registry.get(instance)
    return policy.user_has_any_permission_for_instance(user, ["add", "change", "delete"], instance)


def _guard_localize_editor() -> None:
    """Make wagtail-localize's translation editor check the snippet's locale.

    Its views (string edits, PO upload, machine translation) ask
    ``edit_translation.user_can_edit_instance``, which checks snippets per model only: a
    Swedish translator could otherwise change the Norwegian translation of a person. The
    function is looked up by name at call time, so replacing it covers every view.
    """
    from wagtail_localize.views import edit_translation

    if getattr(edit_translation.user_can_edit_instance, "tingsted_locale_aware", False):
        return

    def user_can_edit_instance(user, instance):
        if isinstance(instance, TranslatableMixin) and not isinstance(instance, Page):
            return user_can_edit(user, instance)
        return original(user, instance)

    original = edit_translation.user_can_edit_instance
    user_can_edit_instance.tingsted_locale_aware = True
    edit_translation.user_can_edit_instance = user_can_edit_instance
