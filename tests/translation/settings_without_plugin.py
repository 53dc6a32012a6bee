"""Tingsted's settings with the translation workflow plugin left out of INSTALLED_APPS.

Used by tests/translation/test_without_plugin.py (DJANGO_SETTINGS_MODULE of a process of
its own): a deployment that does not want the workflow removes the one entry, nothing else.
"""

from cms.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "plugins.translation"]  # noqa: F405
