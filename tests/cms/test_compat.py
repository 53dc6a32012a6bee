"""One test per Wagtail internal that cms/compat.py relies on: each fails when a Wagtail
upgrade moves the internal, before any request can go wrong."""

from __future__ import annotations

import inspect
from importlib import import_module

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from cms import compat

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", sorted(compat.V3_QUERYSETS))
def test_v3_routes_read_the_queryset_function_we_replace(kind, client):
    """Wagtail's v3 routers look the function up by module-level name on each request:
    replaced, it decides what the routes show (the access rule)."""
    module_path, name = compat.V3_QUERYSETS[kind]
    module = import_module(module_path)
    client.get("/api/v3/pages/", HTTP_HOST="dk.localhost")  # the URLs are loaded
    assert getattr(module, name).__module__ == "api.v3"
    routes = [
        source
        for _name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        for source in [inspect.getsource(function)]
    ]
    assert any(f"{name}(request" in source for source in routes), (
        f"{module_path} no longer calls {name}(request…) by its module-level name"
    )


def test_replacing_a_queryset_that_is_gone_says_what_changed(monkeypatch):
    monkeypatch.setitem(compat.V3_QUERYSETS, "pages", ("wagtail.api.v3.routers.pages", "nope"))
    with pytest.raises(compat.WagtailChanged, match=r"cms/compat\.py"):
        compat.replace_v3_queryset("pages", lambda request: None)


def test_the_uncached_site_lookup_finds_the_requests_site(sites):
    request = RequestFactory().get("/", HTTP_HOST="dk.localhost")
    assert compat.find_site_uncached(request) == sites["da"]


def test_a_site_remembered_on_the_request_is_what_wagtail_returns(sites, django_assert_num_queries):
    request = RequestFactory().get("/", HTTP_HOST="dk.localhost")
    compat.remember_site(request, sites["sv"])
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) == sites["sv"]
    assert compat.site_on_request(request) == sites["sv"]
    assert compat.site_on_request(RequestFactory().get("/"), "none") == "none"
