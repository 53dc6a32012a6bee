"""Every place Tingsted depends on a Wagtail internal, in one module.

Wagtail has no public hook for these; each function names the internal it relies on and
checks it is still there, so an upgrade that moves one fails here, loudly, at start-up (and
in tests/cms/test_compat.py, one test per function) rather than silently in a request.
Everything else in the project uses Wagtail's public API.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.http import HttpRequest
from wagtail.models import Site

#: Wagtail's API v3 routers look these module-level functions up on every request; a
#: replacement decides which rows a route may show (the access rule, cms/visibility.py).
V3_QUERYSETS: dict[str, tuple[str, str]] = {
    "pages": ("wagtail.api.v3.routers.pages", "get_pages_queryset"),
    "documents": ("wagtail.documents.api.v3.router", "get_documents_queryset"),
    "images": ("wagtail.images.api.v3.router", "get_images_queryset"),
}

#: Where ``Site.find_for_request`` keeps its answer on the request.
SITE_ATTRIBUTE = "_wagtail_site"


class WagtailChanged(RuntimeError):
    """A Wagtail internal this module relies on is gone: read the upgrade's changes."""


def _require(owner: Any, name: str) -> Any:
    if not hasattr(owner, name):
        raise WagtailChanged(
            f"{getattr(owner, '__name__', owner)!s} has no '{name}' any more; cms/compat.py "
            "relies on it. Adapt cms/compat.py to the new Wagtail."
        )
    return getattr(owner, name)


def replace_v3_queryset(kind: str, function: Callable[..., Any]) -> None:
    """Make Wagtail's v3 ``kind`` routes (pages, documents, images) read ``function``."""
    module_path, name = V3_QUERYSETS[kind]
    module = import_module(module_path)
    _require(module, name)
    setattr(module, name, function)


def find_site_uncached(request: HttpRequest) -> Site | None:
    """Wagtail's own site lookup for a request, without its per-request memo."""
    return _require(Site, "_find_for_request")(request)


def site_on_request(request: HttpRequest, default: Any = None) -> Any:
    """The site ``Site.find_for_request`` remembered on ``request`` (``default`` if none)."""
    return getattr(request, SITE_ATTRIBUTE, default)


def remember_site(request: HttpRequest, site: Site | None) -> None:
    """Store ``site`` where ``Site.find_for_request`` looks first, so it asks no query."""
    setattr(request, SITE_ATTRIBUTE, site)
