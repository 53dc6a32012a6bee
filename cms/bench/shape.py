"""The production shape in the bench: two app processes behind nginx.

Started by the deploy script itself (cms/deploy/two_processes.sh, docs/deploy.md "Several app
processes behind nginx"), so what is measured is the shape as deployed, nginx configuration
included, not a copy of it. It runs on the bench's own database and Redis, with
``--local-media`` (the bench's media is a directory of this machine) unless the bench's
environment names a bucket. Each app process has one sync worker: two in all, as the single
server has, so the rows beside the single server's show what the proxy hop and two processes
that share only PostgreSQL and Redis cost or gain, not what more workers would.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from django.conf import settings

from cms.bench import servers
from cms.bench.endpoints import COLD, CONDITIONAL, OURS, UNLOADED, WARM, Endpoint
from cms.bench.env import OURS_SETTINGS

APP_PROCESSES = 2
WORKERS_PER_PROCESS = 1

#: What is measured on the shape, a few runs of the smallest dataset (``make bench`` stays
#: within its 15 minutes): the first of each group's keys that the run has, in these modes.
#: The cached API list and detail, a 304, a rendered page uncached (loaded and unloaded) and
#: cached, and search uncached.
SELECTION: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("list-20",), (WARM,)),
    (("detail-long",), (WARM, CONDITIONAL)),
    (("html-network", "html-home"), (COLD, UNLOADED, WARM)),
    (("search",), (COLD,)),
)


def script() -> Path:
    return Path(settings.BASE_DIR) / "cms" / "deploy" / "two_processes.sh"


def description() -> str:
    return (
        f"cms/deploy/two_processes.sh: {APP_PROCESSES} gunicorn app processes × "
        f"{WORKERS_PER_PROCESS} sync worker behind nginx (round robin), the same "
        f"{APP_PROCESSES * WORKERS_PER_PROCESS} workers as the single server"
    )


def select_endpoints(endpoints: list[Endpoint]) -> list[Endpoint]:
    """The run's endpoints measured on the shape, each in the selection's modes only."""
    by_key = {endpoint.key: endpoint for endpoint in endpoints if endpoint.contender == OURS}
    chosen = []
    for keys, modes in SELECTION:
        endpoint = next((by_key[key] for key in keys if key in by_key), None)
        if endpoint is None:
            continue
        wanted = tuple(mode for mode in modes if mode in endpoint.modes)
        if wanted:
            chosen.append(replace(endpoint, modes=wanted))
    return chosen


@dataclass(frozen=True)
class ShapeServer:
    """The running shape: nginx's port, the app processes' (gunicorn masters') pids, nginx's."""

    port: int
    app_ports: tuple[int, ...]
    app_pids: tuple[int, ...]
    proxy_pid: int | None
    #: Connections that keep every worker busy without queueing: the ``unloaded`` runs'.
    workers: int


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _children(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


@contextlib.contextmanager
def two_processes(env: dict[str, str], log: Path) -> Iterator[ShapeServer]:
    """Run the deploy script with ``env`` on free loopback ports until the block ends."""
    ports = [servers.free_port() for _ in range(APP_PROCESSES)]
    listen = servers.free_port()
    args = [
        str(script()),
        *("--listen", f"{servers.HOST}:{listen}"),
        *("--app-ports", ",".join(map(str, ports))),
        *("--workers", str(WORKERS_PER_PROCESS)),
    ]
    if env.get("MEDIA_STORAGE", "local") != "s3":
        args.append("--local-media")
    # The project as deployed, never the bench settings; the interpreter of this run.
    env = {**env, "DJANGO_SETTINGS_MODULE": OURS_SETTINGS, "PYTHON": sys.executable}
    with log.open("w") as log_file:
        process = subprocess.Popen(
            args,
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        # nginx listens only once every app process answers (the script waits for them).
        servers.wait_until_up(process, listen, log, seconds=120)
        children = _children(process.pid)
        apps = tuple(pid for pid in children if "gunicorn" in _command_line(pid))
        proxy = next((pid for pid in children if "nginx" in _command_line(pid)), None)
        if len(apps) != APP_PROCESSES:
            raise RuntimeError(
                f"two_processes.sh runs {len(apps)} app processes, not {APP_PROCESSES}; see {log}."
            )
        yield ShapeServer(listen, tuple(ports), apps, proxy, APP_PROCESSES * WORKERS_PER_PROCESS)
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the script alone (its trap stops gunicorn and nginx); then the group."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)
