"""Delete interest-form submissions older than the retention period.

Run it daily from cron or a scheduler, for example::

    15 3 * * *  cd /srv/tingsted && .venv/bin/python manage.py purge_interest_submissions
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plugins.networks.submissions import InterestSubmission


class Command(BaseCommand):
    help = (
        "Delete interest-form submissions older than TINGSTED_INTEREST_RETENTION_DAYS "
        "(or --days). Use --dry-run to see how many would go."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep submissions of the last DAYS days (default: the setting).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days: int | None, dry_run: bool, **options):
        days = settings.TINGSTED_INTEREST_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError(f"--days must be at least 1, not {days}.")
        cutoff = timezone.now() - timedelta(days=days)
        old = InterestSubmission.objects.filter(submitted_at__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{old.count()} submissions older than {days} days would be deleted.")
            return
        deleted, _per_model = old.delete()
        self.stdout.write(f"Deleted {deleted} submissions older than {days} days.")
