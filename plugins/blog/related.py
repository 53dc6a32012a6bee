"""A post's related posts for a whole list at once (the contract's ``preload`` hook)."""

from __future__ import annotations

from django.db.models import BooleanField, ExpressionWrapper, F, Q, Value, prefetch_related_objects
from wagtail.models import Page

from api.access import public_pages
from plugins.blog.models import BlogPostPage


def attach_related(pages: list, preload, fields: set[str] | None) -> None:
    """A preload hook (cms/loading.py): every post's related posts for a whole list.

    ``BlogPostPage.related()`` asks the database for each post's chosen links and, without
    them, for the newest siblings sharing a category: a list of 100 posts cost about 400
    queries. Here each post gets exactly what ``related()`` would return, for the whole list
    in one query beyond the links (which the list prefetches with its other rows): the
    linked posts and the candidate siblings together, as posts, with their locales and, one
    row per category, their categories' keys.
    """
    if (fields is not None and "related_posts" not in fields) or not pages:
        return
    pages = [page for page in pages if page.pk]
    # Nothing to fetch when the list prefetched ``related_posts`` (api.v2.related_api_fields).
    prefetch_related_objects(pages, "related_posts")
    links = {
        page.pk: [
            link.related_id
            for link in sorted(
                page.related_posts.all(), key=lambda link: (link.sort_order, link.pk)
            )
        ]
        for page in pages
    }
    unlinked = [page for page in pages if not links[page.pk]]
    linked_ids = {pk for ids in links.values() for pk in ids}
    posts, keys_of = _posts(linked_ids, unlinked)
    missing = linked_ids - set(posts)
    if missing:  # links to pages of other types (the chooser offers posts only)
        posts.update((post.pk, post) for post in Page.objects.filter(pk__in=missing).specific())
    fallback = []
    for page in pages:
        chosen = [posts[pk] for pk in links[page.pk] if pk in posts and posts[pk].live]
        page._related_for_list = chosen
        if not chosen:
            fallback.append(page)
    candidates = list(posts.values())
    if any(links[page.pk] for page in fallback):
        # Every post a page links to is unpublished: its siblings after all (rare).
        candidates, keys_of = _sibling_candidates(fallback)
    else:
        candidates = [post for post in candidates if post.pk in keys_of]
    for page in fallback:
        wanted = {category.translation_key for category in page.categories.all()}
        page._related_for_list = [
            post
            for post in candidates
            if post.pk != page.pk
            and post.path[: -post.steplen] == page.path[: -page.steplen]
            and wanted & keys_of[post.pk]
        ]
    # Each related post's link reads its locale: fetched with the posts, else here at once.
    related = [post for page in pages for post in page._related_for_list]
    prefetch_related_objects(
        [post for post in related if "locale" not in post._state.fields_cache], "locale"
    )


def _candidate_condition(pages: list) -> Q | None:
    """Live public posts beside ``pages`` sharing one of their categories: what
    ``related()`` chooses from when no post is named (as a subquery of their ids)."""
    if not pages:
        return None
    prefetch_related_objects(pages, "categories")
    keys = {category.translation_key for page in pages for category in page.categories.all()}
    if not keys:
        return None
    parents = Q()
    for parent_path, depth in {(page.path[: -page.steplen], page.depth) for page in pages}:
        parents |= Q(path__startswith=parent_path, depth=depth)
    ids = (
        public_pages(BlogPostPage.objects.live())
        .filter(parents, categories__translation_key__in=keys)
        .values("pk")
    )
    return Q(pk__in=ids)


def _posts(linked_ids: set[int], pages: list) -> tuple[dict[int, BlogPostPage], dict]:
    """The posts ``linked_ids`` names and the sibling candidates of ``pages``, newest first,
    in one query: ``({pk: post}, {pk of a candidate: its category keys})``."""
    condition = _candidate_condition(pages)
    if condition is None and not linked_ids:
        return {}, {}
    wanted = Q(pk__in=linked_ids) if linked_ids else condition
    if linked_ids and condition is not None:
        wanted |= condition
    rows = (
        BlogPostPage.objects.filter(wanted)
        .select_related("locale")
        .defer("body")
        # One row per category of a post: a candidate's keys come with it.
        .annotate(
            _category_key=F("categories__translation_key"),
            _candidate=Value(False)
            if condition is None
            else ExpressionWrapper(condition, output_field=BooleanField()),
        )
        .order_by("-date", "-first_published_at")
    )
    posts: dict[int, BlogPostPage] = {}
    keys_of: dict[int, set] = {}
    for post in rows:
        posts.setdefault(post.pk, post)
        if post._candidate and post._category_key is not None:
            keys_of.setdefault(post.pk, set()).add(post._category_key)
    return posts, keys_of


def _sibling_candidates(pages: list) -> tuple[list, dict]:
    """The sibling candidates of ``pages`` alone, newest first, with their category keys."""
    posts, keys_of = _posts(set(), pages)
    return list(posts.values()), keys_of
