from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Compile Tingsted's .po catalogues (the project's and every app's under the project "
        "directory) to .mo files with Babel, so no system gettext is needed."
    )

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        roots = {Path(path) for path in settings.LOCALE_PATHS}
        roots |= {
            Path(config.path) / "locale"
            for config in apps.get_app_configs()
            if Path(config.path).is_relative_to(base) and ".venv" not in Path(config.path).parts
        }
        compiled = 0
        for root in sorted(roots):
            for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                try:
                    with po_path.open("rb") as po_file:
                        catalog = read_po(po_file)
                except Exception as exc:
                    raise CommandError(f"{po_path} cannot be read: {exc}") from exc
                with mo_path.open("wb") as mo_file:
                    write_mo(mo_file, catalog, use_fuzzy=False)
                compiled += 1
        self.stdout.write(
            f"Compiled {compiled} catalogues." if compiled else "Catalogues are up to date."
        )
