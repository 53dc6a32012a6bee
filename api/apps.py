import sys

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

#: Raised when Wagtail's API v3 schemas were built before this app could type StreamFields.
TOO_LATE = (
    "Wagtail's API v3 page schemas were built before the 'api' app was ready, so StreamFields "
    "would be untyped. List 'api' first in INSTALLED_APPS (before 'cms' and the plugins, whose "
    "ready() adds routes to API v3)."
)


class ApiConfig(AppConfig):
    name = "api"
    label = "tingsted_api"
    verbose_name = _("Headless API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from api import checks as api_checks
        from api import signals, stream_schema, v3

        if "wagtail.api.v3.registry" in sys.modules:
            raise ImproperlyConfigured(TOO_LATE)
        # Must run before anything imports wagtail.api.v3.registry, which builds every
        # page type's read schema from the generator on import.
        stream_schema.install()
        v3.configure()
        signals.connect()
        checks.register(api_checks.check_untyped_blocks, "tingsted")
        checks.register(api_checks.check_webhook_task_backend, "tingsted")
