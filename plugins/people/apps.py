from django.utils.translation import gettext_lazy as _

from cms.public import PluginConfig


class PeopleConfig(PluginConfig):
    """People, organisations and venues: the snippets the other plugins choose from."""

    name = "plugins.people"
    label = "people"
    verbose_name = _("People and places")

    snippet_models = ["people.Person", "people.Organisation", "people.Venue"]
    demo_content = "plugins.people.demo.build"
    erase_personal_data = "plugins.people.erasure.erase_personal_data"
    preload = "plugins.people.preload.declarations"
    bench_data = "plugins.people.bench.build"
