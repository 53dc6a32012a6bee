#!/usr/bin/env python3
"""An external site keeping a local mirror of one site's pages in one language, through the
sync feed (``/api/v3/sync/``) and the typed models generated from the OpenAPI document
(``tingsted_api.py`` beside this file).

    python docs/examples/sync_consumer.py --api https://tingsted.example/api \\
        --site dk.tingsted.example --locale da --mirror mirror.sqlite3

The first run copies every page the caller may see; each later run (on a schedule, or when a
webhook arrives: its ``page.sync.url`` is the feed's address) applies only what changed since
the cursor the last run stored: an upsert replaces a page, a tombstone removes it. Each
answer's items and the cursor that follows them are written in one transaction, so a run that
stops half-way resumes where it stopped. Pass --token for a service user's API token.

The API keeps changes for a retention period (90 days by default): a mirror not synced for
longer gets a 410 for its cursor. It then starts again without a cursor, and when that walk
is done drops every page the walk did not give (what was deleted or hidden meanwhile, whose
tombstones are gone).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tingsted_api import SyncBatch, SyncTombstone

#: ``get(path, params) -> decoded JSON``: how the mirror reads the API (tests pass their own).
Getter = Callable[[str, dict], dict]

SCHEMA = """
CREATE TABLE IF NOT EXISTS page (
    id INTEGER PRIMARY KEY,
    locale TEXT NOT NULL,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    detail TEXT NOT NULL  -- the page as GET /api/v3/pages/{id}/ answers it, as JSON
);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- During a walk started again (after a 410): the pages it has given so far.
CREATE TABLE IF NOT EXISTS seen (id INTEGER PRIMARY KEY);
"""


class APIError(Exception):
    pass


class CursorExpired(APIError):
    """410: the cursor is older than the changes the API keeps; start again without one."""


def http_getter(base: str, token: str | None = None) -> Getter:
    def get(path: str, params: dict) -> dict:
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        request = urllib.request.Request(f"{base.rstrip('/')}{path}?{query}")
        request.add_header("Accept", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            problem = json.loads(error.read() or b"{}")
            failure = CursorExpired if error.code == 410 else APIError
            raise failure(f"HTTP {error.code}: {problem.get('detail')}") from error

    return get


class Mirror:
    """The local copy: one row per page, and the cursor to continue from."""

    def __init__(self, path: Path | str):
        self.db = sqlite3.connect(str(path))
        self.db.executescript(SCHEMA)

    def cursor(self, site: str, locale: str | None) -> str | None:
        return self._state(f"cursor:{site}:{locale}")

    def _state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def start_again(self, site: str, locale: str | None) -> None:
        """The cursor expired (410): forget it, and note which pages the next walk gives."""
        with self.db:
            self.db.execute("DELETE FROM state WHERE key = ?", (f"cursor:{site}:{locale}",))
            self.db.execute(
                "INSERT OR REPLACE INTO state (key, value) VALUES (?, '1')",
                (f"again:{site}:{locale}",),
            )
            self.db.execute("DELETE FROM seen")

    def pages(self) -> dict[int, dict]:
        """Every mirrored page's detail, by id."""
        return {
            pk: json.loads(detail) for pk, detail in self.db.execute("SELECT id, detail FROM page")
        }

    def apply(self, batch: SyncBatch, raw: dict, site: str, locale: str | None) -> tuple[int, int]:
        """Apply one answer and store the cursor after it, in one transaction."""
        upserted = removed = 0
        again = self._state(f"again:{site}:{locale}") is not None
        with self.db:
            for item, raw_item in zip(batch.items, raw["items"], strict=True):
                entry = item.root if hasattr(item, "root") else item
                if isinstance(entry, SyncTombstone):
                    self.db.execute("DELETE FROM page WHERE id = ?", (entry.id,))
                    removed += 1
                    continue
                page = entry.page.root if hasattr(entry.page, "root") else entry.page
                self.db.execute(
                    "INSERT OR REPLACE INTO page (id, locale, type, title, url, detail) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        entry.id,
                        entry.locale,
                        page.meta.type,
                        page.title,
                        page.meta.html_url,
                        # Kept as served: every field of every page type, whichever model
                        # of the union pydantic matched.
                        json.dumps(raw_item["page"], sort_keys=True),
                    ),
                )
                upserted += 1
                if again:
                    self.db.execute("INSERT OR IGNORE INTO seen (id) VALUES (?)", (entry.id,))
            if again and batch.sync is not None:
                # The walk started again is complete: what it did not give is gone.
                removed += self.db.execute(
                    "DELETE FROM page WHERE id NOT IN (SELECT id FROM seen)"
                    + (" AND locale = ?" if locale else ""),
                    (locale,) if locale else (),
                ).rowcount
                self.db.execute("DELETE FROM seen")
                self.db.execute("DELETE FROM state WHERE key = ?", (f"again:{site}:{locale}",))
            self.db.execute(
                "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
                (f"cursor:{site}:{locale}", batch.next or batch.sync),
            )
        return upserted, removed


def sync(
    get: Getter, mirror: Mirror, site: str, locale: str | None, limit: int = 50
) -> tuple[int, int]:
    """Bring ``mirror`` up to date; (pages upserted, pages removed)."""
    totals = [0, 0]
    while True:
        params = {"site": site, "limit": limit, "cursor": mirror.cursor(site, locale)}
        if params["cursor"] is None:
            params["locale"] = locale
        try:
            raw = get("/v3/sync/", params)
        except CursorExpired:
            if params["cursor"] is None:
                raise  # not ours to fix: a 410 is only ever about a cursor
            mirror.start_again(site, locale)
            continue
        batch = SyncBatch.model_validate(raw)  # fails loudly if the API broke its contract
        upserted, removed = mirror.apply(batch, raw, site, locale)
        totals[0] += upserted
        totals[1] += removed
        if batch.next is None:
            return totals[0], totals[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--api", required=True, help="The API root, e.g. https://host/api")
    parser.add_argument("--site", required=True, help="The site's hostname, e.g. dk.localhost")
    parser.add_argument("--locale", default=None, help="A language code, e.g. da")
    parser.add_argument("--token", default=None, help="A service user's API token")
    parser.add_argument("--mirror", type=Path, required=True, help="The SQLite file to keep")
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args(argv)

    mirror = Mirror(args.mirror)
    try:
        upserted, removed = sync(
            http_getter(args.api, args.token), mirror, args.site, args.locale, args.limit
        )
    except APIError as error:
        raise SystemExit(str(error)) from error
    count = mirror.db.execute("SELECT COUNT(*) FROM page").fetchone()[0]
    print(f"{upserted} pages updated, {removed} removed; {count} pages in {args.mirror}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
