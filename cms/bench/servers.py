"""The servers under test: gunicorn (2 sync workers) and nginx for the static ceiling.

Each is a context manager that starts the server on a loopback port, waits until it
answers (bounded), and stops it on exit, also on an error or Ctrl-C. Only one runs at a time
so every contender has the machine's two cores to itself.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from api.cache import compress
from cms.bench.env import OURS_SETTINGS

HOST = "127.0.0.1"
WORKERS = 2


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc), e.g. gunicorn's master and workers."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(child) for child in children)
        except OSError:
            continue
    return found


def cpu_seconds(pid: int | tuple[int, ...]) -> float | None:
    """CPU time (user + system) used so far by ``pid`` and its descendants.

    Requests/s depend on what else the machine runs; CPU time per request much less so,
    which makes it the fairer comparison on a shared machine. PostgreSQL's own CPU time
    is not included (it is another process tree). Several pids: the sum of their trees
    (the app processes of the two-process shape).
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    seen = False
    roots = (pid,) if isinstance(pid, int) else pid
    for member in [member for root in roots for member in process_tree(root)]:
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command name: state is field 3; utime and stime are fields 14 and 15.
        total += (int(fields[11]) + int(fields[12])) / ticks
        seen = True
    return total if seen else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def request(
    port: int, path: str, host: str, headers: dict[str, str] | None = None
) -> tuple[int, bytes, dict[str, str]]:
    """One GET on loopback: status, body and headers (for preflight checks)."""
    # Generous: stock Wagtail's uncached lists of rich pages can take many seconds each.
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        connection.request("GET", path, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


def wait_until_up(process: subprocess.Popen, port: int, log: Path, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"The server exited with {process.returncode} before answering; see {log}:\n"
                + log.read_text()[-2000:]
            )
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The server did not answer on port {port} within {seconds} s; see {log}.")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], log: Path, workers: int = WORKERS, settings_module: str = OURS_SETTINGS
) -> Iterator[tuple[int, int]]:
    """Serve ``settings_module`` with gunicorn on a free loopback port; yields (port, pid).

    The project as deployed (cms.settings) unless told otherwise: never the bench settings,
    so the harness's app is not in the servers it measures.
    """
    env = {**env, "DJANGO_SETTINGS_MODULE": settings_module}
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "cms.wsgi:application",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--bind",
        f"{HOST}:{port}",
        "--timeout",
        "60",
        "--graceful-timeout",
        "5",
        "--error-logfile",
        str(log),
        "--log-level",
        "warning",
    ]
    with log.open("w") as log_file:
        process = subprocess.Popen(
            args,
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_up(process, port, log)
        yield port, process.pid
    finally:
        _stop(process)


def nginx_path() -> str | None:
    return shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )


NGINX_CONF = """
daemon off;
master_process on;
worker_processes {workers};
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {run}/body;
  proxy_temp_path {run}/proxy;
  fastcgi_temp_path {run}/fastcgi;
  uwsgi_temp_path {run}/uwsgi;
  scgi_temp_path {run}/scgi;
  types {{ application/json json; text/html html; }}
  default_type application/octet-stream;
  sendfile on;
  keepalive_requests 100000;
  server {{
    listen {host}:{port};
    root {root};
    # name.json.gz beside name.json, sent to clients accepting gzip: the bytes ours send.
    gzip_static on;
  }}
}}
"""


EDGE_CONF = """
daemon off;
master_process on;
worker_processes {workers};
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {run}/body;
  proxy_temp_path {run}/proxy;
  fastcgi_temp_path {run}/fastcgi;
  uwsgi_temp_path {run}/uwsgi;
  scgi_temp_path {run}/scgi;
  keepalive_requests 100000;
  proxy_cache_path {run}/cache levels=1:2 keys_zone=edge:10m max_size=1g inactive=10m
                   use_temp_path=off;
  upstream app {{ server {host}:{upstream}; keepalive 8; }}
  server {{
    listen {host}:{port};
    location / {{
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      # What a CDN does: one entry per host and URL, lifetime from the app's Cache-Control
      # (credentialed answers are private, no-store and never kept), revalidation by ETag.
      proxy_cache edge;
      proxy_cache_key $host$request_uri;
      proxy_cache_lock on;
      proxy_cache_revalidate on;
      add_header X-Cache-Status $upstream_cache_status;
    }}
  }}
}}
"""


