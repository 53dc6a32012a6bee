"""The people plugin's demo content as data: fictional organisations, people and venues.

Plain data, built into snippets by plugins/people/demo.py. Text is written per language
(``{"da": ..., "sv": ..., "nb": ..., "en": ...}``); each row is created in its source
``language`` and translated into the others. Other plugins' demo builders find these rows
by name (``context.find(Person, language, name=...)``); blog posts name their authors by
the keys of DEMO_PEOPLE (``plugins.people.interface.demo_people``).
"""

from __future__ import annotations

from dataclasses import dataclass

T = dict[str, str]


@dataclass(frozen=True)
class DemoOrganisation:
    language: str
    name: T
    website: str


@dataclass(frozen=True)
class DemoPerson:
    name: str
    language: str
    #: A key of ORGANISATIONS, or None.
    organisation: str | None
    external: bool
    role: T
    bio: T
    #: A party or group abbreviation shown after the name (fictional people, real style).
    affiliation: str = ""
    #: Roles besides the main one: (a key of ORGANISATIONS, the role per language).
    further_roles: tuple[tuple[str, T], ...] = ()


@dataclass(frozen=True)
class DemoVenue:
    language: str
    name: str
    street_address: str
    postal_code: str
    city: str
    country: str
    latitude: str
    longitude: str
    access_notes: T
    #: (name, floor, capacity) of each room.
    rooms: list[tuple[str, str, int]]


ORGANISATIONS = {
    "forum": DemoOrganisation(
        language="da",
        name={
            "da": "Nordisk Kommuneforum",
            "sv": "Nordiska kommunforumet",
            "nb": "Nordisk kommuneforum",
            "en": "Nordic Municipal Forum",
        },
        website="https://forum.example.org",
    ),
    "eksempelby": DemoOrganisation(
        language="da",
        name={
            "da": "Eksempelby Kommune",
            "sv": "Eksempelby kommun",
            "nb": "Eksempelby kommune",
            "en": "Eksempelby Municipality",
        },
        website="https://eksempelby.example.dk",
    ),
    "astad": DemoOrganisation(
        language="sv",
        name={
            "da": "Åstad Kommune",
            "sv": "Åstads kommun",
            "nb": "Åstad kommune",
            "en": "Åstad Municipality",
        },
        website="https://astad.example.se",
    ),
    "fjordby": DemoOrganisation(
        language="nb",
        name={
            "da": "Fjordby Kommune",
            "sv": "Fjordby kommun",
            "nb": "Fjordby kommune",
            "en": "Fjordby Municipality",
        },
        website="https://fjordby.example.no",
    ),
    "institute": DemoOrganisation(
        language="sv",
        name={
            "da": "Institut for Lokal Velfærd",
            "sv": "Institutet för lokal välfärd",
            "nb": "Institutt for lokal velferd",
            "en": "Institute for Local Welfare",
        },
        website="https://welfare.example.org",
    ),
}

