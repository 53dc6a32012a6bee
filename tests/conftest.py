"""Fixtures shared by the whole suite: the sites and locales are built once per session,
and the demo once per session for the tests that ask for it (the ``demo`` fixture)."""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import override_settings
from wagtail.models import Locale, Site

from cms.bootstrap import bootstrap_sites

#: The environment variable naming a migrated SQLite database file (``migrated_database``)
#: that a test suite started by a test restores instead of migrating.
MIGRATED_DATABASE = "TINGSTED_TEST_MIGRATED_DATABASE"

#: Site language -> hostname, as bootstrapped from settings.TINGSTED_SITES.
HOSTS = {"en": "localhost", "da": "dk.localhost", "sv": "se.localhost", "nb": "no.localhost"}


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """MD5 instead of PBKDF2: the suite logs users in often and checks no password strength.

    override_settings sends setting_changed, which empties Django's cached hasher list.
    """
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


class _MigratedOnce:
    """The test database of each pytest-xdist worker made from the first worker's migrated
    copy, instead of migrated again.

    ``migrate`` takes half a minute of CPU here (Django renders the model states of some 250
    migrations); the workers of one run share the same code, so the first migrates and keeps
    the result, and the others copy it: on SQLite a file beside the run's temporary
    directories (SQLite's backup API), on PostgreSQL a template database named after the run
    (``CREATE DATABASE … TEMPLATE``), dropped when the workers finish. Each copy takes a
    fraction of a second. A worker waits for the first only while it migrates, and meanwhile
    its first tests (the longest, without a test database: ``_SlowFirst``) run.
    Only while pytest-django creates the test databases.
    """

    def __init__(self, directory: Path, run: str, template: Path | None = None) -> None:
        self.template = template or directory / "migrated.sqlite3"
        self.lock = directory / "migrated.lock"
        # PostgreSQL names are at most 63 bytes; the run's id keeps runs apart.
        self.template_database = f"tingsted_migrated_{run[:16]}"
        self.original = None

    def start(self) -> None:
        from django.core.management.commands import migrate

        self.original = original = migrate.Command.handle
        migrated_once = self

        def handle(command, *args, **options):
            target = connections[options["database"]]
            with migrated_once.locked():
                if target.vendor == "postgresql":
                    return migrated_once._postgresql(target, original, command, args, options)
                if migrated_once.template.exists():
                    target.ensure_connection()
                    with closing(sqlite3.connect(migrated_once.template)) as source:
                        source.backup(target.connection)
                    return None
                result = original(command, *args, **options)
                target.ensure_connection()
                with closing(sqlite3.connect(migrated_once.template)) as copy:
                    target.connection.backup(copy)
                return result

        migrate.Command.handle = handle

    def _postgresql(self, target, original, command, args, options):
        name = target.ops.quote_name(target.settings_dict["NAME"])
        template = target.ops.quote_name(self.template_database)
        if self._template_exists(target):
            # Nobody may be connected to a database that is dropped or copied.
            target.close()
            with target._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE {name}")
                cursor.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
            return None
        result = original(command, *args, **options)
        target.close()
        with target._nodb_cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {template} TEMPLATE {name}")
        return result

    def _template_exists(self, target) -> bool:
        with target._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.template_database])
            return cursor.fetchone() is not None

    def drop_template(self) -> None:
        """The PostgreSQL template goes with the first worker to finish: the others copied
        it when they started, or (if they had not yet) migrate themselves."""
        target = connections["default"]
        if target.vendor != "postgresql":
            return
        with self.locked(), target._nodb_cursor() as cursor:
            cursor.execute(
                f"DROP DATABASE IF EXISTS {target.ops.quote_name(self.template_database)}"
            )

    def stop(self) -> None:
        from django.core.management.commands import migrate

        if self.original is not None:
            migrate.Command.handle = self.original
            self.original = None

    def locked(self):
        return _file_lock(self.lock)


