"""The interest form stores consenting submissions, mails the contact and keeps bots out."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from plugins.networks.models import InterestSubmission
from tests.factories.networks import (
    InterestSubmissionFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
)

VALID = {
    "name": "Tove Lund",
    "organisation": "Åstad kommun",
    "job_title": "Planner",
    "email": "tove@example.org",
    "phone": "+46 8 123 45",
    "message": "I would like to join.",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def network(home):
    terms = NetworkIndexPageFactory(parent=home("da"), title="Terms", slug="terms")
    return NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")),
        title="Inclusion",
        terms_page=terms,
        terms_version="2029-01",
        consent_text="I accept the network's terms.",
        contact_email="contact@example.org",
    )


@pytest.mark.django_db
def test_the_form_links_the_terms_page(host_client, network):
    body = host_client.get("da", network.get_url()).content.decode()
    assert 'href="/terms/"' in body
    assert 'name="consent"' in body and "I accept the network&#x27;s terms." in body


@pytest.mark.django_db
def test_a_valid_submission_is_stored_with_consent_and_mailed(
    host_client, network, django_capture_on_commit_callbacks
):
    # The mail goes once the row is committed (the test's transaction never commits).
    with django_capture_on_commit_callbacks(execute=True):
        response = host_client.post("da", network.get_url(), VALID)
    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/#interest")
    submission = InterestSubmission.objects.get()
    assert submission.network_id == network.pk
    assert submission.consent_text == "I accept the network's terms."
    assert submission.consent_version == "2029-01"
    assert submission.language == "da"
    (message,) = mail.outbox
    assert message.to == ["contact@example.org"]
    assert "Tove Lund" in message.body and "tove@example.org" in message.body

    thanks = host_client.get("da", response["Location"].split("#")[0])
    assert thanks.status_code == 200
    assert 'role="status"' in thanks.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_missing_consent_stores_nothing_and_keeps_what_was_typed(host_client, home, language):
    page = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da", language)))
    data = {**VALID}
    del data["consent"]
    response = host_client.post("da", page.get_url(), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    with translation.override(language):
        expected = translation.gettext("Please accept the terms so we may contact you.")
    assert expected in body
    assert 'value="Tove Lund"' in body and "I would like to join." in body
    assert InterestSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_errors_appear_beside_the_field(host_client, network):
    response = host_client.post("da", network.get_url(), {**VALID, "email": "not-an-address"})
    body = response.content.decode()
    assert 'id="id_email_error"' in body
    assert body.index('id="id_email_error"') < body.index('name="email"')
    assert 'value="Tove Lund"' in body


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


@pytest.mark.django_db
def test_errors_are_tied_to_their_fields_and_summarised(host_client, network):
    """Inputs pointed aria-describedby at ids no element had (id_email_error, *_helptext)."""
    data = {**VALID, "email": "not-an-address"}
    data.pop("consent")
    body = host_client.post("da", network.get_url(), data).content.decode()
    form = body[
        body.index('<section id="interest"') : body.index(
            "</section>", body.index('<section id="interest"')
        )
    ]
    ids = _ids(form)
    for described in re.findall(r'aria-describedby="([^"]+)"', form):
        assert set(described.split()) <= ids, described
    email = re.search(r"<input[^>]*name=\"email\"[^>]*>", form).group(0)
    assert 'aria-invalid="true"' in email and 'aria-describedby="id_email_error"' in email
    consent = re.search(r"<input[^>]*name=\"consent\"[^>]*>", form).group(0)
    assert 'aria-invalid="true"' in consent
    name = re.search(r"<input[^>]*name=\"name\"[^>]*>", form).group(0)
    assert "aria-invalid" not in name and "aria-describedby" not in name
    # The summary comes first and links to each field in error.
    summary = re.search(r'<div class="error-summary"[^>]*>(.*?)</div>', form, re.S)
    assert summary, form[:800]
    assert summary.start() < form.index('name="email"')
    assert re.findall(r'href="#([^"]+)"', summary.group(1)) == ["id_email", "id_consent"]


@pytest.mark.django_db
def test_honeypot_hits_look_successful_but_store_nothing(host_client, network):
    response = host_client.post(
        "da", network.get_url(), {**VALID, "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert InterestSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_too_many_posts_from_one_address_get_a_friendly_429(host_client, network, settings):
    settings.TINGSTED_INTEREST_RATE_LIMIT = 2
    for _ in range(2):
        assert host_client.post("da", network.get_url(), VALID).status_code == 302
    response = host_client.post("da", network.get_url(), VALID)
    assert response.status_code == 429
    assert response["Retry-After"] == str(settings.TINGSTED_INTEREST_RATE_WINDOW)
    body = response.content.decode()
    assert '<html lang="da">' in body and "<h1>" in body
    assert InterestSubmission.objects.count() == 2


@pytest.mark.django_db
def test_csv_export_neutralises_formulas(admin_client, network):
    InterestSubmissionFactory(
        network=network,
        name='=HYPERLINK("http://x")',
        organisation="+1",
        job_title="-2",
        phone="@SUM(A1)",
    )
    InterestSubmissionFactory(network=network, name="Plain Name")
    response = admin_client.get(f"/admin/interest_submissions/?export=csv&network={network.pk}")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_email = {row["E-mail"]: row for row in rows}
    assert len(rows) == 2
    dangerous = next(row for row in rows if row["Name"].startswith("'"))
    assert dangerous["Name"] == '\'=HYPERLINK("http://x")'
    assert dangerous["Organisation"] == "'+1"
    assert dangerous["Job title"] == "'-2"
    assert dangerous["Phone"] == "'@SUM(A1)"
    assert any(row["Name"] == "Plain Name" for row in by_email.values())


@pytest.mark.django_db
def test_admin_lists_submissions_per_network(admin_client, network, home):
    other = NetworkPageFactory(parent=network.get_parent(), title="Climate")
    InterestSubmissionFactory(network=network, name="Inclusion visitor")
    InterestSubmissionFactory(network=other, name="Climate visitor")
    body = admin_client.get(f"/admin/interest_submissions/?network={network.pk}").content.decode()
    assert "Inclusion visitor" in body and "Climate visitor" not in body


@pytest.mark.django_db
def test_retention_command_deletes_only_old_submissions(network, settings):
    settings.TINGSTED_INTEREST_RETENTION_DAYS = 30
    old = InterestSubmissionFactory(
        network=network, submitted_at=timezone.now() - timedelta(days=31)
    )
    recent = InterestSubmissionFactory(
        network=network, submitted_at=timezone.now() - timedelta(days=29)
    )
    out = io.StringIO()
    call_command("purge_interest_submissions", "--dry-run", stdout=out)
    assert "1 submissions" in out.getvalue()
    assert InterestSubmission.objects.count() == 2
    call_command("purge_interest_submissions", stdout=out)
    assert list(InterestSubmission.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not InterestSubmission.objects.filter(pk=old.pk).exists()


@pytest.mark.django_db
def test_retention_command_refuses_nonsense(network):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="at least 1"):
        call_command("purge_interest_submissions", "--days", "0")
