"""The core's demo content as data: the welcome text of every home page.

Built by :func:`cms.demo.build_home_pages`. The translation demo (plugins/translation/demo.py)
finds these texts again through ``cms.demo.HOME_WELCOME``.
"""

HOME_WELCOME = {
    "da": "Velkommen. Her finder du netværk, møder, nyheder og referater.",
    "sv": "Välkommen. Här hittar du nätverk, möten, nyheter och protokoll.",
    "nb": "Velkommen. Her finner du nettverk, møter, nyheter og referater.",
    "en": "Welcome. Here you will find networks, meetings, news and minutes.",
}
