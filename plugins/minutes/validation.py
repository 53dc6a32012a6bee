"""Rules a meeting's agenda must follow, shared by the admin form and ``MinutesPage.clean``."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from plugins.minutes.choices import DocumentStatus


def minutes_errors(document_status: str, items: Sequence) -> list[tuple[int, str, str]]:
    """Problems with the agenda items, as (item index, field name, message).

    - Two items may not share a number (compared without spaces and case).
    - Approved minutes need a decision outcome on every open item ('None' is a decision:
      nothing was decided).
    """
    problems: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        key = "".join((item.number or "").split()).lower().rstrip(".")
        if key in seen:
            problems.append(
                (
                    index,
                    "number",
                    _(
                        "Item number %(number)s is used twice in this meeting (items %(first)s and %(second)s)."
                    )
                    % {"number": item.number, "first": seen[key] + 1, "second": index + 1},
                )
            )
        else:
            seen[key] = index
    if document_status == DocumentStatus.MINUTES_APPROVED:
        for index, item in enumerate(items):
            if not item.is_closed and not item.decision_outcome:
                problems.append(
                    (
                        index,
                        "decision_outcome",
                        _(
                            "Item %(number)s has no decision. Approved minutes need a decision "
                            "on every open item (choose 'None' if nothing was decided)."
                        )
                        % {"number": item.number},
                    )
                )
    return problems
