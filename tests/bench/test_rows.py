"""What one measured row reports (``bench_run``'s ``one``), with the server and wrk stood in
for: the row's bytes are those of the answers wrk then gets."""

from __future__ import annotations

import pytest

from cms.bench import servers, wrk
from cms.bench.endpoints import COLD, WARM, core_endpoints

MISS = b"<html>" + b"rendered, not gzipped " * 100
HIT = b"\x1f\x8b gzipped"


@pytest.fixture
def command(bench_command, monkeypatch, tmp_path):
    answers: list[bytes] = []

    def request(port, path, host, headers=None):
        # The first answer of an empty cache is the miss that stores it; later ones are hits.
        body = MISS if not answers else HIT
        answers.append(body)
        return 200, body, {}

    monkeypatch.setattr(servers, "request", request)
    monkeypatch.setattr(servers, "cpu_seconds", lambda pid: 1.0)
    monkeypatch.setattr(
        wrk, "run", lambda args, duration: wrk.WrkResult(100, 1.0, 100.0, 1, 2, 3, 4, 0, 0)
    )
    command = bench_command("bench_run")
    command.options = {"duration": 1, "connections": 2, "threads": 1}
    command.script = wrk.lua_script(tmp_path)
    return command


@pytest.mark.parametrize(("mode", "expected"), [(WARM, HIT), (COLD, MISS)])
def test_a_rows_bytes_are_what_wrk_gets(command, mode, expected):
    (home,) = [endpoint for endpoint in core_endpoints() if endpoint.key == "html-home"]
    probes = {"html-home": {"url": "/"}}
    row = command.one(1000, home, mode, (8000, 1), probes)
    assert row.status == 200 and row.rps == 100.0
    # Warm: a hit's bytes (gzipped), not those of the miss that primed the cache.
    assert row.bytes == len(expected)
