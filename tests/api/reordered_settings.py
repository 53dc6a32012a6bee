"""``cms.settings`` with the ``api`` app listed elsewhere, for tests/api/test_install_order.py.

``TINGSTED_TEST_API_POSITION``: ``last`` (the default), ``after-plugins`` or ``first``.
"""

import os

from cms.settings import *  # noqa: F403
from cms.settings import INSTALLED_APPS as LISTED
from cms.settings import TINGSTED_CORE_PLUGINS

INSTALLED_APPS = [app for app in LISTED if app != "api"]
_position = os.environ.get("TINGSTED_TEST_API_POSITION", "last")
if _position == "first":
    INSTALLED_APPS.insert(0, "api")
elif _position == "after-plugins":
    INSTALLED_APPS.insert(INSTALLED_APPS.index(TINGSTED_CORE_PLUGINS[-1]) + 1, "api")
else:
    INSTALLED_APPS.append("api")
