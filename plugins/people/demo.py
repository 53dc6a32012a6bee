"""Demo people, organisations and venues: fictional, in every language.

Other plugins' demo builders find these rows by name through the models
(``Person.objects.filter(name=..., locale=...)``); the names are listed in DEMO_PEOPLE.
"""

from __future__ import annotations

from wagtail.models import Locale

from cms.public import DemoContext, translate
from plugins.people.models import Organisation, Person, Venue, VenueRoom

# key: (source language, {language: name})
ORGANISATIONS = {
    "forum": (
        "da",
        {
            "da": "Nordisk Kommuneforum",
            "sv": "Nordiska kommunforumet",
            "nb": "Nordisk kommuneforum",
            "en": "Nordic Municipal Forum",
        },
        "https://forum.example.org",
    ),
    "eksempelby": (
        "da",
        {
            "da": "Eksempelby Kommune",
            "sv": "Eksempelby kommun",
            "nb": "Eksempelby kommune",
            "en": "Eksempelby Municipality",
        },
        "https://eksempelby.example.dk",
    ),
    "astad": (
        "sv",
        {
            "da": "Åstad Kommune",
            "sv": "Åstads kommun",
            "nb": "Åstad kommune",
            "en": "Åstad Municipality",
        },
        "https://astad.example.se",
    ),
    "fjordby": (
        "nb",
        {
            "da": "Fjordby Kommune",
            "sv": "Fjordby kommun",
            "nb": "Fjordby kommune",
            "en": "Fjordby Municipality",
        },
        "https://fjordby.example.no",
    ),
    "institute": (
        "sv",
        {
            "da": "Institut for Lokal Velfærd",
            "sv": "Institutet för lokal välfärd",
            "nb": "Institutt for lokal velferd",
            "en": "Institute for Local Welfare",
        },
        "https://welfare.example.org",
    ),
}

