"""The admin as the demo's people use it: its language (issue 15 finding 10) and autosave
(finding 12)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.e2e

PASSWORD = "a-long-e2e-password"


def test_the_swedish_translator_gets_a_swedish_admin_at_the_address_make_demo_prints(journey):
    with journey.db():
        translator = journey.user("translator-sv")
        translator.set_password(PASSWORD)
        translator.save()

    # `make demo` prints http://localhost:8000/admin/: the English site's host.
    page = journey.visitor()
    page.goto(journey.url("en", "/admin/login/"))
    page.locator("#id_username").fill("translator-sv")
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()

    assert page.url == journey.url("en", "/admin/")
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.get_by_role("button", name="Sidor", exact=True)).to_be_visible()  # the sidebar


def test_the_users_own_language_preference_wins_over_the_site(journey):
    with journey.db():
        profile = UserProfile.get_for_user(journey.user("editor-dk"))
        profile.preferred_language = "nb"
        profile.save()

    page = journey.as_user("editor-dk", site="da")

    assert page.locator("html").get_attribute("lang") == "nb"
    expect(page.get_by_role("button", name="Sider", exact=True)).to_be_visible()


def is_autosave(response) -> bool:
    request = response.request
    return request.method == "POST" and request.headers.get("accept") == "application/json"


def test_autosave_never_answers_400_while_an_editor_postpones_a_meeting(journey):
    with journey.db():
        root = Site.objects.get(hostname="dk.localhost").root_page
        network = Page.objects.descendant_of(root).get(locale__language_code="da", slug="climate")
        meeting = network.get_children().get(slug="meeting-1")
    editor = journey.as_user("editor-dk", "da", path=None)
    answers = []
    editor.on("response", lambda response: is_autosave(response) and answers.append(response))
    # Wagtail takes the form's starting point two seconds after it is shown (sometimes once
    # more soon after), and autosaves what changes from there: edit once it has settled.
    editor.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', (event) => {"
        " if (event.target.matches('[data-edit-form]')) window.watchedAt = Date.now() })"
    )
    editor.goto(journey.url("da", f"/admin/pages/{meeting.pk}/edit/"))
    editor.wait_for_function("window.watchedAt && Date.now() - window.watchedAt > 2500")

    # A postponed meeting needs its original start: the editor chooses the status first.
    with editor.expect_response(is_autosave):
        editor.locator("#id_status").select_option("postponed")
    with editor.expect_response(is_autosave):
        editor.locator("#id_previous_start").fill(editor.locator("#id_start").input_value())
        editor.locator("#id_status_note").click()

    statuses = [(response.status, response.text()[:200]) for response in answers]
    assert statuses and all(status == 200 for status, _body in statuses), statuses
    indicator = editor.locator("#w-autosave-indicator")
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved")
