"""Stock Wagtail's addresses, as its documentation mounts them (APIs, documents, pages)."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms import lookups

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("api/v3/", api_v3.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(wagtail_urls)),
]

# Django's own __in lookups, not the project's: stock Wagtail runs without them. Here, since
# the URLconf loads after every app's ready(), where the project installs its own.
lookups.uninstall()
