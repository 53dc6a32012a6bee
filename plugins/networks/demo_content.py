"""The networks plugin's demo content as data: two networks per site, each with a season of
five meetings, in every language.

Plain data, built into pages by plugins/networks/demo.py. All organisations, people and
text are fictional; people, venues and organisers are named as the people plugin's demo
names them. Meeting days are offsets from the day the demo is built, so the programme
always has past and upcoming meetings.
"""

from __future__ import annotations

from decimal import Decimal

CURRENCY = {"da": "DKK", "sv": "SEK", "nb": "NOK", "en": "EUR"}
FEE = {
    "da": Decimal("18500"),
    "sv": Decimal("26500"),
    "nb": Decimal("24900"),
    "en": Decimal("2450"),
}
VAT_NOTE = {"da": "ekskl. moms", "sv": "exkl. moms", "nb": "eks. mva.", "en": "excl. VAT"}
USUAL_VENUE = {
    "da": "Havnehuset",
    "sv": "Kulturhuset Åstad",
    "nb": "Fjordby rådhus",
    "en": "Havnehuset",
}
OVERNIGHT_VENUE = "Skovly Kursuscenter"

INDEX = {
    "title": {"da": "Netværk", "sv": "Nätverk", "nb": "Nettverk", "en": "Networks"},
    "slug": {"da": "netvaerk", "sv": "natverk", "nb": "nettverk", "en": "networks"},
    "intro": {
        "da": "Fagnetværk, hvor ledere fra kommuner, foreninger og virksomheder mødes fem gange om året.",
        "sv": "Nätverk där chefer från kommuner, föreningar och företag träffas fem gånger om året.",
        "nb": "Faglige nettverk der ledere fra kommuner, foreninger og bedrifter møtes fem ganger i året.",
        "en": "Professional networks where leaders from councils, associations and firms meet five times a year.",
    },
}

