"""What lists of blog pages fetch in bulk (the contract's ``preload`` hook)."""

from __future__ import annotations

from cms.public import PageLoader


def declarations() -> list[PageLoader]:
    from plugins.blog.related import attach_related

    # A post's related posts, for every post of a list at once.
    return [PageLoader("blog.BlogPostPage", attach_related)]
