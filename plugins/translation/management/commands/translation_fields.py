from django.core.management.base import BaseCommand

from plugins.translation.fields import markdown_table


class Command(BaseCommand):
    help = (
        "Print which fields of every translatable page type and snippet are translated and "
        "which are synchronized, as the Markdown that docs/translation.md includes."
    )

    def handle(self, *args, **options):
        self.stdout.write(markdown_table(), ending="")
