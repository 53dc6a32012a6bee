"""Deterministic fictional text in da, sv, nb and en, for bench content.

Bench pages need text of realistic length in the site's language (search stems it, the API
and templates carry its bytes), not readable prose. Words are drawn from small per-language
vocabularies of civic terms with a seeded ``random.Random``, so two runs build the same data.
"""

from __future__ import annotations

import random

WORDS: dict[str, list[str]] = {
    "da": [
        "kommune",
        "netværk",
        "møde",
        "borgere",
        "dagsorden",
        "referat",
        "beslutning",
        "udvalg",
        "byråd",
        "forslag",
        "høring",
        "klima",
        "bolig",
        "skole",
        "trafik",
        "kultur",
        "fritid",
        "budget",
        "plan",
        "lokal",
        "fælles",
        "erfaring",
        "deltagere",
        "oplæg",
        "drøftelse",
        "indstilling",
        "godkendt",
        "udsat",
        "opfølgning",
        "samarbejde",
        "region",
        "havn",
        "bibliotek",
        "ældre",
        "unge",
        "integration",
        "energi",
        "vand",
        "natur",
        "sundhed",
        "beskæftigelse",
    ],
    "sv": [
        "kommun",
        "nätverk",
        "möte",
        "medborgare",
        "dagordning",
        "protokoll",
        "beslut",
        "nämnd",
        "fullmäktige",
        "förslag",
        "remiss",
        "klimat",
        "bostad",
        "skola",
        "trafik",
        "kultur",
        "fritid",
        "budget",
        "plan",
        "lokal",
        "gemensam",
        "erfarenhet",
        "deltagare",
        "inledning",
        "diskussion",
        "yrkande",
        "godkänt",
        "bordlagt",
        "uppföljning",
        "samarbete",
        "region",
        "hamn",
        "bibliotek",
        "äldre",
        "unga",
        "integration",
        "energi",
        "vatten",
        "natur",
        "hälsa",
        "sysselsättning",
    ],
    "nb": [
        "kommune",
        "nettverk",
        "møte",
        "innbyggere",
        "saksliste",
        "referat",
        "vedtak",
        "utvalg",
        "bystyre",
        "forslag",
        "høring",
        "klima",
        "bolig",
        "skole",
        "trafikk",
        "kultur",
        "fritid",
        "budsjett",
        "plan",
        "lokal",
        "felles",
        "erfaring",
        "deltakere",
        "innledning",
        "drøfting",
        "innstilling",
        "godkjent",
        "utsatt",
        "oppfølging",
        "samarbeid",
        "region",
        "havn",
        "bibliotek",
        "eldre",
        "unge",
        "integrering",
        "energi",
        "vann",
        "natur",
        "helse",
        "sysselsetting",
    ],
    "en": [
        "council",
        "network",
        "meeting",
        "residents",
        "agenda",
        "minutes",
        "decision",
        "committee",
        "assembly",
        "proposal",
        "consultation",
        "climate",
        "housing",
        "school",
        "traffic",
        "culture",
        "leisure",
        "budget",
        "plan",
        "local",
        "shared",
        "experience",
        "participants",
        "introduction",
        "discussion",
        "recommendation",
        "approved",
        "postponed",
        "follow-up",
        "cooperation",
        "region",
        "harbour",
        "library",
        "elderly",
        "youth",
        "integration",
        "energy",
        "water",
        "nature",
        "health",
        "employment",
    ],
}

NAMES = (
    "Ane Berg",
    "Björn Lund",
    "Kari Nygaard",
    "Mads Holt",
    "Sara Ek",
    "Tor Vik",
    "Ida Strand",
    "Emil Dahl",
    "Liv Moen",
    "Nils Åberg",
    "Freja Skov",
    "Ola Brekke",
)

#: Fictional organisations; a name is the same in every language.
ORGANISATIONS = (
    "Nordby Kommune",
    "Fjordkysten Boligselskab",
    "Sundet Energi",
    "Østmark Region",
    "Bryggen Bibliotek",
    "Lyngvik Havn",
    "Vestdal Skolefællesskab",
    "Ekbacka Kulturhus",
)

#: Party and group abbreviations, as a speaker's affiliation is typed ("S", "KrF").
AFFILIATIONS = ("S", "V", "KrF", "SF", "MP", "H", "C", "Sp")

#: Rooms as a meeting gives them: a number or a hall's name, not a sentence.
ROOMS: dict[str, tuple[str, ...]] = {
    "da": ("Mødelokale 2", "Byrådssalen", "Lokale 1.14", "Salen"),
    "sv": ("Sessionssalen", "Rum 3.12", "Sal B", "Konferensrum 2"),
    "nb": ("Bystyresalen", "Møterom 4", "Sal 2", "Rom 2.08"),
    "en": ("Council chamber", "Room 2.14", "Hall B", "Meeting room 3"),
}


class Text:
    """Sentences, titles and paragraphs in one language from a shared seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, language: str, count: int) -> list[str]:
        vocabulary = WORDS.get(language) or WORDS["en"]
        return [self.rng.choice(vocabulary) for _ in range(count)]

    def title(self, language: str, words: int = 4) -> str:
        return " ".join(self.words(language, words)).capitalize()

    def sentence(self, language: str, words: int = 12, max_length: int | None = None) -> str:
        text = " ".join(self.words(language, words)).capitalize() + "."
        if max_length is not None and len(text) > max_length:
            text = text[: max_length - 1].rstrip() + "."
        return text

    def paragraph(self, language: str, sentences: int = 4) -> str:
        return " ".join(self.sentence(language) for _ in range(sentences))

    def html(self, language: str, paragraphs: int = 3) -> str:
        return "".join(f"<p>{self.paragraph(language)}</p>" for _ in range(paragraphs))

    def name(self) -> str:
        return self.rng.choice(NAMES)

    def organisation(self) -> str:
        return self.rng.choice(ORGANISATIONS)

    def affiliation(self) -> str:
        return self.rng.choice(AFFILIATIONS)

    def room(self, language: str) -> str:
        return self.rng.choice(ROOMS.get(language) or ROOMS["en"])

    def role(self, language: str) -> str:
        """A role as it follows a name ("Chair, housing committee"): a few words."""
        return self.title(language, words=self.rng.choice((2, 3)))

    def labelled(self, label: str, language: str) -> str | None:
        """Text of the shape a field of this name holds, or None for a generic sentence.

        Names, rooms and roles are a few words in every real page (see the seeds' session
        speakers and venues); filled as sentences they weighed half a typed speaker.
        """
        if label == "name":
            return self.name()
        if label == "organisation":
            return self.organisation()
        if label == "affiliation":
            return self.affiliation()
        if label == "room":
            return self.room(language)
        if label == "role":
            return self.role(language)
        return None