DEMO_PEOPLE = {
    "sigrid": DemoPerson(
        name="Sigrid Holm",
        language="da",
        affiliation="S",
        organisation="forum",
        external=False,
        role={"da": "Forperson", "sv": "Ordförande", "nb": "Leder", "en": "Chair"},
        further_roles=(
            (
                "eksempelby",
                {
                    "da": "Medlem af kommunalbestyrelsen",
                    "sv": "Ledamot i kommunfullmäktige",
                    "nb": "Medlem av kommunestyret",
                    "en": "Member of the municipal council",
                },
            ),
        ),
        bio={
            "da": "Sigrid Holm har ledet forummet siden 2021 og arbejdede før det med boligpolitik.",
            "sv": "Sigrid Holm har lett forumet sedan 2021 och arbetade dessförinnan med bostadspolitik.",
            "nb": "Sigrid Holm har ledet forumet siden 2021 og jobbet før det med boligpolitikk.",
            "en": "Sigrid Holm has chaired the forum since 2021 and worked on housing policy before that.",
        },
    ),
    "mikkel": DemoPerson(
        name="Mikkel Dahl",
        language="da",
        organisation="eksempelby",
        external=False,
        role={
            "da": "Integrationschef",
            "sv": "Integrationschef",
            "nb": "Integreringssjef",
            "en": "Head of Integration",
        },
        bio={
            "da": "Mikkel Dahl står for kommunens arbejde med nye borgere.",
            "sv": "Mikkel Dahl ansvarar för kommunens arbete med nya invånare.",
            "nb": "Mikkel Dahl har ansvar for kommunens arbeid med nye innbyggere.",
            "en": "Mikkel Dahl leads the municipality's work with new residents.",
        },
    ),
    "karin": DemoPerson(
        name="Karin Lindqvist",
        language="sv",
        organisation="institute",
        external=True,
        role={"da": "Forsker", "sv": "Forskare", "nb": "Forsker", "en": "Researcher"},
        bio={
            "da": "Karin Lindqvist forsker i lokaldemokrati og borgerinddragelse.",
            "sv": "Karin Lindqvist forskar om lokal demokrati och medborgardialog.",
            "nb": "Karin Lindqvist forsker på lokaldemokrati og innbyggermedvirkning.",
            "en": "Karin Lindqvist researches local democracy and public participation.",
        },
    ),
    "johan": DemoPerson(
        name="Johan Berg",
        language="sv",
        organisation="astad",
        external=False,
        role={
            "da": "Borgmester",
            "sv": "Kommunstyrelsens ordförande",
            "nb": "Ordfører",
            "en": "Mayor",
        },
        bio={
            "da": "Johan Berg har været borgmester i Åstad siden 2022.",
            "sv": "Johan Berg har varit kommunstyrelsens ordförande i Åstad sedan 2022.",
            "nb": "Johan Berg har vært ordfører i Åstad siden 2022.",
            "en": "Johan Berg has been mayor of Åstad since 2022.",
        },
    ),
    "ingrid": DemoPerson(
        name="Ingrid Solberg",
        language="nb",
        affiliation="KrF",
        organisation="fjordby",
        external=False,
        role={
            "da": "Velfærdsdirektør",
            "sv": "Välfärdsdirektör",
            "nb": "Velferdsdirektør",
            "en": "Director of Welfare",
        },
        bio={
            "da": "Ingrid Solberg leder velfærdsområdet i Fjordby.",
            "sv": "Ingrid Solberg leder välfärdsområdet i Fjordby.",
            "nb": "Ingrid Solberg leder velferdsområdet i Fjordby.",
            "en": "Ingrid Solberg leads the welfare services of Fjordby.",
        },
    ),
    "ole": DemoPerson(
        name="Ole Haugen",
        language="nb",
        organisation=None,
        external=True,
        role={"da": "Journalist", "sv": "Journalist", "nb": "Journalist", "en": "Journalist"},
        bio={
            "da": "Ole Haugen skriver om kommunalpolitik i Norden.",
            "sv": "Ole Haugen skriver om kommunalpolitik i Norden.",
            "nb": "Ole Haugen skriver om kommunepolitikk i Norden.",
            "en": "Ole Haugen writes about local politics in the Nordic countries.",
        },
    ),
    "amira": DemoPerson(
        name="Amira Nasser",
        language="da",
        organisation="institute",
        external=True,
        role={
            "da": "Projektleder",
            "sv": "Projektledare",
            "nb": "Prosjektleder",
            "en": "Project lead",
        },
        bio={
            "da": "Amira Nasser leder et projekt om sprogpraktik for nyankomne.",
            "sv": "Amira Nasser leder ett projekt om språkpraktik för nyanlända.",
            "nb": "Amira Nasser leder et prosjekt om språkpraksis for nyankomne.",
            "en": "Amira Nasser leads a project on language internships for newcomers.",
        },
    ),
    "lena": DemoPerson(
        name="Lena Virtanen",
        language="sv",
        organisation=None,
        external=True,
        role={"da": "Konsulent", "sv": "Konsult", "nb": "Konsulent", "en": "Consultant"},
        bio={
            "da": "Lena Virtanen rådgiver kommuner om digital borgerservice.",
            "sv": "Lena Virtanen ger kommuner råd om digital medborgarservice.",
            "nb": "Lena Virtanen gir kommuner råd om digital innbyggerservice.",
            "en": "Lena Virtanen advises municipalities on digital public services.",
        },
    ),
}

VENUES = {
    "harbour": DemoVenue(
        language="da",
        name="Havnehuset",
        street_address="Kajgade 4",
        postal_code="1000",
        city="Eksempelby",
        country="DK",
        latitude="55.676100",
        longitude="12.568300",
        access_notes={
            "da": "Trinfri adgang fra Kajgade. Tæt på Havnen station.",
            "sv": "Tillgängligt utan trappsteg från Kajgade. Nära Havnen station.",
            "nb": "Trinnfri adkomst fra Kajgade. Nær Havnen stasjon.",
            "en": "Step-free access from Kajgade. Close to Havnen station.",
        },
        rooms=[
            ("Salen", "1", 120),
            ("Lokale 2.14", "2", 24),
        ],
    ),
    "manor": DemoVenue(
        language="da",
        name="Skovly Kursuscenter",
        street_address="Skovvej 12",
        postal_code="4000",
        city="Lundeby",
        country="DK",
        latitude="55.641900",
        longitude="12.080300",
        access_notes={
            "da": "Overnatning på stedet. Gratis parkering.",
            "sv": "Övernattning på plats. Fri parkering.",
            "nb": "Overnatting på stedet. Gratis parkering.",
            "en": "Overnight rooms on site. Free parking.",
        },
        rooms=[
            ("Riddersalen", "0", 80),
            ("Havestuen", "0", 30),
        ],
    ),
    "culture": DemoVenue(
        language="sv",
        name="Kulturhuset Åstad",
        street_address="Storgatan 8",
        postal_code="111 20",
        city="Åstad",
        country="SE",
        latitude="59.329300",
        longitude="18.068600",
        access_notes={
            "da": "Indgang fra torvet, elevator til alle etager.",
            "sv": "Entré från torget, hiss till alla våningar.",
            "nb": "Inngang fra torget, heis til alle etasjer.",
            "en": "Entrance from the square, lift to all floors.",
        },
        rooms=[
            ("Stora salen", "1", 200),
        ],
    ),
    "townhall": DemoVenue(
        language="nb",
        name="Fjordby rådhus",
        street_address="Rådhusgata 1",
        postal_code="0150",
        city="Fjordby",
        country="NO",
        latitude="59.911500",
        longitude="10.733700",
        access_notes={
            "da": "Meld dig i receptionen. Teleslynge i byrådssalen.",
            "sv": "Anmäl dig i receptionen. Hörslinga i kommunfullmäktigesalen.",
            "nb": "Meld deg i resepsjonen. Teleslynge i bystyresalen.",
            "en": "Sign in at reception. Hearing loop in the council chamber.",
        },
        rooms=[
            ("Bystyresalen", "2", 90),
            ("Møterom Fjorden", "3", 16),
        ],
    ),
}
