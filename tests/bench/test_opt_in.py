"""The harness is opt-in: not installed in production, not shipped, only under its settings."""

import importlib
import tomllib
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands
from setuptools import find_packages

BENCH_COMMANDS = {"bench_data", "bench_probe", "bench_run"}
ROOT = Path(settings.BASE_DIR)


def test_production_settings_know_no_bench_app_or_command():
    assert "cms.bench" not in settings.INSTALLED_APPS
    assert not BENCH_COMMANDS & set(get_commands())


def test_the_bench_settings_extend_the_project_with_the_harness():
    bench = importlib.import_module("cms.bench.settings")
    stock = importlib.import_module("cms.bench.stock_settings")

    assert [*settings.INSTALLED_APPS, "cms.bench"] == bench.INSTALLED_APPS
    # The stock contender's server runs bench_probe too, so it has the harness as well.
    # First, so its ready() makes the models' API serialisation Wagtail's own in time.
    assert stock.INSTALLED_APPS[0] == "cms.bench.apps.StockBenchConfig"
    assert "cms.bench" not in stock.INSTALLED_APPS
    assert "api" not in stock.INSTALLED_APPS


def test_the_wheel_leaves_the_harness_out():
    find = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"][
        "find"
    ]
    packages = find_packages(str(ROOT), include=find["include"], exclude=find.get("exclude", ()))

    assert "cms" in packages and "plugins.meetings" in packages
    assert not [package for package in packages if package.startswith("cms.bench")]


def test_make_bench_runs_the_commands_with_the_bench_settings():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nbench:", 1)[1].split("\n\n", 1)[0]

    assert "DJANGO_SETTINGS_MODULE=cms.bench.settings" in recipe
    assert "manage.py bench_run" in recipe
