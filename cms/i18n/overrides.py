"""Translations of Wagtail's and wagtail-localize's admin strings that they do not ship.

Wagtail's Danish and Norwegian catalogues translate a fraction of the admin, and
wagtail-localize's a handful of strings, so editors and translators working in da, sv or
nb saw "Submit to Editorial review", "More actions" or "Publish immediately" in English.
Tingsted contributes the missing strings as *override catalogues*:
``cms/locale_overrides/<lang>/LC_MESSAGES/django.po`` and ``djangojs.po``. The directory is
in ``LOCALE_PATHS``, which Django reads after every installed app's catalogue and lets win,
both for templates and Python (``django``) and for the admin's JavaScript catalogues
(``djangojs``, also wagtail-localize's own ``/admin/localize/jsi18n/``).

Which strings must be translated is a list, ``cms/locale_overrides/sources.txt``: the
package catalogue and the source files (the ``#:`` references of the package's English
catalogue) that the translation journeys show. Every msgid from those files must have a
translation in each of :data:`LANGUAGES`, either the package's own (kept, not copied) or
ours. :func:`update_catalogues` adds the msgids nobody translates yet to our catalogues
(``manage.py admin_overrides``); tests/cms/test_admin_overrides.py fails while one is
empty or fuzzy. docs/translation.md ("The admin in Danish, Swedish and Norwegian") says how
to add strings.
"""

from __future__ import annotations

import fnmatch
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

OVERRIDES_DIR = Path(__file__).resolve().parents[1] / "locale_overrides"
SOURCES = OVERRIDES_DIR / "sources.txt"
LANGUAGES = ("da", "sv", "nb")
DOMAINS = ("django", "djangojs")

#: The Plural-Forms of our catalogues (the same as Django's for these languages).
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


@dataclass(frozen=True)
class Source:
    package: str  # "wagtail.admin"
    domain: str  # "django" or "djangojs"
    patterns: tuple[str, ...]  # fnmatch patterns of the catalogue's source references


def read_sources(path: Path = SOURCES) -> list[Source]:
    """``package domain [pattern...]`` per line, indented lines adding patterns to it.

    ``#`` starts a comment.
    """
    rows: list[list[str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0].isspace():
            if not rows:
                raise ValueError(f"{path}: {raw!r} continues no source line")
            rows[-1].extend(line.split())
        else:
            rows.append(line.split())
    sources = []
    for package, domain, *patterns in rows:
        if domain not in DOMAINS or not patterns:
            raise ValueError(f"{path}: cannot read the line of {package} {domain}")
        sources.append(Source(package, domain, tuple(patterns)))
    return sources


def package_catalogue(package: str, language: str, domain: str):
    """The installed package's ``.po`` for ``language`` (polib), or None."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise LookupError(f"{package} is not installed")
    path = Path(next(iter(spec.submodule_search_locations)))
    po_path = path / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
    return _read(str(po_path)) if po_path.exists() else None


@cache
def _read(path: str):
    import polib

    return polib.pofile(path)


def _matches(entry, patterns: tuple[str, ...]) -> bool:
    files = [occurrence[0] for occurrence in entry.occurrences]
    return any(fnmatch.fnmatch(name, pattern) for name in files for pattern in patterns)


def journey_entries(sources: list[Source] | None = None) -> list[tuple[Source, object]]:
    """Every (source, English entry) the list selects, once per package and domain."""
    found: dict[tuple[str, str, str | None, str], tuple[Source, object]] = {}
    for source in sources if sources is not None else read_sources():
        english = package_catalogue(source.package, "en", source.domain)
        if english is None:
            raise LookupError(f"{source.package} has no English {source.domain} catalogue")
        for entry in english:
            if entry.obsolete or not entry.msgid or not _matches(entry, source.patterns):
                continue
            key = (source.package, source.domain, entry.msgctxt, entry.msgid)
            found.setdefault(key, (source, entry))
    return list(found.values())


def is_translated(entry) -> bool:
    if entry is None or entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(
            text.strip() for text in entry.msgstr_plural.values()
        )
    return bool(entry.msgstr.strip())


def find(catalogue, entry):
    """The entry of ``catalogue`` with the msgid and context of ``entry``, or None."""
    if catalogue is None:
        return None
    candidate = catalogue.find(entry.msgid, msgctxt=entry.msgctxt)
    if candidate is not None and candidate.msgctxt == entry.msgctxt:
        return candidate
    return None


def override_path(language: str, domain: str) -> Path:
    return OVERRIDES_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def override_catalogue(language: str, domain: str):
    import polib

    path = override_path(language, domain)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=79)
    po = polib.POFile(wrapwidth=79)
    po.metadata = {
        "Project-Id-Version": "Tingsted admin overrides",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }
    return po


def untranslated(language: str, sources: list[Source] | None = None) -> list[str]:
    """The listed msgids with no translation in ``language``, ours or the package's."""
    missing = []
    overrides = {domain: override_catalogue(language, domain) for domain in DOMAINS}
    for source, entry in journey_entries(sources):
        # An empty entry of ours is not compiled, so the package's translation shows.
        ours = find(overrides[source.domain], entry)
        theirs = find(package_catalogue(source.package, language, source.domain), entry)
        if is_translated(ours) or is_translated(theirs):
            continue
        missing.append(f"{source.package} {source.domain}: {entry.msgid!r}")
    return missing


def update_catalogues(languages=LANGUAGES) -> dict[str, int]:
    """Add every listed msgid that no catalogue translates to ours, untranslated.

    Entries already in our catalogues are kept as they are (a translation of ours also
    replaces a package's wrong one: add the entry by hand). Returns, per language, how
    many entries are still to be translated.
    """
    import polib

    todo = {}
    entries = journey_entries()
    for language in languages:
        for domain in DOMAINS:
            po = override_catalogue(language, domain)
            for source, entry in entries:
                if source.domain != domain or find(po, entry) is not None:
                    continue
                theirs = find(package_catalogue(source.package, language, domain), entry)
                if is_translated(theirs):
                    continue
                po.append(
                    polib.POEntry(
                        msgid=entry.msgid,
                        msgid_plural=entry.msgid_plural,
                        msgctxt=entry.msgctxt,
                        msgstr="",
                        msgstr_plural={0: "", 1: ""} if entry.msgid_plural else {},
                        flags=[flag for flag in entry.flags if flag != "fuzzy"],
                        comment=source.package,
                    )
                )
            if len(po):
                path = override_path(language, domain)
                path.parent.mkdir(parents=True, exist_ok=True)
                po.save(str(path))
            todo[language] = todo.get(language, 0) + sum(
                1 for entry in po if not is_translated(entry)
            )
    return todo
