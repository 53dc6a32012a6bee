"""Tingsted's settings with the translation workflow plugin left out of INSTALLED_APPS.

Used by tests/translation/test_without_plugin.py (DJANGO_SETTINGS_MODULE of a process of
its own): a deployment that does not want the workflow removes the one entry, nothing else.

The process builds the demo on one of the four sites, the Danish one (made the default
site), in Danish and English: the demo is the same per site, so the core's own translation
(copying the Danish pages into English) is all there is to see, and every further site
would add a quarter of a minute of CPU to the slowest test of the suite.
"""

from cms.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "plugins.translation"]  # noqa: F405
TINGSTED_SITES = [
    {**site, "default": True}
    for site in TINGSTED_SITES  # noqa: F405
    if site["language"] == "da"
]
