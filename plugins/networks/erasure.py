"""The networks plugin's personal data: interest submissions and network contact addresses."""

from __future__ import annotations

from cms.public import ErasureReport, bump_generation
from plugins.networks.models import NetworkPage
from plugins.networks.submissions import InterestSubmission


def erase_personal_data(email: str, dry_run: bool) -> list[ErasureReport]:
    submissions = InterestSubmission.objects.filter(email__iexact=email)
    # Every translation of a network holds the (synchronised) contact address.
    pages = NetworkPage.objects.filter(contact_email__iexact=email)
    reports = [
        ErasureReport(InterestSubmission._meta.label, "deleted", submissions.count()),
        ErasureReport(NetworkPage._meta.label, "contact e-mail cleared", pages.count()),
    ]
    if not dry_run:
        submissions.delete()
        if pages.update(contact_email=""):
            bump_generation()
    return reports
