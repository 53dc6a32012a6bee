"""Keeping attachments of closed items in the private collection, and out of the documents
admin for those who may not read them."""

from __future__ import annotations

from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from plugins.minutes.access import (
    can_see_closed_items,
    closed_collection,
    closed_documents_filter,
    is_closed_document,
)


def secure_closed_attachments(page) -> int:
    """Move every document attached to a closed item of ``page`` into the private collection.

    Works on the page as it is in memory (the form's data, before anything is saved), so
    a draft never leaves a closed item's attachment public. Returns how many moved.
    """
    documents = [
        attachment.document
        for item in page.agenda_items.all()
        if item.is_closed
        for attachment in item.attachments.all()
        if attachment.document_id
    ]
    if not documents:
        return 0
    collection = closed_collection()
    moved = 0
    for document in documents:
        if document.collection_id != collection.pk:
            document.collection = collection
            document.save(update_fields=["collection"])
            moved += 1
    return moved


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
