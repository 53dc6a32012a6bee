from django.core import checks
from django.utils.translation import gettext_lazy as _

from cms.contract import PluginConfig


class TranslationConfig(PluginConfig):
    """Translation workflows on top of wagtail-localize: roles, status, sync, review.

    A plugin with no content of its own: its demo step runs after every content plugin
    (it is listed after them in INSTALLED_APPS) and leaves translations in every state.
    """

    name = "cms.translation"
    label = "tingsted_translation"
    verbose_name = _("Translation")

    api_routers = "cms.translation.api.routers"
    demo_content = "cms.translation.demo.build"

    def ready(self) -> None:
        super().ready()
        from cms.translation import checks as translation_checks
        from cms.translation.permissions import install

        checks.register(translation_checks.check_translatable_fields, "tingsted")
        install()
