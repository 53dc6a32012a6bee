"""Settings for the stock Wagtail contender of ``make bench``.

The same database, models, cache and server as our project, minus everything Tingsted puts
in front of Wagtail's APIs: our API app (caching, ETags, schemas, domain routes), our
middleware, renderer, cache backend and URL routing, and the API fields our mixins and
plugins add to the models (cms/bench/stock.py). What remains is what a team would run with
stock Wagtail 8.0.1 on our tables: its API v2 router and API v3, mounted at the usual
addresses, behind the middleware of Wagtail's project template.
tests/bench/test_stock.py proves which project code a stock request still runs.

If a later change adds another layer in front of the APIs (a middleware, a cache alias, an
app), remove it here too, or the comparison stops being against stock.
"""

from cms.bench.settings import *  # noqa: F403
from cms.bench.settings import INSTALLED_APPS

#: Our additions in front of Wagtail's APIs; the stock contender runs without them.
TINGSTED_API_APPS = ["api", "cms.bench"]

# The bench app first: its ready() gives every model Wagtail's own API serialisation before
# API v3 builds its schemas (cms/bench/stock.py). Its commands (bench_probe) stay available.
INSTALLED_APPS = [
    "cms.bench.apps.StockBenchConfig",
    *(app for app in INSTALLED_APPS if app not in TINGSTED_API_APPS),
]
ROOT_URLCONF = "cms.bench.stock_urls"

# Django REST framework's own renderers (ours encodes with orjson, api/renderers.py).
REST_FRAMEWORK: dict = {}

# Django's own Redis backend, not our resilient wrapper (cms/cache.py).
CACHES = {"default": {**CACHES["default"]}}  # noqa: F405
if CACHES["default"]["BACKEND"] == "cms.cache.ResilientRedisCache":
    CACHES["default"]["BACKEND"] = "django.core.cache.backends.redis.RedisCache"

# The middleware of Wagtail's project template (wagtail start), in its order.
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
