"""The admin's image and document forms: a file store that does not answer is the file's error.

With MEDIA_STORAGE=s3 an upload is saved in the bucket after the form is valid, where an
outage used to end the editor's work on the 503 page. These forms ask the store first, once
per chosen file, so every place Wagtail takes a file (the add and edit forms, the multiple
upload, the chooser's upload tab) shows the sentence under the file field, keeps what else
was typed, and saves nothing. A store that goes away between the question and the save is
still the 503 page (cms/errorpages.py); nothing is saved then either.

``WAGTAILIMAGES_IMAGE_FORM_BASE`` and ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` name the classes.
"""

from __future__ import annotations

import logging

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


def store_answers(storage: Storage) -> bool:
    """Whether ``storage`` answers now. The local disk always does; a bucket is asked."""
    if not hasattr(storage, "bucket_name"):
        return True
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
            if not store_answers(storage):
                self.add_error("file", STORE_NOT_ANSWERING)


class ImageForm(StoreCheckedForm, BaseImageForm):
    pass


class DocumentForm(StoreCheckedForm, BaseDocumentForm):
    pass
