"""The translation status of pages and snippets in every locale, computed in bulk.

A cell of the overview is one source object in one locale. For pages the state is what
visitors of that locale see:

* ``up_to_date`` ("Live and up to date"): the translation is live, every segment is
  translated, and it was published after the source last changed;
* ``outdated`` ("Live but outdated"): the translation is live, but the source changed
  since (not synced yet), or the synced text is not live yet (``percent`` says how much of
  it is translated);
* ``in_progress`` ("Translation in progress (n %)"): the translation is not live: visitors
  see no page in that language yet; ``percent`` of the segments are translated (a reviewer
  may have asked for changes: ``changes_requested``);
* ``awaiting_review``: submitted, waiting in a review workflow;
* ``missing``: there is no translation (an alias page made by tree sync counts as missing).

Snippets have no drafts: ``up_to_date``, ``outdated`` (the source changed since the last
sync), ``in_progress`` (segments left) or ``missing``.

Each cell carries the one action the *current user* may take on it (a link that opens for
them), or none: *Translate* (start a translation: those who may edit the source; continue
one: those who may edit the translation), *Sync* (those who may edit the source and submit
translations), *Review* (reviewers of the task), *Open* (those who may edit the
translation).

The number of queries does not depend on how many rows are shown: one for the rows, one
for every translation of them, one for wagtail-localize's sources, one for its translations
with their progress and last sync annotated, one for workflows in progress (pages), one for
the translations the user may edit, and the listing's count.
``tests/translation/test_status.py`` asserts it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import Locale, Page, Site, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
IN_PROGRESS = "in_progress"
AWAITING_REVIEW = "awaiting_review"
MISSING = "missing"
SOURCE = "source"

STATE_LABELS = {
    UP_TO_DATE: _("Live and up to date"),
    OUTDATED: _("Live but outdated"),
    IN_PROGRESS: _("Translation in progress"),
    AWAITING_REVIEW: _("Awaiting review"),
    MISSING: _("Missing"),
    SOURCE: _("Source"),
}
STATES = [UP_TO_DATE, OUTDATED, IN_PROGRESS, AWAITING_REVIEW, MISSING]
#: A link to the translation in the editor. A context of its own: "Open" alone is a
#: minutes item's state (not closed) in the page templates.
OPEN_ACTION = pgettext_lazy("translation status: link to the editor", "Open")


@dataclass
class Cell:
    state: str
    percent: int | None = None
    #: The action that moves the cell towards "up to date", and its label.
    url: str = ""
    action: str = ""
    #: True when the translation waits in a review workflow.
    in_review: bool = False
    #: True when a reviewer sent the translation back with changes to make.
    changes_requested: bool = False
    last_synced_at: datetime | None = None
    target_id: Any = None

    @property
    def label(self) -> str:
        text = str(STATE_LABELS[self.state])
        if self.percent is not None and (
            self.state == IN_PROGRESS or (self.state == OUTDATED and self.percent < 100)
        ):
            text = f"{text} ({self.percent} %)"
        return text


@dataclass
class Row:
    instance: Any
    title: str
    type_label: str
    site: str
    source_locale: str
    edit_url: str
    cells: dict[str, Cell] = field(default_factory=dict)
    #: The cells in the order of the columns shown (set by the view).
    ordered_cells: list[Cell] = field(default_factory=list)


# --- pages ------------------------------------------------------------------------------


def site_roots() -> list[tuple[Site, Page]]:
    """Every site with its root page (the source tree: the site's own language)."""
    return [(site, site.root_page) for site in Site.objects.select_related("root_page")]


def source_pages(
    *,
    roots: list[tuple[Site, Page]],
    site_id: int | None = None,
    content_type_ids: Iterable[int] | None = None,
) -> QuerySet[Page]:
    """The pages translations are made from: each site's tree in the site's own locale."""
    condition = Q(pk__in=[])
    for site, root in roots:
        if site_id is not None and site.pk != site_id:
            continue
        condition |= Q(path__startswith=root.path, locale_id=root.locale_id)
    queryset = Page.objects.filter(condition, alias_of__isnull=True)
    if content_type_ids:
        queryset = queryset.filter(content_type_id__in=list(content_type_ids))
    return queryset.order_by("path")


def visible_source_pages(queryset: QuerySet[Page], user) -> QuerySet[Page]:
    """The source pages of ``queryset`` that ``user`` may see in the translation status.

    A source page is listed when the user may edit it (Wagtail page permissions), may edit
    one of its translations (a translator's own locale), or anybody may see it: live,
    unexpired and not view-restricted (:func:`cms.visibility.public_pages`, in a fixed
    number of queries). Everything else (a private page, a
    page never published, another site's draft) is left out of the screen, its exports and
    the API. Each page is annotated ``may_edit``: only then is its draft title shown.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset.annotate(may_edit=Value(True))
    from cms.public import editable_pages, machine_principal, public_pages

    editable = editable_pages(machine_principal(user))
    public = public_pages(Page.objects.all()).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    )
    return queryset.filter(
        Q(pk__in=editable.values("pk"))
        | Q(translation_key__in=editable.values("translation_key"))
        | Q(pk__in=public.values("pk"))
    ).annotate(may_edit=Exists(editable.filter(pk=OuterRef("pk"))))


def _site_of(page: Page, roots: list[tuple[Site, Page]]) -> str:
    for site, root in roots:
        if page.path.startswith(root.path):
            return site.hostname
    return ""


def _translation_annotations(queryset: QuerySet[Translation]) -> QuerySet[Translation]:
    translated = (
        StringSegment.objects.filter(source_id=OuterRef("source_id"))
        .filter(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=OuterRef(OuterRef("target_locale_id")),
                    has_error=False,
                )
            )
        )
        .order_by()
        .values("source_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    total = (
        StringSegment.objects.filter(source_id=OuterRef("source_id"))
        .order_by()
        .values("source_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    last_log = (
        TranslationLog.objects.filter(
            source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
        )
        .order_by()
        .values("source_id")
        .annotate(last=Max("created_at"))
        .values("last")
    )
    return queryset.annotate(
        translated_count=Coalesce(Subquery(translated), 0),
        total_count=Coalesce(Subquery(total), 0),
        last_synced_at=Subquery(last_log),
    )


@dataclass
class _Localize:
    """wagtail-localize's rows for a set of translation keys."""

    sources: dict[tuple[Any, int], dict]
    translations: dict[tuple[int, int], dict]

    @classmethod
    def load(cls, keys: list) -> _Localize:
        sources = {
            (row["object_id"], row["locale_id"]): row
            for row in TranslationSource.objects.filter(object_id__in=keys).values(
                "id", "object_id", "locale_id", "last_updated_at", "content_json"
            )
        }
        source_ids = [row["id"] for row in sources.values()]
        translations = {
            (row["source_id"], row["target_locale_id"]): row
            for row in _translation_annotations(
                Translation.objects.filter(source_id__in=source_ids, enabled=True)
            ).values(
                "id",
                "source_id",
                "target_locale_id",
                "translated_count",
                "total_count",
                "last_synced_at",
            )
        }
        return cls(sources=sources, translations=translations)


def _managed_cell(
    translation: dict, source_changed_at: datetime | None, content_changed: bool
) -> Cell:
    total, done = translation["total_count"], translation["translated_count"]
    last = translation["last_synced_at"]
    if done < total:
        return Cell(IN_PROGRESS, percent=int(done * 100 / total), last_synced_at=last)
    if content_changed or last is None or (source_changed_at and source_changed_at > last):
        return Cell(OUTDATED, last_synced_at=last)
    return Cell(UP_TO_DATE, percent=100, last_synced_at=last)


@dataclass
class _Permissions:
    """What the current user may do with the cells of one set of rows (bounded queries)."""

    user: Any
    editable_targets: set[int]
    moderated_tasks: set[int]

    @classmethod
    def load(cls, user, target_ids: list[int], task_ids: set[int]) -> _Permissions:
        from wagtail.models import Task

        if user is None or not user.is_authenticated:
            return cls(user, set(), set())
        if user.is_superuser:
            return cls(user, set(target_ids), set(task_ids))
        from cms.public import editable_pages, machine_principal

        editable = set(
            editable_pages(machine_principal(user))
            .filter(pk__in=target_ids)
            .values_list("pk", flat=True)
        )
        moderated = {
            task.pk
            for task in Task.objects.filter(pk__in=task_ids).specific()
            if task.get_actions(None, user)
        }
        return cls(user, editable, moderated)

    def may_translate(self, page: Page) -> bool:
        """Start a translation of ``page`` or sync it (the guarded views' check)."""
        return bool(getattr(page, "may_edit", False)) and self.user.has_perm(
            "wagtail_localize.submit_translation"
        )


def page_rows(pages: Iterable[Page], locales: list[Locale], roots, user=None) -> list[Row]:
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    targets: dict[tuple[Any, int], dict] = {}
    for row in (
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(pk__in=[page.pk for page in pages])
        .values(
            "id",
            "translation_key",
            "locale_id",
            "live",
            "has_unpublished_changes",
            "last_published_at",
        )
    ):
        targets[(row["translation_key"], row["locale_id"])] = row
    localize = _Localize.load(keys)
    page_type = ContentType.objects.get_for_model(Page)
    workflows = {
        row["object_id"]: row
        for row in WorkflowState.objects.filter(
            base_content_type=page_type,
            object_id__in=[str(row["id"]) for row in targets.values()],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values("object_id", "status", "current_task_state__task_id")
    }
    permissions = _Permissions.load(
        user,
        [row["id"] for row in targets.values()],
        {
            row["current_task_state__task_id"]
            for row in workflows.values()
            if row["status"] == WorkflowState.STATUS_IN_PROGRESS
        },
    )

    rows = []
    for page in pages:
        may_edit = getattr(page, "may_edit", False)
        row = Row(
            instance=page,
            # A draft title is unpublished text: only for those who may edit the page.
            title=(page.draft_title or page.title) if may_edit else page.title,
            type_label=str(page.specific_class._meta.verbose_name) if page.specific_class else "",
            site=_site_of(page, roots),
            source_locale=page.locale.language_code,
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]) if may_edit else "",
        )
        source = localize.sources.get((page.translation_key, page.locale_id))
        for locale in locales:
            if locale.pk == page.locale_id:
                row.cells[locale.language_code] = Cell(SOURCE)
                continue
            target = targets.get((page.translation_key, locale.pk))
            translation = source and localize.translations.get((source["id"], locale.pk))
            workflow = workflows.get(str(target["id"])) if target is not None else None
            cell = _page_cell(page, target, source, translation, workflow)
            _page_action(cell, page, source, translation, workflow, permissions)
            row.cells[locale.language_code] = cell
        rows.append(row)
    return rows


