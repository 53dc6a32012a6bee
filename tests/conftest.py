"""Fixtures shared by the whole suite: the sites and locales are built once per session,
and the demo once per session for the tests that ask for it (the ``demo`` fixture)."""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test.utils import override_settings
from wagtail.models import Locale, Site

from cms.bootstrap import bootstrap_sites

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

    def __init__(self, directory: Path, run: str) -> None:
        self.template = directory / "migrated.sqlite3"
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

    @contextmanager
    def locked(self) -> Iterator[None]:
        with open(self.lock, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def _migrated_once(request, tmp_path_factory, django_db_blocker) -> Iterator[_MigratedOnce | None]:
    workerinput = getattr(request.config, "workerinput", None)
    if workerinput is None or connection.vendor not in ("sqlite", "postgresql"):
        yield None
        return
    # Each worker's base temporary directory sits in the run's shared one.
    migrated_once = _MigratedOnce(tmp_path_factory.getbasetemp().parent, workerinput["testrunuid"])
    migrated_once.start()
    yield migrated_once
    migrated_once.stop()
    with django_db_blocker.unblock():
        migrated_once.drop_template()


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
# `manage.py build_demo` takes about a minute; the demo tests share one build per test
# process. It lives in a transaction opened around the demo tests and rolled back after the
# last of them, so no other test sees it: each demo test runs in a savepoint inside that
# transaction (pytest-django's own per-test atomic block). The demo tests are collected
# first and form two xdist groups (the demo's own tests with the accessibility checks, and
# the browser journeys), so with `--dist loadgroup` each worker builds the demo once for the
# group it gets, then runs the rest of the suite.

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
    """The open transaction holding the demo, per test process."""

    def __init__(self) -> None:
        self.blocker = None
        self.media_root: Path | None = None
        self.atomic = None
        self.build: DemoBuild | None = None

    def ensure(self) -> DemoBuild:
        if self.build is None:
            with self.blocker.unblock():
                self.atomic = transaction.atomic()
                self.atomic.__enter__()
                with override_settings(MEDIA_ROOT=self.media_root):
                    first, second = StringIO(), StringIO()
                    call_command("build_demo", "--no-admin", stdout=first)
                    call_command("build_demo", "--no-admin", stdout=second)
            self.build = DemoBuild(first.getvalue(), second.getvalue(), self.media_root)
        return self.build

    def discard(self) -> None:
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = self.build = None
        cache.clear()


_shared_demo = _SharedDemo()


@pytest.fixture(scope="session")
def _demo_transaction(django_db_setup, django_db_blocker, tmp_path_factory):
    # Session scope, so it is set up before the test's own (function-scoped) atomic block.
    _shared_demo.blocker = django_db_blocker
    _shared_demo.media_root = tmp_path_factory.mktemp("demo-media")
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


# tryfirst: xdist reads the xdist_group marks in its own hook.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The demo tests first and together, so the shared build is made once and rolled back
    before any other test runs.

    Two groups of them: the demo's own tests with the accessibility checks, and the browser
    journeys. With two workers each builds the demo once (a minute of CPU) and the browser
    tests, which wait on Chromium and the live server in turn, run on both cores instead of
    keeping one worker busy for minutes while the other has finished. In one process they
    follow each other and share one build.
    """
    uses_demo = [item for item in items if DEMO_FIXTURE in getattr(item, "fixturenames", ())]

    def is_journey(item) -> bool:
        return item.get_closest_marker("e2e") is not None and item.path.name in JOURNEY_MODULES

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
    right after the demo group: the longest tests of the suite, which pytest-django's
    ordering (tests without a database last) would leave one worker running alone at the
    end of a run. Tests with a database keep pytest-django's order (transactional last)."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        def needs_database(item) -> bool:
            return bool(
                item.get_closest_marker("django_db")
                or {"db", "transactional_db", "live_server"} & set(item.fixturenames)
            )

        demo = [item for item in items if DEMO_FIXTURE in getattr(item, "fixturenames", ())]
        slow = [
            item
            for item in items
            if item.get_closest_marker("subprocess")
            and not needs_database(item)
            and item not in demo
        ]
        if slow:
            rest = [item for item in items if item not in demo and item not in slow]
            items[:] = demo + slow + rest


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