NETWORKS = [
    {
        "key": "inclusion",
        "moderator": "Sigrid Holm",
        #: A second moderator with no quote: the page still names them, with their role.
        "co_moderator": "Amira Nasser",
        "contact": "Mikkel Dahl",
        "organiser": "Nordisk Kommuneforum",
        "title": {
            "da": "Netværk for lokal inklusion",
            "sv": "Nätverket för lokal inkludering",
            "nb": "Nettverk for lokal inkludering",
            "en": "Local Inclusion Network",
        },
        "slug": "inclusion",
        "topic": {"da": "Inklusion", "sv": "Inkludering", "nb": "Inkludering", "en": "Inclusion"},
        "lead": {
            "da": "Et fagligt rum for dem, der arbejder med at gøre nye borgere til en del af lokalsamfundet: i kommuner, foreninger og på arbejdspladser.",
            "sv": "Ett forum för dem som arbetar med att göra nya invånare till en del av lokalsamhället: i kommuner, föreningar och på arbetsplatser.",
            "nb": "Et faglig rom for dem som jobber med å gjøre nye innbyggere til en del av lokalsamfunnet: i kommuner, foreninger og på arbeidsplasser.",
            "en": "A forum for people who help newcomers become part of their local community: in councils, associations and workplaces.",
        },
        "quote": {
            "da": "De bedste løsninger opstår, når dem, der kender hverdagen, får ordet først.",
            "sv": "De bästa lösningarna uppstår när de som känner vardagen får ordet först.",
            "nb": "De beste løsningene oppstår når de som kjenner hverdagen, får ordet først.",
            "en": "The best solutions come when the people who know everyday life speak first.",
        },
        "presentation": {
            "da": "Sigrid Holm leder alle netværkets møder, sætter dagsordenen sammen med medlemmerne og sørger for, at alle kommer til orde.",
            "sv": "Sigrid Holm leder alla nätverkets möten, sätter dagordningen tillsammans med medlemmarna och ser till att alla kommer till tals.",
            "nb": "Sigrid Holm leder alle nettverkets møter, setter dagsordenen sammen med medlemmene og sørger for at alle kommer til orde.",
            "en": "Sigrid Holm chairs every meeting, sets the agenda with the members and makes sure every voice is heard.",
        },
        "meetings": [
            {
                "da": "Foreningslivet som indgang",
                "sv": "Föreningslivet som ingång",
                "nb": "Foreningslivet som inngang",
                "en": "Associations as a way in",
            },
            {
                "da": "Sprog på arbejdspladsen",
                "sv": "Språk på arbetsplatsen",
                "nb": "Språk på arbeidsplassen",
                "en": "Language at work",
            },
            {
                "da": "Netværkets døgnmøde",
                "sv": "Nätverkets internat",
                "nb": "Nettverkets døgnsamling",
                "en": "The network's overnight meeting",
            },
            {
                "da": "Boligområder i forandring",
                "sv": "Bostadsområden i förändring",
                "nb": "Boområder i endring",
                "en": "Neighbourhoods in change",
            },
            {
                "da": "Unge og valgdeltagelse",
                "sv": "Unga och valdeltagande",
                "nb": "Unge og valgdeltakelse",
                "en": "Young people and turnout",
            },
        ],
    },
    {
        "key": "climate",
        "moderator": "Ingrid Solberg",
        "co_moderator": "Lena Virtanen",
        "contact": "Johan Berg",
        "organiser": "Institut for Lokal Velfærd",
        "title": {
            "da": "Klimanetværket for kommuner",
            "sv": "Klimatnätverket för kommuner",
            "nb": "Klimanettverket for kommuner",
            "en": "Municipal Climate Network",
        },
        "slug": "climate",
        "topic": {"da": "Klima", "sv": "Klimat", "nb": "Klima", "en": "Climate"},
        "lead": {
            "da": "Kommunale ledere deler erfaringer med klimatilpasning, energi og grøn omstilling, og møder forskere og praktikere.",
            "sv": "Kommunala chefer delar erfarenheter av klimatanpassning, energi och grön omställning och möter forskare och praktiker.",
            "nb": "Kommunale ledere deler erfaringer med klimatilpasning, energi og grønn omstilling, og møter forskere og praktikere.",
            "en": "Council leaders share experience of climate adaptation, energy and the green transition, and meet researchers and practitioners.",
        },
        "quote": {
            "da": "Klimaarbejdet lykkes i de små beslutninger, der bliver truffet hver uge.",
            "sv": "Klimatarbetet lyckas i de små besluten som fattas varje vecka.",
            "nb": "Klimaarbeidet lykkes i de små beslutningene som tas hver uke.",
            "en": "Climate work succeeds in the small decisions made every week.",
        },
        "presentation": {
            "da": "Ingrid Solberg er fast mødeleder og bringer erfaring fra kommunal ledelse i Norge.",
            "sv": "Ingrid Solberg är fast moderator och har erfarenhet av kommunal ledning i Norge.",
            "nb": "Ingrid Solberg er fast møteleder og har erfaring fra kommunal ledelse i Norge.",
            "en": "Ingrid Solberg is the regular moderator and brings experience of local government in Norway.",
        },
        "meetings": [
            {
                "da": "Skybrud og kloakker",
                "sv": "Skyfall och avlopp",
                "nb": "Styrtregn og avløp",
                "en": "Cloudbursts and drains",
            },
            {
                "da": "Energi i kommunens bygninger",
                "sv": "Energi i kommunens byggnader",
                "nb": "Energi i kommunens bygg",
                "en": "Energy in council buildings",
            },
            {
                "da": "Døgnmøde om klimatilpasning",
                "sv": "Internat om klimatanpassning",
                "nb": "Døgnsamling om klimatilpasning",
                "en": "Overnight meeting on adaptation",
            },
            {
                "da": "Grønne indkøb",
                "sv": "Gröna inköp",
                "nb": "Grønne innkjøp",
                "en": "Green procurement",
            },
            {
                "da": "Borgerne og omstillingen",
                "sv": "Invånarna och omställningen",
                "nb": "Innbyggerne og omstillingen",
                "en": "Residents and the transition",
            },
        ],
    },
]

