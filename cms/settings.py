"""Tingsted settings: one module, every deployment difference comes from the environment.

The defaults give a working development site on SQLite with local files and an in-memory
cache, so ``make demo`` needs nothing installed. Production sets ``DEBUG=false`` and at
least ``SECRET_KEY``, ``DATABASE_URL`` and ``ALLOWED_HOSTS`` (see README.md for the table).
"""

from pathlib import Path

import environ
from corsheaders.defaults import default_headers as cors_default_headers
from django.core.exceptions import ImproperlyConfigured

from cms.i18n.conf import machine_translator_setting
from cms.languages import content_languages
from cms.plugins import discover_entry_point_plugins
from cms.storage import S3Settings, media_storages

BASE_DIR = Path(__file__).resolve().parent.parent


class Env(environ.Env):
    """django-environ's reader, where a value that does not read as what is asked for stops
    start-up with a sentence naming the variable (manage.py prints it): a number that is not
    one was a ValueError's traceback, and a yes/no that is neither ("ture", "enabled") read
    as false, silently turning off what it meant to turn on."""

    KINDS = {int: "a whole number", float: "a number"}
    BOOLEAN_FALSE_STRINGS = ("false", "off", "n", "no", "0", "")

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        raw = self.ENVIRON.get(var)
        if cast is bool and raw is not None:
            known = (*self.BOOLEAN_TRUE_STRINGS, *self.BOOLEAN_FALSE_STRINGS)
            if raw.strip().lower() not in known:
                raise ImproperlyConfigured(f"{var} must be true or false, not {raw!r}.")
        try:
            return super().get_value(var, cast=cast, default=default, parse_default=parse_default)
        except ValueError as error:
            kind = self.KINDS.get(cast, f"a value of type {getattr(cast, '__name__', cast)}")
            raise ImproperlyConfigured(f"{var} must be {kind}, not {raw or ''!r}.") from error