def _page_cell(
    page: Page,
    target: dict | None,
    source: dict | None,
    translation: dict | None,
    workflow: dict | None,
) -> Cell:
    """The state of one translation, as its visitors see it (see the module's docstring)."""
    if target is None:
        return Cell(MISSING)
    percent = None
    last = None
    complete = True
    if translation is not None:
        total, done = translation["total_count"], translation["translated_count"]
        percent = int(done * 100 / total) if total else 100
        complete = done >= total
        last = translation["last_synced_at"]
    if workflow is not None and workflow["status"] == WorkflowState.STATUS_IN_PROGRESS:
        state = AWAITING_REVIEW
    elif not target["live"]:
        state = IN_PROGRESS
        percent = 100 if percent is None else percent
    elif translation is not None:
        extracted = source["last_updated_at"]
        published = target["last_published_at"]
        # The source was published after it was last extracted: a sync is due.
        needs_sync = bool(page.last_published_at and page.last_published_at > extracted)
        # The text extracted last is not what visitors of the translation see yet.
        not_live_yet = published is None or extracted > published
        state = OUTDATED if (needs_sync or not_live_yet or not complete) else UP_TO_DATE
    else:
        # Translated outside wagtail-localize: only the publishing dates tell.
        newer = (
            page.last_published_at
            and target["last_published_at"]
            and page.last_published_at > target["last_published_at"]
        )
        state = OUTDATED if newer else UP_TO_DATE
    return Cell(
        state,
        percent=percent,
        in_review=state == AWAITING_REVIEW,
        changes_requested=(
            workflow is not None and workflow["status"] == WorkflowState.STATUS_NEEDS_CHANGES
        ),
        last_synced_at=last,
        target_id=target["id"],
    )


