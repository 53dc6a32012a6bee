from django.core import checks
from django.utils.translation import gettext_lazy as _

from cms.contract import PluginConfig


class CmsConfig(PluginConfig):
    """The project core. It is a plugin like the others: it owns the home page, and the
    generic content page (terms, privacy, about) that may sit under it."""

    name = "cms"
    verbose_name = _("Tingsted core")

    page_models = ["cms.HomePage", "cms.ContentPage"]
    home_page_types = ["cms.ContentPage"]
    demo_content = "cms.demo.build_home_pages"
    erase_personal_data = "cms.erasure.erase_core"

    def ready(self) -> None:
        super().ready()
        from cms import checks as plugin_checks
        from cms import compat, formdata, invalidation, lookups, restrictions
        from cms.i18n import slugs
        from cms.tree import check_page_tree

        checks.register(plugin_checks.check_plugins, "tingsted")
        checks.register(check_page_tree, "tingsted", checks.Tags.database)
        checks.register(plugin_checks.check_shared_cache, "tingsted", deploy=True)
        checks.register(plugin_checks.check_media_bucket, "tingsted", deploy=True)
        # An id past 64 bits in an address finds no row on SQLite too (cms/lookups.py).
        lookups.install()
        # Posted form data a widget cannot read is a field error, not a 500 (cms/formdata.py).
        formdata.install()
        restrictions.connect()
        invalidation.connect()
        # Translated slugs by the target language's rule (wagtail-localize has no hook).
        slugs.install()
        # A page saved with its child rows is indexed once, not once per row (cms/compat.py).
        compat.install_index_task_deferral()
        # No purge work on publish unless a CDN is configured (cms/compat.py).
        compat.purge_pages_only_with_a_cdn()