env = Env()
# A developer may keep variables in .env (never committed); the real environment wins.
if (BASE_DIR / ".env").is_file():
    env.read_env(str(BASE_DIR / ".env"), overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off: export SECRET_KEY to a long random "
            "string (for example the output of `python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'`)."
        )
    SECRET_KEY = "django-insecure-tingsted-development-only"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[".localhost", "localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else [],
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Applications -------------------------------------------------------------------------

#: Tingsted's own plugins, in the order their demo content is built (people before the
#: content plugins that choose people and venues). Third-party plugins join through the
#: ``tingsted.plugins`` entry-point group, or by being added to INSTALLED_APPS. The
#: translation workflow builds no content (its demo step runs after everyone's); like every
#: plugin here it comes before wagtail_localize, whose admin views it guards. The core
#: starts without it (tests/translation/test_without_plugin.py).
TINGSTED_CORE_PLUGINS = [
    "plugins.translation",
    "plugins.people",
    "plugins.networks",
    "plugins.meetings",
    "plugins.blog",
    "plugins.minutes",
    "plugins.search",
]
TINGSTED_ENTRY_POINT_PLUGINS = env.bool("TINGSTED_ENTRY_POINT_PLUGINS", default=True)

INSTALLED_APPS = [
    # Anywhere in the list: API v3 is assembled when the URLs load (api/apps.py,
    # tests/api/test_install_order.py).
    "api",
    "cms",
    "blocks",
    *TINGSTED_CORE_PLUGINS,
    *(discover_entry_point_plugins() if TINGSTED_ENTRY_POINT_PLUGINS else []),
    "wagtail_headless_preview",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "health_check",
]

MIDDLEWARE = [
    # First: the request whose content generation is read once (cms/generation.py).
    "cms.generation.GenerationMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every answer but the admin's (see "Security headers"):
    # django-csp's middleware, the header built once (cms/middleware.py).
    "cms.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # The API's and the rendered pages' response caches: anonymous hits and 304s answered
    # here, before the session, locale, CSRF, auth, message, clickjacking and redirect
    # middleware a hit does not need; the ones above add their headers to it. Each stores
    # what it answers with the headers the ones below added (api/cache.py,
    # cms/pagecache.py).
    "api.cache.APICacheMiddleware",
    "cms.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Replaces Django's LocaleMiddleware: each site serves its own language unprefixed.
    "cms.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin in the user's language: their preference, else that of the pages they edit.
    "cms.middleware.AdminLanguageMiddleware",
    # An admin ?next= that names no place is left out instead of answering 500.
    "cms.middleware.AdminNextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Tokens, rate limits, parameter checks and caching headers for /api/ (api/middleware.py).
    "api.middleware.APIMiddleware",
    # What a request saves is indexed once, when its view has answered (cms/middleware.py).
    "cms.middleware.IndexOncePerRequestMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# --- Storage ------------------------------------------------------------------------------

if "DATABASE_URL" not in env:
    # The embedded default: a SQLite file under var/, created on first use.
    (BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'tingsted.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wagtail's admin and the API write from several requests at once; wait rather than
    # fail. The wait alone is not enough: a transaction that began by reading and then
    # writes cannot wait for another writer (SQLite answers "database is locked" at once,
    # to avoid a deadlock), so each transaction takes the write lock when it begins, and
    # the write-ahead log lets readers go on meanwhile (Django's documented pairing).
    sqlite_options = DATABASES["default"].setdefault("OPTIONS", {})
    sqlite_options.setdefault("timeout", 20)
    sqlite_options.setdefault("transaction_mode", "IMMEDIATE")
    sqlite_options.setdefault("init_command", "PRAGMA journal_mode=WAL;")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # libpq waits for ever on a server that accepts connections and never answers (a hung
    # host, a full pgbouncer queue): the worker was held until gunicorn killed it and the
    # visitor got the proxy's 502 instead of the 503 to try again. A URL's own
    # ?connect_timeout= wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A connection kept between requests is checked before a request reuses it: after a database
# restart or failover the first request opens a new one instead of failing on the dead one.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://tingsted")}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # Django's own Redis backend (not django-redis), with short timeouts and an outage
    # treated as a miss: pages, API and forms keep answering without Redis (cms/cache.py).
    CACHES["default"]["BACKEND"] = "cms.cache.ResilientRedisCache"
    CACHES["default"].pop("OPTIONS", None)
#: Seconds to wait for Redis to accept a connection, and for an answer; after a failure, how
#: long a process answers uncached before trying Redis again.
TINGSTED_CACHE_CONNECT_TIMEOUT = env.float("CACHE_CONNECT_TIMEOUT", default=0.25)
TINGSTED_CACHE_READ_TIMEOUT = env.float("CACHE_READ_TIMEOUT", default=0.5)
TINGSTED_CACHE_RETRY_AFTER = env.float("CACHE_RETRY_AFTER", default=5.0)
#: Where the content generation lives (cms/generation.py): "auto" keeps it in the cache when
#: the cache is shared between processes (Redis, Memcached, database) and in the database
#: otherwise; "cache" or "database" force one.
TINGSTED_GENERATION_STORE = env.str("GENERATION_STORE", default="auto")

STATIC_URL = env.str("STATIC_URL", default="/static/")
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Images and documents: files under MEDIA_ROOT, or S3-compatible object storage with
# MEDIA_STORAGE=s3 (django-storages; cms/storage.py, docs/deploy.md). An incomplete
# configuration stops start-up with a sentence naming the variable to set.
_media = media_storages(
    env.str("MEDIA_STORAGE", default="local"),
    S3Settings(
        bucket_name=env.str("AWS_STORAGE_BUCKET_NAME", default=""),
        endpoint_url=env.str("AWS_S3_ENDPOINT_URL", default=""),
        region_name=env.str("AWS_S3_REGION_NAME", default=""),
        access_key=env.str("AWS_S3_ACCESS_KEY_ID", default=""),
        secret_key=env.str("AWS_S3_SECRET_ACCESS_KEY", default=""),
        custom_domain=env.str("AWS_S3_CUSTOM_DOMAIN", default=""),
        querystring_expire=env.int("AWS_QUERYSTRING_EXPIRE", default=60),
        timeout=env.float("AWS_S3_TIMEOUT", default=10),
    ),
    serve_method=env.str("WAGTAILDOCS_SERVE_METHOD", default=""),
)
STORAGES = {
    **_media.storages,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Languages, locales and time --------------------------------------------------------

#: Content and interface languages. da, sv, nb and en are the default; fi, is, nn and any
#: other language Django knows can be added with TINGSTED_LANGUAGES alone.
TINGSTED_LANGUAGE_CODES = env.list("TINGSTED_LANGUAGES", default=["da", "sv", "nb", "en"])
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = content_languages(TINGSTED_LANGUAGE_CODES)
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
USE_I18N = True
WAGTAIL_I18N_ENABLED = True
#: Our own strings first (makemessages writes plugins' strings to the first entry), then
#: our translations of Wagtail's and wagtail-localize's admin strings, which win over the
#: packages' own catalogues (cms/i18n/overrides.py, docs/translation.md).
LOCALE_PATHS = [BASE_DIR / "cms" / "locale", BASE_DIR / "cms" / "locale_overrides"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Copenhagen")
USE_TZ = True

# --- Wagtail ------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Tingsted")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://localhost:8000")
WAGTAILIMAGES_IMAGE_MODEL = "cms.TingstedImage"
WAGTAILDOCS_DOCUMENT_MODEL = "cms.TingstedDocument"
# An upload while the object storage does not answer is an error under the file field, with
# what else was typed kept, in every admin form that takes a file (cms/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"
# Documents always go through Wagtail's view, which checks collection privacy before
# streaming the file (the local disk) or redirecting to a short-lived signed URL of the
# object (object storage); a direct media URL would bypass it (see docs/deploy.md).
WAGTAILDOCS_SERVE_METHOD = _media.serve_method
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "xls", "ods", "pptx", "csv", "txt"]
# Upload limits in bytes (Wagtail accepts any size for documents otherwise); the admin
# answers an oversized file with a form error. Raise the proxy's body limit to match.
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", default=10 * 1024 * 1024)
# Wagtail's database backend, plus per-language stemming on PostgreSQL (docs/search.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "plugins.search.backends"}}
# Unset by default: API links (detail_url) then use the root URL of the page's own site, so
# following one stays inside that site's scope. Set it only for a single public API host.
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default="") or None
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = True
#: DeepL when DEEPL_API_KEY is set; otherwise an offline translator that only marks the
#: source text "[MT sv] …" (development, tests, the demo), or none with
#: TINGSTED_OFFLINE_MACHINE_TRANSLATION=false. See docs/translation.md.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(
    env.str("DEEPL_API_KEY", default=""),
    offline=env.bool("TINGSTED_OFFLINE_MACHINE_TRANSLATION", default=DEBUG),
    formality=env.str("DEEPL_FORMALITY", default=""),
    api_url=env.str("DEEPL_API_URL", default=""),
    # A translator waits this long for DeepL before being told it did not answer.
    timeout=env.int("DEEPL_TIMEOUT", default=15),
)
#: "Translate this page" creates the translations as drafts, whoever asks and whether or not
#: the source is live: a reviewer (or a translator allowed to) publishes them
#: (docs/translation.md). wagtail-localize's default would put them live at once, in the
#: source language, as the user who asked.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
#: Locales whose translations are saved as drafts for review when their source is synced,
#: instead of going live with it ("*" for all). Translators' own publishing is unchanged.
TINGSTED_TRANSLATION_REVIEW_LOCALES = env.list("TINGSTED_TRANSLATION_REVIEW_LOCALES", default=[])

#: The demo and bootstrap sites: hostname, language, name and time zone (TIME_ZONE if
#: left out; dates on a site's pages and feeds are shown in its zone). Override in a deployment's
#: own settings module or bootstrap with `manage.py bootstrap_sites --help`.
TINGSTED_SITES = [
    {"hostname": "localhost", "language": "en", "name": "Tingsted", "default": True},
    {
        "hostname": "dk.localhost",
        "language": "da",
        "name": "Tingsted Danmark",
        "time_zone": "Europe/Copenhagen",
    },
    {
        "hostname": "se.localhost",
        "language": "sv",
        "name": "Tingsted Sverige",
        "time_zone": "Europe/Stockholm",
    },
    {
        "hostname": "no.localhost",
        "language": "nb",
        "name": "Tingsted Norge",
        "time_zone": "Europe/Oslo",
    },
]
TINGSTED_SITE_PORT = env.int("TINGSTED_SITE_PORT", default=8000)

# Networks plugin: interest-form submissions are deleted after this many days by
# `manage.py purge_interest_submissions`; each address may post the form this many
# times per window (seconds) before it gets a 429 page.
TINGSTED_INTEREST_RETENTION_DAYS = env.int("TINGSTED_INTEREST_RETENTION_DAYS", default=365)
TINGSTED_INTEREST_RATE_LIMIT = env.int("TINGSTED_INTEREST_RATE_LIMIT", default=5)
TINGSTED_INTEREST_RATE_WINDOW = env.int("TINGSTED_INTEREST_RATE_WINDOW", default=60 * 60)

# --- Headless API -------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["api.renderers.JSONRenderer"],
}
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
#: django-cors-headers' defaults plus the validators of conditional requests, so a browser
#: front end can revalidate (If-None-Match, If-Modified-Since) and write safely (If-Match).
CORS_ALLOW_HEADERS = [
    *cors_default_headers,
    "if-none-match",
    "if-modified-since",
    "if-match",
]

#: Requests per window, per API token and per anonymous client address ("<n>/<period>").
TINGSTED_API_RATE_ANONYMOUS = env.str("API_RATE_ANONYMOUS", default="300/minute") or None
TINGSTED_API_RATE_TOKEN = env.str("API_RATE_TOKEN", default="3000/minute") or None
#: Behind a proxy that sets X-Forwarded-For, count the client's address rather than the
#: proxy's, for every rate limit (API and forms): the hop appended by the nearest proxy, or
#: with TRUSTED_PROXY_COUNT proxies in a row, by the farthest of them (cms/ratelimits.py).
TINGSTED_API_TRUST_X_FORWARDED_FOR = env.bool("API_TRUST_X_FORWARDED_FOR", default=False)
TINGSTED_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
#: django-ratelimit counts every limit in the default cache; an outage lets requests through.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True
#: Cache-Control for anonymous API responses: browsers, then shared caches (CDN).
TINGSTED_API_MAX_AGE = env.int("API_MAX_AGE", default=60)
TINGSTED_API_SHARED_MAX_AGE = env.int("API_SHARED_MAX_AGE", default=300)
#: Seconds an anonymous response stays in the server-side cache (invalidated on change).
TINGSTED_API_CACHE_TIMEOUT = env.int("API_CACHE_TIMEOUT", default=600)
#: Off, every response is built anew (ETags and 304s still work): for `make bench`'s cold
#: runs and for debugging; production keeps it on.
TINGSTED_API_RESPONSE_CACHE = env.bool("API_RESPONSE_CACHE", default=True)
#: The rendered pages' response cache (cms/pagecache.py): anonymous page views stored per
#: content generation, like the API's. Off for `make bench`'s cold runs and for debugging.
TINGSTED_PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
#: Cache-Control max-age of a stored anonymous page. 0: a browser asks again on every visit
#: (a 304 from the page cache when nothing changed), so a correction shows at once; a CDN in
#: front is purged on publish but a browser is not.
TINGSTED_PAGE_MAX_AGE = env.int("PAGE_MAX_AGE", default=0)
#: Days the sync feed's change log keeps a change (`manage.py prune_sync_log`, run daily):
#: a consumer whose cursor is older must start again without one (410, docs/api.md).
TINGSTED_SYNC_RETENTION_DAYS = env.int("TINGSTED_SYNC_RETENTION_DAYS", default=90)

#: Webhooks: delivery timeout, attempts and first retry delay (doubling each time).
TINGSTED_WEBHOOKS_TIMEOUT = env.float("WEBHOOKS_TIMEOUT", default=5.0)
TINGSTED_WEBHOOKS_MAX_ATTEMPTS = env.int("WEBHOOKS_MAX_ATTEMPTS", default=5)
TINGSTED_WEBHOOKS_BACKOFF = env.int("WEBHOOKS_BACKOFF", default=30)
#: Only for local development: allow webhook addresses on this machine or a private network.
TINGSTED_WEBHOOKS_ALLOW_PRIVATE = env.bool("WEBHOOKS_ALLOW_PRIVATE", default=False)

#: Background tasks (webhooks, search index, cache purges). Production uses the database
#: backend, "django_tasks_db.DatabaseBackend", with a worker: `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

#: Headless preview: the external front end's preview address per site hostname, plus
#: "default", e.g. TINGSTED_PREVIEW_URLS="default=https://front.example/preview,dk.example=https://dk.front.example/preview".
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": env.dict("TINGSTED_PREVIEW_URLS", default={}),
    "ENFORCE_TRAILING_SLASH": True,
}
TINGSTED_PREVIEW_MAX_AGE = env.int("TINGSTED_PREVIEW_MAX_AGE", default=3600)

