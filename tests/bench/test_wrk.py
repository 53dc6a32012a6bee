"""Reading wrk's reports and building its command line (nothing is run against a server)."""

from pathlib import Path

import pytest

from cms.bench import wrk

SAMPLE = (Path(__file__).parent / "wrk_latency_sample.txt").read_text()


def test_the_text_report_gives_requests_per_second_and_percentiles():
    result = wrk.parse_text(SAMPLE)

    assert result.rps == pytest.approx(1893.09)
    assert result.requests == 3804
    assert result.seconds == pytest.approx(2.01)
    assert result.p50_ms == pytest.approx(2.32)
    assert result.p90_ms == pytest.approx(6.79)
    assert result.p99_ms == pytest.approx(11.69)
    assert result.errors == 0
    assert result.bad_status == 0


def test_socket_errors_and_bad_statuses_are_counted():
    report = SAMPLE.replace(
        "Requests/sec:",
        "  Socket errors: connect 0, read 3, write 0, timeout 2\n"
        "  Non-2xx or 3xx responses: 17\nRequests/sec:",
    ).replace("99%   11.69ms", "99%    1.20s")

    result = wrk.parse_text(report)

    assert result.errors == 5
    assert result.bad_status == 17
    assert result.p99_ms == pytest.approx(1200)


def test_the_lua_json_line_wins_over_the_text():
    line = (
        'BENCH_JSON {"requests": 5000, "duration_us": 5000000, "bytes": 1, "p50_us": 1500, '
        '"p90_us": 2500, "p99_us": 9000, "max_us": 20000, "mean_us": 1700.0, '
        '"errors_connect": 0, "errors_read": 1, "errors_write": 0, "errors_status": 4, '
        '"errors_timeout": 0}'
    )

    result = wrk.parse_output(SAMPLE + line + "\n")

    assert result.rps == pytest.approx(1000)
    assert result.p50_ms == pytest.approx(1.5)
    assert result.p99_ms == pytest.approx(9.0)
    assert result.errors == 1
    assert result.bad_status == 4


def test_output_that_is_not_from_wrk_is_refused():
    with pytest.raises(ValueError, match="Not a wrk report"):
        wrk.parse_output("Segmentation fault")


def test_the_command_sends_host_headers_and_is_bounded(monkeypatch):
    monkeypatch.setattr(wrk.shutil, "which", lambda name: "/usr/bin/wrk")

    args = wrk.command(
        "http://127.0.0.1:8123/api/v2/pages/?limit=20",
        duration=5,
        headers={"Host": "dk.localhost"},
    )

    assert args[:4] == ["/usr/bin/wrk", "-t2", "-c8", "-d5s"]
    assert args[args.index("-H") : args.index("-H") + 2] == ["-H", "Host: dk.localhost"]
    assert args[-1] == "http://127.0.0.1:8123/api/v2/pages/?limit=20"


@pytest.mark.parametrize(
    "url", ["http://10.0.0.5:80/", "https://example.org/", "http://dk.localhost.example.com/"]
)
def test_load_only_goes_to_loopback(monkeypatch, url):
    monkeypatch.setattr(wrk.shutil, "which", lambda name: "/usr/bin/wrk")

    with pytest.raises(ValueError, match="loopback"):
        wrk.command(url, duration=5)


def test_a_missing_wrk_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(wrk.shutil, "which", lambda name: None)

    with pytest.raises(wrk.WrkMissing, match="apt-get install -y wrk"):
        wrk.wrk_path()