@pytest.fixture(scope="session")
def _migrated_once(request, tmp_path_factory, django_db_blocker) -> Iterator[_MigratedOnce | None]:
    workerinput = getattr(request.config, "workerinput", None)
    given = os.environ.get(MIGRATED_DATABASE)
    if given and connection.vendor == "sqlite":
        # A suite started by a test (tests/bench/test_stock.py) restores that run's copy.
        migrated_once = _MigratedOnce(Path(given).parent, "given", template=Path(given))
    elif workerinput is None or connection.vendor not in ("sqlite", "postgresql"):
        yield None
        return
    else:
        # Each worker's base temporary directory sits in the run's shared one.
        migrated_once = _MigratedOnce(
            tmp_path_factory.getbasetemp().parent, workerinput["testrunuid"]
        )
    migrated_once.start()
    yield migrated_once
    migrated_once.stop()
    with django_db_blocker.unblock():
        migrated_once.drop_template()


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory, django_db_setup, django_db_blocker) -> Path:
    """A file holding this run's SQLite test database as set up for the session (migrated,
    sites bootstrapped on port 80, nothing else committed), for processes a test starts to
    copy or restore instead of migrating their own (half a minute of CPU each)."""
    target = tmp_path_factory.mktemp("migrated") / "migrated.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
    return target


@pytest.fixture(scope="session")
def django_db_setup(_migrated_once, django_db_setup, django_db_blocker):
    # Arguments are set up in order: the patch is in place before pytest-django's setup.
    if _migrated_once is not None:
        _migrated_once.stop()
    with django_db_blocker.unblock():
        bootstrap_sites(port=80)


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path_factory):
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    # The suite is one process, where the in-memory cache is shared by every request, as
    # Redis is in production: the generation lives there, and query budgets are those of
    # production. tests/cms/test_generation.py covers the database store.
    settings.TINGSTED_GENERATION_STORE = "cache"
    # Clearing the cache starts a new content generation: nothing a memo kept survives.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sites(db) -> dict[str, Site]:
    """The bootstrapped sites keyed by their own language: en, da, sv, nb."""
    return {language: Site.objects.get(hostname=host) for language, host in HOSTS.items()}


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(sites, locales):
    """``home(site_language, language=None)``: a site's home page in a language."""

    def get(site_language: str, language: str | None = None):
        root = sites[site_language].root_page.specific
        if language is None or language == site_language:
            return root
        return root.get_translation(locales[language]).specific

    return get


@pytest.fixture
def host_client(client):
    """``host_client.get(host, path)``: the test client pointed at one site."""

    class HostClient:
        def get(self, site_language: str, path: str, **extra):
            return client.get(path, HTTP_HOST=HOSTS[site_language], **extra)

        def post(self, site_language: str, path: str, data=None, **extra):
            return client.post(path, data or {}, HTTP_HOST=HOSTS[site_language], **extra)

    return HostClient()


# --- the shared demo build ----------------------------------------------------------------
#
# `manage.py build_demo` takes about a minute of CPU; the demo tests of a whole run share one
# build. The demo tests run on SQLite only (the PostgreSQL run skips them, below). The first
# process to need the demo builds it in its test database, committed, and keeps a copy of
# that database (SQLite's backup API) with the build's output and media beside the run's
# temporary directories; every other process, and the same one later, restores that copy
# instead of building again. Before the demo goes in, each process keeps a copy of its own
# database as it was; after the last demo test of a stretch it is restored, so no other
# test sees the demo. Each demo test runs in pytest-django's own atomic block, as any test.
# The demo tests form two xdist groups (the demo's own tests with the accessibility checks,
# and the browser journeys), handed out so that one worker builds the demo while the other
# runs the longest tests that need no database (see the collection hooks).

DEMO_FIXTURE = "demo"
#: The browser tests that form the second group of demo tests (see the collection hook).
JOURNEY_MODULES = {
    "test_admin.py",
    "test_translation_journeys.py",
    "test_translation_tree.py",
}


@dataclass
class DemoBuild:
    """What the demo tests see: the output of a first and a second `build_demo` run."""

    output: str
    second_output: str
    media_root: Path


