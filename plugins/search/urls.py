from django.urls import path

from plugins.search.views import search

app_name = "tingsted_search"

urlpatterns = [path("search/", search, name="search")]
