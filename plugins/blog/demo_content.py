"""The blog plugin's demo content as data: a blog and a news section per site, in every
language.

Plain data, built into pages and snippets by plugins/blog/demo.py. Every site gets a blog
of twelve posts (some by guest authors, with a staff page owner, several tags and
categories over two years) and a news section of six articles (news, press releases and a
statement; one with a quote, a fact box, a sign-up button and, once the meetings plugin
has built its demo, a link to a demo meeting). All text is fictional; authors and page
owners are keys of the people plugin's demo people.
"""

from __future__ import annotations

from datetime import date

BLOG = {
    "title": {"da": "Blog", "sv": "Integrationsbloggen", "nb": "Blogg", "en": "Blog"},
    "slug": {"da": "blog", "sv": "bloggen", "nb": "blogg", "en": "blog"},
    "intro": {
        "da": "Erfaringer, gæsteindlæg og refleksioner fra kommuner og partnere i netværket.",
        "sv": "Erfarenheter, gästinlägg och reflektioner från kommuner och partner i nätverket.",
        "nb": "Erfaringer, gjesteinnlegg og refleksjoner fra kommuner og partnere i nettverket.",
        "en": "Experience, guest posts and reflections from the network's municipalities and partners.",
    },
}
NEWS = {
    "title": {"da": "Nyheder", "sv": "Nyheter", "nb": "Nyheter", "en": "News"},
    "slug": {"da": "nyheder", "sv": "nyheter", "nb": "nyheter", "en": "news"},
    "intro": {
        "da": "Nyheder, pressemeddelelser og udtalelser fra forummet.",
        "sv": "Nyheter, pressmeddelanden och uttalanden från forumet.",
        "nb": "Nyheter, pressemeldinger og uttalelser fra forumet.",
        "en": "News, press releases and statements from the forum.",
    },
}

#: The language categories and news types are created in; the others are translations.
SNIPPET_LANGUAGE = "da"

# key: {language: (name, slug)}
CATEGORIES = {
    "integration": {
        "da": ("Integration", "integration"),
        "sv": ("Integration", "integration"),
        "nb": ("Integrering", "integrering"),
        "en": ("Integration", "integration"),
    },
    "democracy": {
        "da": ("Lokaldemokrati", "lokaldemokrati"),
        "sv": ("Lokal demokrati", "lokal-demokrati"),
        "nb": ("Lokaldemokrati", "lokaldemokrati"),
        "en": ("Local democracy", "local-democracy"),
    },
    "welfare": {
        "da": ("Velfærd", "velfaerd"),
        "sv": ("Välfärd", "valfard"),
        "nb": ("Velferd", "velferd"),
        "en": ("Welfare", "welfare"),
    },
}

NEWS_TYPES = {
    "news": {"da": "Nyhed", "sv": "Nyhet", "nb": "Nyhet", "en": "News"},
    "press": {
        "da": "Pressemeddelelse",
        "sv": "Pressmeddelande",
        "nb": "Pressemelding",
        "en": "Press release",
    },
    "statement": {"da": "Udtalelse", "sv": "Uttalande", "nb": "Uttalelse", "en": "Statement"},
}

TAGS = {
    "jobs": {"da": "job", "sv": "jobb", "nb": "jobb", "en": "jobs"},
    "language": {"da": "sprog", "sv": "språk", "nb": "språk", "en": "language"},
    "youth": {"da": "unge", "sv": "unga", "nb": "unge", "en": "young people"},
    "housing": {"da": "bolig", "sv": "boende", "nb": "bolig", "en": "housing"},
    "volunteers": {"da": "frivillige", "sv": "ideella", "nb": "frivillige", "en": "volunteers"},
    "digital": {"da": "digital", "sv": "digital", "nb": "digital", "en": "digital"},
}

