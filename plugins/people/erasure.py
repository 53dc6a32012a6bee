"""The people plugin's personal data: a person's public e-mail address."""

from __future__ import annotations

from cms.public import ErasureReport, bump_generation
from plugins.people.models import Person


def erase_personal_data(email: str, dry_run: bool) -> list[ErasureReport]:
    # Every translation of a person holds the (synchronised) address.
    people = Person.objects.filter(email__iexact=email)
    report = ErasureReport(Person._meta.label, "public e-mail cleared", people.count())
    if not dry_run and people.update(email=""):
        bump_generation()
    return [report]