# key: (name, source language, organisation key, external, {language: role}, {language: bio})
DEMO_PEOPLE = {
    "sigrid": (
        "Sigrid Holm",
        "da",
        "forum",
        False,
        {"da": "Forperson", "sv": "Ordförande", "nb": "Leder", "en": "Chair"},
        {
            "da": "Sigrid Holm har ledet forummet siden 2021 og arbejdede før det med boligpolitik.",
            "sv": "Sigrid Holm har lett forumet sedan 2021 och arbetade dessförinnan med bostadspolitik.",
            "nb": "Sigrid Holm har ledet forumet siden 2021 og jobbet før det med boligpolitikk.",
            "en": "Sigrid Holm has chaired the forum since 2021 and worked on housing policy before that.",
        },
    ),
    "mikkel": (
        "Mikkel Dahl",
        "da",
        "eksempelby",
        False,
        {
            "da": "Integrationschef",
            "sv": "Integrationschef",
            "nb": "Integreringssjef",
            "en": "Head of Integration",
        },
        {
            "da": "Mikkel Dahl står for kommunens arbejde med nye borgere.",
            "sv": "Mikkel Dahl ansvarar för kommunens arbete med nya invånare.",
            "nb": "Mikkel Dahl har ansvar for kommunens arbeid med nye innbyggere.",
            "en": "Mikkel Dahl leads the municipality's work with new residents.",
        },
    ),
    "karin": (
        "Karin Lindqvist",
        "sv",
        "institute",
        True,
        {"da": "Forsker", "sv": "Forskare", "nb": "Forsker", "en": "Researcher"},
        {
            "da": "Karin Lindqvist forsker i lokaldemokrati og borgerinddragelse.",
            "sv": "Karin Lindqvist forskar om lokal demokrati och medborgardialog.",
            "nb": "Karin Lindqvist forsker på lokaldemokrati og innbyggermedvirkning.",
            "en": "Karin Lindqvist researches local democracy and public participation.",
        },
    ),
    "johan": (
        "Johan Berg",
        "sv",
        "astad",
        False,
        {"da": "Borgmester", "sv": "Kommunstyrelsens ordförande", "nb": "Ordfører", "en": "Mayor"},
        {
            "da": "Johan Berg har været borgmester i Åstad siden 2022.",
            "sv": "Johan Berg har varit kommunstyrelsens ordförande i Åstad sedan 2022.",
            "nb": "Johan Berg har vært ordfører i Åstad siden 2022.",
            "en": "Johan Berg has been mayor of Åstad since 2022.",
        },
    ),
    "ingrid": (
        "Ingrid Solberg",
        "nb",
        "fjordby",
        False,
        {
            "da": "Velfærdsdirektør",
            "sv": "Välfärdsdirektör",
            "nb": "Velferdsdirektør",
            "en": "Director of Welfare",
        },
        {
            "da": "Ingrid Solberg leder velfærdsområdet i Fjordby.",
            "sv": "Ingrid Solberg leder välfärdsområdet i Fjordby.",
            "nb": "Ingrid Solberg leder velferdsområdet i Fjordby.",
            "en": "Ingrid Solberg leads the welfare services of Fjordby.",
        },
    ),
    "ole": (
        "Ole Haugen",
        "nb",
        None,
        True,
        {"da": "Journalist", "sv": "Journalist", "nb": "Journalist", "en": "Journalist"},
        {
            "da": "Ole Haugen skriver om kommunalpolitik i Norden.",
            "sv": "Ole Haugen skriver om kommunalpolitik i Norden.",
            "nb": "Ole Haugen skriver om kommunepolitikk i Norden.",
            "en": "Ole Haugen writes about local politics in the Nordic countries.",
        },
    ),
    "amira": (
        "Amira Nasser",
        "da",
        "institute",
        True,
        {"da": "Projektleder", "sv": "Projektledare", "nb": "Prosjektleder", "en": "Project lead"},
        {
            "da": "Amira Nasser leder et projekt om sprogpraktik for nyankomne.",
            "sv": "Amira Nasser leder ett projekt om språkpraktik för nyanlända.",
            "nb": "Amira Nasser leder et prosjekt om språkpraksis for nyankomne.",
            "en": "Amira Nasser leads a project on language internships for newcomers.",
        },
    ),
    "lena": (
        "Lena Virtanen",
        "sv",
        None,
        True,
        {"da": "Konsulent", "sv": "Konsult", "nb": "Konsulent", "en": "Consultant"},
        {
            "da": "Lena Virtanen rådgiver kommuner om digital borgerservice.",
            "sv": "Lena Virtanen ger kommuner råd om digital medborgarservice.",
            "nb": "Lena Virtanen gir kommuner råd om digital innbyggerservice.",
            "en": "Lena Virtanen advises municipalities on digital public services.",
        },
    ),
}

