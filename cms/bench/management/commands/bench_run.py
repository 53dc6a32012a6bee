import contextlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from cms.bench import report as bench_report
from cms.bench import servers, shape, wrk
from cms.bench.data import expected_manifest
from cms.bench.endpoints import (
    COLD,
    CONDITIONAL,
    EDGE,
    OURS,
    STATIC,
    STOCK,
    UNLOADED,
    WARM,
    Endpoint,
    all_endpoints,
    select,
)
from cms.bench.env import (
    DEFAULT_CACHE_URL,
    DEFAULT_DATABASE_URL,
    STOCK_SETTINGS,
    analyze_database,
    bench_dir,
    database_url_for,
    drop_database,
    ensure_database,
    server_env,
)

#: What the cold server adds to its environment: our response caches off, everything else
#: (Redis, Wagtail's own site-root and rendition caches) as in production. The settings are
#: TINGSTED_API_RESPONSE_CACHE and TINGSTED_PAGE_CACHE (cms/settings.py). A cache that never
#: hits at all (DummyCache) is not "cold" but broken: Wagtail then re-reads the site root
#: paths for every URL it builds (137 ms instead of 35 ms CPU for a 20-item list).
COLD_ENV = {"API_RESPONSE_CACHE": "false", "PAGE_CACHE": "false"}
#: What every request carries besides its Host, for every contender: browsers, HTTP
#: libraries and CDNs all ask for gzip. Servers that do not compress ignore it.
CLIENT_HEADERS = {"Accept-Encoding": "gzip"}


def probe_url(probes: dict, endpoint: Endpoint) -> str:
    return (probes.get(endpoint.key) or {}).get("url") or ""


PRE_MERGE_LABEL = (
    "Pre-merge run: home pages, people and images only. No content plugin is installed on "
    "this branch, so plain Wagtail pages stand in for meetings, posts and minutes, and 'ours' "
    "is still Wagtail's own API behind our middleware."
)


