"""The bench's run against two app processes behind nginx (cms.bench.shape).

The selection is checked on its own; then, on the PostgreSQL run, a short real run: the
deploy script started by the bench with ``--local-media`` on a copy of the suite's database
and a Redis database of this module's own, measured with wrk for a second per row.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from cms.bench import shape
from cms.bench.endpoints import COLD, CONDITIONAL, UNLOADED, WARM, core_endpoints
from cms.bench.report import TWO_PROCESSES
from tests.cms.processes import redis_database

#: Redis at its usual place, on a database number no other test or bench uses.
REDIS_DB = 13


def test_the_shape_measures_a_few_endpoints_in_a_few_modes():
    endpoints = core_endpoints()

    chosen = {endpoint.key: endpoint.modes for endpoint in shape.select_endpoints(endpoints)}

    # Without a plugin's rendered network page, the home page stands in for it.
    assert chosen == {
        "list-20": (WARM,),
        "detail-long": (WARM, CONDITIONAL),
        "html-home": (COLD, UNLOADED, WARM),
        "search": (COLD,),
    }


def test_the_shape_prefers_the_network_page_and_leaves_out_what_the_run_has_not():
    from dataclasses import replace

    home = next(endpoint for endpoint in core_endpoints() if endpoint.key == "html-home")
    network = replace(home, key="html-network", path="/netvaerk/")

    chosen = shape.select_endpoints([home, network])

    assert [(endpoint.key, endpoint.modes) for endpoint in chosen] == [
        ("html-network", (COLD, UNLOADED, WARM))
    ]


def _tools_missing() -> str | None:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        return "nginx is not installed (apt-get install -y nginx-light)."
    if not shutil.which("wrk"):
        return "wrk is not installed (apt-get install -y wrk)."
    if importlib.util.find_spec("gunicorn") is None:
        return "gunicorn is not installed (make install)."
    return None


@pytest.fixture(scope="module")
def shape_database(django_db_setup, django_db_blocker) -> Iterator[tuple[str, int]]:
    """A copy of the suite's migrated and bootstrapped test database: its URL, and the
    Danish home page's id in it. The test reaches it only through the app processes."""
    import psycopg
    from psycopg import sql

    db = connection.settings_dict
    template = db["NAME"]
    name = f"{template}_bench_shape"[:63]
    server = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with django_db_blocker.unblock():
        connection.close()  # a template database may have no other connection
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(drop)
            admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        try:
            with psycopg.connect(f"{server}/{name}") as copy:
                [home_id] = copy.execute(
                    "SELECT root_page_id FROM wagtailcore_site WHERE hostname = %s",
                    ["dk.localhost"],
                ).fetchone()
            yield f"{server}/{name}", home_id
        finally:
            with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
                admin.execute(drop)


@pytest.fixture
def redis_url() -> Iterator[str]:
    with redis_database(REDIS_DB) as url:
        yield url


def _static_root(path: Path) -> Path:
    """A manifest naming every static file as itself (as tests/cms/test_two_processes.py)."""
    import json

    from django.contrib.staticfiles import finders

    paths = {
        found: found
        for finder in finders.get_finders()
        for found, _ in finder.list(["CVS", ".*", "*~"])
    }
    path.mkdir()
    (path / "staticfiles.json").write_text(
        json.dumps({"paths": paths, "version": "1.1", "hash": "bench-shape"})
    )
    return path


# The suite's test database is the source of the processes' copy (``shape_database``).
@pytest.mark.django_db
@pytest.mark.postgres
@pytest.mark.subprocess
def test_a_short_run_on_two_app_processes_behind_nginx(
    tmp_path, shape_database, redis_url, bench_command
):
    if missing := _tools_missing():
        pytest.skip(missing)
    from cms.bench import wrk
    from cms.bench.env import server_env

    database_url, home_id = shape_database
    media = tmp_path / "media"
    media.mkdir()
    env = server_env(
        database_url, redis_url, media, STATIC_ROOT=str(_static_root(tmp_path / "static"))
    )
    command = bench_command("bench_run")
    command.options = {
        "duration": 1,
        "connections": 2,
        "threads": 1,
        "cache_url": redis_url,
    }
    command.script = wrk.lua_script(tmp_path)
    probes = {
        "detail-long": {"url": f"/api/v3/pages/{home_id}/", "queries_warm": 0},
        "html-home": {"url": "/", "queries_cold": 3},
    }
    endpoints = [
        endpoint for endpoint in core_endpoints() if endpoint.key in ("detail-long", "html-home")
    ]

    rows = command.measure_shape(10, endpoints, probes, env)

    measured = {(row.key, row.mode): row for row in rows}
    assert set(measured) == {
        ("html-home", COLD),
        ("html-home", UNLOADED),
        ("detail-long", WARM),
        ("detail-long", CONDITIONAL),
        ("html-home", WARM),
    }
    for row in rows:
        assert row.shape == TWO_PROCESSES
        assert row.status == (304 if row.mode == CONDITIONAL else 200), row
        assert row.rps and row.rps > 0, row
        assert row.cpu_ms and row.cpu_ms > 0, row  # both app processes' CPU time
        assert row.proxy_cpu_ms is not None, row
        assert row.errors == 0, row
    assert measured[("html-home", COLD)].queries == 3
    assert measured[("detail-long", CONDITIONAL)].bytes == 0
