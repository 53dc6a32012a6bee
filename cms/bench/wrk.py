"""Driving load with wrk (Debian package ``wrk``) and reading what it reports.

Every run is bounded by ``-d`` and by a subprocess timeout, and only ever targets a
loopback address. A small Lua ``done`` hook prints one JSON line with requests/s and the
latency percentiles; :func:`parse_text` reads wrk's own ``--latency`` report as a fallback
(and is what the tests feed a captured sample to).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

MARKER = "BENCH_JSON "

LUA_DONE = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH_JSON {\\"requests\\": %d, \\"duration_us\\": %d, \\"bytes\\": %d, "
    .. "\\"p50_us\\": %d, \\"p90_us\\": %d, \\"p99_us\\": %d, \\"max_us\\": %d, "
    .. "\\"mean_us\\": %.1f, \\"errors_connect\\": %d, \\"errors_read\\": %d, "
    .. "\\"errors_write\\": %d, \\"errors_status\\": %d, \\"errors_timeout\\": %d}\\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean, errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
"""

LOOPBACK = re.compile(r"^http://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?/")


class WrkMissing(RuntimeError):
    pass


@dataclass
class WrkResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p90_ms: float | None
    p99_ms: float
    max_ms: float | None
    errors: int
    #: Responses with status >= 400 (wrk counts those separately from socket errors).
    bad_status: int


def wrk_path() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise WrkMissing(
            "wrk is not installed. Install it from the system packages with "
            "`apt-get install -y wrk` (Debian/Ubuntu) and run `make bench` again."
        )
    return path


def lua_script(directory: Path) -> Path:
    path = directory / "bench-done.lua"
    path.write_text(LUA_DONE)
    return path


def command(
    url: str,
    *,
    duration: int,
    connections: int = 8,
    threads: int = 2,
    headers: dict[str, str] | None = None,
    script: Path | None = None,
) -> list[str]:
    """The wrk command line for one measurement; refuses anything but loopback."""
    if not LOOPBACK.match(url):
        raise ValueError(f"The benchmark only sends load to loopback addresses, not {url}.")
    if duration < 1 or duration > 120:
        raise ValueError("A wrk run lasts between 1 and 120 seconds.")
    args = [
        wrk_path(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        f"{max(10, duration)}s",
        "--latency",
    ]
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    if script is not None:
        args += ["-s", str(script)]
    return [*args, url]


def run(args: list[str], duration: int) -> WrkResult:
    completed = subprocess.run(
        args, capture_output=True, text=True, timeout=duration + 30, check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse_output(completed.stdout)


def parse_output(output: str) -> WrkResult:
    """The JSON line of our Lua hook when present, wrk's text report otherwise."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            return parse_json_line(line[len(MARKER) :])
    return parse_text(output)


def parse_json_line(line: str) -> WrkResult:
    data = json.loads(line)
    seconds = data["duration_us"] / 1_000_000
    errors = sum(data[f"errors_{kind}"] for kind in ("connect", "read", "write", "timeout"))
    return WrkResult(
        requests=data["requests"],
        seconds=seconds,
        rps=data["requests"] / seconds if seconds else 0.0,
        p50_ms=data["p50_us"] / 1000,
        p90_ms=data["p90_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        errors=errors,
        bad_status=data["errors_status"],
    )


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_DURATION = r"([\d.]+)(us|ms|s|m)"


def _ms(value: str, unit: str) -> float:
    return float(value) * _UNITS_MS[unit]


def parse_text(output: str) -> WrkResult:
    """wrk's human report (``--latency``): requests/s, percentiles, errors."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in " + _DURATION, output)
    if not rps or not total:
        raise ValueError("Not a wrk report: no 'Requests/sec' or 'requests in' line.")
    percentiles = {
        int(match.group(1)): _ms(match.group(2), match.group(3))
        for match in re.finditer(r"^\s+(50|90|99)(?:\.\d+)?%\s+" + _DURATION, output, re.M)
    }
    errors = 0
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors = sum(int(value) for value in socket.groups())
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return WrkResult(
        requests=int(total.group(1)),
        seconds=_ms(total.group(2), total.group(3)) / 1000,
        rps=float(rps.group(1)),
        p50_ms=percentiles.get(50, 0.0),
        p90_ms=percentiles.get(90),
        p99_ms=percentiles.get(99, 0.0),
        max_ms=None,
        errors=errors,
        bad_status=int(bad.group(1)) if bad else 0,
    )
