"""The demo's conversations: Dutch questions and answers between opgave-managers, written
for the Digitale Leerhuis, as data that leerhuis.demo.community turns into threads.

A conversation names its author by e-mail address (PEOPLE gives the names; a missing
account is made), its age in days before the first load, its themes by name, and its
replies as (author, hours after the opening, text). Texts are what a member types: empty
lines between paragraphs, "- " for a list; they go through core.sanitise.member_html.
"""

PEOPLE = {
    "lid@veenendaal.nl": "Astrid van de Klift",
    "beheer@leerhuis.example": "Toin Routers",
    "jelle.hoekstra@sudwestfryslan.nl": "Jelle Hoekstra",
    "mariska.verbeek@alphenaandenrijn.nl": "Mariska Verbeek",
    "m.jansen@utrecht.nl": "Marieke Jansen",
    "j.vandermeer@zwolle.nl": "Joost van der Meer",
    "f.elamrani@rotterdam.nl": "Fatima el Amrani",
    "p.deboer@groningen.nl": "Pieter de Boer",
    "l.visser@arnhem.nl": "Lotte Visser",
    "h.bakker@tilburg.nl": "Hans Bakker",
    "s.yilmaz@denhaag.nl": "Sevda Yilmaz",
    "e.mulder@almere.nl": "Erik Mulder",
    "b.smits@eindhoven.nl": "Bram Smits",
    "i.koster@alphenaandenrijn.nl": "Ingrid Koster",
    "t.dekker@haarlem.nl": "Thijs Dekker",
    "r.degraaf@nijmegen.nl": "Ruben de Graaf",
    "f.brouwer@zaanstad.nl": "Femke Brouwer",
    "k.willems@brabant.nl": "Kees Willems",
    "a.hoekstra@sudwestfryslan.nl": "Annemiek Hoekstra",
}

ASTRID, JELLE, MARISKA = (
    "lid@veenendaal.nl",
    "jelle.hoekstra@sudwestfryslan.nl",
    ("mariska.verbeek@alphenaandenrijn.nl"),
)
INTERVISIE = "intervisie-opgave-managers"


def gesprek(slug, title, author, days_ago, themes, body, replies=(), **extra):
    """One conversation. `extra`: soort ("vraag"), answer (index of the reply that answered
    it), group (a demo group's slug), page (("artikel", slug) or ("casus", title)),
    report (index of a reply someone reported, with reporter, reason and explanation)."""
    return {
        "slug": slug,
        "title": title,
        "author": author,
        "days_ago": days_ago,
        "themes": list(themes),
        "body": body,
        "replies": list(replies),
        **extra,
    }


