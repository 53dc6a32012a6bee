"""The page tree's integrity: what is wrong with it, said in a sentence, and a system check.

Wagtail stores the page tree as materialised paths (django-treebeard): each page row keeps
its ``path``, ``depth`` and number of children (``numchild``), and treebeard updates them
with queries of their own when a page is added, moved or deleted. A page instance loaded
before a child was added still holds the old ``numchild``; saving it afterwards writes the
old count back, and a parent with ``numchild = 0`` looks childless to Wagtail's routing, so
its children answer 404 (issue 15, finding 2: wagtail-localize publishes a new
translation's first revision in an ``on_commit`` callback, with the instance it had before
the subtree's translations were added under it). ``TingstedPage.save`` therefore takes the
tree fields from the database (:func:`tree_fields_from_database`), and this module reports
anything that still goes wrong: ``manage.py check_tree``, ``manage.py check --database
default`` (``cms.E030``), the demo build, and the test suite's demo tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import checks

#: The columns treebeard maintains with queries of its own, never through ``save()``.
TREE_FIELDS = ("path", "depth", "numchild")

E030 = "The page tree has problems: {summary}"
E030_HINT = (
    "Run `python manage.py check_tree --fix` (Wagtail's Page.fix_tree) and check the "
    "pages named, then find what saved them with stale tree fields."
)
W031_HINT = (
    "Run `python manage.py check_tree --fix`: each becomes an unpublished draft translation "
    "that translators find in the translation overview."
)


@dataclass(frozen=True)
class TreeProblems:
    """What ``Page.find_problems()`` reports, as page ids per kind of problem."""

    bad_alphabet: tuple[int, ...] = ()
    bad_path: tuple[int, ...] = ()
    orphans: tuple[int, ...] = ()
    wrong_depth: tuple[int, ...] = ()
    wrong_numchild: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return any(self.page_ids())

    def page_ids(self) -> list[int]:
        return sorted(
            {
                *self.bad_alphabet,
                *self.bad_path,
                *self.orphans,
                *self.wrong_depth,
                *self.wrong_numchild,
            }
        )

    def sentences(self) -> list[str]:
        """One sentence per kind of problem, naming the pages (id, title and locale)."""
        from wagtail.models import Page

        kinds = [
            (self.bad_alphabet, "paths with characters outside the tree's alphabet"),
            (self.bad_path, "paths of the wrong length"),
            (self.orphans, "no parent page"),
            (self.wrong_depth, "a depth that does not match their path"),
            (self.wrong_numchild, "a wrong number of children (numchild)"),
        ]
        titles = {
            page.pk: f"#{page.pk} '{page.title}' ({page.locale.language_code}, {page.url_path})"
            for page in Page.objects.filter(pk__in=self.page_ids())
            .select_related("locale")
            .order_by("path")
        }
        return [
            f"{len(ids)} page(s) have {what}: "
            + ", ".join(titles.get(pk, f"#{pk}") for pk in ids)
            + "."
            for ids, what in kinds
            if ids
        ]


def tree_problems() -> TreeProblems:
    """The page tree's problems now (``Page.find_problems()``, one query per kind)."""
    from wagtail.models import Page

    found = Page.find_problems()
    return TreeProblems(*(tuple(sorted(ids)) for ids in found))


def tree_fields_from_database(page) -> None:
    """Give ``page`` the tree columns its row holds now (a page loaded earlier may be stale)."""
    from wagtail.models import Page

    current = Page.objects.filter(pk=page.pk).values_list(*TREE_FIELDS).first()
    if current is not None:
        for name, value in zip(TREE_FIELDS, current, strict=True):
            setattr(page, name, value)


def live_foreign_aliases() -> list:
    """Live pages that are aliases of a page in another language, top down.

    Wagtail makes the missing parent of a new translation an alias of the source page, live
    with it: the source language under the translated language's address. Tingsted creates
    draft translations instead (:func:`cms.i18n.localize.translate_missing_parents`), but a
    database from before that (or a page an editor converted to an alias) can still hold
    them, and nothing else tells anyone.
    """
    from django.db.models import F
    from wagtail.models import Page

    return list(
        Page.objects.filter(live=True, alias_of__isnull=False)
        .exclude(locale=F("alias_of__locale"))
        .select_related("locale", "alias_of__locale")
        .order_by("path")
    )


def foreign_alias_sentence(pages: list) -> str:
    names = ", ".join(
        f"#{page.pk} '{page.title}' ({page.locale.language_code}, {page.url_path}, an alias "
        f"of #{page.alias_of_id} in {page.alias_of.locale.language_code})"
        for page in pages
    )
    return (
        f"{len(pages)} page(s) are live aliases of a page in another language, so visitors "
        f"read the source language at the translation's address: {names}."
    )


def check_page_tree(app_configs=None, databases=None, **kwargs) -> list[checks.CheckMessage]:
    """``cms.E030``: registered with the ``database`` tag, so ``check --database default``
    (and ``check_tree``) runs it; plain ``check`` does not touch the database."""
    if not databases or not _page_table_exists():
        # `migrate` runs the database checks before it migrates: a new database has no
        # page tree to check yet.
        return []
    messages: list[checks.CheckMessage] = []
    problems = tree_problems()
    if problems:
        messages.append(
            checks.Error(
                E030.format(summary=" ".join(problems.sentences())), hint=E030_HINT, id="cms.E030"
            )
        )
    aliases = live_foreign_aliases()
    if aliases:
        messages.append(
            checks.Warning(foreign_alias_sentence(aliases), hint=W031_HINT, id="cms.W031")
        )
    return messages


def _page_table_exists() -> bool:
    from django.db import connection
    from wagtail.models import Page

    return Page._meta.db_table in connection.introspection.table_names()
