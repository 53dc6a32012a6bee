"""The sync feed, /api/v3/sync/: everything visible first, then exactly what changed since a
cursor (tombstones for what went away), in bounded answers, with the visibility rule of every
other channel, and never a credentialed answer served to anyone else."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from api.openapi import openapi_document
from tests.api.conftest import add_page
from tests.api.openapi_validation import assert_valid
from tests.factories import indexed_once

pytestmark = pytest.mark.django_db

SYNC = "/api/v3/sync/"


def call(api, token=None, site="da", **params):
    query = "&".join(f"{name}={value}" for name, value in params.items() if value is not None)
    response = api.get(f"{SYNC}?{query}", site=site, token=token)
    assert response.status_code == 200, response.content
    return response.json()


def walk(api, token=None, site="da", **params) -> tuple[list[dict], str, int]:
    """Follow ``next`` until an answer carries ``sync``: (items, sync cursor, answers)."""
    items: list[dict] = []
    answers = 0
    while True:
        body = call(api, token=token, site=site, **params)
        answers += 1
        items.extend(body["items"])
        if body["sync"] is not None:
            assert body["next"] is None
            return items, body["sync"], answers
        assert body["next"] is not None
        params["cursor"] = body["next"]


def summary(items: list[dict]) -> list[tuple[str, int]]:
    return [(item["kind"], item["id"]) for item in items]


def listed_ids(api, token=None, **params) -> list[int]:
    """The ids /api/v3/pages/ lists (the same rule, another channel)."""
    query = "&".join(f"{name}={value}" for name, value in {**params, "limit": 100}.items())
    response = api.get(f"/api/v3/pages/?{query}", token=token)
    assert response.status_code == 200, response.content
    return sorted(item["id"] for item in response.json()["items"])


@pytest.fixture
@indexed_once
def danish(home, hidden_pages):
    dk_home = home("da")
    return {
        **hidden_pages,
        "home": dk_home,
        "other": add_page(dk_home, "Anden side"),
        "third": add_page(dk_home, "Tredje side"),
    }


def test_the_first_walk_lists_every_visible_page_once_with_its_detail(api, danish, granted_token):
    first = call(api, locale="da", limit=2)
    assert_valid(openapi_document(), SYNC, first)  # formats included
    items, _cursor, answers = walk(api, locale="da", limit=2)
    ids = [item["id"] for item in items]
    assert ids == sorted(set(ids)) == listed_ids(api, locale="da")
    assert answers == -(-len(ids) // 2)
    assert danish["public"].pk in ids and danish["other"].pk in ids
    for hidden in ("draft", "private", "private_child"):
        assert danish[hidden].pk not in ids
    assert {item["kind"] for item in items} == {"upsert"}
    assert {item["locale"] for item in items} == {"da"}
    # The detail of /api/v3/pages/{id}/, as it is: the live title, not the newer draft's.
    entry = next(item for item in items if item["id"] == danish["public"].pk)
    assert entry["page"] == api.get(f"/api/v3/pages/{danish['public'].pk}/").json()
    assert entry["page"]["title"] == "Offentlig side"

    # A token opens what its user may see, here the restricted pages (never drafts).
    granted, _cursor, _answers = walk(api, token=granted_token, locale="da", limit=100)
    granted_ids = {item["id"] for item in granted}
    assert {danish["private"].pk, danish["private_child"].pk} <= granted_ids
    assert danish["draft"].pk not in granted_ids


def test_each_call_with_the_cursor_gives_exactly_what_changed_since(api, danish, granted_token):
    _items, cursor, _answers = walk(api, locale="da")
    _items, granted_cursor, _answers = walk(api, token=granted_token, locale="da")

    def changes(token=None):
        nonlocal cursor, granted_cursor
        items, new_cursor, _answers = walk(
            api, token=token, cursor=granted_cursor if token else cursor, limit=3
        )
        if token:
            granted_cursor = new_cursor
        else:
            cursor = new_cursor
        return items

    assert changes() == []  # nothing changed yet

    public = danish["public"]
    public.title = "Offentlig side, ny udgave"
    public.save_revision().publish()
    body = call(api, cursor=cursor)
    assert_valid(openapi_document(), SYNC, body)
    items = changes()
    assert summary(items) == [("upsert", public.pk)]
    assert items[0]["page"]["title"] == "Offentlig side, ny udgave"
    assert items[0]["page"] == api.get(f"/api/v3/pages/{public.pk}/").json()

    created = add_page(danish["home"], "Ny side")
    assert summary(changes()) == [("upsert", created.pk)]

    created.move(danish["other"], pos="last-child")
    items = changes()
    assert summary(items) == [("upsert", created.pk)]
    assert items[0]["page"]["meta"]["html_url"].endswith("/anden-side/ny-side/")

    public.unpublish()
    assert_valid(openapi_document(), SYNC, call(api, cursor=cursor))
    assert summary(changes()) == [("tombstone", public.pk)]

    Page.objects.get(pk=created.pk).delete()
    assert summary(changes()) == [("tombstone", created.pk)]

    third = danish["third"]
    PageViewRestriction.objects.create(page=third, restriction_type=PageViewRestriction.LOGIN)
    assert summary(changes()) == [("tombstone", third.pk)]
    # A token that may read restricted pages sees every change since its own cursor, and the
    # page made private is still there for it.
    granted = changes(granted_token)
    assert ("upsert", third.pk) in summary(granted)
    assert ("tombstone", public.pk) in summary(granted)

    assert changes() == []  # nothing twice


def test_changes_come_in_bounded_answers_each_page_once(api, danish):
    _items, cursor, _answers = walk(api, locale="da")
    pages = [danish["public"], danish["other"], danish["third"]]
    pages += [add_page(danish["home"], f"Side {number}") for number in range(3)]
    for page in pages[:3]:  # changed twice: listed once, at its last change
        page.save_revision().publish()

    first = call(api, cursor=cursor, limit=2)
    assert len(first["items"]) == 2 and first["sync"] is None and first["next"]
    items, new_cursor, answers = walk(api, cursor=cursor, limit=2)
    assert answers == 3
    # In the order of each page's last change: the three new pages, then the three again.
    assert summary(items) == [("upsert", page.pk) for page in pages[3:] + pages[:3]]
    assert walk(api, cursor=new_cursor, limit=2)[0] == []


def test_a_cursor_not_given_out_for_this_site_and_language_is_a_400_naming_it(api, danish):
    _items, cursor, _answers = walk(api, locale="da")
    tampered = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")
    for params, site in [
        ({"cursor": tampered}, "da"),
        ({"cursor": "not-a-cursor"}, "da"),
        ({"cursor": cursor, "locale": "en"}, "da"),  # another language
        ({"cursor": cursor}, "sv"),  # another site
        ({"cursor": cursor, "site": "se.localhost"}, "da"),
    ]:
        query = "&".join(f"{name}={value}" for name, value in params.items())
        response = api.get(f"{SYNC}?{query}", site=site)
        assert response.status_code == 400, (params, site)
        assert response["Content-Type"].startswith("application/problem+json")
        body = response.json()
        assert body["status"] == 400
        assert body["errors"][0]["loc"] == ["query", "cursor"], body
    for bad in ("0", "101", "many"):
        response = api.get(f"{SYNC}?limit={bad}")
        assert response.status_code in (400, 422)
        assert response.json()["errors"][0]["loc"][-1] == "limit"


def test_an_answer_costs_the_same_queries_for_two_items_or_eight(
    api, home, django_assert_max_num_queries
):
    dk_home = home("da")
    pages = [add_page(dk_home, f"Side {number}") for number in range(8)]
    _items, cursor, _answers = walk(api, locale="da")
    for page in pages:
        page.save_revision().publish()

    def queries(**params) -> int:
        with CaptureQueriesContext(connection) as captured:
            body = call(api, **params)
        assert len(body["items"]) == params["limit"]
        return len(captured)

    # The site, the restrictions and the pages' translations remembered, as in a process.
    api.get(f"{SYNC}?locale=da&limit=100")
    few, many = queries(locale="da", limit=2), queries(locale="da", limit=8)
    assert many == few <= 10, (few, many)
    with django_assert_max_num_queries(few):
        call(api, locale="da", limit=8)
    few, many = queries(cursor=cursor, limit=2), queries(cursor=cursor, limit=8)
    assert many == few <= 10, (few, many)


def test_a_credentialed_answer_is_never_stored_for_anyone_else(api, danish, granted_token):
    private = danish["private"].pk
    with_token = api.get(f"{SYNC}?locale=da&limit=100", token=granted_token)
    assert private in {item["id"] for item in with_token.json()["items"]}
    assert with_token["Cache-Control"] == "private, no-store"
    assert not with_token.has_header("ETag")
    anonymous = api.get(f"{SYNC}?locale=da&limit=100")
    assert private not in {item["id"] for item in anonymous.json()["items"]}
    # Public, but a cache in front asks again every time (a webhook may just have arrived).
    assert anonymous["Cache-Control"] == "public, no-cache"
    assert "Authorization" in anonymous["Vary"]
    again = api.get(f"{SYNC}?locale=da&limit=100", HTTP_IF_NONE_MATCH=anonymous["ETag"])
    assert again.status_code == 304


def test_a_page_moved_to_another_site_is_a_tombstone_there_and_new_here(api, home, danish):
    _items, danish_cursor, _answers = walk(api, locale="da")
    swedish_home = home("sv")
    _items, swedish_cursor, _answers = walk(api, site="sv")
    danish["other"].move(swedish_home, pos="last-child")
    assert summary(walk(api, cursor=danish_cursor)[0]) == [("tombstone", danish["other"].pk)]
    assert summary(walk(api, site="sv", cursor=swedish_cursor)[0]) == [
        ("upsert", danish["other"].pk)
    ]


def test_a_restriction_lifted_brings_the_pages_back(api, danish):
    _items, cursor, _answers = walk(api, locale="da")
    PageViewRestriction.objects.filter(page=danish["private"]).delete()
    assert sorted(summary(walk(api, cursor=cursor)[0])) == sorted(
        [("upsert", danish["private"].pk), ("upsert", danish["private_child"].pk)]
    )


def test_a_snippet_changed_brings_the_pages_that_show_it(api, home):
    from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory
    from tests.factories.people import PersonFactory

    person = PersonFactory(name="Karen Blixen", locale=home("da").locale)
    blog = BlogIndexPageFactory(parent=home("da"), locale=home("da").locale)
    post = BlogPostPageFactory(parent=blog, authors=[person], locale=home("da").locale)
    post.save_revision().publish()  # Wagtail's reference index learns the author
    _items, cursor, _answers = walk(api, locale="da")
    person.name = "Karen Christentze Blixen"
    person.save()
    items = walk(api, cursor=cursor)[0]
    assert summary(items) == [("upsert", post.pk)]
    assert "Karen Christentze Blixen" in json.dumps(items[0]["page"])


def test_a_feed_holds_its_language_and_a_translation_changes_its_source(api, home, locales):
    danish = add_page(home("da"), "Kun dansk")
    source = add_page(home("da"), "Oversat side")
    _items, danish_cursor, _answers = walk(api, locale="da")
    _items, every_cursor, _answers = walk(api)  # every language of the site
    english = add_page(home("da", "en"), "English only")
    translation = source.copy_for_translation(locales["en"])
    translation.save_revision().publish()

    # The Danish feed: not the English pages, but the Danish page whose translations grew.
    items = walk(api, cursor=danish_cursor)[0]
    assert summary(items) == [("upsert", source.pk)]
    assert [t["id"] for t in items[0]["page"]["translations"]] == [translation.pk]
    assert danish.pk not in {item["id"] for item in items}
    # The feed of every language has both English pages (and the source) once each.
    items = walk(api, cursor=every_cursor)[0]
    assert sorted(summary(items)) == sorted(
        [("upsert", english.pk), ("upsert", translation.pk), ("upsert", source.pk)]
    )
    assert {item["locale"] for item in items} == {"da", "en"}


# --- retention: the change log is pruned (manage.py prune_sync_log) -------------------------


def age_log(days: int) -> None:
    """Make every change logged so far ``days`` old."""
    import datetime

    from django.utils import timezone

    from api.models import SyncEntry

    SyncEntry.objects.update(created_at=timezone.now() - datetime.timedelta(days=days))


def prune_sync_log(*args: str) -> str:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("prune_sync_log", *args, stdout=out)
    return out.getvalue()


def test_a_cursor_older_than_the_pruned_log_is_a_410_telling_to_start_again(api, danish):
    from api.models import SyncEntry

    _items, stale, _answers = walk(api, locale="da")
    public = danish["public"]
    public.unpublish()  # a tombstone the pruning takes away
    age_log(100)
    fresh = add_page(danish["home"], "Frisk side")  # logged today: kept
    assert "Deleted" in prune_sync_log()
    assert SyncEntry.objects.filter(page_id=public.pk).count() == 0
    assert SyncEntry.objects.filter(page_id=fresh.pk).exists()

    response = api.get(f"{SYNC}?cursor={stale}", site="da")
    assert response.status_code == 410, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert (problem["status"], problem["title"], problem["parameter"]) == (410, "Gone", "cursor")
    assert "without a cursor" in problem["detail"] and "90 days" in problem["detail"]
    assert problem["errors"][0]["type"] == "cursor_expired"
    # A first walk's cursor from before the horizon cannot be followed either: a change
    # logged after the walk began is pruned before the walk ends.
    first = call(api, locale="da", limit=1)
    fresh.save_revision().publish()
    age_log(100)
    prune_sync_log()
    assert api.get(f"{SYNC}?cursor={first['next']}", site="da").status_code == 410

    # Starting again: everything visible now (the unpublished page is simply not there).
    items, cursor, _answers = walk(api, locale="da")
    ids = {item["id"] for item in items}
    assert fresh.pk in ids and public.pk not in ids
    assert call(api, cursor=cursor)["items"] == []


def test_cursors_at_or_after_the_horizon_keep_working(api, danish):
    _items, before, _answers = walk(api, locale="da")
    age_log(100)
    prune_sync_log("--days", "30")
    # The log is empty now; a cursor made after the pruning is not sent back.
    _items, after, _answers = walk(api, locale="da")
    assert call(api, cursor=after)["items"] == []
    other = danish["other"]
    other.title = "Anden side, ny udgave"
    other.save_revision().publish()
    assert summary(walk(api, cursor=after)[0]) == [("upsert", other.pk)]
    # The cursor from before the pruning had seen every change the pruning removed.
    assert summary(walk(api, cursor=before)[0]) == [("upsert", other.pk)]
    # Pruning again removes the changes older than the period, and only those.
    prune_sync_log()
    assert summary(walk(api, cursor=after)[0]) == [("upsert", other.pk)]


def test_the_prune_command_keeps_the_period_and_refuses_bad_input(danish, settings):
    from django.core.management.base import CommandError

    from api.models import SyncEntry, SyncPruning

    logged = SyncEntry.objects.count()
    assert logged
    age_log(40)
    assert prune_sync_log().startswith("Deleted 0 ")  # nothing older than 90 days
    assert SyncEntry.objects.count() == logged and not SyncPruning.objects.exists()
    assert prune_sync_log("--days", "30", "--dry-run") == (
        f"{logged} sync log entries older than 30 days would be deleted.\n"
    )
    assert SyncEntry.objects.count() == logged
    for bad in (["--days", "0"], ["--days", "-5"]):
        with pytest.raises(CommandError, match=r"--days must be at least 1 .*not -?\d+\.$"):
            prune_sync_log(*bad)
    settings.TINGSTED_SYNC_RETENTION_DAYS = 0
    with pytest.raises(CommandError, match="TINGSTED_SYNC_RETENTION_DAYS must be at least 1"):
        prune_sync_log()
    assert SyncEntry.objects.count() == logged
    settings.TINGSTED_SYNC_RETENTION_DAYS = 30
    assert prune_sync_log().startswith(f"Deleted {logged} sync log entries older than 30 days")
    (pruning,) = SyncPruning.objects.all()
    assert (pruning.removed, SyncEntry.objects.count()) == (logged, 0)


@pytest.mark.subprocess
@pytest.mark.database_neutral
def test_a_bad_days_value_exits_non_zero_with_a_sentence():
    """Refused before any database is touched: the command never runs half-way."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", "prune_sync_log", "--days", "0"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "--days must be at least 1 (days of changes to keep), not 0." in result.stderr


def test_the_410_is_declared_on_the_sync_operation():
    document = openapi_document()
    responses = document["paths"][SYNC]["get"]["responses"]
    assert responses["410"] == {"$ref": "#/components/responses/Gone"}
    gone = document["components"]["responses"]["Gone"]
    assert gone["content"]["application/problem+json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"
    }
    assert "without `cursor`" in gone["description"]
    # Only the sync feed answers it.
    others = [
        (path, method)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if "410" in operation["responses"] and path != SYNC
    ]
    assert others == []
