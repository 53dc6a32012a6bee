"""The translation workflow as the demo's people live it in the browser (issue 15).

A Danish editor (``editor-dk``) has the network "Klimanetværket for kommuner" and its
meetings translated into Swedish; the Swedish translator (``translator-sv``) finds the work
in the status overview and translates; a reviewer (``reviewer``) approves; visitors of the
Danish site's Swedish pages (``dk.localhost/sv/...``) see the result.

Tests marked ``xfail(strict=True, raises=AssertionError, reason="issue 15 finding N")``
describe behaviour that is wrong on main today: they fail on an assertion now (any other
error is a real failure) and turn into an unexpected pass (a failure, being strict) when
the finding is fixed, so whoever fixes it removes the mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect
from wagtail.models import Locale, Page, Site

pytestmark = pytest.mark.e2e

#: wagtail-localize lists the target languages by their own names.
SWEDISH = "Svenska"


@dataclass
class Network:
    """The Danish source pages the journeys translate."""

    page: Page
    meeting: Page

    def swedish(self) -> tuple[Page, Page]:
        """The Swedish translations of the network page and its first meeting."""
        swedish = Locale.objects.get(language_code="sv")
        return self.page.get_translation(swedish), self.meeting.get_translation(swedish)


@pytest.fixture
def network(journey) -> Network:
    with journey.db():
        root = Site.objects.get(hostname="dk.localhost").root_page
        page = Page.objects.descendant_of(root).get(locale__language_code="da", slug="climate")
        meeting = page.get_children().get(slug="meeting-1")
    return Network(page.specific, meeting.specific)


def start_translation(journey, source: Page, *, from_the_menu: bool = False) -> BrowserPage:
    """The Danish editor chooses "Translate this page" into Swedish, with the subtree.

    ``from_the_menu``: from the page's actions menu in its editor, as a person does; else
    straight at the form the menu item opens (quicker, for journeys that start after it).
    """
    submit_form = f"/admin/localize/submit/page/{source.pk}/"
    if from_the_menu:
        editor = journey.as_user("editor-dk", "da", f"/admin/pages/{source.pk}/edit/")
        editor.locator("header .w-dropdown__toggle").first.click()  # the page's actions
        editor.locator(f'header a[href="{submit_form}"]').click()
    else:
        editor = journey.as_user("editor-dk", "da", submit_form)
    editor.get_by_label(SWEDISH).check()
    editor.locator("#id_include_subtree").check()
    with editor.expect_navigation():
        editor.locator("main form [type=submit]").click()
    return editor


def messages(page: BrowserPage, kind: str) -> list[str]:
    """The admin's messages of one kind ("success", "error", "warning") on the page shown."""
    return [text.strip() for text in page.locator(f".messages li.{kind}").all_inner_texts()]


def heading(page: BrowserPage) -> str:
    return page.locator("h1").first.inner_text().strip()


def test_the_editor_starts_a_swedish_translation_and_nothing_goes_public(journey, network):
    start_translation(journey, network.page, from_the_menu=True)

    with journey.db():
        swedish_page, swedish_meeting = network.swedish()
        addresses = [swedish_page.full_url, swedish_meeting.full_url]
        danish_address = network.page.full_url
    assert all("/sv/" in address for address in addresses)

    visitor = journey.visitor()
    for address in addresses:
        response = visitor.goto(address)
        assert response.status == 404, f"{address} is public before anyone translated it"
    # The Danish page is as it was.
    response = visitor.goto(danish_address)
    assert response.status == 200
    assert heading(visitor) == network.page.title
    assert visitor.locator("html").get_attribute("lang") == "da"


def test_starting_a_translation_puts_no_danish_text_live_as_swedish(journey, network):
    start_translation(journey, network.page)

    with journey.db():
        index = network.page.get_parent().specific
        swedish_address = journey.url("da", f"/sv{urlsplit(index.full_url).path}")
    visitor = journey.visitor()
    response = visitor.goto(swedish_address)
    if response.status == 200:
        assert heading(visitor) != index.title, f"{swedish_address} shows the Danish index"


