"""Admin: blog categories and news types, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from plugins.blog.models import BlogCategory, NewsType


class BlogCategoryViewSet(SnippetViewSet):
    model = BlogCategory
    icon = "folder-open-inverse"
    menu_label = _("Blog categories")
    list_display = ["name", "slug"]
    list_filter = ["locale"]
    search_fields = ["name"]
    # Plain ORM lookups: the database search backend on SQLite fails when a listing
    # restricts the search to named fields ("no such column"), and the table is small.
    search_backend_name = None


class NewsTypeViewSet(SnippetViewSet):
    model = NewsType
    icon = "tag"
    menu_label = _("News types")
    list_display = ["name", "slug"]
    list_filter = ["locale"]


class BlogAndNewsGroup(SnippetViewSetGroup):
    menu_label = _("Blog and news")
    menu_icon = "doc-full"
    menu_order = 260
    items = (BlogCategoryViewSet, NewsTypeViewSet)


register_snippet(BlogAndNewsGroup)
