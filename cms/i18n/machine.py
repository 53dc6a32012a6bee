"""Machine translation: DeepL when a key is configured, an offline translator otherwise.

wagtail-localize picks its translator from ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``
(a dotted class path and options); :func:`cms.i18n.conf.machine_translator_setting` builds
that setting from the environment. The :class:`OfflineTranslator` never leaves the machine: it copies
the source text and marks it ``[MT sv]`` so nobody mistakes it for a translation. The
tests and ``make demo`` use it, so the whole flow can be tried without a key.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def marker(language_code: str) -> str:
    return f"[MT {language_code}]"


#: A :func:`marker` in text, whatever the language (slugs must never carry one).
MARKER_PATTERN = r"\[MT [A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*\]"


class OfflineTranslator(BaseMachineTranslator):
    """Marks the source text as machine translated instead of translating it."""

    display_name = _("Offline machine translation (placeholder)")

    def translate(self, source_locale, target_locale, strings) -> dict:
        prefix = escape(marker(target_locale.language_code))
        return {string: StringValue(f"{prefix} {string.data}") for string in strings}

    def can_translate(self, source_locale, target_locale) -> bool:
        return source_locale.language_code != target_locale.language_code