GESPREKKEN = [
    gesprek(
        "hoe-mandateer-je-een-opgave-manager",
        "Hoe mandateer je een opgave-manager?",
        MARISKA,
        24,
        ["Opgave-sturing", "Opdrachtgeverschap"],
        "In Alphen aan den Rijn krijgen we na de zomer drie opgave-managers: wonen, "
        "energie en het sociaal domein. Het college wil ze 'echt mandaat' geven, maar wat "
        "betekent dat in de praktijk?\n\n"
        "Concreet: mag een opgave-manager zelf capaciteit bij de afdelingen inzetten? En wie "
        "tekent als er budget van meerdere programma's in de begroting nodig is? Ik hoor graag "
        "hoe andere gemeenten dit hebben vastgelegd.",
        [
            (
                JELLE,
                5,
                "In Súdwest-Fryslân hebben we het vastgelegd in een opdrachtbrief van het college "
                "per opgave. Daarin staan:\n\n"
                "- het beoogde maatschappelijk effect;\n"
                "- een eigen budget voor verkenning en samenwerking;\n"
                "- het recht om capaciteit bij de afdelingen te vragen, met afspraken met de "
                "lijnmanagers over hoe snel die er is;\n"
                "- een bestuurlijk opdrachtgever die twee keer per jaar de voortgang bespreekt.\n\n"
                "Het belangrijkste advies: leg het vast vóór de start. Achteraf onderhandelen over "
                "mandaat kostte ons maanden.",
            ),
            (
                ASTRID,
                30,
                "Herkenbaar. In Veenendaal helpt het dat de lijnmanagers mee hebben geschreven "
                "aan de opdrachtbrief. Dan is het ook hun afspraak, niet alleen die van de "
                "opgave-manager.",
            ),
            (
                MARISKA,
                52,
                "Dank jullie wel, dit is precies wat ik zocht. We gaan met een opdrachtbrief per "
                "opgave werken en de lijnmanagers vragen om mee te schrijven.",
            ),
        ],
        soort="vraag",
        answer=0,
    ),
    gesprek(
        "ervaring-met-een-begroting-per-opgave",
        "Wie heeft ervaring met een begroting per opgave?",
        "f.elamrani@rotterdam.nl",
        19,
        ["Opgave-sturing", "Programmamanagement"],
        "Onze begroting volgt de programma's en taakvelden, maar de opgaven lopen daar dwars "
        "doorheen. De raad vraagt om verantwoording per opgave. Hebben jullie een aparte "
        "opgavebegroting, of een bijlage die de geldstromen per opgave laat zien?",
        [
            (
                "p.deboer@groningen.nl",
                20,
                "Wij werken met een bijlage 'opgaven in beeld' bij de begroting en de "
                "jaarrekening. Per opgave de bijdragen uit de programma's, de indicatoren voor "
                "het effect en een korte toelichting. De programma-indeling zelf hebben we "
                "(nog) niet aangepast.",
            ),
            (
                ASTRID,
                44,
                "Zelfde aanpak in Veenendaal. Tip: spreek met de controller af wie de bijlage "
                "schrijft. Bij ons was dat eerst niemand.",
            ),
        ],
    ),
    gesprek(
        "procesregie-wanneer-schaal-je-op",
        "Procesregie zonder doorzettingsmacht: wanneer schaal je op?",
        "s.yilmaz@denhaag.nl",
        15,
        ["Procesregie", "Samenwerking"],
        "Als procesregisseur breng ik partijen bij elkaar die elkaar niets verplicht zijn. "
        "Soms loopt het vast en twijfel ik: nog een ronde gesprekken, of naar de "
        "opdrachtgever? Waar leggen jullie die grens?",
        [
            (
                "m.jansen@utrecht.nl",
                6,
                "Ik spreek bij de start met de opdrachtgever af bij welke signalen ik kom: als "
                "een partij twee keer niet aan tafel komt, of als een besluit buiten mijn "
                "mandaat nodig is. Dan is opschalen geen falen maar een afspraak.\n\n"
                "@Astrid van de Klift, jullie hadden daar in Veenendaal toch een escalatieladder "
                "voor?",
            ),
            (
                ASTRID,
                27,
                "Klopt, drie treden: procesregisseur, ambtelijk opdrachtgever, portefeuillehouder. "
                "Op elke trede een vaste termijn. Ik zet het voorbeeld graag in de kennisbank.",
            ),
        ],
    ),
    gesprek(
        "wyberen-met-inwoners",
        "Wyberen met inwoners erbij: ervaringen?",
        "j.vandermeer@zwolle.nl",
        13,
        ["Wyberen"],
        "We willen wyberen niet alleen intern doen, maar ook met inwoners en "
        "maatschappelijke partners aan tafel. Werkt dat, of wordt het dan te breed?",
        [
            (
                "l.visser@arnhem.nl",
                8,
                "Het werkt, maar splits het. Eerst de wensen en belangen ophalen met inwoners, "
                "daarna de effecten en de keuze voor project, proces of programma in een "
                "kleinere groep. En laat terugzien wat er met hun inbreng is gebeurd.",
            ),
        ],
    ),
    gesprek(
        "project-proces-of-programma-bij-een-nieuwe-opgave",
        "Project, proces of programma: hoe kies je bij een nieuwe opgave?",
        "e.mulder@almere.nl",
        11,
        ["Projectmatig werken", "Programmamanagement"],
        "Een wethouder vraagt ons 'een project' te starten voor de herinrichting van een wijk. "
        "Voor mij voelt het als een programma: veel partijen, onzeker resultaat. Hoe voeren "
        "jullie dat gesprek met het bestuur?",
        [
            (
                "b.smits@eindhoven.nl",
                4,
                "Vraag wat er aan het eind anders moet zijn. Is dat een opgeleverd resultaat, "
                "dan is het een project. Is het een effect in de wijk waar je nog naar zoekt, dan "
                "is het een programma of een proces. De test in de kennisbank helpt daarbij.",
            ),
            (
                ASTRID,
                26,
                "En begin klein: een verkenning als project, met als resultaat een voorstel voor "
                "de vorm. Dan hoef je die discussie niet vooraf te winnen.",
            ),
        ],
    ),
    gesprek(
        "samenwerken-met-de-provincie-in-een-regionale-opgave",
        "Samenwerken met de provincie in een regionale opgave",
        "k.willems@brabant.nl",
        9,
        ["Samenwerking"],
        "Vanuit de provincie werken we met zes gemeenten aan een regionale woonopgave. Elke "
        "gemeente heeft een eigen opgave-manager, de provincie ook. Hoe voorkom je dat we "
        "zeven keer hetzelfde overleg voeren?",
        [
            (
                "h.bakker@tilburg.nl",
                7,
                "Eén regionaal kernteam met een roulerend voorzitterschap werkt bij ons goed. "
                "Bel anders even met mijn collega Karin, 06-12345678, zij weet er alles van.",
            ),
            (
                "r.degraaf@nijmegen.nl",
                22,
                "Wij hebben één gezamenlijke planning en één regionale opgave-manager, "
                "betaald door alle partners naar rato. Dat scheelt veel afstemming.",
            ),
        ],
        report={
            "reply": 0,
            "reporter": ASTRID,
            "reason": "persoonsgegevens",
            "explanation": "Hier staat het mobiele nummer van iemand die zelf niet meedoet.",
        },
    ),
    gesprek(
        "de-rol-van-de-lijnmanager-bij-opgave-sturing",
        "De rol van de lijnmanager bij opgave-sturing",
        "i.koster@alphenaandenrijn.nl",
        7,
        ["Opdrachtgeverschap"],
        "Onze lijnmanagers voelen zich soms 'leverancier van uren' aan de opgaven. Hoe geven "
        "jullie hen een echte rol?",
        [
            (
                "t.dekker@haarlem.nl",
                3,
                "Bij ons is elke lijnmanager ook mede-eigenaar van één opgave. Wie zelf een "
                "opgave mee trekt, kijkt anders naar de vragen van de andere.",
            ),
            (
                "a.hoekstra@sudwestfryslan.nl",
                29,
                "In Súdwest-Fryslân bespreken opgave-managers en lijnmanagers elk kwartaal samen "
                "de capaciteit. Dan is het een gezamenlijke puzzel in plaats van een verzoek.",
            ),
        ],
    ),
    gesprek(
        "tips-voor-een-eerste-opdrachtbrief",
        "Tips voor een eerste opdrachtbrief voor een programma?",
        ASTRID,
        4,
        ["Programmamanagement", "Opdrachtgeverschap"],
        "Ik schrijf mijn eerste opdrachtbrief voor een programma in het sociaal domein. Wat "
        "mag er zeker niet in ontbreken?",
        [
            (
                "r.degraaf@nijmegen.nl",
                2,
                "Het beoogde effect in woorden die inwoners herkennen, wie de opdrachtgever is, "
                "welke ruimte je hebt (geld, mensen, besluiten) en wanneer je terugkomt.",
            ),
            (
                "f.brouwer@zaanstad.nl",
                19,
                "En wat buiten het programma valt. Dat scheelt later veel discussie.",
            ),
        ],
    ),
    gesprek(
        "intervisie-de-opgave-manager-zonder-eigen-budget",
        "Intervisie: de opgave-manager zonder eigen budget",
        ASTRID,
        10,
        ["Opgave-sturing"],
        "Aantekeningen van onze laatste bijeenkomst, alleen voor de groep.\n\n"
        "Casus van Mariska: een opgave-manager zonder eigen budget moet voor elke verkenning "
        "langs drie afdelingen. We bespraken wat zij het college kan voorleggen en welke "
        "afspraken ze nu al met de lijnmanagers kan maken.\n\n"
        "- Volgende keer: de casus van Jelle over het bestuurlijk opdrachtgeverschap.\n"
        "- De werkafspraken van de groep staan bij de documenten.",
        [
            (
                MARISKA,
                20,
                "Dank voor het meedenken. Ik leg het college een klein verkenningsbudget per "
                "opgave voor, naar het voorbeeld van Súdwest-Fryslân.",
            ),
            (JELLE, 26, "Goed plan. Ik neem de opdrachtbrief van onze opgave 'Vitale kernen' mee."),
        ],
        group=INTERVISIE,
    ),
    gesprek(
        "gesprek-de-opgave-manager",
        "De opgave-manager: opdrachtgever en programmeur tegelijk",
        "m.jansen@utrecht.nl",
        16,
        ["Opgave-sturing"],
        "Mooi artikel. Het 'programmeren' herken ik: het meeste werk zit in het samenbrengen "
        "van wat er al loopt. Hoe houden anderen de rol van opdrachtgever daarnaast vol?",
        [
            (
                ASTRID,
                9,
                "Door vaste momenten met de bestuurlijk opdrachtgever in de agenda te zetten, "
                "ook als er niets te besluiten is.",
            ),
        ],
        page=("artikel", "de-rol-en-kwaliteiten-van-de-opgave-manager"),
    ),
    gesprek(
        "gesprek-opgave-manager-en-lijnmanager",
        "Opgave-manager en lijnmanager: wie stuurt waarop?",
        "t.dekker@haarlem.nl",
        8,
        ["Opdrachtgeverschap"],
        "Het onderscheid 'wat en waarom' tegenover 'hoe en met wie' helpt ons in Haarlem om het "
        "gesprek tussen opgave- en lijnmanagers te voeren.",
        [
            (
                "i.koster@alphenaandenrijn.nl",
                12,
                "Wij gebruiken hetzelfde onderscheid, en schrijven het in elke opdrachtbrief.",
            ),
        ],
        page=("artikel", "opgave-manager-en-lijnmanager"),
    ),
    gesprek(
        "gesprek-opgave-managers-met-mandaat-in-sudwest-fryslan",
        "Opgave-managers met mandaat in Súdwest-Fryslân",
        MARISKA,
        6,
        ["Opgave-sturing", "Opdrachtgeverschap"],
        "Hoe hebben jullie de lijnmanagers meegekregen? Daar zit bij ons de grootste twijfel.",
        [
            (
                JELLE,
                4,
                "Door ze een rol in de opgave te geven en niet alleen een verzoek om capaciteit. "
                "Elke lijnmanager zit in het kernteam van één opgave.",
            ),
        ],
        page=("casus", "Opgave-managers met mandaat in Súdwest-Fryslân"),
    ),
]
