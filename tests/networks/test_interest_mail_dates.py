"""The contact's e-mail says when the visitor wrote, as the page's language writes it."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone, translation

from plugins.networks.views import notify_contact
from tests.factories.networks import (
    InterestSubmissionFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
)

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("da", "Indsendt: 12. januar 2027 kl. 10.05"),
        ("sv", "Skickat: 12 januari 2027 kl. 10.05"),
        ("nb", "Sendt inn: 12. januar 2027 kl. 10.05"),
        ("en", "Submitted: 12 January 2027, 10:05"),
    ],
)
def test_the_mail_says_when_the_form_was_sent(home, language, line):
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")), contact_email="contact@example.org"
    )
    submission = InterestSubmissionFactory(
        network=network,
        # 09:05 UTC is 10:05 in Copenhagen, the site's zone.
        submitted_at=datetime.datetime(2027, 1, 12, 9, 5, tzinfo=datetime.UTC),
    )
    with translation.override(language), timezone.override(COPENHAGEN):
        notify_contact(network, submission, None)
    (message,) = mail.outbox
    assert line in message.body.splitlines()