def test_the_editor_lands_on_a_page_they_may_use_after_starting_a_translation(journey, network):
    editor = start_translation(journey, network.page)

    assert messages(editor, "error") == []
    assert len(messages(editor, "success")) == 1


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="issue 15 finding 5: the overview's 'Missing -> Translate' link refuses translators",
)
def test_every_link_in_the_translators_overview_opens_something_they_may_use(journey, network):
    start_translation(journey, network.page)
    with journey.db():
        danish_site = Site.objects.get(hostname="dk.localhost")

    translator = journey.as_user(
        "translator-sv",
        "sv",
        f"/admin/translation-status/?site={danish_site.pk}&locale=sv"
        "&type=page:networks.networkpage",
    )
    table = translator.locator("main table")
    expect(table).to_contain_text(network.page.title)
    links = []
    for href in table.locator("a").evaluate_all("links => links.map(link => link.href)"):
        if href not in links:
            links.append(href)
    assert links, "the overview offers the translator nothing to do"

    refused = []
    for href in links:
        response = translator.goto(href)
        errors = messages(translator, "error")
        if response.status >= 400 or errors:
            refused.append(f"{href} -> {response.status} {translator.url} {errors}")
    assert refused == []


def machine_translate(translator: BrowserPage) -> None:
    """The translator, in the translation editor, asks for a machine translation."""
    with translator.expect_navigation():
        translator.locator("form[action$='/machine_translate/'] button:visible").first.click()
    assert messages(translator, "error") == []


#: A footer action that sends the translation to review, whatever the admin language.
SUBMIT_FOR_REVIEW = re.compile(r"\b(submit|skicka)\b|\breview\b|\bgranskning\b", re.IGNORECASE)


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="issue 15 finding 4: the translator has no 'submit for review' action and the "
    "review workflow never starts",
)
def test_the_translator_submits_for_review_and_the_reviewer_gets_the_task(journey, network):
    start_translation(journey, network.page)
    with journey.db():
        swedish_page, _meeting = network.swedish()

    translator = journey.as_user("translator-sv", "sv", f"/admin/pages/{swedish_page.pk}/edit/")
    machine_translate(translator)
    footer = translator.locator("footer")
    expect(footer).to_be_visible()
    actions = footer.locator("button, a")
    offered = [text.strip() for text in actions.all_inner_texts()]
    submit = [
        action
        for action in actions.all()
        if action.get_attribute("name") == "action-submit"
        or SUBMIT_FOR_REVIEW.search(action.inner_text())
    ]
    assert submit, f"the translator is offered {offered}, nothing that submits for review"
    with translator.expect_navigation():
        submit[0].click()
    with journey.db():
        assert not Page.objects.get(pk=swedish_page.pk).live

    # The reviewer finds the task on the translation and may approve or reject it.
    reviewer = journey.as_user("reviewer", "sv", f"/admin/pages/{swedish_page.pk}/edit/")
    for action in ("approve", "reject"):
        expect(reviewer.locator(f'[data-workflow-action-name="{action}"]').first).to_be_attached()


def test_translated_child_pages_are_reachable_once_published(journey, network):
    """Finding 2 (not reproduced on main by this journey): the reviewer publishes the
    Swedish network page, then its meeting; the tree stays sound and visitors reach both."""
    start_translation(journey, network.page)
    with journey.db():
        swedish_page, swedish_meeting = network.swedish()

    reviewer = journey.as_user("reviewer", "sv", path=None)
    for translation in (swedish_page, swedish_meeting):
        reviewer.goto(journey.url("sv", f"/admin/pages/{translation.pk}/edit/"))
        with reviewer.expect_navigation():
            # wagtail-localize's "Publish in Svenska", the footer's main action.
            reviewer.locator("footer button[name=action]").click()
        assert messages(reviewer, "error") == []

    with journey.db():
        assert all(problems == [] for problems in Page.find_problems())
        addresses = [Page.objects.get(pk=page.pk).full_url for page in network.swedish()]
    visitor = journey.visitor()
    for address in addresses:
        response = visitor.goto(address)
        assert response.status == 200, address
        assert visitor.locator("html").get_attribute("lang") == "sv"
