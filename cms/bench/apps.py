from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """Benchmark commands. Not a plugin: it adds no content, pages or API."""

    name = "cms.bench"
    label = "bench"
    verbose_name = _("Benchmark")
    default_auto_field = "django.db.models.BigAutoField"


class StockBenchConfig(AppConfig):
    """The bench app as the stock server installs it (cms.bench.stock_settings), first.

    Its ready() gives every model and block Wagtail's own API serialisation
    (cms/bench/stock.py) before API v3 builds its schemas from ``api_fields``.
    """

    name = "cms.bench"
    label = "bench"
    verbose_name = _("Benchmark")
    default_auto_field = "django.db.models.BigAutoField"
    default = False

    def ready(self) -> None:
        from cms.bench.stock import use_stock_wagtail

        use_stock_wagtail()
