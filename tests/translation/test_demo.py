"""make demo leaves translations in every state, through wagtail-localize, idempotently."""

from __future__ import annotations

import pytest
from wagtail_localize.models import Translation

from plugins.translation import status
from plugins.translation.views import StatusFilterForm, build_rows

pytestmark = pytest.mark.django_db


def _states(type_value: str = "") -> set[str]:
    from django.contrib.auth import get_user_model

    admin = get_user_model()(username="status-admin", is_superuser=True, is_active=True)
    rows, _locales, _page = build_rows(
        StatusFilterForm({"type": type_value}), paginate=None, page_number=None, user=admin
    )
    return {cell.state for row in rows for cell in row.cells.values()}


def test_demo_leaves_every_state_and_a_second_run_changes_nothing(demo, home):
    assert Translation.objects.filter(source__object_id=home("da").translation_key).count() == 3
    page_states = _states()
    # Live ones up to date and outdated (a new paragraph not translated yet, or a source
    # change not synced), the showcase page's started translation in progress, and the
    # languages it has no translation in missing.
    assert {status.UP_TO_DATE, status.OUTDATED, status.IN_PROGRESS, status.MISSING} <= page_states
    snippet_states = _states("snippet:people.organisation")
    assert {status.UP_TO_DATE, status.MISSING} <= snippet_states

    assert "nothing changed" in demo.second_output


def test_the_demo_leaves_the_page_tree_sound(demo):
    """Issue 15, finding 2: build_demo refuses a broken tree, and so does check_tree."""
    from io import StringIO

    from django.core.management import call_command
    from wagtail.models import Page

    assert all(found == [] for found in Page.find_problems())
    out = StringIO()
    call_command("check_tree", stdout=out)
    assert "no problems" in out.getvalue()
