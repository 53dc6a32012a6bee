"""The sync feed's change log and cursors: which pages may have changed, in commit order.

Every change a consuming site must hear of appends a row per affected page
(:class:`api.models.SyncEntry`): publish, unpublish, delete, move, a view restriction added,
changed or lifted, a snippet, image or document some page shows. The row records where the
page was (its tree path, so the feed of the site it left hears of it too) and its language,
not what the page shows: the feed (api/sync.py) judges each page as it is when asked, with
the caller's visibility, so the log never holds anything a caller may not read.

Rows are written inside the transaction that made the change (a rollback leaves none), and
on PostgreSQL the table is locked for the rest of that transaction, so ids are handed out
in commit order: a reader that has seen id N never later finds a row below N appear.
SQLite serialises writers by itself.

A cursor is an opaque, signed string naming a position in this log, the site and language
it is for, and, while the first walk over every visible page is still going, the last page
given. A cursor changed by hand, signed by another installation or made for another site or
language is refused (:class:`BadCursor`).

The log keeps a change for TINGSTED_SYNC_RETENTION_DAYS days (default 90): :func:`prune`
(``manage.py prune_sync_log``, run daily) removes older rows and records how far it went
(:class:`api.models.SyncPruning`). A cursor from before that horizon cannot be followed:
what changed between it and the horizon is gone, so the feed answers 410 and the consumer
starts again without a cursor (:func:`expired`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone
from wagtail.models import Page

from api.models import SyncEntry, SyncPruning

_SALT = "tingsted.api.sync"
_VERSION = 1

#: A page's subtree and translations are logged in one query; beyond this many rows at once
#: (a huge section moved) the insert is split.
BATCH = 1000


class BadCursor(ValueError):
    """A cursor that was not made by this installation for this site and language."""


@dataclass(frozen=True)
class Cursor:
    site_id: int
    locale: str | None
    #: Changes after this log id are still to be given.
    seq: int
    #: During the first walk: the last page id given (pages above it come next).
    after: int | None = None

    def encode(self) -> str:
        data = {"v": _VERSION, "s": self.site_id, "l": self.locale, "q": self.seq}
        if self.after is not None:
            data["a"] = self.after
        return signing.dumps(data, salt=_SALT, compress=True)

    @classmethod
    def decode(cls, value: str) -> Cursor:
        try:
            data = signing.loads(value, salt=_SALT)
        except signing.BadSignature:
            raise BadCursor("The cursor is not one this API gave out.") from None
        if not isinstance(data, dict) or data.get("v") != _VERSION:
            raise BadCursor("The cursor is from another version of the API.")
        try:
            return cls(
                site_id=int(data["s"]),
                locale=data["l"],
                seq=int(data["q"]),
                after=int(data["a"]) if data.get("a") is not None else None,
            )
        except (KeyError, TypeError, ValueError):
            raise BadCursor("The cursor is not one this API gave out.") from None


def last_seq() -> int:
    """The id of the newest log row (the pruned horizon, or 0, when the log is empty)."""
    return log_bounds()[1]


def log_bounds() -> tuple[int | None, int]:
    """The ids of the oldest and the newest log rows, in one query (with an empty log, no
    oldest and the pruned horizon as newest: ids are never given out twice)."""
    bounds = SyncEntry.objects.aggregate(first=Min("id"), last=Max("id"))
    if bounds["last"] is None:
        return None, horizon()
    return bounds["first"], bounds["last"]


def horizon() -> int:
    """The newest log id pruned (0 if none was): changes up to it are forgotten."""
    return SyncPruning.objects.aggregate(through=Max("pruned_through"))["through"] or 0


def expired(seq: int, first: int | None) -> bool:
    """Whether a cursor at ``seq`` predates the pruned horizon, given the oldest row kept.

    Pruning removes every row up to its horizon, so a cursor at or past the row before the
    oldest one kept has lost nothing (the usual case: no further query); otherwise the
    recorded horizon decides (ids may skip numbers, so ``first`` alone cannot tell).
    """
    if first is not None and seq >= first - 1:
        return False
    return seq < horizon()


def retention_days() -> int:
    return int(getattr(settings, "TINGSTED_SYNC_RETENTION_DAYS", 90))


def prune(days: int | None = None, *, dry_run: bool = False) -> tuple[int, int]:
    """Remove the log rows older than ``days`` (default: TINGSTED_SYNC_RETENTION_DAYS):
    (rows removed, the horizon now). Every row up to the newest one older than that goes,
    and the horizon is recorded, in one transaction."""
    days = retention_days() if days is None else days
    if days < 1:
        raise ValueError(f"The sync log must keep at least 1 day of changes, not {days}.")
    cutoff = timezone.now() - timedelta(days=days)
    with transaction.atomic():
        _lock()  # writers wait: no row below the horizon commits after it is drawn
        through = SyncEntry.objects.filter(created_at__lt=cutoff).aggregate(last=Max("id"))
        through = through["last"]
        if through is None:
            return 0, horizon()
        old = SyncEntry.objects.filter(id__lte=through)
        if dry_run:
            return old.count(), through
        # One DELETE, never the rows in memory (QuerySet.delete() loads them whenever any
        # app listens to deletions of every model); nothing refers to log rows.
        removed = old._raw_delete(old.db)
        SyncPruning.objects.create(pruned_through=through, cutoff=cutoff, removed=removed)
    return removed, through


def _lock() -> None:
    # Held to the end of the surrounding transaction: the next writer waits, so ids are
    # committed in order (see the module's docstring). Readers are not blocked.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(SyncEntry._meta.db_table)
            cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")


def record_rows(rows: Iterable[tuple[int, str, str]], kind: str) -> int | None:
    """Append (page id, path, language code) rows; the first new id, or None if none."""
    entries = [SyncEntry(page_id=pk, path=path, locale=code, kind=kind) for pk, path, code in rows]
    if not entries:
        return None
    with transaction.atomic():
        _lock()
        created = SyncEntry.objects.bulk_create(entries, batch_size=BATCH)
    first = created[0].pk
    return first if first is not None else last_seq() - len(created) + 1


def _rows(pages) -> list[tuple[int, str, str]]:
    return list(pages.values_list("pk", "path", "locale__language_code"))


def record_page(page: Page, kind: str = SyncEntry.Kind.UPSERT) -> int | None:
    """``page`` changed (published, unpublished, deleted): log it and its live translations,
    whose ``translations`` field lists it."""
    rows = [(page.pk, page.path, page.locale.language_code)]
    if page.translation_key is not None:
        others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        rows += _rows(others.live())
    return record_rows(rows, kind)


def record_subtree(page: Page, kind: str = SyncEntry.Kind.UPSERT) -> int | None:
    """``page`` and every page under it changed (moved, restricted), with their translations
    (restrictions are shared between translations, cms/restrictions.py)."""
    subtree = Page.objects.filter(path__startswith=page.path, depth__gte=page.depth)
    affected = Page.objects.filter(translation_key__in=subtree.values("translation_key"))
    return record_rows(_rows(affected | subtree), kind)


def record_pages(pages, kind: str = SyncEntry.Kind.UPSERT) -> int | None:
    """Log every page of the queryset ``pages`` (those showing a changed snippet)."""
    return record_rows(_rows(pages), kind)


def media_models() -> tuple[type, ...]:
    """Images and documents: pages showing one change with it (alt text, title, file)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return (get_image_model(), get_document_model())


def record_usage(obj) -> int | None:
    """``obj`` (a snippet, image or document) changed: log the live pages that show it.

    Wagtail's reference index knows which pages refer to it.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    if obj.pk is None:
        return None
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    pages = Page.objects.filter(
        pk__in=[int(pk) for pk in ids.values_list("object_id", flat=True)]
    ).live()
    return record_pages(pages)
