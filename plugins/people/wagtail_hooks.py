"""Admin: people, organisations and venues grouped under one menu item, with filters."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from plugins.people.models import Organisation, Person, Venue


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organisation", "is_external"]
    list_filter = ["is_external", "organisation", "locale"]
    search_fields = ["name", "role"]
    # Plain ORM lookups: the database search backend on SQLite fails when a listing
    # restricts the search to named fields ("no such column"), and these tables are small.
    search_backend_name = None
    ordering = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "short_name", "website"]
    list_filter = ["locale"]
    search_fields = ["name", "short_name"]
    # Plain ORM lookups: the database search backend on SQLite fails when a listing
    # restricts the search to named fields ("no such column"), and these tables are small.
    search_backend_name = None


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = ["name", "city", "country"]
    list_filter = ["country", "city", "locale"]
    search_fields = ["name", "city", "street_address"]
    # Plain ORM lookups: the database search backend on SQLite fails when a listing
    # restricts the search to named fields ("no such column"), and these tables are small.
    search_backend_name = None


class PeopleAndPlacesGroup(SnippetViewSetGroup):
    menu_label = _("People and places")
    menu_icon = "group"
    menu_order = 250
    items = (PersonViewSet, OrganisationViewSet, VenueViewSet)


register_snippet(PeopleAndPlacesGroup)
