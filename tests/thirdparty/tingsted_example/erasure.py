"""The example of ``erase_personal_data``: notes that mention the address are deleted."""

from __future__ import annotations

from cms.public import ErasureReport
from tingsted_example.models import ExampleNote


def erase_personal_data(email: str, dry_run: bool) -> list[ErasureReport]:
    notes = ExampleNote.objects.filter(text__icontains=email)
    report = ErasureReport(ExampleNote._meta.label, "deleted", notes.count())
    if not dry_run:
        notes.delete()
    return [report]
