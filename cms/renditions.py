"""Renditions of an image whose original file may be missing.

A database restored without its media, an object deleted from the bucket, a sync that did
not finish: Wagtail then raises SourceImageIOError for a rendition not made yet, and every
page and API answer showing the image answered 500. Here the answer goes on without that
image (a page leaves the figure out, the API gives the image with no renditions), the
missing file is logged, and the answer is marked incomplete: neither the page cache, nor a
fragment of it (``{% generation_cache %}``), nor the API's cache stores it, and it is sent
``private, no-store``, so it mends itself once the file is back, without waiting for a
publish.

A storage that does not answer is not a missing file: cms.models.images keeps that error as
it is, and the request answers 503 to try again (cms/errorpages.py).
"""

from __future__ import annotations

import logging

from django.http import HttpRequest
from wagtail.images.models import AbstractImage, AbstractRendition, SourceImageIOError

from cms.errorpages import service_unavailable
from cms.generation import answering

logger = logging.getLogger(__name__)

#: How many things the request's answer left out because they are missing.
INCOMPLETE = "_tingsted_incomplete"


def renditions_of(image: AbstractImage, *specs: str) -> dict[str, AbstractRendition] | None:
    """``image.get_renditions(*specs)``, or None when its original file is missing."""
    try:
        return image.get_renditions(*specs)
    except SourceImageIOError as error:
        if service_unavailable(error):  # the storage, not the file: the 503 to try again
            raise
        logger.warning(
            "Image %s (%r) has no original file, so it is left out: %s", image.pk, image, error
        )
        mark_incomplete()
        return None


def rendition_of(image: AbstractImage, spec: str) -> AbstractRendition | None:
    """One rendition, or None when the image's original file is missing."""
    found = renditions_of(image, spec)
    return None if found is None else found[spec]


def mark_incomplete(request: HttpRequest | None = None) -> None:
    """Say that the answer being built leaves out something missing (by default the request
    being answered)."""
    request = request if request is not None else answering()
    request = getattr(request, "_request", request)  # DRF wraps Django's request
    if request is not None:
        setattr(request, INCOMPLETE, incomplete_count(request) + 1)


def incomplete_count(request: HttpRequest | None) -> int:
    """How many things ``request``'s answer has left out so far (0 without a request)."""
    return getattr(getattr(request, "_request", request), INCOMPLETE, 0)


def is_incomplete(request: HttpRequest | None) -> bool:
    return incomplete_count(request) > 0
