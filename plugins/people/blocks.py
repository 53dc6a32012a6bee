"""Blocks that choose people: a person chooser and a speaker typed inline or chosen."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, Field
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.public import PreloadedChooserMixin, ProperNameBlock, localized
from plugins.people.api import PersonData, person_data


class SpeakerData(BaseModel):
    """A speaker as the editor gave it for this occasion: typed in whole, or a person from
    the register (`person_id`) with what was typed to override theirs, if anything. The
    person is once in the answer's `people`, not again in every session."""

    name: str = Field(
        description="The name typed for this occasion, or empty. With a `person_id`, empty "
        "means the person's `name` (in `people`); a typed name replaces it."
    )
    affiliation: str = Field(
        default="",
        description='A party or group abbreviation shown in brackets after the name ("S", '
        '"KrF"), as typed, or empty. With a `person_id` and no name typed, empty means the '
        "person's `affiliation`; with a typed name, empty means none.",
    )
    role: str = Field(
        description="The role typed for this occasion, or empty. With a `person_id`, empty "
        "means the person's `role`."
    )
    organisation: str = Field(
        description="The organisation typed for this occasion, or empty. With a "
        "`person_id`, empty means the name of the person's organisation "
        "(`organisations[person.organisation_id]`)."
    )
    # An id, not the person: a list of meetings names the same people in many sessions, and
    # the answer's ``people`` map holds each of them once (the meeting's ``people`` field).
    person_id: int | None = Field(
        description="The person chosen from the register (a key of the answer's `people`), "
        "or null for a speaker typed in."
    )


class PersonChooserBlock(PreloadedChooserMixin, SnippetChooserBlock):
    """Chooses a Person; the API returns the person, not an id (preloaded for lists)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Person"))
        super().__init__("people.Person", **kwargs)

    def get_api_representation(self, value, context=None):
        super().get_api_representation(value, context)
        return person_data(value, context)

    def get_api_schema(self):
        return PersonData | None


#: A speaker's values an editor types for the occasion (all of them for a one-off speaker).
TYPED = ("name", "affiliation", "role", "organisation")


class SpeakerBlock(blocks.StructBlock):
    """A speaker or participant: a person from the register, or typed in for a one-off."""

    #: The ways an editor gives a speaker, as the help texts ask: a person chosen (with a
    #: role for this occasion, or their own), or typed in. Generated content (the
    #: benchmark's dataset, cms/bench/content.py) fills one of them, never all at once.
    alternatives = (
        ("person",),
        ("person", "role"),
        TYPED,
    )

    person = PersonChooserBlock(
        required=False,
        help_text=_("Choose someone from the people register, or type a name below."),
    )
    # A typed-in name (and organisation) is the same in every language, like the name of a
    # person chosen from the register: not offered for translation; the role is.
    name = ProperNameBlock(
        label=_("Name"), required=False, max_length=200, help_text=_("Only if no person is chosen.")
    )
    affiliation = ProperNameBlock(
        label=_("Affiliation"),
        required=False,
        max_length=20,
        help_text=_(
            "Only for a typed-in speaker: a party or group abbreviation shown in brackets "
            "after the name, for example 'S' or 'KrF'. Type it without brackets."
        ),
    )
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=200)
    organisation = ProperNameBlock(label=_("Organisation"), required=False, max_length=200)

    def clean(self, value):
        value = super().clean(value)
        # A speaker just added to a draft has neither yet; publishing needs one.
        if not value["person"] and not value["name"] and not self.is_deferred_validation:
            raise StructBlockValidationError(
                block_errors={"name": ValidationError(_("Choose a person or type a name."))}
            )
        return value

    @staticmethod
    def resolve(value) -> dict:
        """Name, role and organisation, whichever way the speaker was given."""
        person = localized(value["person"]) if value["person"] else None
        if person is not None:
            organisation = localized(person.organisation) if person.organisation else None
            return {
                "name": value["name"] or person.name,
                # A typed name replaces the person's name, and with it their affiliation.
                "affiliation": value.get("affiliation")
                or ("" if value["name"] else person.affiliation),
                "role": value["role"] or person.role,
                "organisation": value["organisation"]
                or (organisation.name if organisation else ""),
                "person": person,
            }
        return {
            "name": value["name"],
            "affiliation": value.get("affiliation") or "",
            "role": value["role"],
            "organisation": value["organisation"],
            "person": None,
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["speaker"] = self.resolve(value)
        return context

    @staticmethod
    def typed(value) -> dict:
        """What the editor typed for this occasion (``""`` where nothing was): the whole
        speaker when typed in, else what overrides the chosen person's own."""
        return {key: value.get(key) or "" for key in TYPED}

    def get_api_representation(self, value, context=None):
        # Only what was typed and the chosen person's id (in the answer's language, as the
        # ``people`` map keys it): the person comes once per answer, not once per session it
        # speaks in, and a consumer resolves the speaker as resolve() does.
        person = localized(value["person"]) if value["person"] else None
        return {
            **self.typed(value),
            "person_id": person.pk if person is not None else None,
        }

    @classmethod
    def people(cls, values) -> dict:
        """``{id: person}`` of the people chosen in speaker ``values``, in the active
        language: the rows the ``people`` map of an answer holding them shows."""
        found = {}
        for value in values:
            if value["person"]:
                person = localized(value["person"])
                found[person.pk] = person
        return found

    def get_api_schema(self) -> type:
        return SpeakerData

    class Meta:
        icon = "user"
        label = _("Speaker")
        template = "people/blocks/speaker.html"
        preview_value = {
            "name": "Sigrid Holm",
            "role": "Chair",
            "organisation": "Nordic Towns Forum",
        }
        description = _("A person from the register, or a name, role and organisation typed in.")
