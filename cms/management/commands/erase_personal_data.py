"""Erase every stored trace of one e-mail address (a data subject's erasure request).

Each plugin erases its own models through its ``erase_personal_data`` hook; the core erases
the address from revisions, log entries and translation sources. Afterwards every text
column is scanned, and any remaining mention is listed for the operator to handle.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from cms.erasure import remaining_mentions
from cms.plugins import registry


class Command(BaseCommand):
    help = (
        "Erase every stored trace of an e-mail address and report what was erased per "
        "model. Use --dry-run to only report."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The address to erase.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be erased; change nothing."
        )

    def handle(self, *args, email: str, dry_run: bool, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(
                f"'{email}' is not a valid e-mail address; nothing was erased."
            ) from None

        reports = []
        with transaction.atomic():
            for plugin in registry:
                if plugin.erase_personal_data is not None:
                    reports += list(plugin.erase_personal_data(email, dry_run))

        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(f"{verb} the personal data of {email}:")
        for report in reports:
            self.stdout.write(f"  {report.model}: {report.count} ({report.action})")
        total = sum(report.count for report in reports if not report.action.startswith("kept"))
        self.stdout.write(f"{total} rows in all.")

        if dry_run:
            return
        left = [row for row in remaining_mentions(email) if row[0] not in _kept(reports)]
        if left:
            self.stderr.write(
                "Still mentioned (in free text no plugin erases; edit these by hand):"
            )
            for model, field, count in left:
                self.stderr.write(f"  {model}.{field}: {count}")
        else:
            self.stdout.write("The address is stored nowhere else.")


def _kept(reports) -> set[str]:
    """Models whose rows are reported but deliberately kept (user accounts)."""
    return {report.model for report in reports if report.action.startswith("kept")}
