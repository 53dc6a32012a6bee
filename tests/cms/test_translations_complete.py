"""Every string in the project's own catalogues is translated to da, sv and nb.

``make messages`` leaves new strings empty and guesses at changed ones (marked fuzzy, and
often wrong: "Benchmark" → "Danmark"). Neither may reach a release: an empty msgstr shows
the editor English, a fuzzy one is not even compiled. A translation must also keep the
msgid's placeholders and HTML tags, or formatting fails or the markup breaks.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "cms" / "locale"
LANGUAGES = ["da", "sv", "nb"]

#: %(name)s, %s, %d ... (not %%, a literal percent sign), and {name} / {0} / {}.
PERCENT = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]")
BRACE = re.compile(r"(?<!\{)\{[A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}(?!\})")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b")


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def label(entry: polib.POEntry) -> str:
    text = entry.msgid if len(entry.msgid) <= 70 else entry.msgid[:67] + "..."
    return f"{entry.msgctxt}|{text!r}" if entry.msgctxt else repr(text)


def placeholders(text: str) -> Counter:
    found = PERCENT.findall(text.replace("%%", "")) + BRACE.findall(text)
    return Counter(found) + Counter(f"<{tag.lower()}>" for tag in TAG.findall(text))


def plural_count(po: polib.POFile) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def untranslated_or_fuzzy(po: polib.POFile) -> tuple[list[str], list[str]]:
    empty, fuzzy = [], []
    forms = plural_count(po)
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            fuzzy.append(label(entry))
        elif entry.msgid_plural:
            strings = [entry.msgstr_plural.get(n, "") for n in range(forms)]
            if not all(s.strip() for s in strings):
                empty.append(label(entry))
        elif not entry.msgstr.strip():
            empty.append(label(entry))
    return empty, fuzzy


def placeholder_mismatches(po: polib.POFile) -> list[str]:
    problems = []
    for entry in po:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            singular, plural = placeholders(entry.msgid), placeholders(entry.msgid_plural)
            for n, text in sorted(entry.msgstr_plural.items()):
                if not text:
                    continue
                got = placeholders(text)
                # The last form is the msgid_plural's. Others may leave out the count
                # ("Ét punkt" for "%(count)s item") but may bring in nothing new.
                if n == max(entry.msgstr_plural):
                    ok = got == plural
                else:
                    ok = set(got) <= set(singular) | set(plural)
                if not ok:
                    problems.append(f"{label(entry)} msgstr[{n}]: {dict(got)} vs {dict(plural)}")
        elif entry.msgstr and placeholders(entry.msgstr) != placeholders(entry.msgid):
            expected, got = placeholders(entry.msgid), placeholders(entry.msgstr)
            problems.append(f"{label(entry)}: {dict(got)} vs {dict(expected)}")
    return problems


@pytest.fixture(params=LANGUAGES)
def catalogue(request) -> polib.POFile:
    path = po_path(request.param)
    assert path.exists(), f"{path} is missing: run make messages"
    return polib.pofile(str(path))


def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    empty, fuzzy = untranslated_or_fuzzy(catalogue)
    language = catalogue.metadata.get("Language", catalogue.fpath)
    message = []
    if empty:
        message.append(f"{len(empty)} untranslated in {language}:\n  " + "\n  ".join(empty))
    if fuzzy:
        message.append(f"{len(fuzzy)} fuzzy in {language}:\n  " + "\n  ".join(fuzzy))
    assert not message, "\n".join(message)


def test_translations_keep_the_placeholders_and_tags(catalogue):
    problems = placeholder_mismatches(catalogue)
    language = catalogue.metadata.get("Language", catalogue.fpath)
    assert not problems, f"placeholders differ in {language}:\n  " + "\n  ".join(problems)


def test_the_checks_catch_what_they_are_for():
    po = polib.POFile()
    po.metadata = {"Plural-Forms": "nplurals=2; plural=(n != 1);"}
    po.append(polib.POEntry(msgid="Agenda", msgstr=""))
    po.append(polib.POEntry(msgid="Benchmark", msgstr="Danmark", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Old", msgstr="", obsolete=True))
    po.append(
        polib.POEntry(
            msgid="%(count)s item",
            msgid_plural="%(count)s items",
            msgstr_plural={0: "Ét punkt", 1: ""},
        )
    )
    po.append(polib.POEntry(msgid="Back to %(title)s", msgstr="Tilbage til %(titel)s"))
    po.append(polib.POEntry(msgid="Hi {name}", msgstr="Hej"))
    po.append(polib.POEntry(msgid="<b>%s</b> left", msgstr="%s tilbage"))
    po.append(polib.POEntry(msgid="100%% sure, %d", msgstr="100%% sikker, %d"))

    empty, fuzzy = untranslated_or_fuzzy(po)
    assert empty == ["'Agenda'", "'%(count)s item'"]
    assert fuzzy == ["'Benchmark'"]
    problems = placeholder_mismatches(po)
    assert [problem.split(":")[0] for problem in problems] == [
        "'Back to %(title)s'",
        "'Hi {name}'",
        "'<b>%s</b> left'",
    ]
