"""The overview's states are what visitors see, and every link in it opens for its user
(issue 15 finding 5 and the overview-states deliverable).

A table of role × state: for each of the demo's roles (a Danish editor, the Swedish and
the Danish translator, a reviewer) the action offered on a Swedish translation in each
state, and every link of the overview they see (titles and cells, on every row) answers
200 for them: never 403 nor Wagtail's refusal (a redirect to the dashboard).
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.i18n.localize import translate
from plugins.translation import status
from plugins.translation.sync import start_review, sync_translations
from tests.factories import indexed_once
from tests.factories.translation import child_page
from tests.translation.conftest import HOST

pytestmark = pytest.mark.django_db

URL = "/admin/translation-status/"

ROLES = {
    "editor-dk": "editors-dk.localhost",
    "translator-sv": "translators-sv",
    "translator-da": "translators-da",
    "reviewer": "reviewers",
}

# The action each role is offered on the Swedish translation in each state ("" = none).
#                        editor-dk   translator-sv translator-da reviewer
EXPECTED = {
    "missing": ("Translate", "", "", "Translate"),
    "needs sync": ("Sync", "", "", "Sync"),
    "synced, not live yet": ("", "Translate", "", "Translate"),
    "in progress": ("", "Translate", "", "Translate"),
    "awaiting review": ("", "", "", "Review"),
    "up to date": ("", "Open", "", "Open"),
}
STATES = {
    "missing": status.MISSING,
    "needs sync": status.OUTDATED,
    "synced, not live yet": status.OUTDATED,
    "in progress": status.IN_PROGRESS,
    "awaiting review": status.AWAITING_REVIEW,
    "up to date": status.UP_TO_DATE,
}


def _swedish(page):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="sv")


@pytest.fixture
@indexed_once
def pages(home, roles):
    """One Danish page per state of its Swedish translation."""
    pages = {}
    pages["missing"] = child_page(home("da"), title="Mangler", intro="Ikke oversat.")

    page = child_page(home("da"), title="Skal synkroniseres", intro="Første tekst.")
    translate(page, "sv", title="Ska synkas", intro="Första texten.")
    page = Page.objects.get(pk=page.pk).specific
    page.intro = "Anden tekst."
    page.save_revision().publish()
    pages["needs sync"] = page

    page = child_page(home("da"), title="Synkroniseret", intro="Gammel tekst.")
    translate(page, "sv", title="Synkad", intro="Gammal text.")
    page = Page.objects.get(pk=page.pk).specific
    page.intro = "Ny tekst."
    page.save_revision().publish()
    sync_translations(page, publish=False)  # the new text waits for the translator
    pages["synced, not live yet"] = page

    page = child_page(home("da"), title="Under oversættelse", intro="Lidt tekst.")
    swedish, _changed = translate(page, "sv", title="Under översättning", intro="Lite text.")
    Page.objects.get(pk=swedish.pk).specific.unpublish()
    StringTranslation.objects.filter(data="Lite text.").delete()
    pages["in progress"] = page

    page = child_page(home("da"), title="Til godkendelse", intro="Færdig tekst.")
    swedish, _changed = translate(page, "sv", title="För granskning", intro="Färdig text.")
    assert start_review(Page.objects.get(pk=swedish.pk).specific)
    pages["awaiting review"] = page

    page = child_page(home("da"), title="Opdateret", intro="Aktuel tekst.")
    translate(page, "sv", title="Uppdaterad", intro="Aktuell text.")
    pages["up to date"] = page
    return pages


def test_states_are_what_visitors_see(pages, locales):
    for name, page in pages.items():
        [row] = status.page_rows(
            [Page.objects.get(pk=page.pk)], [locales["da"], locales["sv"]], status.site_roots()
        )
        assert row.cells["sv"].state == STATES[name], name
    assert not _swedish(pages["in progress"]).live
    assert _swedish(pages["awaiting review"]).live  # the old version, until approved
    swedish = _swedish(pages["synced, not live yet"]).specific
    assert swedish.intro == "Gammal text."  # the sync did not put Danish text live


def _table_links(html: str) -> list[str]:
    table = html[html.index('<table class="listing tingsted-status"') :]
    table = table[: table.index("</table>")]
    return list(dict.fromkeys(unescape(href) for href in re.findall(r'href="([^"]+)"', table)))


def _not_opening(client, links: list[str]) -> list[str]:
    """The links that do not answer 200 (a refusal, a redirect, an error), with the answer."""
    answers = {href: client.get(href, **HOST) for href in links}
    return [
        f"{href} -> {answer.status_code} {answer.get('Location', '')}"
        for href, answer in answers.items()
        if answer.status_code != 200
    ]


@pytest.mark.parametrize("role", list(ROLES))
def test_every_link_in_the_overview_opens_for_its_user(pages, role, user_in, client):
    user = user_in(ROLES[role], username=role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the actions below are compared in English
    profile.save()
    client.force_login(user)
    response = client.get(URL, **HOST)
    assert response.status_code == 200
    rows = {row.instance.pk: row for row in response.context["rows"]}

    column = list(ROLES).index(role)
    for name, page in pages.items():
        row = rows.get(page.pk)
        assert row is not None, f"{role} does not see {name}"
        assert row.cells["sv"].state == STATES[name], name
        assert row.cells["sv"].action == EXPECTED[name][column], (role, name)
        # The title links to the source only for those who may edit it.
        assert bool(row.edit_url) == (role in ("editor-dk", "reviewer")), (role, name)

    links = _table_links(response.content.decode())
    assert _not_opening(client, links) == [], f"{role} is sent to pages that refuse them"


def test_the_sync_link_leads_to_the_review_aware_sync(pages, user_in, client):
    """The overview's Sync is the project's sync: an editor gets no "Publish immediately"."""
    client.force_login(user_in(ROLES["editor-dk"], username="editor-dk"))
    source = TranslationSource.objects.get_for_instance(pages["needs sync"])
    page = client.get(f"/admin/localize/update/{source.pk}/", **HOST).content.decode()
    assert 'name="publish_translations"' not in page


@pytest.fixture
@indexed_once
def organisations(locales, roles):
    """Danish organisations (snippets, no drafts): one not translated into Swedish, one
    translated, one translated and changed since."""
    from tests.factories.people import OrganisationFactory

    missing = OrganisationFactory(locale=locales["da"], name="Mangler Forening")
    current = OrganisationFactory(locale=locales["da"], name="Aktuel Forening")
    translate(current, "sv", name="Aktuell förening")
    changed = OrganisationFactory(locale=locales["da"], name="Gammel Forening")
    translate(changed, "sv", name="Gammal förening")
    changed.name = "Ny Forening"
    changed.save()
    return {"missing": missing, "up to date": current, "changed": changed}


@pytest.mark.parametrize("role", list(ROLES))
def test_every_link_of_the_snippet_rows_opens_for_its_user(organisations, role, user_in, client):
    """The snippet rows of the overview, as each role sees them (the gap left after the
    page table above): every link there answers 200 for them."""
    client.force_login(user_in(ROLES[role], username=role))
    response = client.get(URL, {"type": "snippet:people.organisation"}, **HOST)
    assert response.status_code == 200
    rows = {row.instance.pk: row for row in response.context["rows"]}
    assert {organisation.pk for organisation in organisations.values()} <= set(rows)
    assert rows[organisations["missing"].pk].cells["sv"].state == status.MISSING
    assert rows[organisations["up to date"].pk].cells["sv"].state == status.UP_TO_DATE
    links = _table_links(response.content.decode())
    assert _not_opening(client, links) == [], f"{role} is sent to pages that refuse them"


# The action each role is offered on an organisation's Swedish translation ("" = none): the
# same rule as for pages (editors and reviewers start and sync, translators translate).
#                 editor-dk   translator-sv translator-da reviewer
SNIPPET_EXPECTED = {
    "missing": ("Translate", "", "", "Translate"),
    "changed": ("Sync", "", "", "Sync"),
    "up to date": ("Open", "Open", "", "Open"),
}


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_is_offered_its_snippet_actions(organisations, role, user_in, client):
    user = user_in(ROLES[role], username=role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    response = client.get(URL, {"type": "snippet:people.organisation"}, **HOST)
    rows = {row.instance.pk: row for row in response.context["rows"]}
    column = list(ROLES).index(role)
    for name, organisation in organisations.items():
        cell = rows[organisation.pk].cells["sv"]
        assert cell.action == SNIPPET_EXPECTED[name][column], (role, name, cell.state)
