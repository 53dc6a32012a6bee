"""Editors get clear messages beside the field: item numbers, decisions, member periods."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from plugins.minutes.models import CouncilMember, MinutesPage
from tests.factories.minutes import (
    AgendaItemFactory,
    CouncilMemberFactory,
    CouncilPageFactory,
    MinutesPageFactory,
)
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", password="pw"))
    return client


def item(number: str, outcome: str = "", closed: bool = False) -> dict:
    return {
        "number": number,
        "title": f"Item {number}",
        "is_closed": closed,
        "case_number": "",
        "summary": rich_text(""),
        "recommendation": rich_text(""),
        "participants": inline_formset([]),
        "participants_note": "",
        "decision_outcome": outcome,
        "decision_text": rich_text(""),
        "attachments": inline_formset([]),
    }


def post_meeting(admin_client, council, status: str, items: list[dict]):
    data = nested_form_data(
        {
            "title": "Meeting",
            "slug": "meeting",
            "start": "2025-03-10 16:30",
            "end": "",
            "venue": "",
            "room": "",
            "document_status": status,
            "introduction": "",
            "attendance": inline_formset([]),
            "agenda_items": inline_formset(items),
        }
    )
    return admin_client.post(
        f"/admin/pages/add/minutes/minutespage/{council.pk}/", data, HTTP_HOST="localhost"
    )


def errors_by_item(response) -> dict[int, list[str]]:
    page = BeautifulSoup(response.content, "html.parser")
    found: dict[int, list[str]] = {}
    for index in range(10):
        for name in ("number", "decision_outcome"):
            field = page.find(attrs={"name": f"agenda_items-{index}-{name}"})
            if field is None:
                continue
            wrapper = field.find_parent(attrs={"data-field-wrapper": True}) or field.parent.parent
            messages = [
                error.get_text(" ", strip=True) for error in wrapper.select(".error-message")
            ]
            if messages:
                found.setdefault(index, []).extend(messages)
    return found


def test_admin_form_accepts_a_valid_meeting(home, admin_client):
    council = CouncilPageFactory(parent=home("en"))
    response = post_meeting(
        admin_client,
        council,
        "minutes_approved",
        [item("1", "approved"), item("2", closed=True), item("3", "none")],
    )
    assert response.status_code == 302, errors_by_item(response)
    meeting = MinutesPage.objects.child_of(council).get()
    assert [i.number for i in meeting.agenda_items.all()] == ["1", "2", "3"]


def test_duplicate_item_numbers_are_named_beside_the_second_item(home, admin_client):
    council = CouncilPageFactory(parent=home("en"))
    response = post_meeting(admin_client, council, "agenda", [item("1"), item("2"), item(" 2")])
    assert response.status_code == 200
    errors = errors_by_item(response)
    assert list(errors) == [2]
    assert "Item number 2 is used twice in this meeting (items 2 and 3)." in errors[2][0]
    assert not MinutesPage.objects.child_of(council).exists()


def test_approved_minutes_need_a_decision_on_every_open_item(home, admin_client):
    council = CouncilPageFactory(parent=home("en"))
    response = post_meeting(
        admin_client,
        council,
        "minutes_approved",
        [item("1", "approved"), item("2"), item("3", closed=True)],
    )
    assert response.status_code == 200
    errors = errors_by_item(response)
    assert list(errors) == [1]
    assert errors[1][0].startswith("Item 2 has no decision.")


def test_minutes_drafts_may_leave_decisions_open(home, admin_client):
    council = CouncilPageFactory(parent=home("en"))
    response = post_meeting(admin_client, council, "minutes_draft", [item("1"), item("2")])
    assert response.status_code == 302


def test_model_clean_applies_the_same_rules(home):
    council = CouncilPageFactory(parent=home("en"))
    meeting = MinutesPageFactory.build(document_status="minutes_approved")
    meeting.agenda_items = [
        AgendaItemFactory.build(number="1", decision_outcome=""),
        AgendaItemFactory.build(number="1"),
    ]
    with pytest.raises(ValidationError) as raised:
        council.add_child(instance=meeting)
    messages = " ".join(raised.value.messages)
    assert "Item number 1 is used twice" in messages
    assert "Item 1 has no decision" in messages


def test_member_period_cannot_end_before_it_starts(db):
    member = CouncilMemberFactory.build(
        person=PersonFactory(),
        period_start=dt.date(2025, 6, 1),
        period_end=dt.date(2025, 5, 31),
    )
    with pytest.raises(ValidationError) as raised:
        member.full_clean(exclude=["page", "locale", "translation_key"])
    assert raised.value.message_dict["period_end"] == [
        "The membership cannot end (31 May 2025) before it starts (1 June 2025)."
    ]


def test_member_period_error_is_shown_in_the_admin(home, admin_client):
    person = PersonFactory()
    data = nested_form_data(
        {
            "title": "Council",
            "slug": "council",
            "description": rich_text(""),
            "secretariat-count": "0",
            "members": inline_formset(
                [
                    {
                        "person": person.pk,
                        "role": "chair",
                        "represents": "",
                        "organisation": "",
                        "period_start": "2025-06-01",
                        "period_end": "2025-05-31",
                    }
                ]
            ),
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/minutes/councilpage/{home('en').pk}/", data, HTTP_HOST="localhost"
    )
    assert response.status_code == 200
    assert "The membership cannot end (31 May 2025) before it starts (1 June 2025)." in (
        response.content.decode()
    )
    assert not CouncilMember.objects.exists()


def test_notice_of_absence_only_for_absentees(db):
    from tests.factories.minutes import MinutesAttendanceFactory

    row = MinutesAttendanceFactory.build(status="present", notice_given=True)
    with pytest.raises(ValidationError) as raised:
        row.full_clean(exclude=["page"])
    assert "notice_given" in raised.value.message_dict


def test_admin_edit_view_shows_nested_item_panels(home, admin_client):
    from tests.factories.minutes import AgendaItemParticipantFactory, publish_meeting

    council = CouncilPageFactory(parent=home("en"))
    first = AgendaItemFactory.build(number="1")
    first.participants = [AgendaItemParticipantFactory.build(name="Guest")]
    meeting = publish_meeting(council, [first])
    response = admin_client.get(f"/admin/pages/{meeting.pk}/edit/", HTTP_HOST="localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="agenda_items-0-participants-0-name"' in html
    assert 'name="agenda_items-0-attachments-TOTAL_FORMS"' in html
