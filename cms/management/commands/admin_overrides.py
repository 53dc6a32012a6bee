from django.core.management.base import BaseCommand, CommandError

from cms.i18n import overrides


class Command(BaseCommand):
    help = (
        "Add the Wagtail and wagtail-localize admin strings listed in "
        "cms/locale_overrides/sources.txt that no catalogue translates yet to the override "
        "catalogues (cms/locale_overrides/<lang>/LC_MESSAGES/), for translation. With "
        "--check, only list them and fail if there are any."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Change nothing; fail on gaps.")

    def handle(self, *args, check=False, **options):
        if check:
            gaps = {lang: overrides.untranslated(lang) for lang in overrides.LANGUAGES}
            for language, missing in gaps.items():
                for line in missing:
                    self.stdout.write(f"{language}: {line}")
            total = sum(len(missing) for missing in gaps.values())
            if total:
                raise CommandError(f"{total} admin strings have no translation.")
            self.stdout.write("Every listed admin string is translated.")
            return
        todo = overrides.update_catalogues()
        for language, count in todo.items():
            self.stdout.write(f"{language}: {count} entries to translate")
        self.stdout.write("Then run `manage.py compile_translations`.")
