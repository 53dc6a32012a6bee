"""``manage.py erase_personal_data --email`` removes every stored trace of an address."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import ModelLogEntry, Revision

from cms.contract import ErasureReport
from cms.plugins import registry
from plugins.networks.models import InterestSubmission, NetworkPage
from plugins.people.models import Person
from tests.factories.networks import (
    InterestSubmissionFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
)
from tests.factories.people import PersonFactory
from tests.factories.translation import child_page

pytestmark = pytest.mark.django_db

ADDRESS = "tove.lund@example.org"


@pytest.fixture
def traces(home, locales):
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")), contact_email="Tove.Lund@Example.org"
    )
    network.save_revision()
    submission = InterestSubmissionFactory(network=network, email=ADDRESS, name="Tove Lund")
    ModelLogEntry.objects.log_action(submission, "wagtail.create")
    kept = InterestSubmissionFactory(network=network, email="someone.else@example.org")
    person = PersonFactory(locale=locales["da"], email=ADDRESS)
    return {"network": network, "kept": kept, "person": person}


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("erase_personal_data", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _revision_mentions() -> int:
    return sum(ADDRESS in str(revision.content).lower() for revision in Revision.objects.all())


def test_dry_run_reports_and_changes_nothing(traces):
    out, _err = run("--email", ADDRESS, "--dry-run")
    assert "Would erase" in out
    assert "networks.InterestSubmission: 1 (deleted)" in out
    assert "networks.NetworkPage: 1 (contact e-mail cleared)" in out
    assert "people.Person: 1 (public e-mail cleared)" in out
    assert InterestSubmission.objects.filter(email=ADDRESS).exists()
    assert Person.objects.get(pk=traces["person"].pk).email == ADDRESS
    assert _revision_mentions() >= 1


def test_erasure_removes_every_trace_and_keeps_other_people(traces):
    out, err = run("--email", ADDRESS.upper())
    assert "Erased the personal data of" in out
    assert "wagtailcore.Revision:" in out and "wagtailcore.ModelLogEntry: 1" in out
    assert not InterestSubmission.objects.filter(email__iexact=ADDRESS).exists()
    assert InterestSubmission.objects.filter(pk=traces["kept"].pk).exists()
    assert NetworkPage.objects.get(pk=traces["network"].pk).contact_email == ""
    assert Person.objects.get(pk=traces["person"].pk).email == ""
    assert _revision_mentions() == 0
    assert not ModelLogEntry.objects.filter(label__icontains=ADDRESS).exists()
    assert "The address is stored nowhere else." in out and err == ""

    again, _ = run("--email", ADDRESS)
    assert "0 rows in all." in again


def test_mentions_in_free_text_are_reported(home):
    child_page(home("da"), title="Kontakt", intro=f"Skriv til {ADDRESS}.")
    _out, err = run("--email", ADDRESS)
    assert "Still mentioned" in err and "cms.HomePage.intro: 1" in err


@pytest.mark.parametrize("address", ["not-an-address", "a@", "@example.org", " "])
def test_an_invalid_address_stops_with_a_sentence(address, traces):
    with pytest.raises(CommandError, match="is not a valid e-mail address; nothing was erased"):
        run("--email", address)
    assert InterestSubmission.objects.count() == 2


def test_hook_erase_personal_data(traces):
    """Every plugin that stores an e-mail address declares the hook, and it reports."""
    declaring = {plugin.label for plugin in registry if plugin.erase_personal_data}
    assert {"cms", "networks", "people"} <= declaring

    reports = registry.get("networks").erase_personal_data(ADDRESS, True)
    assert all(isinstance(report, ErasureReport) for report in reports)
    assert {(r.model, r.count) for r in reports} == {
        ("networks.InterestSubmission", 1),
        ("networks.NetworkPage", 1),
    }
    assert InterestSubmission.objects.filter(email=ADDRESS).exists()  # dry run

    registry.get("people").erase_personal_data(ADDRESS, False)
    assert not Person.objects.filter(email__iexact=ADDRESS).exists()


def test_a_third_party_plugin_erases_through_the_hook():
    from tingsted_example.models import ExampleNote

    ExampleNote.objects.create(text=f"Call {ADDRESS}")
    ExampleNote.objects.create(text="Unrelated")
    out, _err = run("--email", ADDRESS)
    assert "tingsted_example.ExampleNote: 1 (deleted)" in out
    assert list(ExampleNote.objects.values_list("text", flat=True)) == ["Unrelated"]
