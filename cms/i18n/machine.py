"""Machine translation: DeepL when a key is configured, an offline translator otherwise.

wagtail-localize picks its translator from ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``
(a dotted class path and options); :func:`cms.i18n.conf.machine_translator_setting` builds
that setting from the environment. The :class:`OfflineTranslator` never leaves the machine: it copies
the source text and marks it ``[MT sv]`` so nobody mistakes it for a translation. The
tests and ``make demo`` use it, so the whole flow can be tried without a key.
"""

from __future__ import annotations

import logging

import requests
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator as BaseDeepLTranslator
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)


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


class MachineTranslationFailed(Exception):
    """The machine translator gave no translations; the message says why, to the translator
    (translated), and what to do."""


class DeepLTranslator(BaseDeepLTranslator):
    """wagtail-localize's DeepL translator, with DeepL's refusals told apart.

    wagtail-localize's reads ``translations`` from whatever DeepL answers: a refused key, a
    used-up quota or DeepL not answering at all ended as an error page for the translator
    (a ``KeyError``, a JSON error, a connection error). Here each is a
    :class:`MachineTranslationFailed` with a sentence the admin shows (plugins/translation/
    guards.py), and nothing is translated. ``API_URL`` replaces DeepL's address (a proxy, a
    regional endpoint; the tests' stand-in).
    """

    #: DeepL's statuses that name their cause (developers.deepl.com, "HTTP errors").
    REFUSALS = {
        403: _("DeepL refused the API key (DEEPL_API_KEY): ask an administrator to check it."),
        456: _(
            "DeepL's translation quota for this period is used up: try again later, or ask an administrator."
        ),
        429: _("DeepL is receiving too many requests just now: try again in a minute."),
    }

    def get_api_endpoint(self) -> str:
        return self.options.get("API_URL") or super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings) -> dict:
        strings = list(strings)
        try:
            response = requests.post(
                self.get_api_endpoint(),
                self.get_parameters(source_locale, target_locale, strings),
                timeout=int(self.options.get("TIMEOUT", 30)),
                headers=self.get_headers(),
            )
        except requests.RequestException as error:
            logger.warning("DeepL did not answer: %s", error)
            raise MachineTranslationFailed(
                _("DeepL did not answer: nothing was translated. Try again in a few minutes.")
            ) from error
        if response.status_code in self.REFUSALS:
            raise MachineTranslationFailed(self.REFUSALS[response.status_code])
        try:
            translations = response.json()["translations"] if response.ok else None
        except (ValueError, KeyError, TypeError):
            translations = None
        if not isinstance(translations, list) or len(translations) != len(strings):
            logger.warning("DeepL answered %s: %s", response.status_code, response.text[:500])
            raise MachineTranslationFailed(
                _("DeepL answered with an error (HTTP %(status)s): nothing was translated.")
                % {"status": response.status_code}
            )
        return {
            string: StringValue(translation["text"])
            for string, translation in zip(strings, translations, strict=True)
        }
