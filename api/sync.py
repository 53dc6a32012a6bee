"""``GET /api/v3/sync/``: an incremental feed of a site's pages in one language.

The first call (no ``cursor``) walks every page the caller may see, oldest id first; later
calls with the cursor it ended with give only the pages changed since, each once however
often it changed: an ``upsert`` with the page's full detail (the schema of
``/api/v3/pages/{id}/``) when the caller may see it now, a ``tombstone`` (id and language)
when it was unpublished, deleted, moved to another site or made private. Answers hold at
most ``limit`` items; ``next`` is set while more remain, ``sync`` (the cursor to keep) on
the last one.

The change log keeps TINGSTED_SYNC_RETENTION_DAYS days (``manage.py prune_sync_log``): a
cursor older than that is a 410 problem telling the consumer to start again without one.

What changed comes from the change log (api/changelog.py); who sees what from the one rule
(api/access.py, cms/visibility.py), applied when asked: the feed carries published pages
only, never drafts.
"""

# No "from __future__ import annotations": the schemas inside build_sync_router() are
# read by pydantic, which must see the classes, not names it cannot resolve there.
from typing import Annotated, Any, Literal

from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.models import Page

from api.access import APIParameterError, pages_queryset, requested_site, site_scope
from api.changelog import BadCursor, Cursor, expired, last_seq, log_bounds, retention_days
from api.fields import remember_translations
from api.models import SyncEntry
from cms.loading import preloaded

#: Items per answer unless ``limit`` asks for fewer (or more, up to WAGTAILAPI_LIMIT_MAX).
DEFAULT_LIMIT = 20

UPSERT = SyncEntry.Kind.UPSERT.value
TOMBSTONE = SyncEntry.Kind.TOMBSTONE.value


def build_sync_router() -> Router:
    """The route and its schemas (built late: the page schemas exist once apps are ready)."""
    from wagtail.api.v3.routers.pages import PageDetailSchema

    class SyncUpsert(Schema):
        """A page the caller may see, as ``GET /api/v3/pages/{id}/`` would answer it."""

        kind: Literal["upsert"]
        id: int
        locale: str
        page: PageDetailSchema  # type: ignore[valid-type]

    class SyncTombstone(Schema):
        """A page to drop: unpublished, deleted, moved away or no longer visible to the
        caller."""

        kind: Literal["tombstone"]
        id: int
        locale: str

    class SyncBatch(Schema):
        items: list[Annotated[SyncUpsert | SyncTombstone, Field(discriminator="kind")]]
        next: str | None = Field(
            description="Set while more items remain: call again with it as `cursor`."
        )
        sync: str | None = Field(
            description="Set on the last answer: keep it and call with it as `cursor` later "
            "for what changed since."
        )

    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100) or 100
    router = Router(tags=["sync"])

    @router.get(
        "/",
        response=SyncBatch,
        url_name="sync",
        summary="What changed since a cursor",
        description=(
            "Without `cursor`: every page of the site (in `locale`, if given) the caller may "
            "see, as upserts, in answers of at most `limit` items. Follow `next` until an "
            "answer carries `sync` instead; keep that cursor and call with it later for the "
            "pages created, changed, moved, unpublished, deleted or made private since, each "
            "once: upserts with the page's detail, tombstones to drop. A cursor is opaque and "
            "belongs to one site and language; any other is a 400 naming `cursor`. Changes "
            "are kept for a retention period (TINGSTED_SYNC_RETENTION_DAYS, default 90 days): "
            "a cursor older than that is a 410 naming `cursor`; start again without one and "
            "replace the local copy with what that walk gives."
        ),
        operation_id="sync",
        auth=[BearerTokenAuth(), AllowAnonymous()],
    )
    def sync(
        request: HttpRequest,
        cursor: str | None = Query(
            None, description="A `next` or `sync` cursor from an earlier answer."
        ),
        locale: str | None = Query(
            None, description="A language code; with a cursor, the cursor's (or left out)."
        ),
        site: str | None = Query(
            None, description="The site's hostname (`host[:port]`); default: the request's."
        ),
        limit: int = Query(DEFAULT_LIMIT, ge=1),
    ) -> dict[str, Any]:
        # A 400 as on every list (docs/api.md, Errors), not the 422 of a schema bound.
        if limit > limit_max:
            raise APIParameterError("limit", f"limit cannot be higher than {limit_max}")
        return answer(request, cursor, locale, limit)

    return router


