"""Management commands an operator runs: plugins, bootstrap_sites."""

from io import StringIO

import pytest
from django.core.management import call_command

from cms.plugins import registry


def plugins_output() -> str:
    out = StringIO()
    call_command("plugins", stdout=out)
    return out.getvalue()


def test_plugins_lists_every_installed_plugin_with_what_it_adds():
    output = plugins_output()
    for plugin in registry:
        assert f"{plugin.label}  ({plugin.verbose_name}, {plugin.module})" in output
    assert output.rstrip().endswith(f"{len(registry)} plugins installed.")

    block = output[output.index("tingsted_example  (") :].splitlines()[1:]
    rows = {}
    for line in block:
        if not line.startswith("  "):
            break
        rows[line[2:19].strip()] = line[20:]
    assert rows == {
        "page types": "tingsted_example.ExamplePage",
        "under home page": "tingsted_example.ExamplePage",
        "snippets": "tingsted_example.ExampleNote",
        "urls": "tingsted_example.urls",
        "API v3 routes": "/api/v3/example/",
        "API v2 endpoints": "/api/v2/example-notes/",
        "feeds": "tingsted_example.feeds.feeds",
        "demo content": "tingsted_example.demo.build",
    }


def test_plugins_shows_the_core_plugin_and_its_home_page():
    output = plugins_output()
    core = output[output.index("cms  (") :].splitlines()
    assert core[1].split() == ["page", "types", "cms.HomePage,", "cms.ContentPage"]
    assert core[2].split() == ["under", "home", "page", "cms.ContentPage"]


@pytest.mark.django_db
def test_bootstrap_sites_says_when_nothing_changed():
    out = StringIO()
    call_command("bootstrap_sites", stdout=out)
    assert "nothing changed" in out.getvalue()
