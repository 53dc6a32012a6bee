"""The project's document model, swappable from the first migration so it can grow."""

from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class TingstedDocument(AbstractDocument):
    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
