from django.core import checks
from django.utils.translation import gettext_lazy as _

from cms.public import PluginConfig


class TranslationConfig(PluginConfig):
    """Translation workflows on top of wagtail-localize: roles, status, sync, review.

    A plugin with no content of its own: its demo step runs after every content plugin
    (it waits with ``DemoContext.after``) and leaves translations in every state.
    """

    name = "plugins.translation"
    label = "tingsted_translation"  # kept from cms.translation: migrations, permissions
    verbose_name = _("Translation")

    api_routers = "plugins.translation.api.routers"
    demo_content = "plugins.translation.demo.build"

    def ready(self) -> None:
        super().ready()
        from plugins.translation import checks as translation_checks
        from plugins.translation import synced_fields, workflow_names
        from plugins.translation.permissions import install

        checks.register(translation_checks.check_translatable_fields, "tingsted")
        install()
        synced_fields.connect()
        workflow_names.install()