class _SharedDemo:
    """The demo in this process's test database, from the run's one build."""

    def __init__(self) -> None:
        self.blocker = None
        self.directory: Path | None = None
        self.worker = "main"
        self.build: DemoBuild | None = None

    @property
    def _copy(self) -> Path:
        return self.directory / "demo.sqlite3"

    @property
    def _output(self) -> Path:
        return self.directory / "demo-output.json"

    @property
    def _before(self) -> Path:
        return self.directory / f"before-demo-{self.worker}.sqlite3"

    def ensure(self) -> DemoBuild:
        if self.build is None:
            with self.blocker.unblock():
                connection.ensure_connection()
                with closing(sqlite3.connect(self._before)) as before:
                    connection.connection.backup(before)
                with _file_lock(self.directory / "demo.lock"):
                    if not self._copy.exists():
                        self._build()
                    with closing(sqlite3.connect(self._copy)) as copy:
                        copy.backup(connection.connection)
                    output = json.loads(self._output.read_text())
            self.build = DemoBuild(output["first"], output["second"], self.directory / "media")
            cache.clear()
        return self.build

    def _build(self) -> None:
        media_root = self.directory / "media"
        with override_settings(MEDIA_ROOT=media_root):
            first, second = StringIO(), StringIO()
            call_command("build_demo", "--no-admin", stdout=first)
            call_command("build_demo", "--no-admin", stdout=second)
        with closing(sqlite3.connect(self._copy)) as copy:
            connection.connection.backup(copy)
        self._output.write_text(
            json.dumps({"first": first.getvalue(), "second": second.getvalue()})
        )

    def discard(self) -> None:
        if self.build is None:
            return
        with self.blocker.unblock(), closing(sqlite3.connect(self._before)) as before:
            before.backup(connection.connection)
        self.build = None
        cache.clear()


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


_shared_demo = _SharedDemo()


@pytest.fixture(scope="session")
def _demo_transaction(request, django_db_setup, django_db_blocker, tmp_path_factory):
    # Session scope, so it is set up before the test's own (function-scoped) atomic block.
    assert connection.vendor == "sqlite", "the demo tests run on SQLite (make demo)"
    workerinput = getattr(request.config, "workerinput", None)
    _shared_demo.blocker = django_db_blocker
    # The run's shared temporary directory with pytest-xdist, this process's without.
    base = tmp_path_factory.getbasetemp()
    _shared_demo.directory = base.parent if workerinput is not None else base
    _shared_demo.worker = workerinput["workerid"] if workerinput is not None else "main"
    _shared_demo.ensure()
    yield _shared_demo
    _shared_demo.discard()


@pytest.fixture
def demo(_demo_transaction, db, settings) -> DemoBuild:
    """`manage.py build_demo --no-admin` run twice, shared by the demo tests."""
    build = _demo_transaction.build
    assert build is not None, "the demo is built before the test's atomic block opens"
    settings.MEDIA_ROOT = build.media_root
    return build


def is_journey(item) -> bool:
    """A browser journey of the demo: the second group of demo tests."""
    return item.get_closest_marker("e2e") is not None and item.path.name in JOURNEY_MODULES


