"""Adding thousands of pages to Wagtail's tree in a handful of queries.

``parent.add_child(instance=page)`` costs about ten queries per page (path lookup, insert,
numchild update, revision, publish, search index, reference index). For bench data that is
an hour at 10,000 pages. :class:`BulkTree` computes what treebeard would compute itself
(materialised path, depth, numchild) and Wagtail's ``url_path``, then inserts the base
``wagtailcore_page`` rows with one ``bulk_create`` per batch and each specific table with
one multi-row INSERT per batch. Pages are live and published, without revisions: the API,
page serving and search read the live row, never the revision.

The result must pass treebeard's own integrity check, :func:`tree_problems`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models, transaction
from django.utils import timezone
from wagtail.models import Page

#: Rows per INSERT. PostgreSQL allows 65,535 parameters per statement; a wide page table
#: has about 30 columns.
BATCH_SIZE = 500


@dataclass(eq=False)
class Node:
    """A place in the tree: an existing page or one waiting in :class:`BulkTree`."""

    path: str
    depth: int
    url_path: str
    locale_id: int
    #: The page object itself; its pk is set once it is in the database.
    page: Page
    #: Children in the database and children added since.
    numchild: int = 0
    numchild_in_db: int = 0
    next_step: int = 1
    slugs: set[str] = field(default_factory=set)

    @property
    def pk(self) -> int | None:
        return self.page.pk


class BulkTree:
    """Collect pages with :meth:`add`, write them with :meth:`flush`.

    ``add`` only computes; ``flush`` writes every waiting page, parents before children,
    and corrects ``numchild`` of every parent that gained children. Call it once at the
    end, or per level if a builder needs the primary keys of pages it just added (for
    example to attach orderable children).
    """

    def __init__(self, published_at: datetime | None = None) -> None:
        self.published_at = published_at or timezone.now()
        self.pending: list[Node] = []
        self.parents: dict[int, Node] = {}
        self.added: list[Page] = []

    def node(self, page: Page) -> Node:
        """The :class:`Node` of an existing page, read once and remembered."""
        if page.pk in self.parents:
            return self.parents[page.pk]
        children = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1)
        last_path = children.order_by("-path").values_list("path", flat=True).first()
        node = Node(
            path=page.path,
            depth=page.depth,
            url_path=page.url_path,
            locale_id=page.locale_id,
            page=page,
            numchild=page.numchild,
            numchild_in_db=page.numchild,
            next_step=Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1,
            slugs=set(children.values_list("slug", flat=True)),
        )
        self.parents[page.pk] = node
        return node

    def add(self, parent: Node, page: Page, *, published_at: datetime | None = None) -> Node:
        """Place ``page`` (unsaved, any page model) as the last child of ``parent``."""
        slug = page.slug or "page"
        unique, counter = slug, 2
        while unique in parent.slugs:
            unique, counter = f"{slug}-{counter}", counter + 1
        parent.slugs.add(unique)
        when = published_at or self.published_at
        page.slug = unique
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, parent.next_step)
        page.url_path = f"{parent.url_path}{unique}/"
        page.numchild = 0
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = when
        if not page.locale_id:
            page.locale_id = parent.locale_id
        parent.next_step += 1
        parent.numchild += 1
        node = Node(
            path=page.path,
            depth=page.depth,
            url_path=page.url_path,
            locale_id=page.locale_id,
            page=page,
        )
        self.pending.append(node)
        return node

    @transaction.atomic
    def flush(self) -> list[Page]:
        """Write every waiting page and fix the parents' ``numchild``; return the pages."""
        pending, self.pending = self.pending, []
        pending.sort(key=lambda node: node.depth)
        for node in pending:
            node.page.numchild = node.numchild
            node.numchild_in_db = node.numchild
        _insert_pages([node.page for node in pending])
        for node in pending:
            self.parents[node.page.pk] = node
        self._update_numchild()
        self.added.extend(node.page for node in pending)
        return [node.page for node in pending]

    def _update_numchild(self) -> None:
        by_count: dict[int, list[int]] = defaultdict(list)
        for node in self.parents.values():
            if node.numchild != node.numchild_in_db:
                by_count[node.numchild].append(node.pk)
                node.numchild_in_db = node.numchild
        for count, pks in by_count.items():
            Page.objects.filter(pk__in=pks).update(numchild=count)


def _concrete_chain(model: type[Page]) -> list[type[models.Model]]:
    """The concrete tables below wagtailcore_page, from the most general to ``model``."""
    parents = [m for m in model._meta.get_parent_list() if m is not Page and issubclass(m, Page)]
    parents.sort(key=lambda m: len(m._meta.get_parent_list()))
    return [*parents, model] if model is not Page else []


def _insert_pages(pages: list[Page]) -> None:
    """Insert base rows with bulk_create, then every specific table with one INSERT per batch.

    Django's bulk_create refuses multi-table inherited models, so the specific rows go
    through ``QuerySet._insert`` with the table's own columns: exactly what ``save()`` does
    for one row, for many rows at once.
    """
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    Page.objects.bulk_create(bases, batch_size=BATCH_SIZE)
    by_model: dict[type[Page], list[Page]] = defaultdict(list)
    for page, base in zip(pages, bases, strict=True):
        page.pk = base.pk
        page.id = base.pk
        for parent_link in page._meta.parents.values():
            if parent_link is not None:
                setattr(page, parent_link.attname, base.pk)
        page._state.adding = False
        by_model[type(page)].append(page)
    for model, objs in by_model.items():
        for table_model in _concrete_chain(model):
            fields = list(table_model._meta.local_concrete_fields)
            for start in range(0, len(objs), BATCH_SIZE):
                table_model._base_manager._insert(objs[start : start + BATCH_SIZE], fields=fields)


def tree_problems() -> dict[str, list[int]]:
    """treebeard's integrity check (what ``manage.py fixtree`` reports), by problem."""
    names = ("evil_chars", "bad_steplen", "orphans", "wrong_depth", "wrong_numchild")
    found = Page.find_problems()
    return {name: list(ids) for name, ids in zip(names, found, strict=True) if ids}
