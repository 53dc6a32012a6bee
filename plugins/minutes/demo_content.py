"""The minutes plugin's demo content as data: two councils per site with a year of
meetings, in every language.

Plain data, built into pages by plugins/minutes/demo.py. All people, councils, towns and
decisions are fictional. Past meetings get approved minutes, coming ones are agendas;
between them the items use every decision outcome, and a closed item carries a private
attachment. Venues are named as the people plugin's demo names them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta

from plugins.minutes.models import MemberRole, Outcome

T = dict[str, str]

TOWNS = {"da": "Eksempelby", "sv": "Åstad", "nb": "Fjordby", "en": "Harbourton"}
VENUES = {"da": "Havnehuset", "sv": "Kulturhuset Åstad", "nb": "Fjordby rådhus", "en": "Havnehuset"}
ROOMS = {"da": "Lokale 2.14", "sv": "Stora salen", "nb": "Møterom Fjorden", "en": "Salen"}

#: Days from the day the demo is first built; the past ones get approved minutes.
MEETING_OFFSETS = [-280, -196, -112, -35, 28, 91]


@dataclass
class ItemSpec:
    key: str
    title: T
    outcome: str
    summary: T = field(default_factory=dict)
    recommendation: T = field(default_factory=dict)
    decision: T = field(default_factory=dict)
    closed: bool = False
    participants: list[tuple[str, T]] = field(default_factory=list)
    participants_note: T = field(default_factory=dict)
    attachment: T | None = None


AGENDA = ItemSpec(
    "agenda",
    {
        "da": "Godkendelse af dagsorden",
        "sv": "Godkännande av dagordningen",
        "nb": "Godkjenning av sakslisten",
        "en": "Approval of the agenda",
    },
    Outcome.APPROVED,
    decision={"da": "Godkendt.", "sv": "Godkänd.", "nb": "Godkjent.", "en": "Approved."},
)
UPDATE = ItemSpec(
    "update",
    {
        "da": "Orientering fra sekretariatet",
        "sv": "Information från sekretariatet",
        "nb": "Orientering fra sekretariatet",
        "en": "Update from the secretariat",
    },
    Outcome.NOTED,
    summary={
        "da": "Sekretariatet orienterer om budgettet og om henvendelser siden sidste møde.",
        "sv": "Sekretariatet informerar om budgeten och om frågor som kommit in sedan förra mötet.",
        "nb": "Sekretariatet orienterer om budsjettet og om henvendelser siden forrige møte.",
        "en": "The secretariat reports on the budget and on enquiries received since the last meeting.",
    },
    decision={
        "da": "Til orientering. Rådet bad om en oversigt over henvendelser til næste møde.",
        "sv": "För kännedom. Rådet bad om en sammanställning av frågorna till nästa möte.",
        "nb": "Til orientering. Rådet ba om en oversikt over henvendelsene til neste møte.",
        "en": "Noted. The council asked for an overview of the enquiries for the next meeting.",
    },
)
OTHER = ItemSpec(
    "other",
    {"da": "Eventuelt", "sv": "Övriga frågor", "nb": "Eventuelt", "en": "Any other business"},
    Outcome.NONE,
    decision={"da": "Intet.", "sv": "Inga.", "nb": "Ingen saker.", "en": "Nothing."},
)
CLOSED = ItemSpec(
    "closed",
    {
        "da": "Indstilling af medlem til regionalt udvalg",
        "sv": "Nominering av ledamot till regional kommitté",
        "nb": "Innstilling av medlem til regionalt utvalg",
        "en": "Nomination of a member to the regional committee",
    },
    Outcome.APPROVED,
    closed=True,
    summary={
        "da": "Fortroligt: to kandidater har sagt ja til at stille op; bilaget beskriver dem.",
        "sv": "Konfidentiellt: två kandidater har tackat ja; bilagan beskriver dem.",
        "nb": "Fortrolig: to kandidater har sagt ja til å stille; vedlegget beskriver dem.",
        "en": "Confidential: two candidates have agreed to stand; the attachment describes them.",
    },
    recommendation={
        "da": "Sekretariatet indstiller den første kandidat i det fortrolige notat.",
        "sv": "Sekretariatet föreslår den första kandidaten i den konfidentiella promemorian.",
        "nb": "Sekretariatet innstiller den første kandidaten i det fortrolige notatet.",
        "en": "The secretariat recommends the first candidate in the confidential memo.",
    },
    decision={
        "da": "Godkendt. Kandidaten orienteres af formanden.",
        "sv": "Godkänt. Ordföranden meddelar kandidaten.",
        "nb": "Godkjent. Lederen gir kandidaten beskjed.",
        "en": "Approved. The chair will inform the candidate.",
    },
    attachment={
        "da": "Fortroligt notat om kandidater",
        "sv": "Konfidentiell promemoria om kandidater",
        "nb": "Fortrolig notat om kandidater",
        "en": "Confidential memo on candidates",
    },
)

INTEGRATION_ITEMS = [
    ItemSpec(
        "plan",
        {
            "da": "Handleplan for sprogpraktik",
            "sv": "Handlingsplan för språkpraktik",
            "nb": "Handlingsplan for språkpraksis",
            "en": "Action plan for language internships",
        },
        Outcome.APPROVED_WITH_CHANGES,
        summary={
            "da": "Arbejdsgruppen har skrevet et udkast til, hvordan flere nyankomne kan få sprogpraktik i lokale virksomheder.",
            "sv": "Arbetsgruppen har skrivit ett utkast om hur fler nyanlända kan få språkpraktik hos lokala företag.",
            "nb": "Arbeidsgruppen har skrevet et utkast til hvordan flere nyankomne kan få språkpraksis i lokale bedrifter.",
            "en": "The working group has drafted how more newcomers can get language internships with local businesses.",
        },
        recommendation={
            "da": "Forvaltningen indstiller, at rådet godkender udkastet til handleplan.",
            "sv": "Förvaltningen föreslår att rådet godkänner utkastet till handlingsplan.",
            "nb": "Administrasjonen innstiller på at rådet godkjenner utkastet til handlingsplan.",
            "en": "The administration recommends that the council approves the draft action plan.",
        },
        decision={
            "da": "Godkendt med den ændring, at også foreninger kan tilbyde praktik.",
            "sv": "Godkänd med ändringen att även föreningar kan erbjuda praktik.",
            "nb": "Godkjent med den endringen at også foreninger kan tilby praksis.",
            "en": "Approved with the change that associations may also offer internships.",
        },
    ),
    ItemSpec(
        "visit",
        {
            "da": "Besøg fra Frivilligcenter Havnen",
            "sv": "Besök från Volontärcentrum Hamnen",
            "nb": "Besøk fra Frivilligsentralen Havna",
            "en": "Visit from the Harbour Volunteer Centre",
        },
        Outcome.DISCUSSED,
        recommendation={
            "da": "Forvaltningen indstiller, at rådet drøfter et tættere samarbejde med frivilligcentret.",
            "sv": "Förvaltningen föreslår att rådet diskuterar ett närmare samarbete med volontärcentrumet.",
            "nb": "Administrasjonen innstiller på at rådet drøfter et tettere samarbeid med frivilligsentralen.",
            "en": "The administration recommends that the council discusses closer work with the volunteer centre.",
        },
        participants=[
            (
                "Rasmus Vinther",
                {
                    "da": "Formand, Frivilligcenter Havnen",
                    "sv": "Ordförande, Volontärcentrum Hamnen",
                    "nb": "Leder, Frivilligsentralen Havna",
                    "en": "Chair, Harbour Volunteer Centre",
                },
            )
        ],
        participants_note={
            "da": "Frivilligcentrets formand deltager under punktet.",
            "sv": "Volontärcentrumets ordförande deltar under punkten.",
            "nb": "Frivilligsentralens leder deltar under saken.",
            "en": "The chair of the volunteer centre takes part in this item.",
        },
        decision={
            "da": "Drøftedes. Rådet og centret mødes igen i efteråret om fælles arrangementer.",
            "sv": "Diskuterades. Rådet och centrumet ses igen i höst om gemensamma aktiviteter.",
            "nb": "Drøftet. Rådet og sentralen møtes igjen i høst om felles arrangementer.",
            "en": "Discussed. The council and the centre will meet again in the autumn about joint events.",
        },
    ),
    ItemSpec(
        "summer",
        {
            "da": "Forslag om ekstra møde i juli",
            "sv": "Förslag om extra möte i juli",
            "nb": "Forslag om ekstra møte i juli",
            "en": "Proposal for an extra meeting in July",
        },
        Outcome.REJECTED,
        recommendation={
            "da": "Et medlem foreslår et ekstra møde i juli om sommerferieaktiviteter.",
            "sv": "En ledamot föreslår ett extra möte i juli om sommarlovsaktiviteter.",
            "nb": "Et medlem foreslår et ekstra møte i juli om sommerferieaktiviteter.",
            "en": "A member proposes an extra meeting in July about summer holiday activities.",
        },
        decision={
            "da": "Forkastet. Emnet tages op på augustmødet i stedet.",
            "sv": "Avslogs. Frågan tas upp på augustimötet i stället.",
            "nb": "Avvist. Saken tas opp på augustmøtet i stedet.",
            "en": "Rejected. The topic will be taken up at the August meeting instead.",
        },
    ),
    ItemSpec(
        "working-group",
        {
            "da": "Udpegning til arbejdsgruppe om uddannelse",
            "sv": "Utseende till arbetsgrupp om utbildning",
            "nb": "Oppnevning til arbeidsgruppe om utdanning",
            "en": "Appointment to the working group on education",
        },
        Outcome.POSTPONED,
        recommendation={
            "da": "Forvaltningen indstiller, at rådet udpeger et medlem til arbejdsgruppen.",
            "sv": "Förvaltningen föreslår att rådet utser en ledamot till arbetsgruppen.",
            "nb": "Administrasjonen innstiller på at rådet oppnevner et medlem til arbeidsgruppen.",
            "en": "The administration recommends that the council appoints a member to the working group.",
        },
        decision={
            "da": "Udsat til næste møde, da to medlemmer ønsker betænkningstid.",
            "sv": "Bordlagd till nästa möte eftersom två ledamöter vill ha betänketid.",
            "nb": "Utsatt til neste møte fordi to medlemmer ønsker betenkningstid.",
            "en": "Postponed to the next meeting as two members asked for time to consider.",
        },
        attachment={
            "da": "Kommissorium for arbejdsgruppen",
            "sv": "Uppdragsbeskrivning för arbetsgruppen",
            "nb": "Mandat for arbeidsgruppen",
            "en": "Terms of reference for the working group",
        },
    ),
]

SENIOR_ITEMS = [
    ItemSpec(
        "cafe",
        {
            "da": "Digital hjælp på bibliotekerne",
            "sv": "Digital hjälp på biblioteken",
            "nb": "Digital hjelp på bibliotekene",
            "en": "Digital help at the libraries",
        },
        Outcome.APPROVED_WITH_CHANGES,
        summary={
            "da": "Bibliotekerne vil tilbyde ugentlig hjælp til digital post og netbank.",
            "sv": "Biblioteken vill erbjuda hjälp varje vecka med digital post och internetbank.",
            "nb": "Bibliotekene vil tilby ukentlig hjelp med digital post og nettbank.",
            "en": "The libraries plan weekly help with digital post and online banking.",
        },
        recommendation={
            "da": "Forvaltningen indstiller, at rådet støtter forsøget.",
            "sv": "Förvaltningen föreslår att rådet stöder försöket.",
            "nb": "Administrasjonen innstiller på at rådet støtter forsøket.",
            "en": "The administration recommends that the council supports the trial.",
        },
        decision={
            "da": "Godkendt med den ændring, at tilbuddet også gives om aftenen.",
            "sv": "Godkänt med ändringen att hjälpen även ges på kvällstid.",
            "nb": "Godkjent med den endringen at tilbudet også gis på kveldstid.",
            "en": "Approved with the change that help is also offered in the evening.",
        },
    ),
    ItemSpec(
        "survey",
        {
            "da": "Undersøgelse af tilfredshed med hjemmeplejen",
            "sv": "Undersökning av nöjdheten med hemtjänsten",
            "nb": "Undersøkelse av tilfredshet med hjemmetjenesten",
            "en": "Survey of satisfaction with home care",
        },
        Outcome.DISCUSSED,
        summary={
            "da": "Undersøgelsen viser stor tilfredshed med personalet, men ønsker om faste tider.",
            "sv": "Undersökningen visar stor nöjdhet med personalen men önskemål om fasta tider.",
            "nb": "Undersøkelsen viser stor tilfredshet med personalet, men ønsker om faste tider.",
            "en": "The survey shows high satisfaction with staff, but a wish for fixed visiting times.",
        },
        recommendation={
            "da": "Forvaltningen indstiller, at rådet drøfter resultaterne.",
            "sv": "Förvaltningen föreslår att rådet diskuterar resultaten.",
            "nb": "Administrasjonen innstiller på at rådet drøfter resultatene.",
            "en": "The administration recommends that the council discusses the results.",
        },
        participants=[
            (
                "Tove Sandvik",
                {
                    "da": "Leder af hjemmeplejen",
                    "sv": "Chef för hemtjänsten",
                    "nb": "Leder for hjemmetjenesten",
                    "en": "Head of home care",
                },
            )
        ],
        participants_note={
            "da": "Lederen af hjemmeplejen fremlægger undersøgelsen.",
            "sv": "Chefen för hemtjänsten presenterar undersökningen.",
            "nb": "Lederen for hjemmetjenesten legger fram undersøkelsen.",
            "en": "The head of home care presents the survey.",
        },
        decision={
            "da": "Drøftedes. Rådet sender sine bemærkninger om faste tider til udvalget.",
            "sv": "Diskuterades. Rådet skickar sina synpunkter om fasta tider till nämnden.",
            "nb": "Drøftet. Rådet sender sine merknader om faste tider til utvalget.",
            "en": "Discussed. The council will send its comments on fixed times to the committee.",
        },
        attachment={
            "da": "Rapport om hjemmeplejen",
            "sv": "Rapport om hemtjänsten",
            "nb": "Rapport om hjemmetjenesten",
            "en": "Home care report",
        },
    ),
    ItemSpec(
        "benches",
        {
            "da": "Forslag om bænke langs havnepromenaden",
            "sv": "Förslag om bänkar längs strandpromenaden",
            "nb": "Forslag om benker langs havnepromenaden",
            "en": "Proposal for benches along the harbour promenade",
        },
        Outcome.REJECTED,
        recommendation={
            "da": "Et medlem foreslår, at rådet anbefaler ti nye bænke.",
            "sv": "En ledamot föreslår att rådet rekommenderar tio nya bänkar.",
            "nb": "Et medlem foreslår at rådet anbefaler ti nye benker.",
            "en": "A member proposes that the council recommends ten new benches.",
        },
        decision={
            "da": "Forkastet, da bænkene allerede indgår i den vedtagne byplan.",
            "sv": "Avslogs eftersom bänkarna redan ingår i den antagna stadsplanen.",
            "nb": "Avvist fordi benkene allerede inngår i den vedtatte byplanen.",
            "en": "Rejected, as the benches are already part of the adopted town plan.",
        },
    ),
    ItemSpec(
        "transport",
        {
            "da": "Kørsel til aktivitetscentre",
            "sv": "Färdtjänst till aktivitetscenter",
            "nb": "Transport til aktivitetssentre",
            "en": "Transport to activity centres",
        },
        Outcome.POSTPONED,
        recommendation={
            "da": "Forvaltningen indstiller, at rådet afgiver høringssvar om de nye kørselsregler.",
            "sv": "Förvaltningen föreslår att rådet lämnar remissvar om de nya reglerna för färdtjänst.",
            "nb": "Administrasjonen innstiller på at rådet gir høringssvar om de nye transportreglene.",
            "en": "The administration recommends that the council responds to the consultation on the new transport rules.",
        },
        decision={
            "da": "Udsat, da høringsfristen er forlænget.",
            "sv": "Bordlagd eftersom remisstiden har förlängts.",
            "nb": "Utsatt fordi høringsfristen er forlenget.",
            "en": "Postponed, as the consultation deadline has been extended.",
        },
    ),
]

#: For each meeting (in MEETING_OFFSETS order): which items, by key, in agenda order.
INTEGRATION_MEETINGS = [
    ["agenda", "plan", "visit", "closed", "other"],
    ["agenda", "summer", "update", "other"],
    ["agenda", "working-group", "visit", "update", "other"],
    ["agenda", "plan", "summer", "closed", "other"],
    ["agenda", "visit", "working-group", "update", "other"],
    ["agenda", "plan", "closed", "other"],
]
SENIOR_MEETINGS = [
    ["agenda", "cafe", "survey", "closed", "other"],
    ["agenda", "benches", "update", "other"],
    ["agenda", "transport", "survey", "update", "other"],
    ["agenda", "cafe", "benches", "closed", "other"],
    ["agenda", "survey", "transport", "update", "other"],
    ["agenda", "cafe", "closed", "other"],
]


@dataclass
class CouncilSpec:
    key: str
    title: T
    slug: T
    description: T
    items: list[ItemSpec]
    meetings: list[list[str]]
    department: T
    represents: list[T]


REPRESENTS_INTEGRATION = [
    {"da": "Byrådet", "sv": "Kommunfullmäktige", "nb": "Bystyret", "en": "Town council"},
    {
        "da": "Foreningen Nye Naboer",
        "sv": "Föreningen Nya grannar",
        "nb": "Foreningen Nye naboer",
        "en": "New Neighbours Association",
    },
    {
        "da": "Erhvervsforeningen",
        "sv": "Företagarföreningen",
        "nb": "Næringsforeningen",
        "en": "Business association",
    },
    {"da": "Ungdomsrådet", "sv": "Ungdomsrådet", "nb": "Ungdomsrådet", "en": "Youth council"},
    {"da": "Byrådet", "sv": "Kommunfullmäktige", "nb": "Bystyret", "en": "Town council"},
    {
        "da": "Foreningen Nye Naboer",
        "sv": "Föreningen Nya grannar",
        "nb": "Foreningen Nye naboer",
        "en": "New Neighbours Association",
    },
]
REPRESENTS_SENIOR = [
    {
        "da": "Valgt ved ældrerådsvalget",
        "sv": "Pensionärsorganisationerna",
        "nb": "Pensjonistforeningen",
        "en": "Elected by older residents",
    },
    {"da": "Byrådet", "sv": "Kommunfullmäktige", "nb": "Bystyret", "en": "Town council"},
    {
        "da": "Valgt ved ældrerådsvalget",
        "sv": "Pensionärsorganisationerna",
        "nb": "Pensjonistforeningen",
        "en": "Elected by older residents",
    },
    {
        "da": "Handicaprådet",
        "sv": "Funktionsrättsrådet",
        "nb": "Rådet for personer med funksjonsnedsettelse",
        "en": "Disability council",
    },
    {"da": "Byrådet", "sv": "Kommunfullmäktige", "nb": "Bystyret", "en": "Town council"},
    {
        "da": "Valgt ved ældrerådsvalget",
        "sv": "Pensionärsorganisationerna",
        "nb": "Pensjonistforeningen",
        "en": "Elected by older residents",
    },
]

COUNCILS = [
    CouncilSpec(
        "integration",
        {
            "da": "Integrationsrådet",
            "sv": "Integrationsrådet",
            "nb": "Integreringsrådet",
            "en": "Integration Council",
        },
        {
            "da": "integrationsraadet",
            "sv": "integrationsradet",
            "nb": "integreringsradet",
            "en": "integration-council",
        },
        {
            "da": "Rådet rådgiver byrådet i {town} om integration og samler foreninger, erhvervsliv og politikere.",
            "sv": "Rådet ger kommunfullmäktige i {town} råd om integration och samlar föreningar, näringsliv och politiker.",
            "nb": "Rådet gir bystyret i {town} råd om integrering og samler foreninger, næringsliv og politikere.",
            "en": "The council advises the {town} town council on integration and brings together associations, businesses and politicians.",
        },
        INTEGRATION_ITEMS,
        INTEGRATION_MEETINGS,
        {
            "da": "Sekretariatet for Integrationsrådet, Job og Velfærd",
            "sv": "Integrationsrådets sekretariat, Arbete och välfärd",
            "nb": "Sekretariatet for Integreringsrådet, Arbeid og velferd",
            "en": "Integration Council secretariat, Jobs and Welfare",
        },
        REPRESENTS_INTEGRATION,
    ),
    CouncilSpec(
        "seniors",
        {
            "da": "Ældrerådet",
            "sv": "Pensionärsrådet",
            "nb": "Eldrerådet",
            "en": "Senior Citizens' Council",
        },
        {"da": "aeldreraadet", "sv": "pensionarsradet", "nb": "eldreradet", "en": "senior-council"},
        {
            "da": "Ældrerådet er valgt af byens ældre og giver høringssvar om alt, der angår dem i {town}.",
            "sv": "Pensionärsrådet företräder de äldre i {town} och lämnar synpunkter på allt som rör dem.",
            "nb": "Eldrerådet representerer de eldre i {town} og gir høringssvar i saker som gjelder dem.",
            "en": "The council speaks for older residents of {town} and responds to every consultation that concerns them.",
        },
        SENIOR_ITEMS,
        SENIOR_MEETINGS,
        {
            "da": "Sekretariatet for Ældrerådet, Sundhed og Omsorg",
            "sv": "Pensionärsrådets sekretariat, Vård och omsorg",
            "nb": "Sekretariatet for Eldrerådet, Helse og omsorg",
            "en": "Senior Citizens' Council secretariat, Health and Care",
        },
        REPRESENTS_SENIOR,
    ),
]

#: Fictional members, per site language: (name, role for the Person snippet).
MEMBERS = {
    "da": [
        ("Hanne Bech", "Byrådsmedlem"),
        ("Yusuf Demir", "Formand for Nye Naboer"),
        ("Birgit Lund", "Virksomhedsejer"),
        ("Emil Krogh", "Gymnasieelev"),
        ("Jens Aagaard", "Byrådsmedlem"),
        ("Leila Haddad", "Sygeplejerske"),
    ],
    "sv": [
        ("Maria Ek", "Kommunfullmäktigeledamot"),
        ("Ahmed Yilmaz", "Ordförande i Nya grannar"),
        ("Gunilla Ström", "Företagare"),
        ("Viktor Nyberg", "Gymnasieelev"),
        ("Per Sjöberg", "Kommunfullmäktigeledamot"),
        ("Nadia Rahimi", "Sjuksköterska"),
    ],
    "nb": [
        ("Kari Nordby", "Bystyremedlem"),
        ("Omar Farah", "Leder i Nye naboer"),
        ("Siri Moen", "Næringsdrivende"),
        ("Jonas Vik", "Elev"),
        ("Arne Lie", "Bystyremedlem"),
        ("Samira Ali", "Sykepleier"),
    ],
    "en": [
        ("Helen Brooks", "Town councillor"),
        ("Tariq Khan", "Chair of New Neighbours"),
        ("Margaret Hale", "Business owner"),
        ("Oliver Finch", "Student"),
        ("David Marsh", "Town councillor"),
        ("Priya Nair", "Nurse"),
    ],
}
ROLES = [
    MemberRole.CHAIR,
    MemberRole.VICE_CHAIR,
    MemberRole.MEMBER,
    MemberRole.MEMBER,
    MemberRole.MEMBER,
    MemberRole.SUBSTITUTE,
]

SECRETARIAT_ADDRESS = {
    "da": "Rådhuspladsen 1\n1000 Eksempelby",
    "sv": "Storgatan 2\n111 20 Åstad",
    "nb": "Rådhusgata 1\n0150 Fjordby",
    "en": "1 Town Hall Square\nHarbourton HT1 1AA",
}
PHONES = {
    "da": "+45 70 00 00 00",
    "sv": "+46 8 000 000 00",
    "nb": "+47 22 00 00 00",
    "en": "+44 20 0000 0000",
}
HOURS = {
    "da": ("Man–tors", "10–15"),
    "sv": ("Mån–tors", "10–15"),
    "nb": ("Man–tors", "10–15"),
    "en": ("Mon–Thu", "10:00–15:00"),
}
MEETING_WORD = {"da": "Møde", "sv": "Sammanträde", "nb": "Møte", "en": "Meeting"}
INTRO = {
    "da": "Mødet er offentligt for de åbne punkter.",
    "sv": "Sammanträdet är öppet för allmänheten under de öppna punkterna.",
    "nb": "Møtet er åpent for publikum under de åpne sakene.",
    "en": "The meeting is open to the public for the open items.",
}


#: When every council meeting starts and how long it lasts.
MEETING_START = time(16, 30)
MEETING_LENGTH = timedelta(hours=2, minutes=30)
#: Members' terms, in days from the first of the month the demo is built: they began
#: TERM_BEGAN days ago and end TERM_ENDS days ahead (a substitute's SUBSTITUTE_TERM_ENDS).
TERM_BEGAN = 400
TERM_ENDS = 1000
SUBSTITUTE_TERM_ENDS = 300
