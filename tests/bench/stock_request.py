"""Run by tests/bench/test_stock.py under cms.bench.stock_settings, in a process of its own.

Not collected by the suite (the name does not start with ``test_``): under the project's
settings the API app has already configured Wagtail's API v3 in that process, so a stock
request can only be observed in a process started with the stock settings.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR).resolve()
#: The project's own code; the virtualenv may live under the checkout.
PROJECT = tuple(str(ROOT / package) + "/" for package in ("api", "blocks", "cms", "plugins"))

pytestmark = pytest.mark.skipif(
    settings.ROOT_URLCONF != "cms.bench.stock_urls",
    reason="only under cms.bench.stock_settings (tests/bench/test_stock.py starts it)",
)


def project_frame(filename: str) -> bool:
    return filename.startswith(PROJECT)


class ProjectCalls:
    """Every function of the project entered while active (``sys.setprofile``).

    A profile hook sees each Python function call of this thread, including properties,
    descriptors, comprehensions and methods Wagtail calls on our models and blocks.
    """

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()

    def _profile(self, frame, event, arg) -> None:
        if event == "call" and project_frame(frame.f_code.co_filename):
            relative = frame.f_code.co_filename[len(str(ROOT)) + 1 :]
            self.calls[f"{relative}:{frame.f_code.co_firstlineno} {frame.f_code.co_qualname}"] += 1

    def __enter__(self) -> ProjectCalls:
        sys.setprofile(self._profile)
        return self

    def __exit__(self, *exc) -> None:
        sys.setprofile(None)


@pytest.mark.django_db
def test_a_stock_request_runs_no_project_code(sites, client):
    from cms.bench import data
    from cms.sites import site_languages

    data.generate(30, log=lambda message: None)
    home = sites["da"].root_page
    paths = [
        "/api/v2/pages/?fields=*&type=meetings.MeetingPage&limit=20",
        "/api/v2/pages/?fields=*&limit=100",
        f"/api/v2/pages/{home.pk}/",
        f"/api/v3/pages/{home.pk}/",
        "/api/v3/pages/?limit=20",
    ]
    # The hook does see project code: a direct call is recorded.
    with ProjectCalls() as control:
        site_languages()
    assert any("cms/sites.py" in call for call in control.calls)

    for path in paths:
        # Once unobserved, so first-request set-up (lazy imports, caches) is not counted
        # against the request path; then observed.
        assert client.get(path, HTTP_HOST="dk.localhost").status_code == 200, path
        with ProjectCalls() as observed:
            response = client.get(path, HTTP_HOST="dk.localhost")

        assert response.status_code == 200, path
        body = response.json()
        items = body.get("items", [body])
        assert items, path
        # Wagtail's own fields only: not the translations every page type gets from ours.
        assert all("translations" not in item for item in items), path
        assert dict(observed.calls) == {}, f"{path} ran project code:\n" + "\n".join(
            f"{count:5} {call}" for call, count in observed.calls.most_common()
        )
