"""The admin strings of the translation journeys are translated to da, sv and nb.

Issue 15, finding 11: Wagtail's Danish and Norwegian catalogues and wagtail-localize's
translate a fraction of what editors and translators see ("Submit to Editorial review",
"More actions", "Publish immediately / Use machine translation"). Tingsted's override
catalogues (cms/locale_overrides, cms/i18n/overrides.py) fill the gaps for the strings
listed in cms/locale_overrides/sources.txt.
"""

from __future__ import annotations

import polib
import pytest
from django.contrib.messages import get_messages
from django.core import mail
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from cms.i18n import overrides
from cms.i18n.localize import save_target
from plugins.translation.roles import setup_roles
from tests.cms.test_translations_complete import placeholder_mismatches, untranslated_or_fuzzy
from tests.factories.auth import UserFactory
from tests.factories.translation import child_page


@pytest.mark.parametrize("language", overrides.LANGUAGES)
def test_every_listed_admin_string_is_translated(language):
    missing = overrides.untranslated(language)
    assert not missing, f"{len(missing)} untranslated in {language}:\n  " + "\n  ".join(missing)


def test_the_list_covers_wagtail_localize_and_the_page_editor():
    entries = {(source.package, entry.msgid) for source, entry in overrides.journey_entries()}
    assert len({msgid for package, msgid in entries if package == "wagtail_localize"}) > 100
    for msgid in ["More actions", "Submit to %(workflow_name)s", "Publish immediately"]:
        assert msgid in {msgid for _package, msgid in entries}
    assert ("wagtail.admin", "The page could not be saved due to validation errors.") in entries


@pytest.mark.parametrize("language", overrides.LANGUAGES)
@pytest.mark.parametrize("domain", overrides.DOMAINS)
def test_our_entries_are_complete_and_keep_their_placeholders(language, domain):
    po = polib.pofile(str(overrides.override_path(language, domain)))
    assert len(po) > 0
    empty, fuzzy = untranslated_or_fuzzy(po)
    assert not empty and not fuzzy
    assert not placeholder_mismatches(po)


def test_the_swedish_translation_editor_keeps_its_spaces():
    """wagtail-localize's own Swedish has "Översätt med" + the translator's name, no space."""
    po = polib.pofile(str(overrides.override_path("sv", "djangojs")))
    assert po.find("Translate with ").msgstr == "Översätt med "


@pytest.fixture
def speaks(admin_user):
    def set_language(language):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = language
        profile.save()

    return set_language


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", ["Flere handlinger", "Forhåndsvis i ny fane"]),
        ("sv", ["Fler åtgärder", "Förhandsgranska i ny flik"]),
        ("nb", ["Flere handlinger", "Forhåndsvis i ny fane"]),
    ],
)
def test_the_page_editor_speaks_the_users_language(home, admin_client, speaks, language, expected):
    speaks(language)
    page = child_page(home("da"), title="Mødeplan", intro="Alle møder.")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    for text in expected:
        assert text in html, text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", ["Udgiv med det samme", "Brug maskinoversættelse"]),
        ("sv", ["Publicera omgående", "Använd maskinöversättning"]),
        ("nb", ["Publiser med en gang", "Bruk maskinoversettelse"]),
    ],
)
def test_wagtail_localizes_sync_form_speaks_the_users_language(
    home, admin_client, speaks, language, expected
):
    speaks(language)
    page = child_page(home("da"), title="Mødeplan", intro="Alle møder.")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=home("sv").locale)
    save_target(translation, publish=True)
    response = admin_client.get(f"/admin/localize/update/{source.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html, text


@pytest.mark.django_db
def test_wagtail_localizes_javascript_catalogue_includes_our_strings(admin_client, speaks):
    speaks("sv")
    response = admin_client.get("/admin/localize/jsi18n/")
    assert response.status_code == 200
    assert "\\u00d6vers\\u00e4tt med " in response.content.decode() or (
        "Översätt med " in response.content.decode()
    )


# --- The reviewer's dashboard, the workflow e-mails, the "Translate this page" message --


@pytest.fixture
def task_waiting(home, admin_user, django_capture_on_commit_callbacks):
    """``task_waiting(language)``: a reviewer who prefers ``language``, and a Danish page
    submitted to *Editorial review* (the reviewers' group task) after that."""

    setup_roles(log=lambda message: None)

    def submit(language):
        reviewer = UserFactory(username="reviewer", groups=["reviewers"])
        profile = UserProfile.get_for_user(reviewer)
        profile.preferred_language = language
        profile.save()
        page = child_page(home("da"), title="Mødeplan", intro="Alle møder.")
        page.save_revision(user=admin_user)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            page.get_workflow().start(page, admin_user)
        return reviewer, page

    return submit


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", ["Afventer din gennemgang", "Opgave indsendt af", "Søg i alle sider…"]),
        # Wagtail's own Swedish catalogue translates the dashboard; checked all the same.
        ("sv", ["Inväntar din granskning", "Uppgift inskickad av"]),
        ("nb", ["Venter på din gjennomgang", "Søk i alle sider…", "sider <span"]),
    ],
)
def test_a_reviewers_dashboard_speaks_their_language(task_waiting, client, language, expected):
    reviewer, page = task_waiting(language)
    client.force_login(reviewer)
    response = client.get("/admin/", HTTP_HOST="localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert page.title in html  # the task is on the dashboard
    for text in expected:
        assert text in html, text
    for english in [
        "Awaiting your review",
        "Task submitted by",
        "Search all pages",
        "Toggle sidebar",
    ]:
        assert english not in html, english


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        (
            "da",
            'Siden "Mødeplan" er sendt til godkendelse i godkendelsestrinnet',
            ['Siden "Mødeplan" er sendt til godkendelse i godkendelsestrinnet'],
        ),
        # Wagtail's own Swedish: the page e-mails were translated before our catalogues.
        ("sv", 'Sidan "Mødeplan"', ['Sidan "Mødeplan"']),
        (
            "nb",
            'Siden "Mødeplan" er sendt til godkjenning i godkjenningstrinnet',
            ['Siden "Mødeplan" er sendt til godkjenning i godkjenningstrinnet'],
        ),
    ],
)
def test_the_reviewers_task_e_mail_speaks_their_language(task_waiting, language, subject, body):
    reviewer, _page = task_waiting(language)
    messages = [message for message in mail.outbox if message.to == [reviewer.email]]
    assert messages, [message.to for message in mail.outbox]
    message = messages[0]
    assert subject in message.subject, message.subject
    for text in body:
        assert text in message.body, message.body
    for english in ["has been submitted", "You can preview", "You can edit"]:
        assert english not in message.subject + message.body, english


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("da", "til 2 sprog."), ("sv", "till 2 språk."), ("nb", "til 2 språk.")],
)
def test_translate_this_page_into_several_languages_names_them_in_the_users_language(
    home, locales, admin_client, speaks, language, expected, django_capture_on_commit_callbacks
):
    """wagtail-localize builds "{} locales" with gettext; the sentence around it is ours."""
    speaks(language)
    page = child_page(home("da"), title="Mødeplan", intro="Alle møder.")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/submit/page/{page.pk}/",
            {"locales": [locales["sv"].pk, locales["nb"].pk]},
            HTTP_HOST="localhost",
        )
    assert response.status_code == 302
    [message] = [str(message) for message in get_messages(response.wsgi_request)]
    assert expected in message, message
    assert "locales" not in message


