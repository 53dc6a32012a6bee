from django.core.management.base import BaseCommand, CommandError

from cms.i18n.localize import alias_to_draft_translation
from cms.tree import foreign_alias_sentence, live_foreign_aliases, tree_problems


class Command(BaseCommand):
    help = (
        "Check the page tree (Wagtail's Page.find_problems): exits non-zero with a sentence "
        "naming the pages whose path, depth or child count is wrong, and the live aliases of "
        "pages in another language. --fix repairs the tree with Page.fix_tree, turns those "
        "aliases into draft translations, and checks again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix",
            action="store_true",
            help=(
                "Repair the tree with Page.fix_tree(), turn live aliases of pages in another "
                "language into unpublished draft translations, then check again."
            ),
        )

    def handle(self, *args, fix: bool, **options):
        from wagtail.models import Page

        problems = tree_problems()
        if problems and fix:
            for sentence in problems.sentences():
                self.stdout.write(f"Fixing: {sentence}")
            Page.fix_tree()
            problems = tree_problems()
        aliases = live_foreign_aliases()
        if aliases and fix:
            self.stdout.write(f"Fixing: {foreign_alias_sentence(aliases)}")
            for page in aliases:
                alias_to_draft_translation(page)
            aliases = live_foreign_aliases()
        sentences = [*problems.sentences(), *([foreign_alias_sentence(aliases)] if aliases else [])]
        if sentences:
            raise CommandError("The page tree has problems. " + " ".join(sentences))
        self.stdout.write("The page tree has no problems.")
