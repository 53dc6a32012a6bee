from django.core.management.base import BaseCommand, CommandError

from plugins.translation.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create the editor (per site), reviewer and translator (per locale) groups with "
        "their page and snippet permissions, and the editorial and translation review "
        "workflows. Safe to run again: only what is missing is added."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Also create one login per role (translator-sv, reviewer, editor-dk, …) "
            "and print their passwords, once.",
        )

    def handle(self, *args, demo_users: bool, **options):
        try:
            result = setup_roles(demo_users=demo_users, log=self.stdout.write)
        except Exception as exc:  # a missing permission row means migrate has not run
            raise CommandError(
                f"Could not set up the roles ({exc}). Run `python manage.py migrate` first."
            ) from exc
        if not result.created:
            self.stdout.write("Roles and workflows are already in place; nothing changed.")
        for username, password in result.logins:
            if password:
                self.stdout.write(
                    self.style.SUCCESS(f"Login created: {username} / {password}  (shown once)")
                )
            else:
                self.stdout.write(
                    f"Login: {username} (password shown when it was created; reset it with "
                    f"`python manage.py changepassword {username}`)."
                )
