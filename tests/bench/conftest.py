"""The harness is not an installed app of the project (cms.settings): these tests run under
the normal settings and reach its commands by module, as ``make bench`` does through
cms.bench.settings."""

import pytest
from django.core.management import load_command_class


@pytest.fixture
def bench_command():
    """``bench_command("bench_data")``: the harness's command, loaded from cms.bench."""
    return lambda name: load_command_class("cms.bench", name)