def _page_action(
    cell: Cell,
    page: Page,
    source: dict | None,
    translation: dict | None,
    workflow: dict | None,
    permissions: _Permissions,
) -> None:
    """The link of a cell: the one step the current user may take towards "up to date"."""
    may_edit_target = cell.target_id in permissions.editable_targets
    edit = reverse("wagtailadmin_pages:edit", args=[cell.target_id]) if cell.target_id else ""
    if cell.state == MISSING:
        if permissions.may_translate(page):
            cell.url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
            cell.action = str(_("Translate"))
    elif cell.state == AWAITING_REVIEW:
        if workflow["current_task_state__task_id"] in permissions.moderated_tasks:
            cell.url, cell.action = edit, str(_("Review"))
    elif cell.state == OUTDATED:
        needs_sync = (
            source is not None
            and translation is not None
            and page.last_published_at is not None
            and page.last_published_at > source["last_updated_at"]
        )
        if needs_sync and permissions.may_translate(page):
            cell.url = reverse("wagtail_localize:update_translations", args=[source["id"]])
            cell.action = str(_("Sync"))
        elif may_edit_target and not needs_sync:
            cell.url, cell.action = edit, str(_("Translate"))
    elif cell.state == IN_PROGRESS:
        if may_edit_target:
            cell.url, cell.action = edit, str(_("Translate"))
    elif may_edit_target:
        cell.url, cell.action = edit, str(OPEN_ACTION)


# --- snippets ---------------------------------------------------------------------------


