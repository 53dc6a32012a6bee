"""Closed items' attachments, kept out of the documents admin and downloads for those who
may not read them: which documents are closed, and Wagtail's document permission policy
that withholds them."""

from __future__ import annotations

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from plugins.minutes.access import can_see_closed_items, closed_collection_or_none
from plugins.minutes.models import AgendaItemAttachment


def is_closed_document(document) -> bool:
    """True if the document sits in the closed collection or is attached to a closed item."""
    collection = closed_collection_or_none()
    if collection is not None:
        in_closed = Collection.objects.filter(
            pk=document.collection_id, path__startswith=collection.path
        ).exists()
        if in_closed:
            return True
    return AgendaItemAttachment.objects.filter(document=document, item__is_closed=True).exists()


def closed_documents_filter():
    """A ``Q`` matching documents of closed items: in the private collection, or attached to
    a closed item (even one whose attachment has not been moved yet).

    By primary key, so that it also filters search results (the search backends filter on
    indexed fields only); closed attachments are few.
    """
    ids = set(
        AgendaItemAttachment.objects.filter(item__is_closed=True).values_list(
            "document_id", flat=True
        )
    )
    collection = closed_collection_or_none()
    if collection is not None:
        ids |= set(
            get_document_model()
            .objects.filter(collection__path__startswith=collection.path)
            .values_list("pk", flat=True)
        )
    return Q(pk__in=sorted(ids))


class ClosedAttachmentsPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's document permissions, minus closed items' attachments for non-readers.

    Registered for the document model (``MinutesConfig.ready``), so the documents listing,
    its search, the chooser and the edit, delete and chosen views (everything Wagtail's
    admin asks the policy about) leave closed attachments out for a user without
    ``minutes.view_closed_items``, whatever collection permissions they hold.
    """

    def _withholds(self, user) -> bool:
        return not can_see_closed_items(user)

    def instances_user_has_any_permission_for(self, user, actions):
        documents = super().instances_user_has_any_permission_for(user, actions)
        return documents.exclude(closed_documents_filter()) if self._withholds(user) else documents

    def instances_user_has_permission_for(self, user, action):
        documents = super().instances_user_has_permission_for(user, action)
        return documents.exclude(closed_documents_filter()) if self._withholds(user) else documents

    def user_has_permission_for_instance(self, user, action, instance):
        if self._withholds(user) and is_closed_document(instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if self._withholds(user) and is_closed_document(instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def register_closed_attachments_policy() -> None:
    from wagtail.documents import get_document_model, get_document_model_string
    from wagtail.permissions import register_permission_policy

    # exact_class: wins over the policy wagtail.documents registers in its own ready(),
    # whichever app is readied first.
    register_permission_policy(
        get_document_model(),
        ClosedAttachmentsPolicy(
            get_document_model_string(),
            auth_model="wagtaildocs.Document",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
