import json

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from cms.bench.data import expected_manifest, generate, read_manifest, write_manifest
from cms.bench.env import reexec_with_database
from cms.bootstrap import bootstrap_sites


class Command(BaseCommand):
    help = (
        "Build the benchmark dataset: N pages across every site and locale, with people, "
        "images and documents, in bulk. Reports how long each part took and checks the page "
        "tree with treebeard's integrity check. Use an empty database: it adds, it never "
        "replaces."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--pages", type=int, required=True, help="How many pages to add, e.g. 1000."
        )
        parser.add_argument(
            "--database-url",
            help="Build into this database instead of DATABASE_URL (created if missing).",
        )
        parser.add_argument("--seed", type=int, default=9, help="Random seed. Default: 9.")
        parser.add_argument(
            "--blocks", type=int, default=6, help="StreamField blocks per page. Default: 6."
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Do not add the pages to the search index."
        )
        parser.add_argument(
            "--no-migrate", action="store_true", help="Do not run migrations first."
        )
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, pages: int, database_url: str | None, **options) -> None:
        if database_url:
            reexec_with_database(database_url)
        if pages < 1 or pages > 200_000:
            raise CommandError("--pages must be between 1 and 200000.")
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        bootstrap_sites()
        existing = read_manifest()
        if existing is not None:
            raise CommandError(
                f"This database already holds bench data ({existing['pages']} pages). Use an "
                "empty database, or let `manage.py bench_run` rebuild it."
            )
        log = (lambda message: None) if options["json"] else self.stdout.write
        log(f"Building {pages} bench pages…")
        try:
            with transaction.atomic():
                result = generate(
                    pages,
                    seed=options["seed"],
                    blocks_per_page=options["blocks"],
                    index=not options["no_index"],
                    log=log,
                )
                if result.problems:
                    raise CommandError(
                        f"The page tree fails treebeard's integrity check: {result.problems}. "
                        "Nothing was saved."
                    )
                write_manifest(
                    {
                        **expected_manifest(pages),
                        "built": result.pages,
                        "seconds": result.seconds,
                        "notes": result.notes,
                    }
                )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        report = {
            "pages": result.pages,
            "seconds": round(result.seconds, 2),
            "timings": {name: round(value, 2) for name, value in result.timings.items()},
            "builders": result.builders,
            "indexed": result.indexed,
            "tree_problems": result.problems,
            "notes": result.notes,
        }
        if options["json"]:
            self.stdout.write(json.dumps(report))
            return
        for note in result.notes:
            self.stdout.write(f"Note: {note}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {result.pages} pages in {result.seconds:.1f} s "
                f"({result.pages / max(result.seconds, 0.001):.0f} pages/s); "
                "page tree passes treebeard's integrity check."
            )
        )
