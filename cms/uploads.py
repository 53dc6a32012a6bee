"""The admin's image and document forms: a file store that cannot take the file is the file's
error.

An upload is saved after the form is valid, where an object storage outage ended the
editor's work on the 503 page and a full local disk on the 500 page. These forms ask first,
once per chosen file (the bucket answers a HEAD; the disk has room for the file and a reserve),
so every place Wagtail takes a file (the add and edit forms, the multiple upload, the
chooser's upload tab) shows the sentence under the file field, keeps what else was typed,
and saves nothing. A store that fails between the question and the save still gives the
error page (cms/errorpages.py); nothing is saved then either.

``WAGTAILIMAGES_IMAGE_FORM_BASE`` and ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` name the classes.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from django import forms
from django.core.files.storage import Storage
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from cms.errorpages import service_unavailable

logger = logging.getLogger(__name__)

#: A key no upload is saved under: asking for it is a round trip that changes nothing.
PROBE_KEY = "tingsted-upload-check"

STORE_NOT_ANSWERING = _(
    "The file store is not answering, so the file was not saved and nothing was created. "
    "Choose the file again in a minute."
)
STORE_FULL = _(
    "There is no room left on the server for this file, so it was not saved and nothing was "
    "created. Tell the site's administrator."
)

#: Room kept free on a local disk beyond the file itself (its renditions, the database's
#: files when they share the disk): an upload that would leave less is refused.
DISK_RESERVE_BYTES = 64 * 1024 * 1024


def store_problem(storage: Storage, size: int) -> str | None:
    """Why a file of ``size`` bytes cannot go to ``storage`` now, or None when it can."""
    location = getattr(storage, "location", None)
    if location is not None and not hasattr(storage, "bucket_name"):
        return None if disk_has_room(Path(location), size) else str(STORE_FULL)
    return None if store_answers(storage) else str(STORE_NOT_ANSWERING)


def disk_has_room(location: Path, size: int) -> bool:
    """Whether the disk under ``location`` (or its nearest existing parent) takes ``size``
    bytes and keeps :data:`DISK_RESERVE_BYTES` free."""
    existing = location
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    free = shutil.disk_usage(existing).free
    if free >= size + DISK_RESERVE_BYTES:
        return True
    logger.error(
        "The media disk at %s has %d bytes free: too little for an upload of %d bytes "
        "(and %d kept free).",
        location,
        free,
        size,
        DISK_RESERVE_BYTES,
    )
    return False


def store_answers(storage: Storage) -> bool:
    """Whether the bucket behind ``storage`` answers now."""
    try:
        storage.exists(PROBE_KEY)
    except Exception as error:
        if service_unavailable(error):
            logger.warning("The file store did not answer an upload's check: %s", error)
            return False
        # Any other failure is an answer (a 403 without s3:ListBucket) or not about reaching
        # the store (credentials): the save itself reports it, as without this check.
    return True


class StoreCheckedForm(forms.ModelForm):
    """Checks the store a new file goes to once the form is otherwise valid.

    After the whole validation (``full_clean``), not in ``clean()``: an error there takes the
    file out of the cleaned data, and the document model's own ``clean()`` then adds "file
    extension '' is not allowed" below the sentence.
    """

    def full_clean(self) -> None:
        super().full_clean()
        if (
            self.is_bound
            and "file" in self.changed_data
            and "file" not in self.errors
            and self.cleaned_data.get("file")
        ):
            storage = self._meta.model._meta.get_field("file").storage
            problem = store_problem(storage, self.cleaned_data["file"].size or 0)
            if problem:
                self.add_error("file", problem)


class ImageForm(StoreCheckedForm, BaseImageForm):
    pass


class DocumentForm(StoreCheckedForm, BaseDocumentForm):
    pass
