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

PRIVACY = {
    "title": "Privacy",
    "slug": "privacy",
    "intro": "Welke gegevens we bewaren, waarom, en hoe lang.",
    "body": [
        h2("Welke gegevens"),
        p(
            "<p>Voor je account bewaren we je naam, je e-mailadres en je wachtwoord (alleen "
            "versleuteld). Bij een aanmelding voor een bijeenkomst bewaren we je organisatie en, "
            "als je dat opgeeft, dieetwensen en toegankelijkheidsbehoeften. Die laatste "
            "verwijderen we kort na de bijeenkomst.</p>"
        ),
        h2("Waarvoor"),
        p(
            "<p>We gebruiken je gegevens alleen om je account te laten werken, om je "
            "aanmeldingen te regelen en om te bepalen of je organisatie lid is. We gebruiken "
            "geen trackers, geen advertentienetwerken en geen scripts van derden.</p>"
        ),
        h2("Je rechten"),
        p(
            "<p>In Mijn Leerhuis kun je je gegevens inzien en je account verwijderen. Voor "
            "andere vragen over je gegevens kun je mailen naar "
            '<a href="mailto:privacy@leerhuis.example">privacy@leerhuis.example</a>. Ben je '
            "het niet eens met hoe we met je gegevens omgaan, dan kun je een klacht indienen bij "
            "de Autoriteit Persoonsgegevens.</p>"
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