# (slug, author keys, page owner key, categories, tags, {language: (title, excerpt)})
POSTS = [
    (
        "mentors-for-newcomers",
        ["amira"],
        "sigrid",
        ["integration"],
        ["jobs", "language"],
        {
            "da": (
                "Mentorer åbner døre for nyankomne akademikere",
                "I et gæsteindlæg fortæller Amira Nasser, hvordan mentorordninger har hjulpet 14 nyankomne med en uddannelse til job inden for et år.",
            ),
            "sv": (
                "Mentorer öppnar dörrar för nyanlända akademiker",
                "I ett gästinlägg berättar Amira Nasser hur mentorsprogram har hjälpt 14 nyanlända med examen till arbete inom ett år.",
            ),
            "nb": (
                "Mentorer åpner dører for nyankomne akademikere",
                "I et gjesteinnlegg forteller Amira Nasser hvordan mentorordninger har hjulpet 14 nyankomne med utdanning i jobb innen ett år.",
            ),
            "en": (
                "Mentors open doors for newly arrived graduates",
                "In a guest post, Amira Nasser describes how mentoring helped 14 newly arrived graduates into work within a year.",
            ),
        },
    ),
    (
        "what-do-we-mean-by-integration",
        ["karin"],
        "mikkel",
        ["integration", "democracy"],
        ["volunteers"],
        {
            "da": (
                "Hvad mener vi egentlig med integration?",
                "Forskeren Karin Lindqvist spørger, hvorfor vi sjældent definerer ordet, og hvilken rolle foreninger og frivillige spiller.",
            ),
            "sv": (
                "Vad menar vi egentligen med integration?",
                "Forskaren Karin Lindqvist frågar varför vi sällan definierar ordet och vilken roll föreningar och ideella spelar.",
            ),
            "nb": (
                "Hva mener vi egentlig med integrering?",
                "Forskeren Karin Lindqvist spør hvorfor vi sjelden definerer ordet, og hvilken rolle foreninger og frivillige spiller.",
            ),
            "en": (
                "What do we actually mean by integration?",
                "Researcher Karin Lindqvist asks why we rarely define the word, and what part associations and volunteers play.",
            ),
        },
    ),
    (
        "youth-councils-that-decide",
        ["mikkel"],
        "sigrid",
        ["democracy"],
        ["youth"],
        {
            "da": (
                "Ungeråd der faktisk bestemmer noget",
                "Eksempelby har givet sit ungeråd sit eget budget. Vi ser på, hvad de unge har brugt pengene på det første år.",
            ),
            "sv": (
                "Ungdomsråd som faktiskt bestämmer",
                "Eksempelby har gett sitt ungdomsråd en egen budget. Vi tittar på vad de unga har använt pengarna till under första året.",
            ),
            "nb": (
                "Ungdomsråd som faktisk bestemmer",
                "Eksempelby har gitt ungdomsrådet sitt eget budsjett. Vi ser på hva de unge har brukt pengene på det første året.",
            ),
            "en": (
                "Youth councils that actually decide",
                "Eksempelby gave its youth council a budget of its own. We look at what the young people spent it on in the first year.",
            ),
        },
    ),
    (
        "housing-first-year",
        ["ingrid"],
        "ingrid",
        ["welfare", "integration"],
        ["housing"],
        {
            "da": (
                "Bolig først: et år med nye naboer",
                "Fjordby har prøvet at sikre en bolig, før alt andet går i gang. Ingrid Solberg gør status efter tolv måneder.",
            ),
            "sv": (
                "Bostad först: ett år med nya grannar",
                "Fjordby har provat att ordna en bostad innan allt annat sätter i gång. Ingrid Solberg summerar efter tolv månader.",
            ),
            "nb": (
                "Bolig først: et år med nye naboer",
                "Fjordby har prøvd å sikre bolig før alt annet starter. Ingrid Solberg gjør opp status etter tolv måneder.",
            ),
            "en": (
                "Housing first: a year with new neighbours",
                "Fjordby tried securing a home before anything else begins. Ingrid Solberg takes stock after twelve months.",
            ),
        },
    ),
    (
        "language-internships",
        ["amira", "mikkel"],
        "mikkel",
        ["integration"],
        ["language", "jobs"],
        {
            "da": (
                "Sprogpraktik hvor sproget faktisk bruges",
                "Sprog læres bedst, hvor det bliver brugt. To kommuner har flyttet undervisningen ud på arbejdspladserne.",
            ),
            "sv": (
                "Språkpraktik där språket faktiskt används",
                "Språk lärs bäst där det används. Två kommuner har flyttat undervisningen ut på arbetsplatserna.",
            ),
            "nb": (
                "Språkpraksis der språket faktisk brukes",
                "Språk læres best der det brukes. To kommuner har flyttet undervisningen ut på arbeidsplassene.",
            ),
            "en": (
                "Language internships where the language is used",
                "Languages are learnt where they are used. Two municipalities have moved teaching out to the workplace.",
            ),
        },
    ),
    (
        "digital-front-desk",
        ["lena"],
        "sigrid",
        ["welfare"],
        ["digital"],
        {
            "da": (
                "Den digitale borgerservice skal kunne bruges af alle",
                "Konsulent Lena Virtanen giver fem råd til kommuner, der vil gøre selvbetjening lettere for borgere med et andet modersmål.",
            ),
            "sv": (
                "Den digitala medborgarservicen ska fungera för alla",
                "Konsulten Lena Virtanen ger fem råd till kommuner som vill göra e-tjänster enklare för invånare med ett annat modersmål.",
            ),
            "nb": (
                "Den digitale innbyggerservicen skal fungere for alle",
                "Konsulent Lena Virtanen gir fem råd til kommuner som vil gjøre selvbetjening enklere for innbyggere med et annet morsmål.",
            ),
            "en": (
                "Digital public services must work for everyone",
                "Consultant Lena Virtanen offers five tips for municipalities making self-service easier for residents with another first language.",
            ),
        },
    ),
    (
        "mayors-in-dialogue",
        ["johan"],
        "sigrid",
        ["democracy"],
        [],
        {
            "da": (
                "Borgmestre i dialog om arbejdsmarkedet",
                "Før sommerferien mødtes borgmestre og embedsfolk for at tale om kompetencer, grænsehindringer og modtagelse af nye borgere.",
            ),
            "sv": (
                "Kommunstyrelsens ordförande i dialog om arbetsmarknaden",
                "Före sommaren träffades förtroendevalda och tjänstepersoner för att tala om kompetens, gränshinder och mottagande.",
            ),
            "nb": (
                "Ordførere i dialog om arbeidsmarkedet",
                "Før sommeren møttes ordførere og byråkrater for å snakke om kompetanse, grensehindre og mottak av nye innbyggere.",
            ),
            "en": (
                "Mayors in dialogue about the labour market",
                "Before the summer, mayors and officials met to talk about skills, border obstacles and welcoming new residents.",
            ),
        },
    ),
    (
        "voluntary-associations",
        ["ole"],
        "mikkel",
        ["integration", "democracy"],
        ["volunteers"],
        {
            "da": (
                "Foreningerne er integrationens usynlige infrastruktur",
                "Journalist Ole Haugen har besøgt tre idrætsforeninger og spurgt, hvad der skal til, før nye medlemmer bliver til frivillige.",
            ),
            "sv": (
                "Föreningarna är integrationens osynliga infrastruktur",
                "Journalisten Ole Haugen har besökt tre idrottsföreningar och frågat vad som krävs för att nya medlemmar blir ideella.",
            ),
            "nb": (
                "Foreningene er integreringens usynlige infrastruktur",
                "Journalist Ole Haugen har besøkt tre idrettslag og spurt hva som skal til for at nye medlemmer blir frivillige.",
            ),
            "en": (
                "Associations are the invisible infrastructure of integration",
                "Journalist Ole Haugen visited three sports clubs and asked what it takes for new members to become volunteers.",
            ),
        },
    ),
    (
        "women-into-work",
        ["karin", "amira"],
        "sigrid",
        ["integration", "welfare"],
        ["jobs"],
        {
            "da": (
                "Fælles løft for kvinder uden job",
                "Seks kommuner vil halvere ledigheden blandt udenlandsfødte kvinder på to år. Her er planen, og hvad der skal måles.",
            ),
            "sv": (
                "Gemensamt krafttag för kvinnor utan arbete",
                "Sex kommuner vill halvera arbetslösheten bland utrikes födda kvinnor på två år. Här är planen och vad som ska mätas.",
            ),
            "nb": (
                "Felles løft for kvinner uten jobb",
                "Seks kommuner vil halvere ledigheten blant innvandrerkvinner på to år. Her er planen, og hva som skal måles.",
            ),
            "en": (
                "A joint push for women out of work",
                "Six municipalities aim to halve unemployment among foreign-born women in two years. Here is the plan and what will be measured.",
            ),
        },
    ),
    (
        "climate-plans-with-citizens",
        ["johan"],
        "mikkel",
        ["democracy", "welfare"],
        ["youth"],
        {
            "da": (
                "Klimaplaner skrevet sammen med borgerne",
                "Åstad inviterede 40 tilfældigt udvalgte borgere til at skrive kommunens klimaplan. Borgmesteren fortæller, hvad han lærte.",
            ),
            "sv": (
                "Klimatplaner skrivna tillsammans med invånarna",
                "Åstad bjöd in 40 slumpvis utvalda invånare att skriva kommunens klimatplan. Ordföranden berättar vad han lärde sig.",
            ),
            "nb": (
                "Klimaplaner skrevet sammen med innbyggerne",
                "Åstad inviterte 40 tilfeldig valgte innbyggere til å skrive kommunens klimaplan. Ordføreren forteller hva han lærte.",
            ),
            "en": (
                "Climate plans written with residents",
                "Åstad invited 40 randomly chosen residents to write the municipality's climate plan. The mayor says what he learnt.",
            ),
        },
    ),
    (
        "values-survey",
        ["karin"],
        "sigrid",
        ["integration"],
        ["language"],
        {
            "da": (
                "Kan vi tale om værdier uden at tale forbi hinanden?",
                "En ny værdiundersøgelse blandt nyankomne giver kommunerne tal at tale ud fra. Karin Lindqvist forklarer, hvordan de kan bruges.",
            ),
            "sv": (
                "Kan vi prata om värderingar utan att prata förbi varandra?",
                "En ny värderingsstudie bland nyanlända ger kommunerna siffror att utgå från. Karin Lindqvist förklarar hur de kan användas.",
            ),
            "nb": (
                "Kan vi snakke om verdier uten å snakke forbi hverandre?",
                "En ny verdiundersøkelse blant nyankomne gir kommunene tall å snakke ut fra. Karin Lindqvist forklarer hvordan de kan brukes.",
            ),
            "en": (
                "Can we talk about values without talking past each other?",
                "A new values survey among newcomers gives municipalities figures to start from. Karin Lindqvist explains how to use them.",
            ),
        },
    ),
    (
        "autumn-forum-open",
        [],
        "mikkel",
        ["democracy"],
        ["digital", "housing"],
        {
            "da": (
                "Tilmeldingen til efterårets forum er åben",
                "Efterårets strategiske forum for kommunale medarbejdere handler om boliger, digitale tjenester og samarbejde på tværs af grænser.",
            ),
            "sv": (
                "Anmälan till höstens forum är öppen",
                "Höstens strategiska forum för kommunala tjänstepersoner handlar om boende, digitala tjänster och samarbete över gränserna.",
            ),
            "nb": (
                "Påmeldingen til høstens forum er åpen",
                "Høstens strategiske forum for kommuneansatte handler om bolig, digitale tjenester og samarbeid på tvers av grenser.",
            ),
            "en": (
                "Registration for the autumn forum is open",
                "This autumn's strategic forum for municipal staff covers housing, digital services and working across borders.",
            ),
        },
    ),
]

