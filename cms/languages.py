"""Language lists built from language codes, without importing Django's settings."""

from django.conf.locale import LANG_INFO


def content_languages(codes: list[str]) -> list[tuple[str, str]]:
    """Return ``[(code, native name)]`` for ``codes``, rejecting codes Django cannot serve.

    Native names ("Dansk", "Svenska") are what a visitor recognises in a language
    switcher, whatever the current interface language is.
    """
    languages = []
    for code in codes:
        code = code.strip().lower()
        info = LANG_INFO.get(code)
        if info is None or "name_local" not in info:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(
                f"TINGSTED_LANGUAGES contains {code!r}, which Django does not know. Use "
                "language codes such as da, sv, nb, en, fi, is or nn."
            )
        languages.append((code, info["name_local"].capitalize()))
    return languages
