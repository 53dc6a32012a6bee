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
from wagtail_localize.models import StringTranslation

from tests.translation.deepl import fake_deepl

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


def test_every_link_in_the_translators_overview_opens_something_they_may_use(journey, network):
    """Finding 5: the translator's overview offers only what they may do (no Missing ->
    Translate, no Sync, no title link to the Danish source), and every link opens."""
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
    row = table.locator("tbody tr", has_text=network.page.title)
    # The Danish source is not theirs: its title is no link; the Swedish cell links to
    # the translation editor.
    expect(row.locator("th a")).to_have_count(0)
    swedish_cell = row.locator("td[data-state]")
    expect(swedish_cell).to_have_count(1)
    assert swedish_cell.get_attribute("data-state") in ("in_progress", "outdated")
    with journey.db():
        swedish_page, _meeting = network.swedish()
    expect(swedish_cell.locator("a")).to_have_attribute(
        "href", f"/admin/pages/{swedish_page.pk}/edit/"
    )
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


def submit_for_review(translator: BrowserPage) -> None:
    """The translator's "Submit for review" (or "Resubmit"), in the editor's footer."""
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
    assert messages(translator, "error") == []
    assert len(messages(translator, "success")) == 1


def review(reviewer: BrowserPage, action: str, comment: str = "") -> None:
    """The reviewer, in the translation editor, approves or requests changes."""
    button = reviewer.locator(f'[data-workflow-action-name="{action}"]').first
    expect(button).to_be_visible()
    if comment:
        reviewer.locator("textarea[name=comment]").fill(comment)
    with reviewer.expect_navigation():
        button.click()
    assert messages(reviewer, "error") == []


def test_the_translator_submits_for_review_and_the_reviewer_gets_the_task(journey, network):
    """Finding 4: translate (machine), submit for review, the reviewer requests changes with
    a comment, the translator sees it and resubmits, the reviewer approves: only then do
    visitors see the Swedish text."""
    start_translation(journey, network.page)
    with journey.db():
        swedish_page, _meeting = network.swedish()
    edit = f"/admin/pages/{swedish_page.pk}/edit/"

    translator = journey.as_user("translator-sv", "sv", edit)
    # Finding 11: the editor's heading is Swedish too, not "Dansk to Svenska translation".
    editor = translator.locator(".js-translation-editor")
    expect(editor).to_contain_text(re.compile(r"Översättning från \w+ till Svenska"))
    expect(editor).not_to_contain_text(" translation")
    machine_translate(translator)
    submit_for_review(translator)
    expect(translator.locator("[data-review-state=awaiting_review]")).to_be_visible()
    with journey.db():
        swedish = Page.objects.get(pk=swedish_page.pk).specific
        assert swedish.workflow_in_progress
        # What visitors get is what it was before: no machine translation yet.
        assert "[MT sv]" not in swedish.title
        swedish_address = swedish.full_url

    # The reviewer finds the task on the dashboard and may approve or reject it.
    reviewer = journey.as_user("reviewer", "sv", "/admin/")
    expect(reviewer.locator(f'main a[href*="{edit}"]').first).to_be_attached()
    reviewer.goto(journey.url("sv", edit))
    for action in ("approve", "reject"):
        expect(reviewer.locator(f'[data-workflow-action-name="{action}"]').first).to_be_attached()
    comment = "Rubriken ska inte börja med [MT sv]."
    review(reviewer, "reject", comment)

    # The translator sees the comment and resubmits.
    translator.goto(journey.url("sv", edit))
    expect(translator.locator("[data-review-state=changes_requested]")).to_contain_text(comment)
    submit_for_review(translator)

    reviewer.goto(journey.url("sv", edit))
    review(reviewer, "approve")

    visitor = journey.visitor()
    response = visitor.goto(swedish_address)
    assert response.status == 200
    assert visitor.locator("html").get_attribute("lang") == "sv"
    assert heading(visitor).startswith("[MT sv]"), "visitors do not see the Swedish text"


def test_deepl_out_of_quota_keeps_the_translator_in_the_editor_with_the_reason(
    journey, network, settings
):
    """DeepL answers 456 (the quota used up): the Swedish translator stays in the translation
    editor, told why in Swedish, and no string was changed. It was an error page."""
    start_translation(journey, network.page)
    with journey.db():
        swedish_page, _meeting = network.swedish()
        strings = StringTranslation.objects.filter(
            locale__language_code="sv", context__object_id=network.page.translation_key
        )
        before = set(strings.values_list("pk", "data"))
    with fake_deepl(settings) as deepl:
        deepl.answer = 456
        translator = journey.as_user("translator-sv", "sv", f"/admin/pages/{swedish_page.pk}/edit/")
        with translator.expect_navigation():
            translator.get_by_role("button", name="Översätt med DeepL").first.click()
    assert urlsplit(translator.url).path == f"/admin/pages/{swedish_page.pk}/edit/"
    assert messages(translator, "error") == [
        "DeepL-kvoten för den här perioden är förbrukad: försök igen senare, eller fråga en "
        "administratör."
    ]
    expect(translator.locator(".js-translation-editor")).to_be_visible()
    assert len(deepl.requests) == 1
    with journey.db():
        assert set(strings.values_list("pk", "data")) == before


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
