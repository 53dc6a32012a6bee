from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language


def ping(request: HttpRequest) -> HttpResponse:
    """Answers with the active language, so a test sees the site's prefix at work."""
    return HttpResponse(f"pong {get_language()}", content_type="text/plain; charset=utf-8")


def feed(request: HttpRequest) -> HttpResponse:
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0"><channel><title>Example</title>'
        f"<link>{request.build_absolute_uri('/')}</link><description>Example feed</description>"
        "</channel></rss>"
    )
    return HttpResponse(body, content_type="application/rss+xml; charset=utf-8")
