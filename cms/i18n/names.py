"""Proper names are not offered for translation.

wagtail-localize offers every ``CharBlock`` and ``TextBlock`` of a StreamField to the
translator and to the machine translator, so a speaker typed into a programme came back as
"[MT sv] Jens Kofoed" while a speaker chosen from the people register (a synchronised
person) kept their name. A name is the same in every language: :class:`ProperNameBlock` is
a ``CharBlock`` that wagtail-localize extracts no segment from, so its value is copied from
the source on every translation and sync, like a synchronised field, and nobody (person or
machine) is asked to translate it.

On models, the same rule is a ``SynchronizedField("name", overridable=False)`` in
``override_translatable_fields`` (people's names, see docs/translation.md).
"""

from __future__ import annotations

from wagtail import blocks


class ProperNameBlock(blocks.CharBlock):
    """A person's or an organisation's name typed in a block: kept as written in every locale."""

    def get_translatable_segments(self, value) -> list:
        # wagtail_localize.segments.extract asks a block for its segments before it looks
        # at its type: none, so a translation keeps the source's value.
        return []

    def restore_translated_segments(self, value, segments):
        # Never called with segments of ours; a segment from an old extraction (made before
        # the block was a name) is ignored, so the name still follows the source.
        return value


#: Wagtail's hook for a block's path in migrations: stored exactly as a CharBlock (only
#: translation treats it differently), so the StreamFields that use it need no migration.
DECONSTRUCT_ALIASES = {ProperNameBlock: "wagtail.blocks.CharBlock"}
