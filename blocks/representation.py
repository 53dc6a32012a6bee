"""Turning references into the JSON an external site needs, shared by every block and plugin.

Blocks call these from ``get_api_representation``; the API serialisers call them for model
fields. Absolute URLs (renditions, documents, exports) start with ``WAGTAILAPI_BASE_URL`` where
it is set, else with the root URL of the site record the answer is about (the request's site,
or the API's ``?site=``), as pages' URLs do; ``WAGTAILADMIN_BASE_URL`` outside a request.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from cms.generation import GenerationMemo, answering

# The rendition sizes live with the loader, which fetches them in bulk (cms/loading.py).
from cms.loading import (
    IMAGE_WIDTHS,
    RENDITION_SPECS,
    current,
    fetch_renditions,
    prefetch_renditions,
)
from cms.renditions import renditions_of
from cms.sites import answered_site

#: Images' and documents' API forms, per content generation and site address. A list of
#: meetings names the same photos, logos and documents again and again, and so does every
#: request after it (building their URLs was about 6% of a list's time, and a query for the
#: renditions). Saving an image or a document (or its collection) bumps the generation
#: (cms.invalidation).
_MEDIA = GenerationMemo()


class RenditionData(BaseModel):
    width: int
    height: int
    url: str


class ImageData(BaseModel):
    """What :func:`image_data` returns; the typed API schema of every image reference."""

    id: int
    title: str
    alt: str
    decorative: bool
    caption: str
    credit: str
    width: int
    height: int
    renditions: list[RenditionData]


class DocumentData(BaseModel):
    """What :func:`document_data` returns."""

    id: int
    title: str
    url: str
    #: Bytes; null when the file is missing from storage.
    size: int | None
    extension: str


class PageLinkData(BaseModel):
    """What :func:`page_link_data` returns."""

    # Read from a page (subclasses add the page's own attributes: a related post's excerpt).
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    #: Null when the page is not routable on any site.
    url: str | None
    type: str

    @model_validator(mode="wrap")
    @classmethod
    def _from_page(cls, value, handler, info: ValidationInfo):
        if isinstance(value, Page):
            value = _LinkedPage(value, info.context)
        return handler(value)


class _LinkedPage:
    """A page's attributes as a link shows them: its public URL on its own site (absolute,
    for the request in the context) and its type's label."""

    def __init__(self, page: Page, context: dict[str, Any] | None):
        self._page = page.specific_deferred
        self._context = context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)

    @property
    def id(self) -> int:
        return self._page.pk

    @property
    def url(self) -> str | None:
        request = (self._context or {}).get("request")
        return absolute(self._page.get_url(request=request), self._context)

    @property
    def type(self) -> str:
        return self._page._meta.label


def base_url(context: dict[str, Any] | None = None) -> str:
    request = (context or {}).get("request")
    if request is None:
        # API v3 resolves serializer fields without a context: the request being
        # answered is the one the API middleware gave the loader.
        preload = current()
        request = preload.request if preload is not None else None
    if settings.WAGTAILAPI_BASE_URL:
        return settings.WAGTAILAPI_BASE_URL.rstrip("/")
    if request is not None:
        # The site record, as for pages' URLs: never the Host header, which may lack the
        # port (or name another site than ``?site=``).
        site = answered_site(getattr(request, "_request", request))
        if site is not None:
            return site.root_url.rstrip("/")
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(url: str | None, context: dict[str, Any] | None = None) -> str | None:
    if not url:
        return url
    if url.startswith(("http://", "https://", "//")):
        return url
    return base_url(context) + (url if url.startswith("/") else f"/{url}")


def image_data(image, context: dict[str, Any] | None = None, *, caption: str = "") -> dict | None:
    """An image as rendition URLs with size, alt text and credit.

    Remembered per content generation (:data:`_MEDIA`). Callers return the dict as it is
    and never change it.
    """
    if image is None:
        return None
    key = ("image", image.pk, caption, base_url(context))
    data = _remembered(key, lambda: _image_data(image, context, caption))
    if not data["renditions"]:  # its file is missing: not remembered, tried again next time
        _MEDIA.forget(key)
    return data


def _image_data(image, context: dict[str, Any] | None, caption: str) -> dict:
    fetch_renditions()  # the list's images' renditions, in one query
    specs = RENDITION_SPECS
    # None when the image's file is missing: the image without renditions (cms/renditions.py).
    renditions = renditions_of(image, *specs) or {}
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.alt,
        "decorative": image.is_decorative,
        "caption": caption or image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "renditions": [
            {
                "width": rendition.width,
                "height": rendition.height,
                "url": absolute(rendition.url, context),
            }
            for rendition in (renditions[spec] for spec in specs if spec in renditions)
        ],
    }


def document_data(document, context: dict[str, Any] | None = None) -> dict | None:
    """A document as its public URL with title, size and file type.

    Remembered per content generation, as images are (:data:`_MEDIA`): a list's
    attachments name the same documents again and again, each URL a ``reverse()`` and each
    size a look at storage.
    """
    if document is None:
        return None
    return _remembered(
        ("document", document.pk, base_url(context)),
        lambda: {
            "id": document.pk,
            "title": document.title,
            "url": absolute(document.url, context),
            "size": document.get_file_size(),
            "extension": document.file_extension.lower(),
        },
    )


def _remembered(key: tuple, compute: Callable[[], dict]) -> dict:
    """``compute()``, remembered per generation while a request is answered."""
    request = answering()
    if request is None:  # a command or a task: nothing to share it with
        return compute()
    return _MEDIA.get(request, key, compute)


def page_link_data(page, context: dict[str, Any] | None = None) -> dict | None:
    """A page as its public URL on its own site, with title and type."""
    if page is None:
        return None
    return PageLinkData.model_validate(page, from_attributes=True, context=context).model_dump()


_RELATIVE_ATTR = re.compile(r'(\s(?:href|src))="(/[^"/][^"]*|/)"')


def rich_text_html(source: str, context: dict[str, Any] | None = None) -> str:
    """Rich text as HTML with internal links, documents and images as absolute URLs."""
    html = expand_db_html(source or "")
    root = base_url(context)
    return _RELATIVE_ATTR.sub(lambda m: f'{m.group(1)}="{root}{m.group(2)}"', html)


__all__ = [
    "IMAGE_WIDTHS",
    "RENDITION_SPECS",
    "DocumentData",
    "ImageData",
    "PageLinkData",
    "RenditionData",
    "absolute",
    "base_url",
    "document_data",
    "image_data",
    "page_link_data",
    "prefetch_renditions",
    "rich_text_html",
]
