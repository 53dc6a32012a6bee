"""The WSGI application (gunicorn ``cms.wsgi:application``), ready before its first request.

Everything built while starting (modules, models, block definitions, settings, URL
patterns) lives as long as the process. Python's cyclic garbage collector would walk all of
it again on every full collection, which a request that builds a list of pages triggers:
measured in-process, a full meetings list spent a fifth of its CPU there. So the URL
patterns are built now rather than at the first request, and everything alive is then
moved out of the collector's sight (``gc.freeze()``, as the Python documentation advises
for pre-fork servers; with gunicorn's ``--preload`` the workers also share those pages).
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

application = get_wsgi_application()


def freeze_start_up_objects() -> None:
    """Build what the first request would (the URL patterns), then freeze what is alive."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports and builds every URLconf)
    gc.collect()
    gc.freeze()


freeze_start_up_objects()
