"""Every hook of the plugin contract is documented and tested (Datasette's test_docs.py).

Adding a hook to cms.contract.HOOKS without a section in docs/plugins.md or without a
``test_hook_<name>`` test function fails here; so does adding a convention to
cms.contract.CONVENTIONS without a section or a ``test_convention_<name>`` test.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from cms.contract import CONVENTIONS, HOOKS

BASE_DIR = Path(settings.BASE_DIR)


def documented_hooks() -> set[str]:
    text = (BASE_DIR / "docs" / "plugins.md").read_text(encoding="utf-8")
    return set(re.findall(r"^###\s+`([a-z0-9_]+)`\s*$", text, re.MULTILINE))


def names_tested(kind: str) -> set[str]:
    """The names of the ``test_<kind>_<name>`` functions in the test suite."""
    names = set()
    pattern = rf"^\s*def test_{kind}_([a-z0-9_]+)\("
    for path in (BASE_DIR / "tests").rglob("*.py"):
        names |= set(re.findall(pattern, path.read_text(), re.M))
    return names


def hooks_with_tests() -> set[str]:
    return names_tested("hook")


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hook_is_documented(hook):
    assert hook in documented_hooks(), f"docs/plugins.md needs a '### `{hook}`' section"


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hook_has_a_test(hook):
    assert hook in hooks_with_tests(), f"write a test_hook_{hook} test"


def test_docs_document_no_hook_that_does_not_exist():
    assert documented_hooks() <= set(HOOKS) | set(CONVENTIONS)


@pytest.mark.parametrize("convention", sorted(CONVENTIONS))
def test_every_convention_is_documented_and_tested(convention):
    assert convention in documented_hooks(), f"docs/plugins.md needs a '### `{convention}`'"
    assert convention in names_tested("convention"), f"write a test_convention_{convention} test"


def test_no_name_is_both_a_hook_and_a_convention():
    assert not set(HOOKS) & set(CONVENTIONS)


def test_plugin_config_has_an_attribute_per_hook():
    from cms.contract import Plugin, PluginConfig

    for hook in HOOKS:
        assert hasattr(PluginConfig, hook), hook
        assert hook in Plugin.__dataclass_fields__, hook
