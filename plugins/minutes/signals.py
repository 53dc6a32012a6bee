"""Minutes keep a per-process cache of locales; saving or deleting a locale clears it.

(View restrictions of councils and meetings follow their translations like every page's:
cms/restrictions.py.)
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale


def _clear_locale_cache(**kwargs) -> None:
    from plugins.minutes.presentation import clear_locale_cache

    clear_locale_cache()


def connect() -> None:
    post_save.connect(_clear_locale_cache, sender=Locale, dispatch_uid="minutes-locales")
    post_delete.connect(_clear_locale_cache, sender=Locale, dispatch_uid="minutes-locales-del")
