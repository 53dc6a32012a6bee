from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.bootstrap import bootstrap_sites


class Command(BaseCommand):
    help = (
        "Create the configured locales, sites and home pages (with a translation of each "
        "home page in every language). Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=settings.TINGSTED_SITE_PORT,
            help="Port the sites are served on (used in absolute URLs). Default: %(default)s.",
        )

    def handle(self, *args, port: int, **options):
        try:
            result = bootstrap_sites(port=port, log=self.stdout.write)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if not result.changed:
            self.stdout.write("Sites and locales are already in place; nothing changed.")
