"""URL patterns. The language-prefixed half is built per site language in cms/routing.py."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from health_check.views import HealthCheckView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.documents import serve as serve_document
from cms.plugins import registry
from cms.site_files import favicon, robots_txt
from cms.sitemaps import TranslatedSitemap

HEALTH_CHECKS = [
    "health_check.checks.Database",
    "health_check.checks.Cache",
    # Images and documents: a file written, read back and deleted in each storage (the local
    # disk, or the object storage's bucket with MEDIA_STORAGE=s3).
    ("health_check.checks.Storage", {"alias": "default"}),
    ("health_check.checks.Storage", {"alias": "documents"}),
]

#: JSON under /api/, the site's HTML error page elsewhere (400 and 500). Also set on each site's URLconf
#: (cms/routing.py), which is the one Django asks when a request fails.
handler500 = "api.errors.server_error"
handler400 = "api.errors.bad_request"


def unlocalized_patterns() -> list:
    """Addresses that are the same in every language: admin, API, documents, sitemap."""
    from api.urls import urlpatterns as api_urlpatterns

    patterns = [
        path("django-admin/", admin.site.urls),
        path("admin/", include(wagtailadmin_urls)),
        # Wagtail's serve view, its signed-URL redirects kept out of caches (cms/documents.py).
        path("documents/<int:document_id>/<str:document_filename>", serve_document),
        path("documents/", include(wagtaildocs_urls)),
        path("api/", include(api_urlpatterns)),
        path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
        path("robots.txt", robots_txt, name="robots_txt"),
        path("favicon.ico", favicon),
        # For load balancers and monitoring: 200 when the database, the cache and the media
        # storages answer, 500 naming the one that does not (the site itself keeps
        # answering without a cache).
        path("health/", HealthCheckView.as_view(checks=HEALTH_CHECKS), name="health"),
    ]
    if settings.DEBUG:
        patterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    return patterns


def localized_patterns() -> list:
    """Addresses under the language prefix: plugin URLs, then Wagtail's page serving."""
    plugin_patterns = [path("", include(plugin.urls)) for plugin in registry if plugin.urls]
    return [*plugin_patterns, path("", include(wagtail_urls))]


def __getattr__(name: str):
    # ROOT_URLCONF serves requests no middleware has routed yet (management commands,
    # reverse() outside a request): the project's LANGUAGE_CODE is its own language there.
    if name == "urlpatterns":
        from cms.routing import urlconf_for

        return urlconf_for(settings.LANGUAGE_CODE).urlpatterns
    raise AttributeError(name)