#: A CDN or Varnish in front: purged on publish (see docs/api.md, "Caching").
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN", default=""),
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
    }

# --- E-mail -------------------------------------------------------------------------------

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
vars().update(EMAIL_CONFIG)
#: Seconds to wait for the mail server: a hanging one must not hold a visitor's request.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="tingsted@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -----------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if not DEBUG:
    # Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    # The HSTS preload decision belongs to the operator; the check nags otherwise.
    SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=["security.W021"])

# --- Security headers ---------------------------------------------------------------------

# Content-Security-Policy: public pages load scripts and styles from this origin only, with
# no inline script or style (templates keep them in cms/static/cms/). JSON-LD blocks are
# data, not script, so the policy does not apply to them. Images and media may come from
# object storage (https:, plus the endpoint's origin when it is plain http); embeds are
# provider iframes. The Wagtail and Django admins and
# the API's browsable pages (DRF's on v2, Swagger on v3) need inline code and keep no
# policy; they are for signed-in users and developers. See docs/deploy.md.
# Read into a private name: django-csp 4 refuses start-up with any old-style CSP_* setting.
_csp_report_uri = env.str("CSP_REPORT_URI", default="")
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ("/admin/", "/django-admin/", "/api/v2/", "/api/v3/docs"),
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:", *_media.origins],
        "media-src": ["'self'", "https:", *_media.origins],
        "frame-src": ["'self'", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        **({"report-uri": [_csp_report_uri]} if _csp_report_uri else {}),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Wagtail logs every publish and django-tasks every task at INFO: too chatty for
        # commands and tests; operators who want them set LOG_LEVEL_WAGTAIL=INFO.
        "wagtail": {"level": env.str("LOG_LEVEL_WAGTAIL", default="WARNING")},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}
