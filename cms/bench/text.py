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