# key: (source language, name, street, postal code, city, country, lat, lon, {language: access notes}, rooms)
VENUES = {
    "harbour": (
        "da",
        "Havnehuset",
        "Kajgade 4",
        "1000",
        "Eksempelby",
        "DK",
        "55.676100",
        "12.568300",
        {
            "da": "Trinfri adgang fra Kajgade. Tæt på Havnen station.",
            "sv": "Tillgängligt utan trappsteg från Kajgade. Nära Havnen station.",
            "nb": "Trinnfri adkomst fra Kajgade. Nær Havnen stasjon.",
            "en": "Step-free access from Kajgade. Close to Havnen station.",
        },
        [("Salen", "1", 120), ("Lokale 2.14", "2", 24)],
    ),
    "manor": (
        "da",
        "Skovly Kursuscenter",
        "Skovvej 12",
        "4000",
        "Lundeby",
        "DK",
        "55.641900",
        "12.080300",
        {
            "da": "Overnatning på stedet. Gratis parkering.",
            "sv": "Övernattning på plats. Fri parkering.",
            "nb": "Overnatting på stedet. Gratis parkering.",
            "en": "Overnight rooms on site. Free parking.",
        },
        [("Riddersalen", "0", 80), ("Havestuen", "0", 30)],
    ),
    "culture": (
        "sv",
        "Kulturhuset Åstad",
        "Storgatan 8",
        "111 20",
        "Åstad",
        "SE",
        "59.329300",
        "18.068600",
        {
            "da": "Indgang fra torvet, elevator til alle etager.",
            "sv": "Entré från torget, hiss till alla våningar.",
            "nb": "Inngang fra torget, heis til alle etasjer.",
            "en": "Entrance from the square, lift to all floors.",
        },
        [("Stora salen", "1", 200)],
    ),
    "townhall": (
        "nb",
        "Fjordby rådhus",
        "Rådhusgata 1",
        "0150",
        "Fjordby",
        "NO",
        "59.911500",
        "10.733700",
        {
            "da": "Meld dig i receptionen. Teleslynge i byrådssalen.",
            "sv": "Anmäl dig i receptionen. Hörslinga i kommunfullmäktigesalen.",
            "nb": "Meld deg i resepsjonen. Teleslynge i bystyresalen.",
            "en": "Sign in at reception. Hearing loop in the council chamber.",
        },
        [("Bystyresalen", "2", 90), ("Møterom Fjorden", "3", 16)],
    ),
}


def _locale(language: str) -> Locale:
    return Locale.objects.get(language_code=language)


def _translate_snippet(context: DemoContext, source, language: str, **fields):
    """Translate through wagtail-localize, so the status overview and sync know the row."""
    translated, changed = translate(source, language, **fields)
    if changed:
        context.created.append(f"{source._meta.verbose_name}: {translated} ({language})")
    return translated


def build(context: DemoContext) -> None:
    organisations = {}
    for key, (source_language, names, website) in ORGANISATIONS.items():
        source, created = Organisation.objects.get_or_create(
            locale=_locale(source_language),
            name=names[source_language],
            defaults={"website": website},
        )
        if created:
            context.created.append(f"organisation: {source}")
        organisations[key] = source
        for language in context.languages:
            if language != source_language:
                _translate_snippet(context, source, language, name=context.text(names, language))

    for key, (
        name,
        source_language,
        organisation_key,
        external,
        roles,
        bios,
    ) in DEMO_PEOPLE.items():
        source = Person.objects.filter(locale=_locale(source_language), name=name).first()
        if source is None:
            photo = context.image(
                f"Portrait: {name}",
                alt=f"Portrait of {name}",
                credit="Illustration: Tingsted demo",
                size=(600, 600),
            )
            source = Person.objects.create(
                locale=_locale(source_language),
                name=name,
                role=roles[source_language],
                bio=bios[source_language],
                organisation=organisations.get(organisation_key),
                is_external=external,
                photo=photo,
                email=f"{key}@example.org" if not external else "",
            )
            context.created.append(f"person: {name}")
        for language in context.languages:
            if language != source_language:
                organisation = source.organisation
                localized_org = (
                    organisation.get_translation_or_none(_locale(language))
                    if organisation
                    else None
                )
                _translate_snippet(
                    context,
                    source,
                    language,
                    role=context.text(roles, language),
                    bio=context.text(bios, language),
                    organisation=localized_org or organisation,
                )

    for spec in VENUES.values():
        source_language, name, street, postal, city, country, lat, lon, notes, rooms = spec
        source = Venue.objects.filter(locale=_locale(source_language), name=name).first()
        if source is None:
            source = Venue(
                locale=_locale(source_language),
                name=name,
                street_address=street,
                postal_code=postal,
                city=city,
                country=country,
                latitude=lat,
                longitude=lon,
                access_notes=notes[source_language],
            )
            source.rooms = [VenueRoom(name=r, floor=f, capacity=c) for r, f, c in rooms]
            source.save()
            context.created.append(f"venue: {name}")
        for language in context.languages:
            if language != source_language:
                _translate_snippet(
                    context, source, language, access_notes=context.text(notes, language)
                )
