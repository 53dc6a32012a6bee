"""Closed items in the admin: an editor without the permission neither reads nor overwrites them.

The edit view, revision compare and preview hide a closed item's content (everything but
its number and title, which the public sees too); a save by that editor keeps the stored
content whatever the browser posts; the documents admin and chooser leave closed
attachments out. The same screens for a reader (who has the permission) show everything,
so the negative checks cannot pass by accident.
"""

from __future__ import annotations

import pytest
from wagtail.models import Collection

from plugins.minutes.models import MinutesPage
from tests.admin_form import form_data
from tests.minutes.conftest import assert_all_secrets, assert_no_secret

pytestmark = pytest.mark.django_db

HOST = "dk.localhost"


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def closed_index(data: dict) -> int:
    for index in range(10):
        if data.get(f"agenda_items-{index}-title") == ["Nomination of a member"]:
            return index
    raise AssertionError("the closed item's row is missing from the form")


def stored_closed_item(meeting: MinutesPage):
    latest = MinutesPage.objects.get(pk=meeting.pk).get_latest_revision_as_object()
    return next(item for item in latest.agenda_items.all() if item.is_closed)


# --- edit view ----------------------------------------------------------------------------


def test_edit_view_hides_closed_content_from_an_editor(setup, client, actors):
    client.force_login(actors.editor)
    response = client.get(edit_url(setup.meeting), HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert_no_secret(html)
    assert "Nomination of a member" in html
    data = form_data(html)
    index = closed_index(data)
    # Hidden, not read-only: the fields are not in the form at all.
    for name in ("summary", "recommendation", "decision_text", "case_number"):
        assert f"agenda_items-{index}-{name}" not in data
    assert f"agenda_items-{index}-participants-TOTAL_FORMS" not in data
    assert f"agenda_items-{index}-attachments-TOTAL_FORMS" not in data
    # Open items stay editable.
    assert "agenda_items-0-summary" in data


def test_edit_view_shows_closed_content_to_a_reader(setup, client, actors):
    client.force_login(actors.reader)
    html = client.get(edit_url(setup.meeting), HTTP_HOST=HOST).content.decode()
    assert_all_secrets(html, ("Zanzibarsecret", "Marzipandecision", "Narwhalguest"))


def test_editor_saving_keeps_closed_content(setup, client, actors):
    before = stored_closed_item(setup.meeting)
    client.force_login(actors.editor)
    data = form_data(client.get(edit_url(setup.meeting), HTTP_HOST=HOST).content.decode())
    data["title"] = ["Meeting in March (revised)"]
    response = client.post(edit_url(setup.meeting), data, HTTP_HOST=HOST)
    assert response.status_code == 302, response.content.decode()[:2000]
    after = stored_closed_item(setup.meeting)
    assert MinutesPage.objects.get(pk=setup.meeting.pk).get_latest_revision_as_object().title == (
        "Meeting in March (revised)"
    )
    assert after.summary == before.summary
    assert after.recommendation == before.recommendation
    assert after.decision_text == before.decision_text
    assert after.case_number == before.case_number
    assert [p.name for p in after.participants.all()] == ["Narwhalguest"]
    assert [a.document_id for a in after.attachments.all()] == [setup.closed_document.pk]


def test_editor_cannot_overwrite_or_open_a_closed_item_by_posting(setup, client, actors):
    client.force_login(actors.editor)
    data = form_data(client.get(edit_url(setup.meeting), HTTP_HOST=HOST).content.decode())
    index = closed_index(data)
    # A hand-made request: the hidden fields posted anyway, and the item unticked.
    data[f"agenda_items-{index}-summary"] = ['{"blocks": [], "entityMap": {}}']
    data[f"agenda_items-{index}-case_number"] = ["overwritten"]
    data.pop(f"agenda_items-{index}-is_closed", None)
    client.post(edit_url(setup.meeting), data, HTTP_HOST=HOST)
    after = stored_closed_item(setup.meeting)
    assert after.is_closed
    assert "Zanzibarsecret" in after.summary
    assert after.case_number == "CASE-SECRET-9"


def test_editor_cannot_delete_a_closed_item(setup, client, actors):
    client.force_login(actors.editor)
    data = form_data(client.get(edit_url(setup.meeting), HTTP_HOST=HOST).content.decode())
    index = closed_index(data)
    data[f"agenda_items-{index}-DELETE"] = ["1"]
    response = client.post(edit_url(setup.meeting), data, HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode().lower()
    assert "is a closed item" in html or "er et lukket punkt" in html  # (admin in en or da)
    assert stored_closed_item(setup.meeting).title == "Nomination of a member"


def test_reader_may_edit_closed_content(setup, client, actors):
    client.force_login(actors.reader)
    data = form_data(client.get(edit_url(setup.meeting), HTTP_HOST=HOST).content.decode())
    index = closed_index(data)
    data[f"agenda_items-{index}-case_number"] = ["CASE-NEW-1"]
    response = client.post(edit_url(setup.meeting), data, HTTP_HOST=HOST)
    assert response.status_code == 302
    assert stored_closed_item(setup.meeting).case_number == "CASE-NEW-1"


# --- revision compare and preview ---------------------------------------------------------


def changed_revision(setup):
    """A second revision in which the closed item's text changed."""
    page = MinutesPage.objects.get(pk=setup.meeting.pk).get_latest_revision_as_object()
    items = list(page.agenda_items.all())
    closed = next(item for item in items if item.is_closed)
    closed.summary = "<p>Zanzibarsecret background, Quokkarecommendation revised.</p>"
    closed.decision_text = "<p>Marzipandecision was amended.</p>"
    items[0].title = "Action plan, revised"
    page.agenda_items = items
    return page.save_revision()


def compare_url(setup) -> str:
    first = setup.meeting.revisions.order_by("created_at", "id").first()
    latest = changed_revision(setup)
    return f"/admin/pages/{setup.meeting.pk}/revisions/compare/{first.pk}...{latest.pk}/"


def test_revision_compare_hides_closed_content_from_an_editor(setup, client, actors):
    url = compare_url(setup)
    client.force_login(actors.editor)
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "revised" in html  # the open item's change is shown
    assert_no_secret(html)


def test_revision_compare_shows_closed_content_to_a_reader(setup, client, actors):
    url = compare_url(setup)
    client.force_login(actors.reader)
    html = client.get(url, HTTP_HOST=HOST).content.decode()
    assert "Marzipandecision" in html


def test_preview_hides_closed_content_from_an_editor(setup, client, actors):
    client.force_login(actors.editor)
    data = form_data(client.get(edit_url(setup.meeting), HTTP_HOST=HOST).content.decode())
    preview = f"/admin/pages/{setup.meeting.pk}/edit/preview/"
    assert client.post(preview, data, HTTP_HOST=HOST).json()["is_valid"] is True
    response = client.get(preview, HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nomination of a member" in html
    assert_no_secret(html)


# --- documents admin ----------------------------------------------------------------------


DOCUMENT_SCREENS = [
    "/admin/documents/",
    "/admin/documents/?q=Pelicanmemo",
    "/admin/documents/chooser/",
    "/admin/documents/chooser/results/?q=Pelicanmemo",
]


@pytest.fixture
def open_document_in_root(setup):
    """The open attachment where the Editors group may use documents (the factory's own
    collection is outside Wagtail's root, out of every group's reach)."""
    setup.open_document.collection = Collection.get_first_root_node()
    setup.open_document.save()
    return setup.open_document


@pytest.mark.parametrize("path", DOCUMENT_SCREENS)
def test_documents_admin_leaves_out_closed_attachments(
    setup, client, actors, path, open_document_in_root
):
    client.force_login(actors.editor)
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pelicanmemo candidates" not in html  # (the search box repeats the query)
    if "q=" not in path:
        assert "Public plan" in html


@pytest.mark.parametrize("path", DOCUMENT_SCREENS)
def test_documents_admin_lists_closed_attachments_for_a_reader(setup, client, actors, path):
    client.force_login(actors.reader)
    assert "Pelicanmemo candidates" in client.get(path, HTTP_HOST=HOST).content.decode()


def test_closed_attachment_cannot_be_opened_or_chosen_by_an_editor(setup, client, actors):
    client.force_login(actors.editor)
    pk = setup.closed_document.pk
    for path in (f"/admin/documents/edit/{pk}/", f"/admin/documents/chooser/chosen/{pk}/"):
        response = client.get(path, HTTP_HOST=HOST)
        # Wagtail answers a permission error with a redirect to the dashboard and a message.
        assert response.status_code == 302 and response.url == "/admin/", path


# --- translation editor -------------------------------------------------------------------


def test_the_translation_editor_shows_no_closed_item_to_an_editor_without_the_permission(
    setup, client, actors
):
    """wagtail-localize's editor lists closed text segment by segment: not for them."""
    from cms.i18n.localize import translate

    translate(setup.council, "sv")
    translation, _changed = translate(setup.meeting, "sv", publish=False)
    client.force_login(actors.editor)
    response = client.get(edit_url(translation), HTTP_HOST=HOST, follow=True)
    assert response.redirect_chain, "the translation editor opened"
    assert_no_secret(response.content.decode())
    client.force_login(actors.reader)
    opened = client.get(edit_url(translation), HTTP_HOST=HOST)
    assert opened.status_code == 200
    assert_all_secrets(opened.content.decode(), ("Zanzibarsecret",))