class Command(BaseCommand):
    help = (
        "The benchmark (`make bench`): build the datasets if missing, serve the project with "
        "gunicorn (2 sync workers) on PostgreSQL with Redis, drive load with wrk on loopback, "
        "compare with stock Wagtail and a static file, and write docs/benchmarks.md and "
        "docs/benchmarks.json."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sizes", default="1000,10000", help="Dataset sizes in pages.")
        parser.add_argument("--duration", type=int, default=3, help="Seconds per wrk run.")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument(
            "--database-url",
            default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
            help="Base PostgreSQL URL; each size gets its own database (<name>_<size>).",
        )
        parser.add_argument(
            "--cache-url", default=os.environ.get("BENCH_CACHE_URL", DEFAULT_CACHE_URL)
        )
        parser.add_argument("--rebuild", action="store_true", help="Rebuild the datasets.")
        parser.add_argument("--only", nargs="*", help="Measure only these endpoint keys.")
        parser.add_argument("--output-dir", type=Path, default=settings.BASE_DIR / "docs")
        parser.add_argument("--label", help="Headline of the results (default: automatic).")
        parser.add_argument("--no-profile", action="store_true")
        parser.add_argument(
            "--shape-size",
            type=int,
            help="Dataset measured also on two app processes behind nginx "
            "(cms/deploy/two_processes.sh); default: the smallest of --sizes.",
        )
        parser.add_argument(
            "--no-shape", action="store_true", help="Leave out the two-process shape."
        )

    # --- orchestration ------------------------------------------------------------------

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        self.load_start = round(os.getloadavg()[0], 2)
        try:
            sizes = [int(size) for size in options["sizes"].split(",") if size.strip()]
        except ValueError as exc:
            raise CommandError("--sizes takes page counts separated by commas.") from exc
        if not sizes or any(size < 10 or size > 100_000 for size in sizes):
            raise CommandError("Each size must be between 10 and 100000 pages.")
        if not 1 <= options["duration"] <= 60:
            raise CommandError("--duration must be between 1 and 60 seconds.")
        self.options = options
        self.check_tools(options["database_url"], options["cache_url"])
        self.script = wrk.lua_script(bench_dir())
        endpoints = select(all_endpoints(), options["only"])
        runs = sum(len(endpoint.modes) for endpoint in endpoints) * len(sizes)
        shape_size = None if options["no_shape"] else options["shape_size"] or min(sizes)
        if shape_size is not None and shape_size not in sizes:
            raise CommandError(f"--shape-size {shape_size} is not one of --sizes.")
        if shape_size is not None:
            runs += sum(len(endpoint.modes) for endpoint in shape.select_endpoints(endpoints))
        self.stdout.write(
            f"Benchmark: {len(sizes)} dataset(s), {len(endpoints)} endpoints, about {runs} "
            f"wrk runs of {options['duration']} s."
        )

        rows: list[bench_report.Row] = []
        datasets: dict[int, dict] = {}
        notes: list[str] = []
        profile: dict = {}
        static_done = False
        for size in sizes:
            url = database_url_for(options["database_url"], size)
            env = server_env(url, options["cache_url"], bench_dir() / f"media-{size}")
            self.stdout.write(f"\n== {size} pages ({url.rsplit('/', 1)[-1]})")
            datasets[size] = self.prepare(size, url, env)
            notes += [note for note in datasets[size].get("notes", []) if note not in notes]
            if not static_done:
                self.child(["collectstatic", "--noinput", "-v0"], env, timeout=300)
                static_done = True
            bodies = bench_dir() / f"bodies-{size}"
            profile_args = []
            if not options["no_profile"] and size == max(sizes):
                profile_args = [
                    "--profile",
                    "list-100",
                    "--profile-output",
                    str(bench_dir() / f"profile-{size}.txt"),
                ]
            keys = [endpoint.key for endpoint in endpoints]
            ours = self.child_json(
                [
                    "bench_probe",
                    *("--contender", OURS, "--bodies", str(bodies)),
                    *profile_args,
                    *("--only", *keys),
                ],
                env,
            )
            stock = self.child_json(
                ["bench_probe", "--contender", STOCK, "--only", *keys],
                {**env, "DJANGO_SETTINGS_MODULE": STOCK_SETTINGS},
            )
            if ours.get("profile"):
                profile = {**ours["profile"], "dataset": size}
            probes = {probe["key"]: probe for probe in ours["probes"] + stock["probes"]}
            rows += self.measure(size, endpoints, probes, env, bodies)
            if size == shape_size:
                rows += self.measure_shape(size, endpoints, probes, env)

        environment = self.environment(options, started)
        if any(row.shape == bench_report.TWO_PROCESSES for row in rows):
            environment["shape"] = shape.description()
        placeholder = any("stand in" in note for note in notes)
        label = options["label"] or (
            PRE_MERGE_LABEL if placeholder else "Run with every installed plugin."
        )
        result = bench_report.Report(
            label=label,
            environment=environment,
            datasets=datasets,
            rows=rows,
            profile=profile,
            notes=notes,
        )
        output = options["output_dir"]
        output.mkdir(parents=True, exist_ok=True)
        bench_report.write(result, output / "benchmarks.md", output / "benchmarks.json")
        self.stdout.write("")
        self.stdout.write(bench_report.results_markdown(result))
        self.stdout.write(
            self.style.SUCCESS(
                f"\nWrote {output / 'benchmarks.md'} and {output / 'benchmarks.json'} "
                f"in {time.monotonic() - started:.0f} s."
            )
        )

    def check_tools(self, database_url: str, cache_url: str) -> None:
        try:
            wrk.wrk_path()
        except wrk.WrkMissing as exc:
            raise CommandError(str(exc)) from exc
        if not database_url.startswith(("postgres://", "postgresql://")):
            raise CommandError("The benchmark runs on PostgreSQL: give a postgres:// URL.")
        try:
            ensure_database(database_url)
        except Exception as exc:
            raise CommandError(
                f"PostgreSQL is not reachable at {database_url} ({exc}). Start it, or pass "
                "--database-url."
            ) from exc
        try:
            import redis

            redis.Redis.from_url(cache_url, socket_connect_timeout=3).ping()
        except Exception as exc:
            raise CommandError(
                f"Redis is not reachable at {cache_url} ({exc}). Start it, or pass --cache-url."
            ) from exc
        if servers.nginx_path() is None:
            self.stdout.write(
                "nginx is not installed (`apt-get install -y nginx-light`): the static "
                "ceiling is served by gunicorn instead."
            )

    def child(self, args: list[str], env: dict, timeout: int = 600) -> str:
        """Run a manage.py command in the bench environment; its stdout."""
        completed = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if completed.returncode != 0:
            raise CommandError(
                f"`manage.py {' '.join(args[:3])}` failed:\n{completed.stderr[-3000:]}"
            )
        return completed.stdout

    def child_json(self, args: list[str], env: dict, timeout: int = 600) -> dict:
        output = self.child(args, env, timeout)
        return json.loads(output.strip().splitlines()[-1])

    def prepare(self, size: int, url: str, env: dict) -> dict:
        """Reuse the size's database if it holds this generator's data, else rebuild it."""
        existing = read_remote_manifest(url)
        wanted = expected_manifest(size)
        matches = existing and all(existing.get(key) == value for key, value in wanted.items())
        # The images' files live beside the database, in the size's media folder: without
        # them every rendition fails (a database built by hand elsewhere, or var/ cleaned).
        media = Path(env["MEDIA_ROOT"]) / "original_images"
        if matches and not self.options["rebuild"] and not any(media.glob("*")):
            self.stdout.write(f"Rebuilding the dataset: its images are missing from {media}.")
            matches = False
        if matches and not self.options["rebuild"]:
            self.stdout.write(
                f"Reusing the dataset built earlier ({existing.get('built')} pages in "
                f"{existing.get('seconds', 0):.1f} s)."
            )
            # Built by older code: its schema (indexes among it) must be this code's.
            self.child(["migrate", "--noinput", "-v0"], env, timeout=300)
            analyze_database(url)
            return {
                "pages": existing.get("built"),
                "seconds": existing.get("seconds"),
                "reused": True,
                "notes": existing.get("notes", []),
            }
        drop_database(url)
        ensure_database(url)
        self.stdout.write(f"Building the dataset ({size} pages)…")
        info = self.child_json(["bench_data", "--pages", str(size), "--json"], env, timeout=900)
        analyze_database(url)
        self.stdout.write(
            f"Built {info['pages']} pages in {info['seconds']:.1f} s ({info['timings']})."
        )
        return {**info, "reused": False}

    # --- measuring ----------------------------------------------------------------------

    def measure(
        self, size: int, endpoints: list[Endpoint], probes: dict, env: dict, bodies: Path
    ) -> list[bench_report.Row]:
        rows = []
        ours = [endpoint for endpoint in endpoints if endpoint.contender == OURS]
        stock = [endpoint for endpoint in endpoints if endpoint.contender == STOCK]
        static = [endpoint for endpoint in endpoints if endpoint.contender == STATIC]
        log = bench_dir()

        cold = [endpoint for endpoint in ours if COLD in endpoint.modes]
        if cold:
            self.stdout.write("ours, cold (response cache off)")
            with servers.gunicorn({**env, **COLD_ENV}, log / "ours-cold.log") as server:
                rows += [self.one(size, endpoint, COLD, server, probes) for endpoint in cold]
                rows += [
                    self.one(size, endpoint, UNLOADED, server, probes, connections=servers.WORKERS)
                    for endpoint in cold
                    if UNLOADED in endpoint.modes
                ]

        warm = [endpoint for endpoint in ours if {WARM, CONDITIONAL} & set(endpoint.modes)]
        if warm:
            self.stdout.write("ours, warm (Redis cache primed) and conditional")
            import redis

            redis.Redis.from_url(self.options["cache_url"]).flushdb()
            with servers.gunicorn(env, log / "ours-warm.log") as server:
                for endpoint in warm:
                    for mode in (WARM, CONDITIONAL):
                        if mode in endpoint.modes:
                            rows.append(self.one(size, endpoint, mode, server, probes))
                rows += self.measure_edge(size, warm, probes, server[0], log)

        if stock:
            self.stdout.write("stock Wagtail (API v2 and v3, nothing of ours in front)")
            with servers.gunicorn(env, log / "stock.log", settings_module=STOCK_SETTINGS) as server:
                rows += [self.one(size, endpoint, COLD, server, probes) for endpoint in stock]

        files = {}
        for endpoint in static:
            source = bodies / f"{endpoint.copy_of}.json"
            if source.exists():
                files[endpoint.path.lstrip("/")] = source.read_bytes()
        if files:
            with servers.static_server(files, log) as (port, pid, name):
                self.stdout.write(f"static ceiling ({name})")
                for endpoint in static:
                    probe = {
                        "url": endpoint.path,
                        "bytes": len(files.get(endpoint.path.lstrip("/"), b"")),
                        "queries_cold": 0,
                    }
                    rows.append(
                        self.one(size, endpoint, STATIC, (port, pid), {endpoint.key: probe}, name)
                    )
        return rows

    def measure_edge(
        self, size: int, endpoints: list[Endpoint], probes: dict, upstream: int, log: Path
    ) -> list[bench_report.Row]:
        """The API endpoints through a CDN stand-in (nginx proxy_cache) in front of ours."""
        api = [
            endpoint for endpoint in endpoints if probe_url(probes, endpoint).startswith("/api/")
        ]
        if not api:
            return []
        with servers.edge_proxy(upstream, log) as proxy:
            if proxy is None:
                self.stdout.write("CDN stand-in: nginx is not installed, left out")
                return []
            port, pid, name = proxy
            self.stdout.write(f"ours behind a CDN stand-in ({name})")
            return [self.one(size, endpoint, EDGE, (port, pid), probes, name) for endpoint in api]

    def measure_shape(
        self, size: int, endpoints: list[Endpoint], probes: dict, env: dict
    ) -> list[bench_report.Row]:
        """A few endpoints again on two app processes behind nginx (cms.bench.shape)."""
        chosen = shape.select_endpoints(endpoints)
        if not chosen:
            return []
        if servers.nginx_path() is None:
            self.stdout.write("two app processes behind nginx: nginx is not installed, left out")
            return []
        rows = []
        log = bench_dir()
        started = time.monotonic()
        cold = [endpoint for endpoint in chosen if {COLD, UNLOADED} & set(endpoint.modes)]
        if cold:
            self.stdout.write("two app processes behind nginx, cold (response cache off)")
            with shape.two_processes({**env, **COLD_ENV}, log / "shape-cold.log") as server:
                self.warm_up(server, cold, probes)
                for endpoint in cold:
                    for mode in (COLD, UNLOADED):
                        if mode in endpoint.modes:
                            rows.append(self.one_on_shape(size, endpoint, mode, server, probes))
        warm = [endpoint for endpoint in chosen if {WARM, CONDITIONAL} & set(endpoint.modes)]
        if warm:
            self.stdout.write("two app processes behind nginx, warm (Redis cache primed)")
            import redis

            redis.Redis.from_url(self.options["cache_url"]).flushdb()
            with shape.two_processes(env, log / "shape-warm.log") as server:
                self.warm_up(server, warm, probes)
                for endpoint in warm:
                    for mode in (WARM, CONDITIONAL):
                        if mode in endpoint.modes:
                            rows.append(self.one_on_shape(size, endpoint, mode, server, probes))
        self.stdout.write(f"two app processes behind nginx: {time.monotonic() - started:.0f} s")
        return rows

    def warm_up(self, server: shape.ShapeServer, endpoints: list[Endpoint], probes: dict) -> None:
        """Each endpoint once on every app process, straight to its port.

        On the single server the preflight request is the first of its kind; here it reaches
        one process of the two, and the other would pay its own first request (templates,
        per-process memos) inside the measurement.
        """
        for endpoint in endpoints:
            url = probe_url(probes, endpoint)
            if not url:
                continue
            headers = {"Host": endpoint.host, **CLIENT_HEADERS, **endpoint.extra_headers}
            for port in server.app_ports:
                with contextlib.suppress(OSError):
                    servers.request(port, url, endpoint.host, headers)

    def one_on_shape(
        self, size: int, endpoint: Endpoint, mode: str, server: shape.ShapeServer, probes: dict
    ) -> bench_report.Row:
        return self.one(
            size,
            endpoint,
            mode,
            (server.port, server.app_pids),
            probes,
            connections=server.workers if mode == UNLOADED else None,
            shape_name=bench_report.TWO_PROCESSES,
            proxy_pid=server.proxy_pid,
        )

    def one(
        self,
        size: int,
        endpoint: Endpoint,
        mode: str,
        server: tuple[int, int | tuple[int, ...]],
        probes: dict,
        server_name: str = "",
        connections: int | None = None,
        shape_name: str = bench_report.SINGLE,
        proxy_pid: int | None = None,
    ) -> bench_report.Row:
        """Preflight one endpoint on the live server, then measure it with wrk.

        ``server`` is (port, pid), or (port, pids) whose CPU time is summed; ``proxy_pid``'s
        (nginx in front of them) is reported beside it.
        """
        port, pid = server
        probe = probes.get(endpoint.key) or {}
        row = bench_report.Row(
            dataset=size,
            key=endpoint.key,
            label=endpoint.label,
            kind=endpoint.kind,
            contender=endpoint.contender,
            mode=mode,
            url=probe.get("url"),
            compare=endpoint.compare,
            copy_of=endpoint.copy_of,
            deep_of=endpoint.deep_of,
            limit=endpoint.limit,
            bytes=probe.get("bytes"),
            queries={
                COLD: probe.get("queries_cold"),
                UNLOADED: probe.get("queries_cold"),
                STATIC: 0,
                WARM: probe.get("queries_warm"),
                CONDITIONAL: probe.get("queries_304"),
            }.get(mode),
            queries_first=probe.get("queries_first") if mode == COLD else None,
            note=server_name,
            shape=shape_name,
        )
        if probe.get("skipped") or not probe.get("url"):
            row.note = f"skipped: {probe.get('skipped') or 'not probed'}"
            return row
        headers = {"Host": endpoint.host, **CLIENT_HEADERS, **endpoint.extra_headers}
        try:
            if mode == WARM:
                # The first answer is the miss that stores it (a rendered page is sent as
                # rendered, not gzipped): the row's bytes are a hit's, what wrk then gets.
                servers.request(port, row.url, endpoint.host, headers)
            status, body, response_headers = servers.request(port, row.url, endpoint.host, headers)
        except OSError as exc:  # includes a timeout: one slow contender must not end the run
            row.note = f"not measured: no answer ({exc or type(exc).__name__})"
            self.stdout.write(f"  {endpoint.key} {mode}: {row.note}")
            return row
        if mode == CONDITIONAL:
            etag = response_headers.get("ETag") or response_headers.get("etag")
            if not etag:
                row.note = "n/a: the response carries no ETag"
                row.queries = row.bytes = None
                return row
            headers["If-None-Match"] = etag
            status, body, _ = servers.request(port, row.url, endpoint.host, headers)
        row.bytes = len(body)  # on the wire: gzipped where the server sends it so
        row.status = status
        expected = 304 if mode == CONDITIONAL else 200
        if status != expected:
            row.note = f"not measured: HTTP {status} (expected {expected})"
            self.stdout.write(f"  {endpoint.key} {mode}: {row.note}")
            return row
        duration = max(self.options["duration"], endpoint.min_duration)
        cpu_before = servers.cpu_seconds(pid)
        proxy_before = servers.cpu_seconds(proxy_pid) if proxy_pid else None
        try:
            result = wrk.run(
                wrk.command(
                    f"http://{servers.HOST}:{port}{row.url}",
                    duration=duration,
                    connections=connections or self.options["connections"],
                    threads=min(self.options["threads"], connections or self.options["threads"]),
                    headers=headers,
                    script=self.script,
                ),
                duration,
            )
        except (RuntimeError, ValueError, subprocess.TimeoutExpired) as exc:
            row.note = f"wrk failed: {exc}"
            return row
        row.rps, row.p50_ms, row.p99_ms = result.rps, result.p50_ms, result.p99_ms
        cpu_after = servers.cpu_seconds(pid)
        if cpu_before is not None and cpu_after is not None and result.requests:
            row.cpu_ms = 1000 * (cpu_after - cpu_before) / result.requests
        proxy_after = servers.cpu_seconds(proxy_pid) if proxy_pid else None
        if proxy_before is not None and proxy_after is not None and result.requests:
            row.proxy_cpu_ms = 1000 * (proxy_after - proxy_before) / result.requests
        row.errors = result.errors + result.bad_status
        where = "" if shape_name == bench_report.SINGLE else f" [{shape_name}]"
        self.stdout.write(
            f"  {endpoint.key:18}{where} {mode:6} {result.rps:9.1f} req/s  p50 {result.p50_ms:7.1f} ms"
            f"  p99 {result.p99_ms:7.1f} ms  cpu {row.cpu_ms or 0:6.2f} ms  q={row.queries}"
        )
        return row

    def environment(self, options: dict, started: float) -> dict:
        import django
        import wagtail

        info = {
            "finished": timezone.now().strftime("%Y-%m-%d %H:%M UTC"),
            "cpus": os.cpu_count(),
            "machine": platform.platform(),
            "python": platform.python_version(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "server": f"gunicorn, {servers.WORKERS} sync workers, loopback",
            "load": (
                f"wrk -t{options['threads']} -c{options['connections']} "
                f"-d{options['duration']}s, same machine"
            ),
            "seconds": time.monotonic() - started,
            "load_start": self.load_start,
            "load_end": round(os.getloadavg()[0], 2),
        }
        try:
            import psycopg

            with psycopg.connect(options["database_url"], connect_timeout=5) as conn:
                info["database"] = "PostgreSQL " + conn.execute("SHOW server_version").fetchone()[0]
        except Exception:
            info["database"] = "PostgreSQL"
        try:
            import redis

            version = redis.Redis.from_url(options["cache_url"]).info("server")["redis_version"]
            info["cache"] = f"Redis {version}"
        except Exception:
            info["cache"] = "Redis"
        return info


def read_remote_manifest(url: str) -> dict | None:
    """The manifest bench_data wrote into the database at ``url``, if any."""
    import psycopg

    from cms.bench.data import MANIFEST_TABLE

    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            if conn.execute("SELECT to_regclass(%s)", [MANIFEST_TABLE]).fetchone()[0] is None:
                return None
            row = conn.execute(
                f"SELECT value FROM {MANIFEST_TABLE} WHERE name = %s", ["dataset"]
            ).fetchone()
    except psycopg.OperationalError:
        return None
    return json.loads(row[0]) if row else None
