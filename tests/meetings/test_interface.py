"""Other packages use the meetings plugin only through plugins/meetings/interface.py, and
the core's template library serves no plugin."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from plugins.meetings import interface

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("cms", "api", "blocks", "plugins")


def imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


def python_files(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def test_other_packages_import_meetings_only_through_its_interface():
    internal = ROOT / "plugins" / "meetings"
    offenders = []
    for package in PACKAGES:
        for path in python_files(package):
            if internal in path.parents:
                continue
            for name in imports(path):
                if name.startswith("plugins.meetings.") and not name.startswith(
                    "plugins.meetings.interface"
                ):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert not offenders, "import plugins.meetings.interface instead:\n" + "\n".join(offenders)


def test_other_templates_include_only_the_meetings_templates_the_interface_lists():
    used = set()
    for path in (ROOT / "templates").rglob("*.html"):
        if path.is_relative_to(ROOT / "templates" / "meetings"):
            continue
        used |= set(re.findall(r"""["'](meetings/[^"']+\.html)["']""", path.read_text()))
    assert used, "the networks templates show meetings"
    assert used <= set(interface.TEMPLATES), sorted(used - set(interface.TEMPLATES))


def test_the_interface_exports_what_it_declares():
    for name in interface.__all__:
        assert getattr(interface, name) is not None, name


def test_the_core_template_library_names_no_plugin():
    for path in python_files("cms/templatetags"):
        offenders = [name for name in imports(path) if name.startswith("plugins")]
        assert not offenders, f"{path.relative_to(ROOT)} imports {offenders}"