TEXTS = {
    "body": {
        "da": "<p>Hvert møde har en eller to gæster, der giver netværket ny viden, efterfulgt af drøftelse i mindre grupper. Vi skiftes til at være vært.</p>",
        "sv": "<p>Varje möte har en eller två gäster som ger nätverket ny kunskap, följt av samtal i mindre grupper. Vi turas om att vara värd.</p>",
        "nb": "<p>Hvert møte har en eller to gjester som gir nettverket ny kunnskap, etterfulgt av samtaler i mindre grupper. Vi bytter på å være vert.</p>",
        "en": "<p>Every meeting has one or two guests who bring the network new knowledge, followed by discussion in small groups. Members take turns hosting.</p>",
    },
    "includes": {
        "da": "alle fem møder med fuld forplejning og overnatning ved døgnmødet",
        "sv": "alla fem möten med full förplägnad och övernattning vid internatet",
        "nb": "alle fem møter med full servering og overnatting ved døgnsamlingen",
        "en": "all five meetings with full catering, and the overnight stay",
    },
    "membership": {
        "da": "<p>Vi sammensætter netværket, så det favner forskellige sektorer. Medlemskabet løber en sæson ad gangen.</p>",
        "sv": "<p>Vi sätter samman nätverket så att det spänner över olika sektorer. Medlemskapet gäller en säsong i taget.</p>",
        "nb": "<p>Vi setter sammen nettverket slik at det spenner over ulike sektorer. Medlemskapet gjelder én sesong av gangen.</p>",
        "en": "<p>We put the network together so that it spans different sectors. Membership runs one season at a time.</p>",
    },
    "notice_heading": {"da": "Praktisk", "sv": "Praktiskt", "nb": "Praktisk", "en": "Practical"},
    "notice": {
        "da": "<p>Har du feber eller anden smitsom sygdom, så bliv hjemme og giv besked. Vi sender materialet bagefter.</p>",
        "sv": "<p>Har du feber eller annan smittsam sjukdom, stanna hemma och hör av dig. Vi skickar materialet efteråt.</p>",
        "nb": "<p>Har du feber eller annen smittsom sykdom, bli hjemme og gi beskjed. Vi sender materialet etterpå.</p>",
        "en": "<p>If you have a fever or another infectious illness, please stay at home and let us know. We will send the material afterwards.</p>",
    },
    "interest_intro": {
        "da": "<p>Fortæl os lidt om dig selv, så kontakter vi dig og fortæller mere om medlemskab.</p>",
        "sv": "<p>Berätta lite om dig själv, så kontaktar vi dig och berättar mer om medlemskapet.</p>",
        "nb": "<p>Fortell litt om deg selv, så kontakter vi deg og forteller mer om medlemskapet.</p>",
        "en": "<p>Tell us a little about yourself and we will contact you about membership.</p>",
    },
    "about": {
        "da": "<p>Arrangøren er en uafhængig forening, der samler kommuner i Norden om fælles udfordringer.</p>",
        "sv": "<p>Arrangören är en oberoende förening som samlar kommuner i Norden kring gemensamma utmaningar.</p>",
        "nb": "<p>Arrangøren er en uavhengig forening som samler kommuner i Norden om felles utfordringer.</p>",
        "en": "<p>The organiser is an independent association that brings Nordic councils together on shared challenges.</p>",
    },
    "description": {
        "da": "<p>Vi ser på erfaringer fra tre kommuner og drøfter, hvad der kan overføres til vores egne.</p>",
        "sv": "<p>Vi tittar på erfarenheter från tre kommuner och diskuterar vad som går att föra över till våra egna.</p>",
        "nb": "<p>Vi ser på erfaringer fra tre kommuner og drøfter hva som kan overføres til våre egne.</p>",
        "en": "<p>We look at experience from three councils and discuss what could carry over to our own.</p>",
    },
    "overnight": {
        "da": "<p>Årets døgnmøde giver tid til at gå i dybden og lære hinanden at kende. Vi bor på kursuscentret.</p>",
        "sv": "<p>Årets internat ger tid att gå på djupet och lära känna varandra. Vi bor på kursgården.</p>",
        "nb": "<p>Årets døgnsamling gir tid til å gå i dybden og bli kjent med hverandre. Vi bor på kurssenteret.</p>",
        "en": "<p>This year's overnight meeting leaves time to go into depth and get to know each other. We stay at the course centre.</p>",
    },
    "cancelled": {
        "da": "Aflyst, fordi oplægsholderen er forhindret. Vi finder en ny dato.",
        "sv": "Inställt eftersom talaren har förhinder. Vi hittar ett nytt datum.",
        "nb": "Avlyst fordi foredragsholderen er forhindret. Vi finner en ny dato.",
        "en": "Cancelled because the speaker cannot attend. We will find a new date.",
    },
    "unconfirmed": {
        "da": "Datoen afventer bekræftelse fra værten.",
        "sv": "Datumet väntar på bekräftelse från värden.",
        "nb": "Datoen venter på bekreftelse fra verten.",
        "en": "The date is awaiting confirmation from the host.",
    },
    "sequence": {
        "da": "Møde {n} af 5",
        "sv": "Möte {n} av 5",
        "nb": "Møte {n} av 5",
        "en": "Meeting {n} of 5",
    },
    "signup": {
        "da": "Tilmeld dig mødet",
        "sv": "Anmäl dig till mötet",
        "nb": "Meld deg på møtet",
        "en": "Sign up for the meeting",
    },
}

