"""Types the public API declares for values that JSON has no type of its own for.

- :func:`choice_type`: a choice field's value is one of its choices, declared as an
  ``enum`` (a TypeScript client gets ``"planned" | "confirmed" | …``, a pydantic client a
  ``Literal``). :func:`choice_field_schema` gives every model field with choices that type in
  Wagtail's API v3 page schemas.
- :data:`LocalTime`: a wall-clock time of day (``"09:30:00"``) in the time zone of the site
  or meeting, without an offset. OpenAPI's ``format: time`` is RFC 3339's ``full-time``,
  which requires an offset (``09:30:00+01:00``); a local time has none (the offset depends
  on the day, and a programme's day is given separately), so it is declared a string with a
  pattern. Generated clients see a string either way.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import PlainSerializer, WithJsonSchema

#: ``HH:MM:SS``, 24-hour clock.
LOCAL_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"

LocalTime = Annotated[
    datetime.time,
    PlainSerializer(lambda value: value.strftime("%H:%M:%S"), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": LOCAL_TIME_PATTERN,
            "description": "Local time of day (HH:MM:SS) in the site's time zone, "
            "without an offset.",
            "examples": ["09:30:00"],
        }
    ),
]


def choice_values(choices: Any) -> tuple[str, ...]:
    """The stored values of a ``TextChoices`` class or a Django ``choices`` list."""
    if isinstance(choices, type):
        return tuple(str(value) for value in choices.values)
    values: list[str] = []
    for value, label in choices:
        if isinstance(label, list | tuple):  # an option group
            values += [str(inner) for inner, _label in label]
        else:
            values.append(str(value))
    return tuple(values)


def choice_type(choices: Any) -> Any:
    """``Literal`` of the values of ``choices`` (a ``TextChoices`` class or a list)."""
    return Literal[choice_values(choices)]


def choice_field_schema(generator: Any, field: Any) -> tuple:
    """Wagtail's read-schema hook for a CharField: as ninja types it, with choices as enum.

    Registered for ``CharField`` (api.stream_schema.install): a field without choices gets
    exactly ninja's type and field info (title, description, max length, default).
    """
    from cms import compat

    annotation, info = compat.v3_model_field_schema(field)
    if field.choices:
        values = tuple(value for value in choice_values(field.choices) if value != "")
        annotation = Literal[values]
        if field.blank:
            annotation = annotation | Literal[""]
        if field.null:
            annotation = annotation | None
        # An enum says the length; and a default need not be repeated as a constraint.
        info.metadata = [item for item in info.metadata if not hasattr(item, "max_length")]
    return annotation, info, None