BODY = {
    "da": [
        "Indlægget bygger på samtaler med medarbejdere, borgere og frivillige i netværkets kommuner.",
        "Vi vil gerne høre om jeres egne erfaringer. Skriv til sidens ansvarlige, hvis I vil bidrage med et gæsteindlæg.",
    ],
    "sv": [
        "Inlägget bygger på samtal med medarbetare, invånare och ideella i nätverkets kommuner.",
        "Vi vill gärna höra om era egna erfarenheter. Skriv till sidansvarig om ni vill bidra med ett gästinlägg.",
    ],
    "nb": [
        "Innlegget bygger på samtaler med ansatte, innbyggere og frivillige i nettverkets kommuner.",
        "Vi vil gjerne høre om deres egne erfaringer. Skriv til sideansvarlig hvis dere vil bidra med et gjesteinnlegg.",
    ],
    "en": [
        "This post draws on conversations with staff, residents and volunteers in the network's municipalities.",
        "We would love to hear about your own experience. Write to the page owner if you would like to contribute a guest post.",
    ],
}

# (slug, type, {language: (title, lead)}, with quote/fact box/sign-up and meeting link)
ARTICLES = [
    (
        "nordic-conference-on-integration",
        "news",
        {
            "da": (
                "Nordisk konference: hvad kan vi lære af hinanden?",
                "Forummet inviterer til en nordisk konference om integration. Mød kommuner, forskere og foreninger, og hør hvad der virker.",
            ),
            "sv": (
                "Nordisk konferens: vad kan vi lära av varandra?",
                "Forumet bjuder in till en nordisk konferens om integration. Möt kommuner, forskare och föreningar och hör vad som fungerar.",
            ),
            "nb": (
                "Nordisk konferanse: hva kan vi lære av hverandre?",
                "Forumet inviterer til en nordisk konferanse om integrering. Møt kommuner, forskere og foreninger, og hør hva som virker.",
            ),
            "en": (
                "Nordic conference: what can we learn from each other?",
                "The forum invites you to a Nordic conference on integration. Meet municipalities, researchers and associations, and hear what works.",
            ),
        },
        True,
    ),
    (
        "new-report-on-local-participation",
        "press",
        {
            "da": (
                "Ny rapport: borgerne vil inddrages tidligere",
                "To ud af tre borgere vil høres, før kommunen har lagt sig fast. Det viser en ny rapport fra Institut for Lokal Velfærd.",
            ),
            "sv": (
                "Ny rapport: invånarna vill involveras tidigare",
                "Två av tre invånare vill höras innan kommunen har bestämt sig. Det visar en ny rapport från Institutet för lokal välfärd.",
            ),
            "nb": (
                "Ny rapport: innbyggerne vil involveres tidligere",
                "To av tre innbyggere vil bli hørt før kommunen har bestemt seg. Det viser en ny rapport fra Institutt for lokal velferd.",
            ),
            "en": (
                "New report: residents want a say earlier",
                "Two in three residents want to be heard before the municipality has made up its mind, a new report from the Institute for Local Welfare finds.",
            ),
        },
        False,
    ),
    (
        "statement-on-reception-funding",
        "statement",
        {
            "da": (
                "Udtalelse om finansiering af modtagelsen",
                "Forummets bestyrelse opfordrer til en flerårig finansiering, så kommunerne kan planlægge modtagelsen af nye borgere.",
            ),
            "sv": (
                "Uttalande om finansieringen av mottagandet",
                "Forumets styrelse uppmanar till en flerårig finansiering så att kommunerna kan planera mottagandet av nya invånare.",
            ),
            "nb": (
                "Uttalelse om finansiering av mottaket",
                "Forumets styre oppfordrer til flerårig finansiering, slik at kommunene kan planlegge mottaket av nye innbyggere.",
            ),
            "en": (
                "Statement on funding for reception",
                "The forum's board calls for funding over several years so that municipalities can plan how they welcome new residents.",
            ),
        },
        False,
    ),
    (
        "new-members-join-forum",
        "news",
        {
            "da": (
                "Tre nye kommuner med i forummet",
                "Forummet har fået tre nye medlemmer fra Sverige og Norge og tæller nu 27 kommuner.",
            ),
            "sv": (
                "Tre nya kommuner med i forumet",
                "Forumet har fått tre nya medlemmar från Sverige och Norge och har nu 27 kommuner.",
            ),
            "nb": (
                "Tre nye kommuner med i forumet",
                "Forumet har fått tre nye medlemmer fra Sverige og Norge og teller nå 27 kommuner.",
            ),
            "en": (
                "Three new municipalities join the forum",
                "The forum welcomes three new members from Sweden and Norway and now counts 27 municipalities.",
            ),
        },
        False,
    ),
    (
        "award-for-youth-council",
        "press",
        {
            "da": (
                "Pris til Eksempelbys ungeråd",
                "Ungerådet i Eksempelby modtager årets pris for lokaldemokrati for sit arbejde med et eget budget.",
            ),
            "sv": (
                "Pris till ungdomsrådet i Eksempelby",
                "Ungdomsrådet i Eksempelby får årets pris för lokal demokrati för sitt arbete med en egen budget.",
            ),
            "nb": (
                "Pris til ungdomsrådet i Eksempelby",
                "Ungdomsrådet i Eksempelby får årets pris for lokaldemokrati for arbeidet med et eget budsjett.",
            ),
            "en": (
                "Award for Eksempelby's youth council",
                "Eksempelby's youth council receives this year's local democracy award for its work with a budget of its own.",
            ),
        },
        False,
    ),
    (
        "new-chair-elected",
        "news",
        {
            "da": (
                "Sigrid Holm genvalgt som forperson",
                "Generalforsamlingen genvalgte Sigrid Holm for to år og vedtog en ny strategi med fokus på arbejde og bolig.",
            ),
            "sv": (
                "Sigrid Holm omvald som ordförande",
                "Årsmötet omvalde Sigrid Holm för två år och antog en ny strategi med fokus på arbete och boende.",
            ),
            "nb": (
                "Sigrid Holm gjenvalgt som leder",
                "Årsmøtet gjenvalgte Sigrid Holm for to år og vedtok en ny strategi med vekt på arbeid og bolig.",
            ),
            "en": (
                "Sigrid Holm re-elected as chair",
                "The annual meeting re-elected Sigrid Holm for two years and adopted a new strategy focused on work and housing.",
            ),
        },
        False,
    ),
]

