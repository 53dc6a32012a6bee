from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Locale, Site

from cms.public import FeedLink


def feeds(request: HttpRequest, site: Site, locale: Locale) -> list[FeedLink]:
    # reverse() uses the site's URLconf and the active language, so the address
    # carries the language prefix the visitor is reading in.
    return [
        FeedLink(
            title=f"Example feed ({locale.language_code})",
            url=request.build_absolute_uri(reverse("example-feed")),
            content_type="application/rss+xml",
        )
    ]