SESSIONS = [
    # (day offset, start, end, {headline}, speaker names, inline speaker)
    (
        0,
        "10:00",
        "11:00",
        {
            "da": "Hvad ved vi om, hvad der virker?",
            "sv": "Vad vet vi om vad som fungerar?",
            "nb": "Hva vet vi om hva som virker?",
            "en": "What do we know about what works?",
        },
        ["Karin Lindqvist"],
        None,
    ),
    (
        0,
        "11:15",
        "12:30",
        {
            "da": "Fra forsøg til fast praksis",
            "sv": "Från försök till ordinarie arbete",
            "nb": "Fra forsøk til fast praksis",
            "en": "From pilot to everyday practice",
        },
        ["Amira Nasser"],
        None,
    ),
    (
        0,
        "14:00",
        "15:30",
        {
            "da": "Samtale med en borgmester",
            "sv": "Samtal med en kommunstyrelseordförande",
            "nb": "Samtale med en ordfører",
            "en": "In conversation with a mayor",
        },
        ["Johan Berg", "Ole Haugen"],
        None,
    ),
    (
        0,
        "16:00",
        "17:00",
        {"da": "Gruppearbejde", "sv": "Grupparbete", "nb": "Gruppearbeid", "en": "Group work"},
        [],
        (
            "Tove Lund",
            {"da": "Facilitator", "sv": "Processledare", "nb": "Fasilitator", "en": "Facilitator"},
            "Lund & Co.",
        ),
    ),
    (
        1,
        "09:00",
        "10:15",
        {
            "da": "Digitale veje ind",
            "sv": "Digitala vägar in",
            "nb": "Digitale veier inn",
            "en": "Digital ways in",
        },
        ["Lena Virtanen"],
        None,
    ),
    (
        1,
        "10:30",
        "12:00",
        {
            "da": "Hvad tager vi med hjem?",
            "sv": "Vad tar vi med oss hem?",
            "nb": "Hva tar vi med oss hjem?",
            "en": "What do we take home?",
        },
        ["Mikkel Dahl"],
        None,
    ),
]


#: Days from the build day of each network's five meetings: two past, an overnight one
#: (the third), one not yet confirmed (the fourth) and one cancelled (the fifth).
MEETING_OFFSETS = [-70, -25, 21, 49, 84]
#: When a one-day meeting starts and ends; an overnight meeting ends at OVERNIGHT_END the
#: next day.
MEETING_HOURS = ("09:30", "12:30")
OVERNIGHT_END = "13:00"
SIGNUP_URL = "https://example.org/sign-up"
TERMS_VERSION = "2025-01"
#: The terms page the interest form's consent box links to: one per site, under its home
#: page (the core's ContentPage), translated like the networks.
TERMS_PAGE = {
    "slug": {"da": "vilkaar", "sv": "villkor", "nb": "vilkaar", "en": "terms"},
    "title": {
        "da": "Vilkår for netværkene",
        "sv": "Villkor för nätverken",
        "nb": "Vilkår for nettverkene",
        "en": "Terms of the networks",
    },
    "intro": {
        "da": "Det accepterer du, når du melder din interesse for et netværk.",
        "sv": "Det här godkänner du när du anmäler intresse för ett nätverk.",
        "nb": "Dette godtar du når du melder interesse for et nettverk.",
        "en": "What you accept when you register your interest in a network.",
    },
    "body": {
        "da": "<p>Vi gemmer dine oplysninger for at kontakte dig om medlemskab og sletter dem "
        "efter et år, eller før, hvis du beder om det. Medlemskab gælder en sæson og kan "
        "opsiges til sæsonens udgang.</p>",
        "sv": "<p>Vi sparar dina uppgifter för att kontakta dig om medlemskap och raderar dem "
        "efter ett år, eller tidigare om du ber om det. Medlemskapet gäller en säsong och kan "
        "sägas upp till säsongens slut.</p>",
        "nb": "<p>Vi lagrer opplysningene dine for å kontakte deg om medlemskap og sletter dem "
        "etter ett år, eller før hvis du ber om det. Medlemskapet gjelder en sesong og kan "
        "sies opp til sesongens slutt.</p>",
        "en": "<p>We keep your details to contact you about membership and delete them after "
        "a year, or sooner if you ask. Membership runs for a season and may be cancelled "
        "at the end of it.</p>",
    },
}
