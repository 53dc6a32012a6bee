"""A third-party plugin, installed like a pip package, works through the contract alone.

``tests/thirdparty`` holds ``tingsted_example`` and its ``.dist-info`` with a
``tingsted.plugins`` entry point; pytest puts the folder on ``sys.path`` and
``cms/settings.py`` adds every entry-point plugin to INSTALLED_APPS. Nothing here is
mocked: each test exercises what a user of the plugin would see.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import distribution
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core import checks
from django.core.management import call_command
from tingsted_example.models import ExampleNote, ExamplePage

from cms.contract import HOOKS, Plugin
from cms.demo import DemoContext
from cms.models import HomePage
from cms.plugins import discover_entry_point_plugins, registry
from tests.factories import indexed_once

BASE_DIR = Path(settings.BASE_DIR)
EXAMPLE = "tingsted_example.ExamplePage"


@pytest.fixture
@indexed_once
def example_demo(db) -> list[ExamplePage]:
    """The example plugin's demo content on every site in every language."""
    registry.get("tingsted_example").demo_content(DemoContext.from_settings(log=lambda m: None))
    return list(ExamplePage.objects.all())


def test_the_plugin_is_discovered_through_its_entry_point():
    assert "tingsted_example" in discover_entry_point_plugins()
    entry_points = distribution("tingsted-example").entry_points
    assert [(ep.group, ep.name, ep.value) for ep in entry_points] == [
        ("tingsted.plugins", "tingsted_example", "tingsted_example")
    ]
    assert "tingsted_example" in settings.INSTALLED_APPS
    plugin = registry.get("tingsted_example")
    assert isinstance(plugin, Plugin)
    assert plugin.module == "tingsted_example"
    assert plugin.errors == ()


def test_the_example_plugin_declares_every_hook():
    """The example stays a complete example: a new hook must be used here too."""
    plugin = registry.get("tingsted_example")
    assert all(getattr(plugin, hook) for hook in HOOKS), [
        hook for hook in HOOKS if not getattr(plugin, hook)
    ]


@pytest.mark.django_db
def test_manage_py_check_passes_with_the_plugin_installed():
    out = StringIO()
    call_command("check", stdout=out)
    assert "System check identified no issues" in out.getvalue()
    assert [m for m in checks.run_checks(tags=["tingsted"]) if m.is_serious()] == []


@pytest.mark.subprocess
def test_the_demo_leaves_the_example_plugin_out():
    """`make demo` runs manage.py without tests/thirdparty on the path."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "plugins"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "cms" in result.stdout
    assert "tingsted_example" not in result.stdout


@pytest.mark.django_db
def test_hook_page_models(example_demo, host_client):
    assert registry.get("tingsted_example").page_models == (ExamplePage,)
    assert registry.plugin_for_model(ExamplePage).label == "tingsted_example"
    response = host_client.get("da", "/example/")
    assert response.status_code == 200
    assert "<h1>Eksempel</h1>" in response.content.decode()
    assert "En side fra eksempel-pluginnet." in response.content.decode()
    english = host_client.get("da", "/en/example/")
    assert "<h1>Example</h1>" in english.content.decode()


@pytest.mark.django_db
def test_hook_snippet_models(admin_client):
    assert registry.get("tingsted_example").snippet_models == (ExampleNote,)
    assert registry.plugin_for_model(ExampleNote).label == "tingsted_example"
    ExampleNote.objects.create(text="Remember the agenda")
    response = admin_client.get("/admin/snippets/tingsted_example/examplenote/")
    assert response.status_code == 200
    assert "Remember the agenda" in response.content.decode()


@pytest.mark.django_db
def test_hook_home_page_types(home, admin_client):
    danish_home = home("da")
    assert ExamplePage in HomePage.allowed_subpage_models()
    assert ExamplePage.can_create_at(danish_home)
    add_url = f"/admin/pages/add/tingsted_example/examplepage/{danish_home.pk}/"
    # The "add child page" step offers it (Wagtail skips the choice when it is the only one).
    response = admin_client.get(f"/admin/pages/{danish_home.pk}/add_subpage/")
    assert add_url in response.get("Location", "") + response.content.decode()
    assert admin_client.get(add_url).status_code == 200


@pytest.mark.django_db
def test_hook_urls(host_client):
    response = host_client.get("da", "/example-ping/")
    assert response.status_code == 200
    assert response.content.decode() == "pong da"
    assert host_client.get("da", "/en/example-ping/").content.decode() == "pong en"
    assert host_client.get("sv", "/example-ping/").content.decode() == "pong sv"
    redirect = host_client.get("da", "/da/example-ping/")
    assert redirect.status_code == 301
    assert redirect["Location"] == "/example-ping/"


@pytest.mark.django_db
def test_hook_api_routers(example_demo, client):
    response = client.get("/api/v3/example/ping/", HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    assert response.json() == {"pong": True, "pages": len(example_demo)}
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/example/ping/" in schema["paths"]


def test_hook_preload(example_demo, client):
    """One loader call per list, with every page of the list, however long the list."""
    from tingsted_example.preload import SEEN

    from cms.loading import _declared

    assert ExampleNote in _declared().loaders
    SEEN.clear()
    response = client.get(
        f"/api/v2/pages/?type={EXAMPLE}&fields=summary&limit=100", HTTP_HOST="dk.localhost"
    )
    listed = {item["id"] for item in response.json()["items"]}
    assert listed and SEEN and set(SEEN[0]) == listed
    assert len(SEEN) == 1


def test_hook_requires():
    """A plugin naming a plugin that is not installed fails `manage.py check` with cms.E010."""
    from cms.checks import E010, check_requirements

    installed = {plugin.label for plugin in registry}
    example = registry.get("tingsted_example")
    assert example.requires == ("people",)
    assert check_requirements(example, installed) == []
    missing = check_requirements(example, installed - {"people"})
    assert [(error.id, error.msg) for error in missing] == [
        ("cms.E010", E010.format(plugin="tingsted_example", required="people"))
    ]


@pytest.mark.django_db
def test_hook_api_v2_endpoints(client):
    note = ExampleNote.objects.create(text="Bring the minutes")
    response = client.get("/api/v2/example-notes/", HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    assert data["items"][0]["id"] == note.pk
    assert data["items"][0]["text"] == "Bring the minutes"
    detail = client.get(f"/api/v2/example-notes/{note.pk}/", HTTP_HOST="dk.localhost")
    assert detail.json()["text"] == "Bring the minutes"


def feed_links(html: str) -> list[tuple[str, str, str]]:
    """The example plugin's feed links (other installed plugins advertise theirs too)."""
    links = re.findall(
        r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">', html
    )
    return [link for link in links if "example-feed" in link[2]]


