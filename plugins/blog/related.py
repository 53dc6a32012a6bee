"""A post's related posts for a whole list at once (the contract's ``preload`` hook)."""

from __future__ import annotations

from django.db.models import Q, prefetch_related_objects
from wagtail.models import Page

from api.access import public_pages
from plugins.blog.models import BlogPostPage, BlogPostRelated


def attach_related(pages: list, preload, fields: set[str] | None) -> None:
    """A preload hook (cms/loading.py): every post's related posts for a whole list.

    ``BlogPostPage.related()`` asks the database for each post's chosen links and, without
    them, for the newest siblings sharing a category: a list of 100 posts cost about 400
    queries. Here the chosen links, the linked posts, the categories and the candidate
    siblings are fetched once for the list, and each post gets exactly what ``related()``
    would return.
    """
    if (fields is not None and "related_posts" not in fields) or not pages:
        return
    pages = [page for page in pages if page.pk]
    links: dict[int, list[int]] = {}
    for link in BlogPostRelated.objects.filter(page__in=pages).order_by("sort_order", "pk"):
        links.setdefault(link.page_id, []).append(link.related_id)
    # Any page type, as ``link.related.specific`` would give (one query per type).
    linked = {
        post.pk: post
        for post in Page.objects.filter(
            pk__in=[pk for ids in links.values() for pk in ids]
        ).specific()
    }
    fallback = []
    for page in pages:
        chosen = [linked[pk] for pk in links.get(page.pk, []) if pk in linked]
        chosen = [post for post in chosen if post.live]
        page._related_for_list = chosen
        if not chosen:
            fallback.append(page)
    candidates = _sibling_candidates(fallback)
    for page in fallback:
        wanted = {category.translation_key for category in page.categories.all()}
        page._related_for_list = [
            post
            for post in candidates
            if post.pk != page.pk
            and post.path[: -post.steplen] == page.path[: -page.steplen]
            and wanted & {category.translation_key for category in post.categories.all()}
        ]
    # Each related post's link reads its locale: all of them in one query.
    related = [post for page in pages for post in page._related_for_list]
    prefetch_related_objects(
        [post for post in related if "locale" not in post._state.fields_cache], "locale"
    )


def _sibling_candidates(pages: list) -> list:
    """Live posts beside ``pages`` sharing one of their categories, newest first, with
    their categories: what ``related()`` chooses from when no post is named."""
    if not pages:
        return []
    prefetch_related_objects(pages, "categories")
    keys = {category.translation_key for page in pages for category in page.categories.all()}
    if not keys:
        return []
    parents = Q()
    for parent_path, depth in {(page.path[: -page.steplen], page.depth) for page in pages}:
        parents |= Q(path__startswith=parent_path, depth=depth)
    candidates = list(
        public_pages(BlogPostPage.objects.live())
        .filter(parents, categories__translation_key__in=keys)
        .distinct()
        .defer("body")
        .order_by("-date", "-first_published_at")
    )
    prefetch_related_objects(candidates, "categories")
    return candidates