def source_snippets(model) -> QuerySet:
    """Each snippet's source: the locale wagtail-localize extracted it from, else the first."""
    has_source_here = Exists(
        TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
        )
    )
    has_source = Exists(TranslationSource.objects.filter(object_id=OuterRef("translation_key")))
    first_of_key = (
        model._default_manager.filter(translation_key=OuterRef("translation_key"))
        .order_by()
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    queryset = model._default_manager.filter(
        Q(has_source_here) | (~Q(has_source) & Q(pk=Subquery(first_of_key)))
    ).select_related("locale")
    if issubclass(model, ClusterableModel):
        # Serialising a snippet with child rows (a venue's rooms) reads them: prefetch.
        queryset = queryset.prefetch_related(
            *(relation.get_accessor_name() for relation in get_all_child_relations(model))
        )
    return queryset.order_by("pk")


def _content_json(instance) -> str:
    if isinstance(instance, ClusterableModel):
        return instance.to_json()
    from modelcluster.models import get_serializable_data_for_fields

    return json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)


def _snippet_permissions(model, user):
    """(may edit a snippet of ``model`` in a locale, may start or sync its translations)."""
    from wagtail.permissions import policy_registry

    if user is None or not user.is_authenticated:
        return (lambda locale_id: False), (lambda locale_id: False)
    policy = policy_registry.get_by_type(model)
    memo: dict[int, bool] = {}

    def may_edit(locale_id: int) -> bool:
        if locale_id not in memo:
            memo[locale_id] = policy.user_has_permission_for_instance(
                user, "change", model(locale_id=locale_id)
            )
        return memo[locale_id]

    may_submit = user.has_perm("wagtail_localize.submit_translation")
    return may_edit, (lambda locale_id: may_submit and may_edit(locale_id))


def snippet_rows(model, snippets: Iterable, locales: list[Locale], user=None) -> list[Row]:
    may_edit, may_translate = _snippet_permissions(model, user)
    snippets = list(snippets)
    keys = [snippet.translation_key for snippet in snippets]
    targets = {
        (row["translation_key"], row["locale_id"]): row["pk"]
        for row in model._default_manager.filter(translation_key__in=keys)
        .exclude(pk__in=[snippet.pk for snippet in snippets])
        .values("pk", "translation_key", "locale_id")
    }
    localize = _Localize.load(keys)
    opts = model._meta
    rows = []
    for snippet in snippets:
        row = Row(
            instance=snippet,
            title=str(snippet),
            type_label=str(opts.verbose_name),
            site="",
            source_locale=snippet.locale.language_code,
            edit_url=reverse(
                f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit",
                args=[quote(snippet.pk)],
            )
            if may_edit(snippet.locale_id)
            else "",
        )
        source = localize.sources.get((snippet.translation_key, snippet.locale_id))
        content_changed = None
        for locale in locales:
            if locale.pk == snippet.locale_id:
                row.cells[locale.language_code] = Cell(SOURCE)
                continue
            target_pk = targets.get((snippet.translation_key, locale.pk))
            translation = source and localize.translations.get((source["id"], locale.pk))
            if target_pk is None:
                cell = Cell(MISSING)
                if may_translate(snippet.locale_id):
                    cell.url = reverse(
                        "wagtail_localize:submit_snippet_translation",
                        args=[opts.app_label, opts.model_name, quote(snippet.pk)],
                    )
                    cell.action = str(_("Translate"))
            else:
                if translation is not None:
                    if content_changed is None:
                        # Plain snippets keep no change dates: compare the content itself.
                        content_changed = json.loads(_content_json(snippet)) != json.loads(
                            source["content_json"]
                        )
                    cell = _managed_cell(translation, source["last_updated_at"], content_changed)
                else:
                    cell = Cell(UP_TO_DATE)
                cell.target_id = target_pk
                edit = reverse(
                    f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit",
                    args=[quote(target_pk)],
                )
                if cell.state == OUTDATED and source is not None:
                    if may_translate(snippet.locale_id):
                        cell.url = reverse(
                            "wagtail_localize:update_translations", args=[source["id"]]
                        )
                        cell.action = str(_("Sync"))
                elif may_edit(locale.pk):
                    cell.url = edit
                    cell.action = str(_("Translate") if cell.state == IN_PROGRESS else OPEN_ACTION)
            row.cells[locale.language_code] = cell
        rows.append(row)
    return rows


def page_status(page: Page, user) -> dict[str, Cell] | None:
    """The cells of one source page (for the API); bounded like the overview.

    None when ``user`` may not see the page in the status (see :func:`visible_source_pages`).
    """
    page = (
        visible_source_pages(Page.objects.filter(pk=page.pk), user).select_related("locale").first()
    )
    if page is None:
        return None
    locales = list(Locale.objects.order_by("language_code"))
    roots = site_roots()
    return page_rows([page], locales, roots, user)[0].cells