@pytest.mark.django_db
def test_hook_feeds(host_client):
    assert feed_links(host_client.get("da", "/").content.decode()) == [
        ("application/rss+xml", "Example feed (da)", "http://dk.localhost/example-feed.xml")
    ]
    assert feed_links(host_client.get("da", "/en/").content.decode()) == [
        ("application/rss+xml", "Example feed (en)", "http://dk.localhost/en/example-feed.xml")
    ]
    feed = host_client.get("da", "/en/example-feed.xml")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/rss+xml")


@pytest.mark.django_db
def test_hook_demo_content(demo, sites):
    pages = ExamplePage.objects.select_related("locale")
    # One page per site, translated into every language.
    assert pages.count() == len(sites) * len(settings.LANGUAGES)
    assert all(page.live for page in pages)
    for language, site in sites.items():
        own = site.root_page.get_children().type(ExamplePage).get().specific
        assert own.locale.language_code == language
        languages = {p.locale.language_code for p in own.get_translations(inclusive=True)}
        assert languages == {code for code, _name in settings.LANGUAGES}
    swedish = sites["sv"].root_page.get_children().type(ExamplePage).get().specific
    assert swedish.title == "Exempel"
    assert swedish.summary == "En sida från exempeltillägget."

    # Idempotent: a second run adds nothing.
    assert "nothing changed" in demo.second_output
    assert ExamplePage.objects.count() == len(sites) * len(settings.LANGUAGES)


