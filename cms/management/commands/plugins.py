from django.core.management.base import BaseCommand

from cms.plugins import registry


class Command(BaseCommand):
    help = "List the installed Tingsted plugins and what each adds: page types, snippets, URLs, API, feeds, demo content."

    def handle(self, *args, **options):
        for plugin in registry:
            self.stdout.write(
                self.style.MIGRATE_HEADING(
                    f"{plugin.label}  ({plugin.verbose_name}, {plugin.module})"
                )
            )
            rows = [
                ("page types", ", ".join(m._meta.label for m in plugin.page_models)),
                ("under home page", ", ".join(m._meta.label for m in plugin.home_page_types)),
                ("snippets", ", ".join(m._meta.label for m in plugin.snippet_models)),
                ("urls", plugin.urls or ""),
                (
                    "API v3 routes",
                    ", ".join(f"/api/v3/{p.strip('/')}/" for p, _r in plugin.api_routers())
                    if plugin.api_routers
                    else "",
                ),
                (
                    "API v2 endpoints",
                    ", ".join(f"/api/v2/{n}/" for n, _e in plugin.api_v2_endpoints())
                    if plugin.api_v2_endpoints
                    else "",
                ),
                ("feeds", _qualname(plugin.feeds)),
                ("demo content", _qualname(plugin.demo_content)),
            ]
            for name, value in rows:
                if value:
                    self.stdout.write(f"  {name:<17} {value}")
        self.stdout.write(f"{len(registry)} plugins installed.")


def _qualname(function) -> str:
    if function is None:
        return ""
    return f"{function.__module__}.{function.__qualname__}"
