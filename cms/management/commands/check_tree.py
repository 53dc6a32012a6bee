from django.core.management.base import BaseCommand, CommandError

from cms.tree import tree_problems


class Command(BaseCommand):
    help = (
        "Check the page tree (Wagtail's Page.find_problems): exits non-zero with a sentence "
        "naming the pages whose path, depth or child count is wrong. --fix repairs it with "
        "Page.fix_tree and checks again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix",
            action="store_true",
            help="Repair the tree with Page.fix_tree(), then check it again.",
        )

    def handle(self, *args, fix: bool, **options):
        from wagtail.models import Page

        problems = tree_problems()
        if problems and fix:
            for sentence in problems.sentences():
                self.stdout.write(f"Fixing: {sentence}")
            Page.fix_tree()
            problems = tree_problems()
        if problems:
            raise CommandError("The page tree has problems. " + " ".join(problems.sentences()))
        self.stdout.write("The page tree has no problems.")