@pytest.mark.django_db
def test_its_pages_are_in_api_v2_filtered_by_type(example_demo, client):
    response = client.get(f"/api/v2/pages/?type={EXAMPLE}&fields=summary", HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    items = response.json()["items"]
    # The Danish site's page and its translations; other sites' pages stay out.
    assert len(items) == len(settings.LANGUAGES)
    assert {item["meta"]["type"] for item in items} == {EXAMPLE}
    assert "En side fra eksempel-pluginnet." in {item["summary"] for item in items}
    assert {item["meta"]["html_url"] for item in items} >= {
        "http://dk.localhost/example/",
        "http://dk.localhost/en/example/",
    }


@pytest.mark.django_db
def test_its_pages_are_in_api_v3_filtered_by_type(example_demo, client):
    response = client.get(f"/api/v3/pages/?type={EXAMPLE}", HTTP_HOST="dk.localhost")
    assert response.status_code == 200, response.content
    data = response.json()
    items = data["items"]
    assert len(items) == len(settings.LANGUAGES)
    assert {item["meta"]["type"] for item in items} == {EXAMPLE}
    detail = client.get(f"/api/v3/pages/{items[0]['id']}/", HTTP_HOST="dk.localhost").json()
    assert detail["summary"] in {ExamplePage.objects.get(pk=items[0]["id"]).summary}


@pytest.mark.django_db
def test_hook_bench_data(sites, locales):
    """`make bench` builds the plugin's share of the dataset with its own builder, in bulk,
    its pages on every site in the site's language and in English, as translations."""
    from cms.bench import data

    builders = {builder.label: builder for builder in data.discover_builders()}
    assert builders["tingsted_example"].build is registry.get("tingsted_example").bench_data
    # Not also among the plugins the generic builder fills.
    assert [label for label in builders if "tingsted_example" in label] == ["tingsted_example"]
    share = data._shares(list(builders.values()), 30)["tingsted_example"]

    result = data.generate(30, index=False, log=lambda message: None)

    assert result.problems == {}
    added = ExamplePage.objects.filter(slug__startswith="bench-example-")
    assert added.count() == share > 0
    danish = added.get(slug="bench-example-1", locale=locales["da"])
    assert danish.get_parent().pk == sites["da"].root_page_id
    assert danish.summary  # filled from the model's definition
    english = danish.get_translation_or_none(locales["en"])
    assert english is not None
    assert english.get_parent().pk == sites["da"].root_page.get_translation(locales["en"]).pk


@pytest.mark.django_db
def test_hook_bench_endpoints(example_demo, tmp_path):
    """`make bench` measures the plugin's rendered page like the core's, in the same run."""
    from cms.bench.endpoints import HTML_MODES, OURS, all_endpoints
    from cms.bench.probe import probe_endpoints

    endpoints = all_endpoints()
    keys = [endpoint.key for endpoint in endpoints if endpoint.contender == OURS]
    example = next(endpoint for endpoint in endpoints if endpoint.key == "html-example")
    assert example.modes == HTML_MODES
    # Measured with the other rendered pages, before search.
    assert keys.index("html-home") < keys.index("html-example") < keys.index("search")

    [probe] = probe_endpoints([example], tmp_path)
    assert probe.url == "/example/"
    assert probe.status == 200
    assert probe.content_type.startswith("text/html")


@pytest.mark.django_db
def test_convention_search_summary(example_demo, host_client, sites):
    """Site search shows the text the page type names as its summary, unless the editor
    wrote a search description."""
    body = host_client.get("da", "/search/?q=eksempel").content.decode()
    assert '<a href="/example/">Eksempel</a></h2><p>En side fra eksempel-pluginnet.</p>' in body

    page = sites["da"].root_page.get_children().type(ExamplePage).get().specific
    assert page.search_summary() == "En side fra eksempel-pluginnet."
    page.search_description = "Eksemplets egen beskrivelse."
    page.save_revision().publish()
    body = host_client.get("da", "/search/?q=eksempel").content.decode()
    assert "<p>Eksemplets egen beskrivelse.</p>" in body


def python_imports(path: Path) -> list[str]:
    import ast

    names = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


@pytest.mark.django_db
def test_convention_template_tags(example_demo, host_client):
    """The plugin's tags are in its own library, found because the app is installed; the
    core's libraries import no plugin."""
    from django.template.backends.django import get_installed_libraries

    libraries = get_installed_libraries()
    assert libraries["tingsted_example_tags"] == (
        "tingsted_example.templatetags.tingsted_example_tags"
    )
    ExampleNote.objects.create(text="Remember the agenda")
    body = host_client.get("da", "/example/").content.decode()
    assert '<ul class="example-notes"><li>Remember the agenda</li></ul>' in body

    plugin_packages = tuple(
        plugin.module for plugin in registry if not plugin.module.startswith("cms")
    )
    core = [module for module in libraries.values() if module.startswith("cms.")]
    assert core
    for module in core:
        path = BASE_DIR / (module.replace(".", "/") + ".py")
        named = [name for name in python_imports(path) if name.startswith(plugin_packages)]
        assert not named, f"{module} imports {named}"


def test_the_plugin_needs_nothing_outside_its_own_folder():
    """Installing the package (its entry point) is all it takes: the project names it
    nowhere, and its code, templates and template tags all come from its own folder."""
    folder = BASE_DIR / "tests" / "thirdparty" / "tingsted_example"
    project = [BASE_DIR / name for name in ("cms", "blocks", "api", "plugins", "templates")]
    project += [BASE_DIR / name for name in ("manage.py", "pyproject.toml", "Makefile")]
    project += [BASE_DIR / ".importlinter"]
    naming = []
    for top in project:
        for path in [top] if top.is_file() else top.rglob("*"):
            text_file = path.suffix in {".py", ".html", ".toml", ".txt", ".cfg", ""}
            if text_file and path.is_file() and "tingsted_example" in path.read_text():
                naming.append(str(path.relative_to(BASE_DIR)))
    assert naming == []

    # Enabled by its entry point alone, not by a line of the project's settings.
    assert "tingsted_example" not in settings.TINGSTED_CORE_PLUGINS
    assert "tingsted_example" in discover_entry_point_plugins()

    import sys

    from django.template.loader import get_template

    plugin = registry.get("tingsted_example")
    used = {sys.modules[model.__module__].__file__ for model in plugin.page_models}
    used |= {sys.modules[model.__module__].__file__ for model in plugin.snippet_models}
    used.add(sys.modules[plugin.urls].__file__)
    for hook in HOOKS:
        value = getattr(plugin, hook)
        if callable(value):
            used.add(sys.modules[value.__module__].__file__)
    for name in ("tingsted_example/example_page.html", "tingsted_example/includes/notes.html"):
        used.add(get_template(name).origin.name)
    outside = [path for path in used if not Path(path).resolve().is_relative_to(folder)]
    assert outside == []
    assert len(used) >= 10
