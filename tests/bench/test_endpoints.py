"""The endpoint list, its extension hook, and the in-process probe that counts queries."""

import pytest
from django.apps import apps

from cms.bench import endpoints as bench_endpoints
from cms.bench.endpoints import OURS, Endpoint, all_endpoints, select
from cms.bench.probe import probe_endpoints, total_count


def extra_endpoints():
    return [
        Endpoint("list-20", "Meetings, limit 20", "list", OURS, "/api/v3/meetings/?limit=20"),
        Endpoint("calendar", "Calendar feed", "domain", OURS, "/calendar.ics"),
        Endpoint("gone", "Needs a model", "html", OURS, "/", requires=("nowhere.Nothing",)),
    ]


def test_an_app_adds_and_replaces_endpoints_through_its_hook(monkeypatch):
    monkeypatch.setattr(
        # Any installed app may declare endpoints; the harness itself is not installed.
        apps.get_app_config("cms"),
        "bench_endpoints",
        "tests.bench.test_endpoints.extra_endpoints",
        raising=False,
    )

    found = {endpoint.key: endpoint for endpoint in all_endpoints()}

    assert found["list-20"].path == "/api/v3/meetings/?limit=20"
    assert "calendar" in found
    assert "gone" not in found


def test_plugin_endpoints_wait_for_their_models():
    keys = {endpoint.key for endpoint in all_endpoints()}

    assert {"list-20", "list-100", "list-deep", "detail-long", "stock-list-20"} <= keys
    # A plugin's endpoints exist exactly when its models do.
    assert ("html-network" in keys) == bench_endpoints._installed("networks.NetworkPage")
    assert "html-network" in keys and "html-minutes" in keys


def test_selecting_an_endpoint_keeps_what_it_depends_on():
    chosen = {endpoint.key for endpoint in select(all_endpoints(), ["list-deep", "static-detail"])}

    assert chosen == {"list-deep", "list-20", "static-detail", "detail-long"}


def test_total_counts_are_read_from_both_api_versions():
    assert total_count(b'{"meta": {"total_count": 9000}, "items": []}') == 9000
    assert total_count(b'{"count": 12, "items": []}') == 12
    assert total_count(b"<html>") is None


@pytest.mark.django_db
def test_the_probe_resolves_addresses_and_counts_queries(sites, tmp_path):
    chosen = select(all_endpoints(), ["list-deep", "static-detail", "html-home"])
    chosen.append(Endpoint("missing", "Not here", "domain", OURS, "/api/v3/nothing-here/"))

    probes = {
        probe.key: probe
        for probe in probe_endpoints(
            [e for e in chosen if e.contender == OURS], tmp_path, {"detail-long"}
        )
    }

    detail = probes["detail-long"]
    assert detail.url == f"/api/v3/pages/{sites['da'].root_page_id}/"
    assert detail.status == 200
    assert detail.queries_cold > detail.queries_warm == 0  # a cache hit asks no database
    assert (tmp_path / "detail-long.json").stat().st_size == detail.bytes
    assert probes["list-deep"].url.endswith("&offset=0")  # one page on the site: offset 0
    assert probes["html-home"].content_type.startswith("text/html")
    assert probes["missing"].skipped.startswith("404")
