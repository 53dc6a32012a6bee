"""Signal receivers: a post's publish date defaults to the day it is first published."""

from __future__ import annotations


def fill_publish_date(sender, instance, revision=None, **kwargs) -> None:
    """Store the day of first publication when the editor left the date empty.

    The column is updated directly (no new revision), so the date shows in lists, feeds and
    the API from the first publication on; the editor can still set another date later.
    """
    from plugins.blog.models import BlogPostPage, NewsPage

    if not isinstance(instance, BlogPostPage | NewsPage):
        return
    if instance.fill_date():
        type(instance).objects.filter(pk=instance.pk).update(date=instance.date)
