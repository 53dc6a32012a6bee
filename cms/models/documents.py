"""The project's document model, swappable from the first migration so it can grow."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

from cms.storage import get_document_storage


class TingstedDocument(AbstractDocument):
    # Wagtail's field, in the documents' own storage: private in object storage, where only
    # Wagtail's permission-checked view hands out a short-lived signed URL (cms/storage.py).
    file = models.FileField(
        upload_to="documents",
        storage=get_document_storage,
        verbose_name=_("file"),
        help_text=_(
            "Visitors download it at the site's own address for documents, which checks who "
            "may see it first."
        ),
    )

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
