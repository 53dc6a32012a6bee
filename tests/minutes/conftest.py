"""A council on the Danish site with one meeting that has open and closed items."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from wagtail.models import APIToken

from plugins.minutes.access import readers_group
from plugins.minutes.models import CouncilPage, MinutesPage
from tests.factories import indexed_once
from tests.factories.cms import DocumentFactory
from tests.factories.minutes import (
    AgendaItemAttachmentFactory,
    AgendaItemFactory,
    AgendaItemParticipantFactory,
    CouncilPageFactory,
    publish_meeting,
)

#: Words that exist only in the closed item; none may reach a reader without permission.
SECRETS = (
    "Zanzibarsecret",
    "Quokkarecommendation",
    "Marzipandecision",
    "Pelicanmemo",
    "Narwhalguest",
    "Okapinote",
    "CASE-SECRET-9",
)
OPEN_WORD = "Heronlibrary"


@dataclass
class Setup:
    council: CouncilPage
    meeting: MinutesPage
    closed_document: object
    open_document: object


@dataclass
class Actors:
    editor: object
    reader: object
    editor_token: str
    reader_token: str


def closed_item(**fields):
    item = AgendaItemFactory.build(
        number="2",
        title="Nomination of a member",
        is_closed=True,
        case_number="CASE-SECRET-9",
        summary="<p>Zanzibarsecret background.</p>",
        recommendation="<p>Quokkarecommendation from the administration.</p>",
        participants_note="Okapinote about who attends.",
        decision_text="<p>Marzipandecision was taken.</p>",
        **fields,
    )
    return item


@pytest.fixture
@indexed_once
def setup(home) -> Setup:
    council = CouncilPageFactory(parent=home("da"), title="Integrationsrådet", slug="raadet")
    open_document = DocumentFactory(title="Public plan")
    closed_document = DocumentFactory(title="Pelicanmemo candidates")
    first = AgendaItemFactory.build(
        number="1", title="Action plan", summary=f"<p>{OPEN_WORD} project.</p>"
    )
    first.participants = [AgendaItemParticipantFactory.build(name="Rasmus Guest")]
    first.attachments = [AgendaItemAttachmentFactory.build(document=open_document)]
    second = closed_item()
    second.participants = [AgendaItemParticipantFactory.build(name="Narwhalguest")]
    second.attachments = [AgendaItemAttachmentFactory.build(document=closed_document)]
    third = AgendaItemFactory.build(number="3", title="Any other business")
    meeting = publish_meeting(council, [first, second, third], title="Meeting in March")
    closed_document.refresh_from_db()
    return Setup(council, meeting, closed_document, open_document)


@pytest.fixture
def actors(django_user_model) -> Actors:
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    reader = django_user_model.objects.create_user("reader", password="pw", is_staff=True)
    reader.groups.add(Group.objects.get(name="Editors"), readers_group())
    _token, editor_token = APIToken.create_token(user=editor, name="editor")
    _token, reader_token = APIToken.create_token(user=reader, name="reader")
    return Actors(editor, reader, editor_token, reader_token)


def assert_no_secret(text: str) -> None:
    leaked = [secret for secret in SECRETS if secret in text]
    assert not leaked, f"closed content leaked: {leaked}"


def assert_all_secrets(text: str, secrets=SECRETS) -> None:
    missing = [secret for secret in secrets if secret not in text]
    assert not missing, f"closed content missing for an authorised reader: {missing}"