CONFERENCE = {
    "quote": {
        "da": "Vores lande bygger på den samme velfærdsmodel, men har valgt forskellige veje. Derfor er der så meget at lære af hinanden.",
        "sv": "Våra länder bygger på samma välfärdsmodell men har valt olika vägar. Därför finns det så mycket att lära av varandra.",
        "nb": "Landene våre bygger på den samme velferdsmodellen, men har valgt ulike veier. Derfor er det så mye å lære av hverandre.",
        "en": "Our countries share the same welfare model but have chosen different paths. That is why there is so much to learn from each other.",
    },
    "facts_title": {
        "da": "Det står på programmet",
        "sv": "Det här står på programmet",
        "nb": "Dette står på menyen",
        "en": "On the programme",
    },
    "facts": {
        "da": [
            "Hvor vil vi være om ti år, og hvad skal der til?",
            "Hvad siger forskningen om veje til stabilt arbejde?",
            "Nye nordiske tal for integration",
        ],
        "sv": [
            "Var vill vi vara om tio år, och vad krävs?",
            "Vad säger forskningen om vägar till stabilt arbete?",
            "Ny nordisk statistik om integration",
        ],
        "nb": [
            "Hvor vil vi være om ti år, og hva skal til?",
            "Hva sier forskningen om veier til stabilt arbeid?",
            "Ny nordisk statistikk om integrering",
        ],
        "en": [
            "Where do we want to be in ten years, and what will it take?",
            "What does research say about routes into stable work?",
            "New Nordic figures on integration",
        ],
    },
    "signup": {
        "da": "Tilmeld dig konferencen",
        "sv": "Anmäl dig till konferensen",
        "nb": "Meld deg på konferansen",
        "en": "Sign up for the conference",
    },
}

