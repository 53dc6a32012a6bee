"""Remove the sync feed's change-log entries older than the retention period.

Run it daily from cron or a scheduler, for example::

    30 3 * * *  cd /srv/tingsted && .venv/bin/python manage.py prune_sync_log

A consumer whose cursor is older than what is kept gets a 410 from ``/api/v3/sync/`` and
starts again without a cursor (docs/api.md, "Sync feed").
"""

from django.core.management.base import BaseCommand, CommandError

from api.changelog import prune, retention_days


class Command(BaseCommand):
    help = (
        "Delete the sync feed's change-log entries older than TINGSTED_SYNC_RETENTION_DAYS "
        "(or --days); consumers with an older cursor are told to start again. Use --dry-run "
        "to see how many would go."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep the changes of the last DAYS days (default: the setting, 90).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days: int | None, dry_run: bool, **options):
        source = "--days"
        if days is None:
            days, source = retention_days(), "TINGSTED_SYNC_RETENTION_DAYS"
        if days < 1:
            raise CommandError(
                f"{source} must be at least 1 (days of changes to keep), not {days}."
            )
        removed, through = prune(days, dry_run=dry_run)
        if dry_run:
            self.stdout.write(
                f"{removed} sync log entries older than {days} days would be deleted."
            )
            return
        self.stdout.write(
            f"Deleted {removed} sync log entries older than {days} days; cursors before "
            f"entry {through} must start again."
        )
