"""Wagtail's document view, with answers that must not be shared kept out of caches.

With object storage (``WAGTAILDOCS_SERVE_METHOD = "redirect"``), Wagtail's view checks who
may see the document and then redirects to a signed URL of the object that works for
``AWS_QUERYSTRING_EXPIRE`` seconds. That redirect is a key to the file: a shared cache must
never keep it (it would hand a private document's key to the next visitor, and a public
one's after it has expired), so it is ``private, no-store`` whoever asked. So is any
answer to a request with a session or a credential (the visibility rule), which may be a
private document streamed to the one person allowed to read it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.documents.views.serve import serve as wagtail_serve

from cms.visibility import is_shareable


def serve(request: HttpRequest, document_id: int, document_filename: str) -> HttpResponse:
    response = wagtail_serve(request, document_id, document_filename)
    location = response.get("Location", "")
    to_storage = response.status_code in (301, 302, 303, 307, 308) and not location.startswith(
        "/"
    )  # a signed URL of the object, not the site's own login page
    if to_storage or not is_shareable(request):
        patch_cache_control(response, private=True, no_store=True)
    return response
