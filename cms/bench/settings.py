"""Settings for the benchmark harness: the project's own, plus the harness as an app.

The harness is a tool beside the runtime, not part of it: production (cms.settings) does not
install it and the wheel does not ship it. ``make bench`` runs its commands (``bench_data``,
``bench_probe``, ``bench_run``) with ``DJANGO_SETTINGS_MODULE=cms.bench.settings``; the
servers it measures run with ``cms.settings`` (ours) and :mod:`cms.bench.stock_settings`
(stock Wagtail).
"""

from cms.settings import *  # noqa: F403
from cms.settings import INSTALLED_APPS

#: Only for its management commands: the app adds no models, URLs or middleware.
INSTALLED_APPS = [*INSTALLED_APPS, "cms.bench"]
