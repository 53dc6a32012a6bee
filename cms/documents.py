"""Wagtail's document view, with answers that must not be shared kept out of caches.

With object storage (``WAGTAILDOCS_SERVE_METHOD = "redirect"``), Wagtail's view checks who
may see the document and then redirects to a signed URL of the object that works for
``AWS_QUERYSTRING_EXPIRE`` seconds. That redirect is a key to the file: a shared cache must
never keep it (it would hand a private document's key to the next visitor, and a public
one's after it has expired), so it is ``private, no-store`` whoever asked. So is any
answer to a request with a session or a credential (the visibility rule), which may be a
private document streamed to the one person allowed to read it.

The signed URL also asks the bucket to answer with the type and disposition Wagtail's own
streaming gives (inline PDFs, other files as downloads under their name).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from storages.backends.s3 import S3Storage
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve

from cms.visibility import is_shareable

REDIRECTS = (301, 302, 303, 307, 308)


def serve(request: HttpRequest, document_id: int, document_filename: str) -> HttpResponse:
    response = wagtail_serve(request, document_id, document_filename)
    location = response.get("Location", "")
    # A signed URL of the object, not the site's own login page.
    to_storage = response.status_code in REDIRECTS and not location.startswith("/")
    if to_storage:
        document = get_document_model().objects.get(pk=document_id)
        if isinstance(document.file.storage, S3Storage):
            response["Location"] = document.file.storage.url(
                document.file.name,
                parameters={
                    "ResponseContentType": document.content_type,
                    "ResponseContentDisposition": document.content_disposition,
                },
            )
    if to_storage or not is_shareable(request):
        patch_cache_control(response, private=True, no_store=True)
    return response
