"""The Dutch demo text: the association, opgave-sturing and the standard pages.

Blocks are written as StreamField data (lists of {"type", "value"}).
"""


def p(html):
    return {"type": "paragraph", "value": html}


def h2(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


HOME_INTRO = (
    "<p>Het Digitale Leerhuis is het platform van de vereniging van gemeentelijke "
    "projectbureaus: 162 projectbureaus van gemeenten en provincies en ruim 6.400 project-, "
    "proces- en programmamanagers. Hier vind je onze bijeenkomsten, een gemeenschappelijk "
    "begrippenkader voor opgave-sturing en de kennis en praktijkcases van collega's.</p>"
)

HOME_BODY = [
    h2("Samen werken aan opgave-sturing"),
    p(
        "<p>Steeds meer gemeenten kiezen voor opgave-sturing: het opdrachtgevende niveau wordt "
        "versterkt, zodat er meer gestuurd wordt op de samenhang tussen projecten, processen "
        "en programma's in het belang van een maatschappelijke opgave. In het Leerhuis delen "
        "we wat werkt, en wat niet.</p>"
    ),
    {
        "type": "quote",
        "value": {
            "quote": "Kies een aanpak die bij een maatschappelijke opgave past: soms een "
            "projectmatige aanpak, soms procesregie en soms programmamanagement.",
            "attribution": "Uit de aankondiging van de studiedag opgave-sturing",
        },
    },
    h2("Lid worden"),
    p(
        "<p>Is je gemeente of provincie lid van de vereniging? Dan zijn onze bijeenkomsten "
        "gratis voor jou. Maak een account aan met je werkadres; zodra je e-mailadres is "
        "bevestigd, herkennen we je organisatie.</p>"
    ),
]

OVER_ONS = {
    "title": "Over ons",
    "slug": "over-ons",
    "intro": (
        "De vereniging is een zelfstandige vereniging van 162 gemeentelijke projectbureaus "
        "en de meest actieve community of practice voor opgave-sturing van de lokale overheid."
    ),
    "body": [
        h2("Wie we zijn"),
        p(
            "<p>Met zo'n 70 bijeenkomsten per jaar en ruim 6.400 aangehaakte project-, proces- "
            "en programmamanagers brengen we professionals van gemeenten en provincies samen. "
            "We organiseren studiedagen, workshops, webinars, netwerkdagen en leergangen over "
            "projectmatig werken, procesregie, programmamanagement en opgave-sturing.</p>"
        ),
        h2("Opgave-sturing"),
        p(
            "<p>Opgave-gericht werken werd een paar jaar geleden snel populair, vanuit het "
            "besef dat maatschappelijke vraagstukken meer centraal moeten komen te staan. "
            "Bij steeds meer gemeenten is daarom een nieuwe functie ontstaan: de "
            "opgave-manager. Die heeft een oplossingsrichting voor een breed maatschappelijk "
            "vraagstuk onder zijn hoede, is opdrachtgever voor projecten, processen en "
            "programma's en start of beëindigt ze als dat bijdraagt aan de beoogde effecten.</p>"
        ),
        p(
            "<p>Een gemeenschappelijk begrippenkader helpt: wat is een opgave, wat is "
            "opgave-sturing, opgave-management en opgave-gericht werken? Het Leerhuis legt die "
            "begrippen samen met de leden vast.</p>"
        ),
        h2("Het bestuur"),
        p(
            "<p>Het bestuur bestaat uit hoofden van projectbureaus van lidgemeenten, onder wie "
            "Francois van Doesburg (Veenendaal), Fernando Salinas Camara (Zaanstad), Wilbert "
            "Wouters (Tilburg) en Gert Bolkesteijn (Samenwerkingsorganisatie De Wolden "
            "Hoogeveen).</p>"
        ),
    ],
    "show_in_menus": True,
    "show_in_footer": False,
}

CONTACT = {
    "title": "Contact",
    "slug": "contact",
    "intro": "Een vraag over een bijeenkomst, je account of het lidmaatschap van je organisatie?",
    "body": [
        h2("Vragen over bijeenkomsten en leergangen"),
        p(
            "<p>Neem contact op met Toin Routers, via "
            '<a href="mailto:t.routers@leerhuis.example">t.routers@leerhuis.example</a>.</p>'
        ),
        h2("Vragen over je account of het lidmaatschap"),
        p(
            "<p>Mail naar "
            '<a href="mailto:info@leerhuis.example">info@leerhuis.example</a>. Vermeld je '
            "organisatie en het e-mailadres waarmee je bent ingelogd. We reageren binnen vijf "
            "werkdagen.</p>"
        ),
    ],
    "show_in_menus": True,
    "show_in_footer": True,
}

# The register block renders leerhuis/core/privacy_register.py: what is stored, why, on
# which ground and how long, with the periods the settings have.
PRIVACY_REGISTER = {"type": "privacy_register", "value": None}

PRIVACY = {
    "title": "Privacy",
    "slug": "privacy",
    "intro": "Welke gegevens we bewaren, waarom, en hoe lang.",
    "body": [
        h2("Wie is verantwoordelijk"),
        p(
            "<p>De vereniging van gemeentelijke projectbureaus is verantwoordelijk voor de "
            "gegevens in het Digitale Leerhuis. We gebruiken geen trackers, geen "
            "advertentienetwerken en geen scripts van derden, en we verkopen of delen je "
            "gegevens met niemand.</p>"
        ),
        h2("Welke gegevens, waarvoor en hoe lang"),
        PRIVACY_REGISTER,
        h2("Je rechten"),
        p(
            '<p>In <a href="/mijn-leerhuis/">Mijn Leerhuis</a> kun je je gegevens inzien, '
            "aanpassen, downloaden en je account verwijderen. Je kunt ons ook vragen om "
            "gegevens te verbeteren, te beperken of niet meer te gebruiken: mail naar "
            '<a href="mailto:privacy@leerhuis.example">privacy@leerhuis.example</a>. We '
            "antwoorden binnen een maand. Ben je het niet eens met hoe we met je gegevens "
            "omgaan, dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.</p>"
        ),
    ],
    "show_in_menus": False,
    "show_in_footer": True,
}

TOEGANKELIJKHEID = {
    "title": "Toegankelijkheidsverklaring",
    "slug": "toegankelijkheid",
    "intro": (
        "De vereniging wil dat iedereen het Digitale Leerhuis kan gebruiken, ook met een "
        "beperking. Deze verklaring volgt het model dat Nederlandse overheden gebruiken."
    ),
    "body": [
        h2("Voor welke website geldt deze verklaring?"),
        p("<p>Deze verklaring geldt voor het Digitale Leerhuis, op dit domein.</p>"),
        h2("Aan welke eisen werken we?"),
        p(
            "<p>We ontwerpen en bouwen de site volgens de Web Content Accessibility Guidelines "
            "(WCAG) 2.1 op niveau AA, de eis uit het Besluit digitale toegankelijkheid "
            "overheid en de Europese norm EN 301 549.</p>"
        ),
        h2("Nalevingsstatus"),
        p(
            "<p>Status B: de website voldoet gedeeltelijk aan de eisen. Elke pagina wordt bij "
            "elke wijziging automatisch gecontroleerd met axe-core op de succescriteria van "
            "WCAG 2.1 A en AA, en we testen de belangrijkste routes (aanmelden, inloggen, "
            "uitloggen) met alleen het toetsenbord. Een onderzoek door een onafhankelijke "
            "partij is nog niet gedaan; dat staat gepland.</p>"
        ),
        h2("Wat we weten dat nog niet goed is"),
        p(
            "<ul><li>Video's van vóór 2026 hebben nog niet allemaal ondertiteling en een "
            "uitgeschreven tekst.</li><li>Het beheergedeelte voor medewerkers (Wagtail) is "
            "niet door ons getest.</li></ul>"
        ),
        h2("Loop je ergens tegenaan?"),
        p(
            "<p>Mail naar "
            '<a href="mailto:toegankelijkheid@leerhuis.example">'
            "toegankelijkheid@leerhuis.example</a>. Je krijgt binnen vijf werkdagen een "
            "ontvangstbevestiging en binnen drie weken een inhoudelijke reactie.</p>"
        ),
        p(
            "<p>Ben je niet tevreden over hoe we je melding hebben behandeld? Dan kun je "
            "contact opnemen met de Nationale ombudsman.</p>"
        ),
        h2("Datum"),
        p("<p>Deze verklaring is opgesteld op 28 november 2026 en wordt jaarlijks herzien.</p>"),
    ],
    "show_in_menus": False,
    "show_in_footer": True,
}

STANDARD_PAGES = [OVER_ONS, CONTACT, PRIVACY, TOEGANKELIJKHEID]

FOOTER_TEXT = (
    "Het Digitale Leerhuis is het platform van de vereniging van gemeentelijke "
    "projectbureaus: 162 projectbureaus, ruim 6.400 project-, proces- en programmamanagers."
)

# (email, full name, is_staff)
DEMO_ACCOUNTS = [
    ("beheer@leerhuis.example", "Toin Routers", True),
    ("lid@veenendaal.nl", "Astrid van de Klift", False),
    ("gast@voorbeeld.nl", "Sanne de Vries", False),
]

# The study day on opgave-sturing, from the announcement (seed/000_…); leerhuis.demo.events
# turns it into the meeting page.
STUDIEDAG = {
    "title": "Opgave-sturing: het opdrachtgevende niveau versterken",
    "slug": "studiedag-opgave-sturing",
    "intro": (
        "Steeds meer gemeenten kiezen voor een vorm van opgave-sturing waarin het "
        "opdrachtgevende niveau wordt versterkt. Veenendaal, Súdwest-Fryslân en Alphen aan den "
        "Rijn nemen je mee in de kanteling die dat teweegbrengt."
    ),
    "body": [
        p(
            "<p>Ben jij opgave-manager, of verantwoordelijk voor de invoering van "
            "opgave-gericht werken binnen jouw gemeente? Er is inmiddels een steeds grotere "
            "groep gemeenten die kiest voor een specifieke vorm van opgave-sturing: een vorm "
            "waarin het opdrachtgevende niveau wordt versterkt, zodat er meer gestuurd wordt op "
            "de samenhang tussen projecten, processen en programma's in het belang van een "
            "maatschappelijke opgave.</p>"
        ),
        p(
            "<p>Opgave-gericht werken werd als begrip een paar jaar geleden snel populair, "
            "vanuit het besef dat maatschappelijke vraagstukken meer centraal moeten komen te "
            "staan. Sommige gemeenten noemden opeens alles een opgave, en iedereen die er iets "
            "aan deed een opgave-leider. Gelukkig ligt die fase grotendeels achter ons. De "
            "gemeenten Veenendaal, Súdwest-Fryslân en Alphen aan den Rijn delen hun ervaringen "
            "met opgave-sturing volgens een veel uitgebalanceerder concept.</p>"
        ),
        h2("Dat wisten we allang natuurlijk"),
        p(
            "<p>Bij veel gemeenten is het besef gegroeid: kies een aanpak die bij een "
            "maatschappelijke opgave past. Soms een projectmatige aanpak, soms procesregie, en "
            "bij een ander vraagstuk past programmamanagement beter. Wij van het projectenbureau "
            "wisten dat allang, maar het is fijn dat het voor de rest van de organisatie ook "
            "gemeengoed wordt. En inderdaad: er komen zo steeds meer procesregievraagstukken "
            "boven tafel, en daar hadden we nog wat minder ervaring mee.</p>"
        ),
        h2("Opdrachtgevende laag"),
        p(
            "<p>Door de maatschappelijke vraagstukken centraal te zetten, werd zichtbaar dat de "
            "aansturing van al die programma's, projecten en processen te zwak was. Niet zozeer "
            "op het niveau van de projectleider, procesregisseur of programmamanager, maar op "
            "het opdrachtgevende niveau. Lijnmanagement dat het opdrachtgeverschap er een "
            "beetje bij doet, wordt steeds meer gezien als een groot afbreukrisico.</p>"
        ),
        h2("Opgave-managers"),
        p(
            "<p>Bij steeds meer gemeenten ontstaat daarom een nieuwe functie: die van "
            "opgave-manager. Een opgave-manager heeft een oplossingsrichting voor een breed "
            "maatschappelijk vraagstuk onder zijn hoede. Aan die opgave wordt gewerkt met "
            "projecten, processen en programma's. De opgave-manager is opdrachtgever voor al "
            "deze activiteiten en tegelijk programmeur: hij start ze en beëindigt ze als dat "
            "bijdraagt aan de beoogde effecten op het maatschappelijke vraagstuk.</p>"
        ),
        h2("Kanteling"),
        p(
            "<p>Een positie met gewicht dus, dicht op het bestuur. Niet vreemd dat dit in veel "
            "gemeenten zorgt voor een kanteling: vaak wordt gekozen voor lijnmanagement waar het "
            "going concern is ondergebracht, en een uitzendbureaufunctie voor de opgaven.</p>"
        ),
    ],
    "questions": [
        "Wat is een opgave?",
        "Wat is opgave-sturing, opgave-management en opgave-gericht werken?",
        "Hoe bouw je een opgave op qua organisatie en mandaat?",
        "Hoe voer je opgave-sturing in?",
        "Wat houdt de rol in van opgave-manager?",
        "Welke kwaliteiten moet een opgave-manager hebben?",
        "Welke organisatieveranderingen hangen samen met de invoering van opgave-sturing?",
        "Wat zijn de praktijkervaringen met het besturingsmodel van opgave-sturing?",
        "Hoe verhoudt een opgave-manager zich tot een lijnmanager?",
        "Hoe ga je om met verantwoording vanuit een opgave in relatie tot de planning- en "
        "controlcyclus?",
    ],
    # (start, end, title, description)
    "programme": [
        ("10:45", "11:00", "Ontvangst", "Inloop met koffie en thee."),
        (
            "11:00",
            "13:00",
            "Presentaties Astrid, Ruud en Aad",
            "Veenendaal, Súdwest-Fryslân en Alphen aan den Rijn over hun invoering van "
            "opgave-sturing: wat ze kozen, wat het opleverde en waar het schuurde.",
        ),
        ("13:00", "14:00", "Lunch", ""),
        ("14:00", "15:00", "Workshops", "Je kiest bij je aanmelding een van de drie workshops."),
        ("15:00", "15:30", "Afronding", "Wat nemen we mee? Aansluitend een drankje."),
    ],
    "speakers": ["Astrid van de Klift", "Ruud de Smit", "Aad van Klaveren"],
    # (title, description)
    "workshops": [
        (
            "Een opgave opbouwen: organisatie en mandaat",
            "Met Ruud de Smit: hoe Súdwest-Fryslân opgaven inrichtte en welk mandaat de "
            "opgave-manager kreeg.",
        ),
        (
            "Opgave-manager en lijnmanager: wie stuurt waarop?",
            "Met Aad van Klaveren: de verhouding tussen opgave en lijn in Alphen aan den Rijn.",
        ),
        (
            "Verantwoorden vanuit een opgave",
            "Met Astrid van de Klift: opgaven in de planning- en controlcyclus van Veenendaal.",
        ),
    ],
    "goal": (
        "<p>Kennis en ervaring uitwisselen over opgave-sturing als besturingsconcept en over de "
        "rol van de opgave-manager. We staan minder stil bij de cultuuraspecten en richten ons "
        "vooral op de sturingskant. Een gemeenschappelijk begrippenkader zou een mooie "
        "spin-off zijn.</p>"
    ),
    "audience": (
        "<p>Opgave-managers en wie verantwoordelijk is voor de invoering of professionalisering "
        "van opgave-gericht werken.</p>"
    ),
}
