"""The site search page: the current site, in the current language, live public pages only.

Searching is Wagtail's: ``Page.objects....search(query)`` with the configured backend
(the database backend by default; see plugins/search/backends.py for per-language
stemming on PostgreSQL and docs/search.md for OpenSearch/Elasticsearch).
"""

from __future__ import annotations

import logging

from django.core.paginator import EmptyPage, Paginator
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from cms.public import active_locale, plain_words, public_pages

PER_PAGE = 10
logger = logging.getLogger(__name__)


def site_root(request: HttpRequest, locale: Locale) -> Page | None:
    """The current site's home page in ``locale``, or None if it has no such translation."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale)


def clean_query(raw: str) -> str:
    """The words of ``raw`` as every search entry point sends them (cms/search_text.py)."""
    return plain_words(raw)


def search_pages(request: HttpRequest, query: str):
    """Search results (live, public pages of this site and language) for ``query``."""
    locale = active_locale(request) or Locale.get_active()
    root = site_root(request, locale)
    if root is None or not query:
        return Page.objects.none()
    pages = public_pages(Page.objects.descendant_of(root, inclusive=True).filter(locale=locale))
    return pages.search(query)


def search(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q", ""))
    # Shown and carried to the next page as the visitor typed it (the words searched for
    # are the cleaned, lower-cased ones).
    typed = " ".join(request.GET.get("q", "").split())[:200] if query else ""
    raw_page = request.GET.get("page", "1")
    if not raw_page.isdigit() or int(raw_page) < 1:
        raise Http404(_("There is no such page of search results."))
    results = search_pages(request, query) if query else Page.objects.none()
    paginator = Paginator(results, PER_PAGE)
    failed = False
    try:
        page_obj = paginator.page(int(raw_page))
    except EmptyPage as exc:
        raise Http404(_("There is no such page of search results.")) from exc
    except DatabaseError:
        # A query the backend cannot parse is the visitor's typo, not a server error.
        logger.warning("Search backend rejected the query %r", query, exc_info=True)
        failed = True
        paginator = Paginator(Page.objects.none(), PER_PAGE)
        page_obj = paginator.page(1)
    ids = [page.pk for page in page_obj.object_list]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    items = [
        {"page": specific[pk], "summary": summary(specific[pk])} for pk in ids if pk in specific
    ]
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": typed,
            "failed": failed,
            "items": items,
            "page_obj": page_obj,
            "paginator": paginator,
            "pagination": pagination(paginator, page_obj, typed),
        },
    )


def summary(page: Page) -> str:
    """The text under a result: what the page type says it is (its ``search_summary()``,
    docs/plugins.md), else the editor's search description (a plain Wagtail page)."""
    search_summary = getattr(page, "search_summary", None)
    if callable(search_summary):
        return search_summary()
    return page.search_description.strip()


def pagination(paginator: Paginator, page_obj, query: str) -> dict:
    from django.http import QueryDict

    def url(number: int) -> str:
        params = QueryDict(mutable=True)
        params["q"] = query
        if number > 1:
            params["page"] = number
        return f"?{params.urlencode()}"

    return {
        "previous": url(page_obj.previous_page_number()) if page_obj.has_previous() else None,
        "next": url(page_obj.next_page_number()) if page_obj.has_next() else None,
        "number": page_obj.number,
        "count": paginator.num_pages,
    }
