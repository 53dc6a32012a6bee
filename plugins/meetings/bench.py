"""What `make bench` measures of the meetings plugin (the contract's ``bench_endpoints`` hook).

The benchmark's full-content lists list meetings (the lists the targets of
docs/benchmarks.md were stated for), and the upcoming-meetings route is measured too. The
harness is imported when the function is called, never at start-up: production does not
install it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cms.public import BenchEndpoint


def endpoints() -> list[BenchEndpoint]:
    from cms.public import BenchEndpoint

    return [
        *BenchEndpoint.full_content_lists("meetings.MeetingPage"),
        BenchEndpoint(
            "domain-upcoming",
            "Domain route: upcoming meetings",
            "domain",
            "ours",
            "/api/v3/meetings/upcoming/",
        ),
    ]
