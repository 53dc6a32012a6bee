"""The i18n primitives the core needs, whatever translation workflow is installed.

- :mod:`cms.i18n.localize`: create (or complete) the translation of a page or snippet
  through wagtail-localize, from text written in code (bootstrap, demo, tests);
- :mod:`cms.i18n.machine`: the offline machine translator (DeepL is wagtail-localize's own);
- :mod:`cms.i18n.conf`: the ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting, importable from
  ``cms/settings.py`` (no Django imports).

The languages themselves are :mod:`cms.languages`. The translation workflow (roles,
review, status, sync, its API and admin views) is the ``plugins.translation`` plugin.
"""
