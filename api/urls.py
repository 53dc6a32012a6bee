"""The headless API's addresses: /api/v2/ (REST framework) and /api/v3/ (django-ninja)."""

from django.urls import path
from wagtail.api.v3.urls import api as api_v3

from api.v2 import build_router
from api.v3 import narrow_collections

narrow_collections()

urlpatterns = [
    path("v2/", build_router().urls),
    path("v3/", api_v3.urls),
]
