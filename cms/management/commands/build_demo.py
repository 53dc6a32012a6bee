import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.bootstrap import bootstrap_sites
from cms.compat import deferred_index_tasks
from cms.demo import DemoContext
from cms.plugins import registry
from cms.tree import tree_problems


class Command(BaseCommand):
    help = (
        "Bootstrap sites and locales, then build every installed plugin's demo content on "
        "every site in every language, and create an admin login. Safe to run again: "
        "existing content is left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=settings.TINGSTED_SITE_PORT)
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the admin login."
        )

    def handle(self, *args, port: int, no_admin: bool, **options):
        try:
            bootstrap_sites(port=port, log=self.stdout.write)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc

        context = DemoContext.from_settings(log=self.stdout.write)

        # Each object is indexed once at the end, not at every save (most of the build).
        with deferred_index_tasks():
            for plugin in registry:
                if plugin.demo_content is None:
                    continue
                with transaction.atomic():
                    plugin.demo_content(context)
            for step in context.finishing_steps:
                with transaction.atomic():
                    step(context)
        problems = tree_problems()
        if problems:
            # The demo is what people try first: a broken tree there hides pages (404s).
            raise CommandError(
                "The demo left the page tree broken. " + " ".join(problems.sentences())
            )
        if context.created:
            self.stdout.write(f"Demo content: created {len(context.created)} items.")
        else:
            self.stdout.write("Demo content is already in place; nothing changed.")

        if not no_admin:
            self.ensure_admin()

    def ensure_admin(self) -> None:
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write(
                "Admin login: admin (password shown when it was created; reset it with "
                "`python manage.py changepassword admin`)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password)
        self.stdout.write(
            self.style.SUCCESS(f"Admin login created: admin / {password}  (shown once)")
        )