class _DemoGroupCheck:
    """Refuses a worker whose demo tests xdist did not group: each worker would build the
    demo, a minute or more of CI each. pytest-xdist marks a grouped test by adding
    ``@<group>`` to its id, after our grouping hook below; a pytest that keeps ids where
    xdist cannot write them (9.2) silently spreads the group."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        if not config.getoption("loadgroup", default=False):
            return
        ungrouped = [
            item.nodeid
            for item in items
            if DEMO_FIXTURE in getattr(item, "fixturenames", ()) and "@demo" not in item.nodeid
        ]
        if ungrouped:
            raise pytest.UsageError(
                f"pytest-xdist did not group the demo tests ({ungrouped[0]} has no '@demo'): "
                "install the pytest and pytest-xdist of requirements.lock."
            )


def pytest_configure(config):
    # pytest-xdist registers this mark; without it (-p no:xdist) --strict-markers would refuse it.
    config.addinivalue_line("markers", "xdist_group(name): run these tests in one xdist worker")
    config.pluginmanager.register(_DemoGroupCheck(), "tingsted-demo-group-check")
    config.pluginmanager.register(_SlowFirst(), "tingsted-slow-first")
    # pytest-xdist hands out its scopes largest first (both demo groups at once, the second
    # worker then waiting for the first's build); ours are in the order _SlowFirst made.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


# tryfirst: xdist reads the xdist_group marks in its own hook.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The demo tests first and together, so the run's one build is restored once per
    stretch of demo tests and removed before any other test runs.

    Two groups of them: the demo's own tests with the accessibility checks, and the browser
    journeys. With two workers one builds the demo and runs the first group while the other
    runs the longest tests without a database, then the journeys on a copy of the build
    (``_SlowFirst`` places them); the browser tests, which wait on Chromium and the live
    server in turn, run on both cores instead of keeping one worker busy for minutes while
    the other has finished.
    """
    uses_demo = [item for item in items if DEMO_FIXTURE in getattr(item, "fixturenames", ())]

    for item in uses_demo:
        item.add_marker(pytest.mark.xdist_group("demo-journeys" if is_journey(item) else "demo"))
    # The browser tests (tests/e2e) last among each group: they share one Chromium per
    # process, started by the first and stopped after the last.
    uses_demo.sort(key=lambda item: (is_journey(item), item.get_closest_marker("e2e") is not None))
    items[:] = uses_demo + [item for item in items if item not in uses_demo]
    if connection.vendor == "sqlite":
        needs_postgres = pytest.mark.skip(reason="Needs PostgreSQL: the PostgreSQL run has it.")
        for item in items:
            if item.get_closest_marker("postgres"):
                item.add_marker(needs_postgres)
    # A test whose processes make their own SQLite database does the same work whatever
    # the suite's database: the PostgreSQL run would repeat the SQLite run's test exactly.
    if connection.vendor != "sqlite":
        repeated = pytest.mark.skip(
            reason="Its processes use a SQLite database of their own; the SQLite run has it."
        )
        # The browser journeys drive the admin and the site through the same views the
        # client-level tests call on both databases; a second browser pass on PostgreSQL
        # would add minutes to CI and no database path of its own.
        browser_once = pytest.mark.skip(
            reason="Browser journeys run in the SQLite run; their server side is tested on "
            "both databases by the client-level tests."
        )
        # The demo is what `make demo` builds and serves on SQLite; production data never
        # comes from it.
        demo_once = pytest.mark.skip(
            reason="The demo is built and served on SQLite (make demo); the SQLite run has it."
        )
        for item in items:
            if item.get_closest_marker("own_sqlite") or item.get_closest_marker("database_neutral"):
                item.add_marker(repeated)
            elif item.get_closest_marker("e2e"):
                item.add_marker(browser_once)
            elif DEMO_FIXTURE in getattr(item, "fixturenames", ()):
                item.add_marker(demo_once)


class _SlowFirst:
    """Hands out the tests that start processes of their own and need no test database
    right after the first demo group, and the browser journeys after them: the longest
    tests of the suite, which pytest-django's ordering (tests without a database last) would
    leave one worker running alone at the end of a run, keep the second worker busy while
    the first builds the demo the journeys then restore. Tests with a database keep
    pytest-django's order (transactional last)."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        def needs_database(item) -> bool:
            return bool(
                item.get_closest_marker("django_db")
                or {"db", "transactional_db", "live_server"} & set(item.fixturenames)
            )

        demo = [item for item in items if DEMO_FIXTURE in getattr(item, "fixturenames", ())]
        journeys = [item for item in demo if is_journey(item)]
        first = [item for item in demo if item not in journeys]
        slow = [
            item
            for item in items
            if item.get_closest_marker("subprocess")
            and not needs_database(item)
            and item not in demo
        ]
        rest = [item for item in items if item not in demo and item not in slow]
        # The tests without a database next: one worker runs them while the other migrates the
        # run's database (half a minute), instead of both waiting for it. When no demo test
        # runs (the PostgreSQL run skips them), one test with a database goes first, so that
        # one worker starts migrating at once.
        without_database = [item for item in rest if not needs_database(item)]
        rest = [item for item in rest if needs_database(item)]
        demo_runs = any(item.get_closest_marker("skip") is None for item in first)
        starter = [] if demo_runs else rest[:1]
        rest = rest[len(starter) :]
        items[:] = first + starter + slow + without_database + journeys + rest


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # A demo test after the build was rolled back (a run that interleaves them, e.g. with
    # --dist load): build it again before the test's own atomic block opens.
    if DEMO_FIXTURE in item.fixturenames and _shared_demo.blocker is not None:
        _shared_demo.ensure()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    if nextitem is None or DEMO_FIXTURE not in nextitem.fixturenames:
        _shared_demo.discard()