NEWS_BODY = {
    "da": "Programmet offentliggøres snart. Har du spørgsmål, er du velkommen til at kontakte sekretariatet.",
    "sv": "Programmet publiceras inom kort. Har du frågor är du välkommen att kontakta sekretariatet.",
    "nb": "Programmet publiseres om kort tid. Har du spørsmål, er du velkommen til å kontakte sekretariatet.",
    "en": "The programme will be published shortly. If you have questions, please contact the secretariat.",
}

#: The newest post's and article's date; older ones are POST_INTERVAL_DAYS (posts) and
#: ARTICLE_INTERVAL_DAYS (articles, the newest ARTICLE_OFFSET_DAYS before it) apart.
LATEST = date(2025, 11, 24)
POST_INTERVAL_DAYS = 41
ARTICLE_INTERVAL_DAYS = 29
ARTICLE_OFFSET_DAYS = 3

#: Who is quoted in the conference article and in every fourth blog post.
QUOTED = {
    "name": "Sigrid Holm",
    "role": {"da": "Forperson", "sv": "Ordförande", "nb": "Leder", "en": "Chair"},
    "organisation": {
        "da": "Nordisk Kommuneforum",
        "sv": "Nordiska kommunforumet",
        "nb": "Nordisk kommuneforum",
        "en": "Nordic Municipal Forum",
    },
}
#: Where the conference article's sign-up button goes when there is no demo meeting.
SIGNUP_URL = "https://forum.example.org/conference/sign-up"
POST_IMAGE_CREDIT = "Illustration: Tingsted demo"
NEWS_IMAGE_CREDIT = "Photo: Tingsted demo / A. Fotograf"
