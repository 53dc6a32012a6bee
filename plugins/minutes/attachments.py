"""Keeping attachments of closed items in the private collection (plugins/minutes/documents.py
keeps them out of the documents admin for those who may not read them)."""

from __future__ import annotations

from plugins.minutes.access import closed_collection


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
