from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """Benchmark commands. Not a plugin: it adds no content, pages or API."""

    name = "cms.bench"
    label = "bench"
    verbose_name = _("Benchmark")
    default_auto_field = "django.db.models.BigAutoField"
