from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

#: Raised when a models module built Wagtail's API v3 schemas before this app could type them.
TOO_LATE = (
    "Wagtail's API v3 page schemas were built while the apps' models were being imported "
    "(a models module imported wagtail.api.v3.api or wagtail.api.v3.registry), so StreamFields "
    "would be untyped. Import the v3 API from ready() at the earliest; Tingsted plugins add "
    "their routes through the plugin contract's api_routers hook."
)


class ApiConfig(AppConfig):
    name = "api"
    label = "tingsted_api"
    verbose_name = _("Headless API")
    default_auto_field = "django.db.models.BigAutoField"

    def import_models(self) -> None:
        super().import_models()
        from api import stream_schema
        from cms import compat

        # Wagtail builds every page type's API v3 read schema as soon as its v3 API is first
        # imported, which apps do from ready() (wagtail.contrib.redirects adds its routes
        # there) and the URLs do. StreamFields are typed just before (cms/compat.py), so
        # where 'api' is listed in INSTALLED_APPS does not matter: every app's models are
        # imported, this included, before the first ready().
        if not compat.before_v3_schemas(stream_schema.install):
            raise ImproperlyConfigured(TOO_LATE)

    def ready(self) -> None:
        from django.core import checks

        from api import checks as api_checks
        from api import signals

        signals.connect()
        checks.register(api_checks.check_untyped_blocks, "tingsted")
        checks.register(api_checks.check_webhook_task_backend, "tingsted")
        checks.register(api_checks.check_cache_middleware, "tingsted")
