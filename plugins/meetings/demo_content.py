"""The meetings plugin's demo content as data: each site's conference index and one
stand-alone conference, in every language.

Plain data, built into pages by plugins/meetings/demo.py. The networks' own meetings are
the networks plugin's demo content.
"""

from __future__ import annotations

import datetime

INDEX = {
    "title": {"da": "Konferencer", "sv": "Konferenser", "nb": "Konferanser", "en": "Conferences"},
    "slug": {"da": "konferencer", "sv": "konferenser", "nb": "konferanser", "en": "conferences"},
    "intro": {
        "da": "Åbne konferencer for alle, der arbejder med lokal velfærd.",
        "sv": "Öppna konferenser för alla som arbetar med lokal välfärd.",
        "nb": "Åpne konferanser for alle som jobber med lokal velferd.",
        "en": "Open conferences for everyone working in local welfare.",
    },
}
CONFERENCE = {
    "title": {
        "da": "Nordisk velfærdsdag",
        "sv": "Nordisk välfärdsdag",
        "nb": "Nordisk velferdsdag",
        "en": "Nordic Welfare Day",
    },
    "description": {
        "da": "<p>En dag med oplæg og debat om fremtidens lokale velfærd.</p>",
        "sv": "<p>En dag med föredrag och debatt om framtidens lokala välfärd.</p>",
        "nb": "<p>En dag med foredrag og debatt om fremtidens lokale velferd.</p>",
        "en": "<p>A day of talks and debate on the future of local welfare.</p>",
    },
    "session": {
        "da": "Velfærd tæt på borgerne",
        "sv": "Välfärd nära invånarna",
        "nb": "Velferd nær innbyggerne",
        "en": "Welfare close to residents",
    },
}
#: The conference, per site: its slug, how many days after the build it is held, when it
#: starts and how long it lasts, its one session, speaker (a demo person) and organiser.
CONFERENCE_SLUG = "welfare-day"
CONFERENCE_DAYS_AHEAD = 120
CONFERENCE_START = datetime.time(9, 0)
CONFERENCE_LENGTH = datetime.timedelta(hours=7)
SESSION_TIME = (datetime.time(9, 30), datetime.time(10, 30))
SPEAKER = "Karin Lindqvist"
ORGANISER = "Nordisk Kommuneforum"
#: The venue each site's conference is held at (a demo venue), by site language.
VENUE = {"da": "Havnehuset", "sv": "Kulturhuset Åstad", "nb": "Fjordby rådhus", "en": "Havnehuset"}
