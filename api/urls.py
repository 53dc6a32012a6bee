"""The headless API's addresses: /api/v2/ (REST framework) and /api/v3/ (django-ninja)."""

from django.urls import path
from wagtail.api.v3.urls import api as api_v3

from api.v2 import build_router
from api.v3 import mount

# Wagtail's API v3 is configured and every plugin's routers added here, when the URLs are
# first loaded: after every app is ready, whatever their order (api/apps.py).
mount()

urlpatterns = [
    path("v2/", build_router().urls),
    path("v3/", api_v3.urls),
]
