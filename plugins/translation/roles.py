"""Groups, page permissions and workflows for editors, reviewers and translators.

``manage.py setup_roles`` calls :func:`setup_roles`; running it again adds only what is
missing (new sites, new locales, new snippet models from a plugin) and changes nothing
else, so an administrator's own additions to the groups survive.

Who does what:

* ``editors-<hostname>``: write the site's source pages (its own language) and submit
  them for review; start translations and sync them; edit snippets in any locale.
* ``reviewers``: approve or reject pages in every locale, which publishes them.
* ``translators-<language>``: translate pages and snippets into their locale only.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from plugins.translation import workflow_names
from plugins.translation.models import TranslatorGroup
from plugins.translation.permissions import translatable_snippet_models

REVIEWERS = "reviewers"
#: Names are stored in English (the database is shared by every admin language) and read
#: in the admin's language (plugins/translation/workflow_names.py).
EDITORIAL_WORKFLOW_NAME = workflow_names.EDITORIAL_WORKFLOW
TRANSLATION_WORKFLOW_NAME = workflow_names.TRANSLATION_WORKFLOW


def editors_group_name(site: Site) -> str:
    return f"editors-{site.hostname}"


def translators_group_name(locale: Locale) -> str:
    return f"translators-{locale.language_code}"


@dataclass
class RolesResult:
    created: list[str] = field(default_factory=list)
    logins: list[tuple[str, str | None]] = field(default_factory=list)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _snippet_permissions(actions: tuple[str, ...]) -> list[Permission]:
    found = []
    for model in translatable_snippet_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        for action in actions:
            permission = Permission.objects.filter(
                content_type=content_type, codename=f"{action}_{model._meta.model_name}"
            ).first()
            if permission is not None:
                found.append(permission)
    return found


def _group(name: str, result: RolesResult) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    if created:
        result.created.append(f"group {name}")
    return group


def _grant_pages(group: Group, page: Page, codenames: tuple[str, ...], result: RolesResult):
    for codename in codenames:
        _permission_row, created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )
        if created:
            result.created.append(f"{codename} on '{page.title}' ({page.locale}) for {group.name}")


def _locale_roots() -> tuple[list[Page], list[Page]]:
    """(site source roots, translated roots): the top page of every locale's tree per site."""
    site_root_ids = set(Site.objects.values_list("root_page_id", flat=True))
    sources, translations = [], []
    keys = Page.objects.filter(id__in=site_root_ids).values_list("translation_key", flat=True)
    for page in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).order_by(
        "path"
    ):
        (sources if page.id in site_root_ids else translations).append(page)
    return sources, translations


@transaction.atomic
def setup_roles(*, demo_users: bool = False, log: Callable[[str], None] = print) -> RolesResult:
    result = RolesResult()
    access_admin = _permission("wagtailadmin", "access_admin")
    submit = _permission("wagtail_localize", "submit_translation")
    view_status = _permission("tingsted_translation", "view_translation_status")
    sync = _permission("tingsted_translation", "sync_translations")
    source_roots, translated_roots = _locale_roots()

    reviewers = _group(REVIEWERS, result)
    reviewers.permissions.add(access_admin, submit, view_status, sync)
    reviewers.permissions.add(*_snippet_permissions(("add", "change", "delete", "publish")))
    for page in [*source_roots, *translated_roots]:
        _grant_pages(reviewers, page, ("change_page", "publish_page", "lock_page"), result)

    for site in Site.objects.select_related("root_page").order_by("hostname"):
        editors = _group(editors_group_name(site), result)
        editors.permissions.add(access_admin, submit, view_status, sync)
        editors.permissions.add(*_snippet_permissions(("add", "change")))
        _grant_pages(editors, site.root_page, ("add_page", "change_page", "lock_page"), result)

    for locale in Locale.objects.order_by("language_code"):
        translators = _group(translators_group_name(locale), result)
        TranslatorGroup.objects.get_or_create(group=translators, defaults={"locale": locale})
        translators.permissions.add(access_admin, view_status)
        # Model-wide in Wagtail; LocaleSnippetPermissionPolicy keeps them to this locale.
        translators.permissions.add(*_snippet_permissions(("change",)))
        for page in translated_roots:
            if page.locale_id == locale.id:
                _grant_pages(translators, page, ("change_page",), result)

    _setup_workflows(reviewers, source_roots, translated_roots, result)

    if demo_users:
        _demo_users(result)

    for message in result.created:
        log(f"Created {message}.")
    return result


def _workflow(name: str, task_name: str, reviewers: Group, result: RolesResult) -> Workflow:
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        result.created.append(f"workflow {name}")
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
            task.groups.set([reviewers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def _setup_workflows(reviewers, source_roots, translated_roots, result: RolesResult) -> None:
    editorial = _workflow(EDITORIAL_WORKFLOW_NAME, workflow_names.EDITORIAL_TASK, reviewers, result)
    translation = _workflow(
        TRANSLATION_WORKFLOW_NAME, workflow_names.TRANSLATION_TASK, reviewers, result
    )
    for workflow, pages in ((editorial, source_roots), (translation, translated_roots)):
        for page in pages:
            _assignment, created = WorkflowPage.objects.get_or_create(
                page=page, defaults={"workflow": workflow}
            )
            if created:
                result.created.append(f"workflow {workflow.name} on '{page.title}' ({page.locale})")


def _demo_users(result: RolesResult) -> None:
    """One login per role for trying the workflows: a password is shown once, at creation."""
    User = get_user_model()
    first_site = Site.objects.order_by("-is_default_site", "hostname").first()
    wanted = [
        (f"translator-{locale.language_code}", translators_group_name(locale))
        for locale in Locale.objects.order_by("language_code")
    ]
    wanted.append(("reviewer", REVIEWERS))
    if first_site is not None:
        dk = Site.objects.filter(hostname__startswith="dk.").first() or first_site
        wanted.append((f"editor-{dk.hostname.split('.')[0]}", editors_group_name(dk)))
    for username, group_name in wanted:
        user = User.objects.filter(username=username).first()
        if user is not None:
            result.logins.append((username, None))
            continue
        password = secrets.token_urlsafe(9)
        user = User.objects.create_user(username, f"{username}@example.org", password)
        user.groups.add(Group.objects.get(name=group_name))
        result.created.append(f"user {username}")
        result.logins.append((username, password))
