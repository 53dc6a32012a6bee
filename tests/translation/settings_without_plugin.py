"""Tingsted's settings with the translation workflow plugin left out of INSTALLED_APPS.

Used by tests/translation/test_without_plugin.py (DJANGO_SETTINGS_MODULE of a process of
its own): a deployment that does not want the workflow removes the one entry, nothing else.

The process builds the demo on two of the four sites, English and Danish: the demo is the
same per site, and four would double the test's time (the slowest of the suite) for nothing
more to see.
"""

from cms.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "plugins.translation"]  # noqa: F405
TINGSTED_SITES = [site for site in TINGSTED_SITES if site["language"] in ("en", "da")]  # noqa: F405
