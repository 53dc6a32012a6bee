"""The choices of the people plugin's fields: below the models, so the API schemas name them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

#: ISO 3166-1 alpha-2 codes of the countries a venue can be in.
COUNTRIES = [
    ("DK", _("Denmark")),
    ("SE", _("Sweden")),
    ("NO", _("Norway")),
    ("FI", _("Finland")),
    ("IS", _("Iceland")),
    ("FO", _("Faroe Islands")),
    ("GL", _("Greenland")),
    ("AX", _("Åland")),
    ("DE", _("Germany")),
    ("GB", _("United Kingdom")),
    ("BE", _("Belgium")),
]
