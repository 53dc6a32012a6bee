"""Every hook of the plugin contract is documented and tested (Datasette's test_docs.py).

Adding a hook to cms.contract.HOOKS without a section in docs/plugins.md or without a
``test_hook_<name>`` test function fails here.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from cms.contract import HOOKS

BASE_DIR = Path(settings.BASE_DIR)


def documented_hooks() -> set[str]:
    text = (BASE_DIR / "docs" / "plugins.md").read_text(encoding="utf-8")
    return set(re.findall(r"^###\s+`([a-z0-9_]+)`\s*$", text, re.MULTILINE))


def hooks_with_tests() -> set[str]:
    names = set()
    for path in (BASE_DIR / "tests").rglob("*.py"):
        names |= set(re.findall(r"^\s*def test_hook_([a-z0-9_]+)\(", path.read_text(), re.M))
    return names


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hook_is_documented(hook):
    assert hook in documented_hooks(), f"docs/plugins.md needs a '### `{hook}`' section"


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hook_has_a_test(hook):
    assert hook in hooks_with_tests(), f"write a test_hook_{hook} test"


def test_docs_document_no_hook_that_does_not_exist():
    assert documented_hooks() <= set(HOOKS)


def test_plugin_config_has_an_attribute_per_hook():
    from cms.contract import Plugin, PluginConfig

    for hook in HOOKS:
        assert hasattr(PluginConfig, hook), hook
        assert hook in Plugin.__dataclass_fields__, hook