@contextlib.contextmanager
def edge_proxy(upstream: int, log_dir: Path) -> Iterator[tuple[int, int, str] | None]:
    """nginx with proxy_cache in front of the server on port ``upstream``: a CDN stand-in.

    Yields (port, pid, name), or None when nginx is not installed. Debian's nginx-light
    has no purge module, so entries leave by their max-age; production purges on publish
    through Wagtail's frontend cache (api/purge.py, docs/api.md "Caching").
    """
    nginx = nginx_path()
    if nginx is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="tingsted-edge-") as tmp:
        run = Path(tmp)
        os.chmod(tmp, 0o777)  # nginx workers (www-data) write the cache here
        port = free_port()
        conf = EDGE_CONF.format(workers=WORKERS, run=run, host=HOST, port=port, upstream=upstream)
        with _nginx(nginx, conf, run, port, log_dir / "nginx-edge.log") as pid:
            yield port, pid, "nginx proxy_cache"


@contextlib.contextmanager
def static_server(files: dict[str, bytes], log_dir: Path) -> Iterator[tuple[int, int, str]]:
    """Serve ``files`` (name -> bytes) as static files; yields (port, pid, server name).

    nginx when installed (the issue's ceiling), otherwise gunicorn with a tiny WSGI app
    that answers from memory, with the same two workers.
    """
    with tempfile.TemporaryDirectory(prefix="tingsted-bench-") as tmp:
        root = Path(tmp) / "root"
        run = Path(tmp) / "run"
        root.mkdir()
        run.mkdir()
        # nginx workers run as an unprivileged user; they must be able to read the files.
        os.chmod(tmp, 0o755)
        os.chmod(root, 0o755)
        for name, body in files.items():
            path = root / name
            path.write_bytes(body)
            gzipped = root / f"{name}.gz"
            gzipped.write_bytes(compress(body))
            os.chmod(path, 0o644)
            os.chmod(gzipped, 0o644)
        nginx = nginx_path()
        if nginx is None:
            env = dict(os.environ, BENCH_STATIC_ROOT=str(root))
            env.pop("DJANGO_SETTINGS_MODULE", None)
            with _static_gunicorn(env, log_dir / "static-gunicorn.log") as (port, pid):
                yield port, pid, "gunicorn (static WSGI app)"
            return
        port = free_port()
        conf = NGINX_CONF.format(workers=WORKERS, run=run, host=HOST, port=port, root=root)
        with _nginx(nginx, conf, run, port, log_dir / "nginx.log") as pid:
            yield port, pid, "nginx"


@contextlib.contextmanager
def _nginx(nginx: str, conf: str, run: Path, port: int, log: Path) -> Iterator[int]:
    """Run nginx with configuration ``conf`` in directory ``run``; yields its master's pid."""
    conf_path = run / "nginx.conf"
    conf_path.write_text(conf)
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [nginx, "-c", str(conf_path), "-p", str(run)],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_up(process, port, log)
        yield process.pid
    finally:
        _stop(process)


@contextlib.contextmanager
def _static_gunicorn(env: dict[str, str], log: Path) -> Iterator[tuple[int, int]]:
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "cms.bench.static_app:application",
        "--workers",
        str(WORKERS),
        "--bind",
        f"{HOST}:{port}",
        "--error-logfile",
        str(log),
    ]
    process = subprocess.Popen(args, cwd=settings.BASE_DIR, env=env, start_new_session=True)
    try:
        wait_until_up(process, port, log)
        yield port, process.pid
    finally:
        _stop(process)
