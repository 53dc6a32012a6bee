"""Where uploaded images and documents live: the local disk, or S3-compatible object storage.

``cms/settings.py`` reads the environment and asks :func:`media_storages` for the
``STORAGES`` entries, the document serve method and the media origin the Content-Security-
Policy must allow. Two storages:

- ``default``: images (originals and renditions). Public: their URLs are the bucket's own
  (or ``AWS_S3_CUSTOM_DOMAIN``'s), unsigned, so rendered pages and cached API answers keep
  working URLs.
- ``documents``: Wagtail's documents (``TingstedDocument.file``). Never linked directly:
  every document URL is Wagtail's permission-checked ``/documents/<id>/<filename>`` view,
  which then streams the file or redirects to a short-lived signed URL of the object
  (``WAGTAILDOCS_SERVE_METHOD``; see docs/deploy.md, "Media and object storage").

Nothing here imports a model or the storage backend itself: the settings module imports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty

LOCAL = "local"
S3 = "s3"
#: Wagtail's serve methods that keep a document behind its permission-checked view.
SERVE_METHODS = ("serve_view", "redirect")

S3_BACKEND = "storages.backends.s3.S3Storage"
FILE_SYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"


@dataclass(frozen=True)
class S3Settings:
    """The variables of the S3 backend, named as django-storages names its settings."""

    bucket_name: str = ""
    endpoint_url: str = ""
    region_name: str = ""
    access_key: str = ""
    secret_key: str = ""
    custom_domain: str = ""
    #: Lifetime in seconds of a document's signed URL.
    querystring_expire: int = 60
    #: Seconds to wait for the storage to accept a connection, and then for each answer.
    timeout: float = 10


@dataclass(frozen=True)
class MediaStorage:
    storages: dict
    serve_method: str
    #: Origins images are loaded from, for ``img-src`` and ``media-src`` (empty when they
    #: are the site's own or already covered by ``https:``).
    origins: list[str] = field(default_factory=list)


def media_storages(kind: str, s3: S3Settings, serve_method: str = "") -> MediaStorage:
    """The ``STORAGES`` entries for ``MEDIA_STORAGE=kind``; a configuration that cannot work
    raises ImproperlyConfigured with a sentence naming the variable to set."""
    kind = (kind or LOCAL).strip().lower()
    if kind not in (LOCAL, S3):
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE must be 'local' or 's3', not {kind!r}: set MEDIA_STORAGE=s3 (with "
            "AWS_STORAGE_BUCKET_NAME and the other AWS_ variables) for object storage, or leave "
            "it unset for files under MEDIA_ROOT."
        )
    if serve_method and serve_method not in SERVE_METHODS:
        raise ImproperlyConfigured(
            f"WAGTAILDOCS_SERVE_METHOD must be 'serve_view' or 'redirect', not "
            f"{serve_method!r}: any other method would let documents bypass Wagtail's "
            "permission-checked view."
        )
    if kind == LOCAL:
        if serve_method == "redirect":
            raise ImproperlyConfigured(
                "WAGTAILDOCS_SERVE_METHOD=redirect needs MEDIA_STORAGE=s3: on the local disk "
                "it would redirect to a public MEDIA_URL address; leave it unset."
            )
        local = {"BACKEND": FILE_SYSTEM_BACKEND}
        return MediaStorage(
            storages={"default": local, "documents": local}, serve_method="serve_view"
        )
    return _s3_storages(s3, serve_method or "redirect")


def _s3_storages(s3: S3Settings, serve_method: str) -> MediaStorage:
    if not s3.bucket_name:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME: set it to the name of the bucket "
            "that holds images and documents."
        )
    if not (s3.region_name or s3.endpoint_url):
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs AWS_S3_REGION_NAME (the bucket's region, e.g. eu-north-1), "
            "or AWS_S3_ENDPOINT_URL for another S3-compatible service."
        )
    if s3.endpoint_url:
        parts = urlsplit(s3.endpoint_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ImproperlyConfigured(
                f"AWS_S3_ENDPOINT_URL must be an http(s) address such as "
                f"https://s3.example.org, not {s3.endpoint_url!r}."
            )
    if bool(s3.access_key) != bool(s3.secret_key):
        missing = "AWS_S3_SECRET_ACCESS_KEY" if s3.access_key else "AWS_S3_ACCESS_KEY_ID"
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE=s3 has only half of a key pair: set {missing} too, or neither "
            "to use the credentials boto3 finds itself (an instance role, ~/.aws)."
        )
    if "/" in s3.custom_domain:
        raise ImproperlyConfigured(
            f"AWS_S3_CUSTOM_DOMAIN is a host name such as media.example.org (served over "
            f"https), not {s3.custom_domain!r}."
        )
    if s3.querystring_expire <= 0:
        raise ImproperlyConfigured(
            "AWS_QUERYSTRING_EXPIRE must be a positive number of seconds (how long a "
            "document's signed URL works)."
        )
    if s3.timeout <= 0:
        raise ImproperlyConfigured(
            "AWS_S3_TIMEOUT must be a positive number of seconds (how long to wait for the "
            "storage to answer)."
        )
    from botocore.config import Config  # only with MEDIA_STORAGE=s3

    common = {
        "bucket_name": s3.bucket_name,
        # Two uploads named alike are two files, as on the local disk.
        "file_overwrite": False,
        # botocore waits 60 s to connect and 60 s for each answer, four more times after a
        # failure: a storage that stops answering would hold a worker past gunicorn's timeout
        # (the visitor gets nginx's 502) instead of the 503 to try again. Two tries, bounded.
        "client_config": Config(
            connect_timeout=s3.timeout,
            read_timeout=s3.timeout,
            retries={"mode": "standard", "max_attempts": 2},
        ),
    }
    for name in ("endpoint_url", "region_name", "access_key", "secret_key"):
        if getattr(s3, name):
            common[name] = getattr(s3, name)
    images = {
        **common,
        # Public: plain URLs that stay valid in cached pages and API answers.
        "querystring_auth": False,
        "custom_domain": s3.custom_domain or None,
    }
    documents = {
        **common,
        # Private: only a signed, short-lived URL opens one, handed out by Wagtail's view
        # after its permission checks. Never the public custom domain.
        "querystring_auth": True,
        "querystring_expire": s3.querystring_expire,
        "custom_domain": None,
    }
    return MediaStorage(
        storages={
            "default": {"BACKEND": S3_BACKEND, "OPTIONS": images},
            "documents": {"BACKEND": S3_BACKEND, "OPTIONS": documents},
        },
        serve_method=serve_method,
        origins=_origins(s3),
    )


def _origins(s3: S3Settings) -> list[str]:
    """The images' origin when ``https:`` in the policy does not already allow it."""
    if s3.custom_domain or not s3.endpoint_url:
        return []  # https://<custom domain> or https://<bucket>.s3.<region>.amazonaws.com
    parts = urlsplit(s3.endpoint_url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme == "http" else []


class DocumentStorage(LazyObject):
    """``STORAGES["documents"]``, looked up when first used (and again after a test changes
    ``STORAGES``), as Django's ``default_storage`` is."""

    def _setup(self):
        from django.core.files.storage import storages

        self._wrapped = storages["documents"]


document_storage = DocumentStorage()


def get_document_storage():
    """The documents' storage, as a callable for ``FileField(storage=…)`` so migrations
    record the callable, not whichever backend the environment chose."""
    return document_storage


def _reset_document_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        document_storage._wrapped = empty


setting_changed.connect(_reset_document_storage)
