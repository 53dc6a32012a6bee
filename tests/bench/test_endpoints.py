"""The endpoint list, its extension hook, and the in-process probe that counts queries."""

from dataclasses import replace

import pytest

from cms.bench.endpoints import OURS, Endpoint, all_endpoints, select
from cms.bench.probe import probe_endpoints, total_count


def extra_endpoints():
    return [
        Endpoint("list-20", "Meetings, limit 20", "list", OURS, "/api/v3/meetings/?limit=20"),
        Endpoint("calendar", "Calendar feed", "domain", OURS, "/calendar.ics"),
        Endpoint("gone", "Needs a model", "html", OURS, "/", requires=("nowhere.Nothing",)),
    ]


@pytest.fixture
def plugin_hook(monkeypatch):
    """``plugin_hook(label, bench_endpoints=f)``: a plugin of the registry with that hook."""
    from cms.plugins import registry

    def set_hook(label: str, **hooks) -> None:
        monkeypatch.setitem(registry._plugins, label, replace(registry.get(label), **hooks))

    return set_hook


def test_a_plugin_adds_and_replaces_endpoints_through_its_hook(plugin_hook):
    # The site search plugin comes after meetings, whose lists it replaces in turn.
    plugin_hook("tingsted_search", bench_endpoints=extra_endpoints)

    found = {endpoint.key: endpoint for endpoint in all_endpoints()}

    assert found["list-20"].path == "/api/v3/meetings/?limit=20"
    assert "calendar" in found
    assert "gone" not in found


def test_plugin_endpoints_come_with_their_plugin(monkeypatch):
    from cms.plugins import registry

    keys = [endpoint.key for endpoint in all_endpoints()]

    assert {"list-20", "list-100", "list-deep", "detail-long", "stock-list-20"} <= set(keys)
    # Declared by the networks, meetings and minutes plugins, measured with the core's,
    # grouped by contender and kind.
    assert keys[: keys.index("search") + 1] == [
        "list-20",
        "list-100",
        "list-deep",
        "detail-long",
        "domain-upcoming",
        "html-home",
        "html-network",
        "html-minutes",
        *(["html-example"] if registry.get("tingsted_example") else []),
        "search",
    ]
    # The meetings plugin makes the lists, ours and stock's, list meetings.
    paths = {endpoint.key: endpoint.path for endpoint in all_endpoints()}
    for key in ("list-20", "list-100", "list-deep"):
        assert paths[key].startswith("/api/v2/pages/?fields=*&type=meetings.MeetingPage&limit=")
        assert paths[f"stock-{key}"] == paths[key]

    monkeypatch.delitem(registry._plugins, "networks")
    assert "html-network" not in {endpoint.key for endpoint in all_endpoints()}


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