def answer(request: HttpRequest, value: str | None, locale: str | None, limit: int) -> dict:
    site = requested_site(request)
    if site is None:
        raise APIParameterError("site", "No site answers at this address: name one with ?site=.")
    if value:
        try:
            cursor = Cursor.decode(value)
        except BadCursor as error:
            raise APIParameterError("cursor", str(error)) from None
        if cursor.site_id != site.pk:
            raise APIParameterError(
                "cursor", "The cursor is for another site: call with the site it came from."
            )
        if locale is not None and locale != cursor.locale:
            raise APIParameterError(
                "cursor", "The cursor is for another language: leave out locale or use its own."
            )
        # The end is read first: rows committed while this answer is built wait for the next.
        first, upper = log_bounds()
        if expired(cursor.seq, first):
            raise APIParameterError(
                "cursor",
                "The cursor is older than the changes this API keeps "
                f"({retention_days()} days): start again without a cursor, replacing what "
                "you keep with what that walk gives.",
                status=410,
                code="cursor_expired",
            )
    else:
        cursor = Cursor(site.pk, locale, seq=last_seq(), after=0)
        upper = cursor.seq
    visible = pages_queryset(request, drafts=False)
    if cursor.locale:
        visible = visible.filter(locale__language_code=cursor.locale)
    if cursor.after is not None:
        return _first_walk(request, cursor, visible, limit)
    return _changes(request, cursor, site, visible, limit, upper)


def _first_walk(request: HttpRequest, cursor: Cursor, visible, limit: int) -> dict:
    """Every visible page above ``cursor.after``; changes from ``cursor.seq`` on come after."""
    pages = _specific(visible.filter(pk__gt=cursor.after).order_by("pk"), limit + 1)
    more = len(pages) > limit
    pages = pages[:limit]
    _prepare(request, pages)
    items = [_upsert(page) for page in pages]
    if more:
        following = Cursor(cursor.site_id, cursor.locale, cursor.seq, after=pages[-1].pk)
        return {"items": items, "next": following.encode(), "sync": None}
    done = Cursor(cursor.site_id, cursor.locale, cursor.seq)
    return {"items": items, "next": None, "sync": done.encode()}


def _changes(request: HttpRequest, cursor: Cursor, site, visible, limit: int, upper: int) -> dict:
    """The pages logged after ``cursor.seq`` up to ``upper``, each once, in the order of its
    last change."""
    entries = SyncEntry.objects.filter(
        site_scope(request, site, depth=False), id__gt=cursor.seq, id__lte=upper
    )
    if cursor.locale:
        entries = entries.filter(locale=cursor.locale)
    changed = list(
        entries.values("page_id", "locale").annotate(last=Max("id")).order_by("last")[: limit + 1]
    )
    more = len(changed) > limit
    changed = changed[:limit]
    ids = [row["page_id"] for row in changed]
    pages = {page.pk: page for page in _specific(visible.filter(pk__in=ids), None)}
    _prepare(request, list(pages.values()))
    items = [
        _upsert(pages[row["page_id"]])
        if row["page_id"] in pages
        else {"kind": TOMBSTONE, "id": row["page_id"], "locale": row["locale"]}
        for row in changed
    ]
    if more:
        following = Cursor(cursor.site_id, cursor.locale, changed[-1]["last"])
        return {"items": items, "next": following.encode(), "sync": None}
    done = Cursor(cursor.site_id, cursor.locale, max(upper, cursor.seq))
    return {"items": items, "next": None, "sync": done.encode()}


def _specific(queryset, count: int | None) -> list[Page]:
    """The specific pages of ``queryset`` (one query per page type), with their locales."""
    queryset = queryset.select_related("locale").select_related(
        "locale", for_specific_subqueries=True
    )
    if count is not None:
        queryset = queryset[:count]
    return list(queryset.specific())


def _prepare(request: HttpRequest, pages: list[Page]) -> None:
    """Fetch what the pages' details show for all of them at once: what their fields choose
    (the loader), their translations and their parents."""
    if not pages:
        return
    with preloaded(pages):
        pass  # the request's loader keeps what was fetched until the answer is built
    remember_translations(pages, request)
    parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > 1}
    parents = {parent.path: parent for parent in Page.objects.filter(path__in=parent_paths)}
    for page in pages:
        # treebeard's get_parent() (the detail's meta.parent) reads this before asking.
        page._cached_parent_obj = parents.get(page.path[: -Page.steplen])


def _upsert(page: Page) -> dict:
    return {"kind": UPSERT, "id": page.pk, "locale": page.locale.language_code, "page": page}