# --- Workflow and task names: stored once, read in the admin user's language --------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "workflow", "task"),
    [
        ("da", "Redaktionel gennemgang", "Godkendelse af en korrekturlæser"),
        ("sv", "Redaktionell granskning", "Godkännande av en granskare"),
        ("nb", "Redaksjonell gjennomgang", "Godkjenning av en korrekturleser"),
    ],
)
def test_the_workflow_and_its_task_are_named_in_the_users_language(
    task_waiting, client, language, workflow, task
):
    """setup_roles stores English names; a Danish reviewer read "Approval by a reviewer"."""
    reviewer, _page = task_waiting(language)
    client.force_login(reviewer)
    dashboard = client.get("/admin/", HTTP_HOST="localhost").content.decode()
    assert task in dashboard
    assert "Approval by a reviewer" not in dashboard
    messages = [message for message in mail.outbox if message.to == [reviewer.email]]
    assert task in messages[0].subject + messages[0].body
    assert "Approval by a reviewer" not in messages[0].subject + messages[0].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "button"),
    [
        ("da", "Send til Redaktionel gennemgang"),
        ("sv", "Lämna in till Redaktionell granskning"),
        ("nb", "Send inn til Redaksjonell gjennomgang"),
    ],
)
def test_the_submit_button_names_the_workflow_in_the_users_language(
    home, admin_client, speaks, language, button
):
    setup_roles(log=lambda message: None)
    speaks(language)
    page = child_page(home("da"), title="Mødeplan", intro="Alle møder.")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/", HTTP_HOST="localhost").content
    assert button in html.decode()
    assert "Editorial review" not in html.decode()


@pytest.mark.django_db
def test_a_workflow_saved_from_a_danish_form_keeps_its_stored_name(home, admin_client, speaks):
    """The edit form shows the translated name; saving it must not store the Danish."""
    from wagtail.models import Workflow

    setup_roles(log=lambda message: None)
    speaks("da")
    workflow = Workflow.objects.get(name="Editorial review")
    form = admin_client.get(f"/admin/workflows/edit/{workflow.pk}/").content.decode()
    assert 'value="Redaktionel gennemgang"' in form
    workflow.name = "Redaktionel gennemgang"
    workflow.save()
    assert Workflow.objects.filter(pk=workflow.pk, name="Editorial review").exists()
    renamed = Workflow.objects.create(name="Vores egen gennemgang")
    assert Workflow.objects.get(pk=renamed.pk).name == "Vores egen gennemgang"


@pytest.mark.django_db
def test_the_help_menu_speaks_each_users_language(admin_client, speaks):
    """Wagtail formats "What's new in Wagtail %(version)s" once per process."""
    speaks("en")
    assert "What's new in Wagtail" in admin_client.get("/admin/").content.decode()
    speaks("da")
    html = admin_client.get("/admin/").content.decode()
    assert "Nyt i Wagtail" in html  # the sidebar's menu is JSON in the page
    assert "What's new in Wagtail" not in html
