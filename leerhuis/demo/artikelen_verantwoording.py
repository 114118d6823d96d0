"""Demo article on accountability: how an opgave finds its way into the planning- en
controlcyclus, which is built along the begroting's programmes, not along opgaven."""

from leerhuis.demo.artikelen_vorm import artikel, citaat, kader, kop, tekst

VERANTWOORDEN = artikel(
    "verantwoorden-vanuit-een-opgave-in-de-planning-en-controlcyclus",
    "Verantwoorden vanuit een opgave in de planning- en controlcyclus",
    """De begroting is ingericht langs programma's en taakvelden, de opgave loopt er dwars
    doorheen. Hoe leg je verantwoording af over effecten, in een cyclus die om geld draait?""",
    themes=["Opdrachtgeverschap", "Opgave-sturing", "Programmamanagement"],
    begrippen=[
        "planning-en-controlcyclus",
        "maatschappelijk-effect",
        "programma",
        "opgave-manager",
        "bestuurlijk-opdrachtgever",
    ],
    days_ago=19,
    body=[
        tekst("""<p>De <strong>planning- en controlcyclus</strong> is de vaste kalender van de
        gemeente: de raad stelt de kadernota en de begroting vast, wordt tussentijds
        geïnformeerd en krijgt met de jaarrekening verantwoording over wat met de middelen is
        gedaan. Die cyclus is ingericht langs de programma's en taakvelden van de begroting.
        Een opgave past daar zelden netjes in. De opgave <em>Gezond en veilig opgroeien</em>
        haalt geld en inzet uit jeugd, onderwijs, sport en openbare ruimte: vier programma's
        van de begroting, met vier portefeuillehouders.</p>"""),
        tekst("""<p>Het gevolg is een bekend ongemak. De opgave-manager stuurt op effecten,
        maar de raad krijgt cijfers per taakveld. De wethouder die bestuurlijk opdrachtgever is
        van de opgave, moet in de raad antwoorden op vragen over budgetten die formeel bij een
        collega horen. En niemand kan op één plek zien wat de opgave kost en wat ze
        oplevert.</p>"""),
        kop("Let op het woord programma"),
        tekst("""<p>Eerst een spraakverwarring die veel gesprekken vertroebelt. Een
        <em>programma van de begroting</em> is een indeling van de begroting, vastgesteld door
        de raad. Een <strong>programma</strong> in de zin van het vak is een tijdelijk,
        samenhangend geheel van projecten, processen en andere inspanningen die samen bijdragen
        aan een doel. Een opgave kan aan het ene werken met het andere, en door beide heen
        lopen. Wie dat verschil niet benoemt, praat snel langs elkaar heen, zeker met de
        controller.</p>"""),
        kop("Drie manieren om de opgave zichtbaar te maken"),
        tekst("""<p>Gemeenten kiezen grofweg uit drie manieren, oplopend in ingrijpendheid.</p>
        <ol><li><strong>Een opgavenparagraaf.</strong> De begroting blijft zoals ze is, maar
        krijgt een paragraaf die per opgave de beoogde effecten, de bijdragen uit de
        verschillende programma's van de begroting en de voortgang laat zien. Weinig gedoe,
        veel overzicht, maar de sturing blijft formeel bij de programma's.</li><li><strong>Een
        opgavenbudget.</strong> Een deel van de middelen wordt per opgave gebundeld en onder het
        mandaat van de opgave-manager gebracht. De raad autoriseert het budget, de
        opgave-manager schuift binnen de kaders. Dit vraagt heldere afspraken met de controller
        over wat een begrotingswijziging is en wat niet.</li><li><strong>De begroting langs
        opgaven.</strong> De programma's van de begroting worden zelf ingericht langs de
        opgaven. Dat maakt de verantwoording het zuiverst, maar is een grote verandering en
        past alleen als de opgaven voor langere tijd vaststaan.</li></ol>"""),
        kop("Verantwoorden op effecten"),
        tekst("""<p>Welke vorm ook, de inhoud van de verantwoording verandert. Waar een
        afdeling gewend is te rapporteren over producten, zoals het aantal verleende
        vergunningen of afgeronde projecten, hoort bij een opgave de vraag wat het heeft
        opgeleverd aan <strong>maatschappelijk effect</strong>. Dat is lastiger, omdat een
        effect zelden aan één inspanning toe te schrijven is en vaak pas na jaren zichtbaar
        wordt.</p>"""),
        tekst("""<p>Het helpt om in de rapportage drie lagen te onderscheiden: het beoogde
        effect en hoe het zich ontwikkelt, de bijdrage die de inspanningen daaraan leveren, en
        de beheersing van de inspanningen zelf in tijd en geld. Vooral de tweede laag is het
        verhaal van de opgave-manager: waarom deze inspanningen, waarom is er iets gestopt, wat
        is er bijgekomen?</p>"""),
        kader(
            "Een opgavenrapportage op één A4",
            """<ul><li>De opgave en de beoogde effecten,
        in één alinea.</li><li>Twee of drie indicatoren per effect, met de ontwikkeling sinds de
        start.</li><li>De inspanningen die nu lopen, met hun bijdrage en hun stand in tijd en
        geld.</li><li>De keuzes van het afgelopen halfjaar: wat is gestart, bijgestuurd of
        gestopt, en waarom.</li><li>De dilemma's die een besluit van college of raad
        vragen.</li></ul>""",
        ),
        kop("Procesregie en een vast eindresultaat"),
        tekst("""<p>Een bijzondere vraag is hoe je een proces verantwoordt. Bij procesregie ligt
        het resultaat vooraf niet vast; het ontstaat in het overleg tussen partijen. Een
        begrotingsregel die om een concreet resultaat vraagt, past daar slecht op. Gemeenten
        lossen dat op door in de begroting het proces zelf te benoemen, met de mijlpalen en de
        beslismomenten, en de raad op die momenten mee te nemen in de keuzes die voorliggen. De
        verantwoording gaat dan over de kwaliteit van het proces en de afspraken die het
        oplevert, niet over een resultaat dat vooraf niemand kon kennen.</p>"""),
        citaat(
            """De doorbraak kwam toen de controller niet meer vroeg of het project binnen
        budget bleef, maar of het geld bij de inspanning zat die het meest bijdroeg.""",
            "Een opgave-manager over de samenwerking met financiën",
        ),
        kop("Zoek de controller vroeg op"),
        tekst("""<p>De belangrijkste tip van opgave-managers die hier ervaring mee hebben, is
        eenvoudig: betrek de controller vanaf het begin. Niet om toestemming te vragen, maar om
        samen te ontwerpen hoe de opgave in de cyclus terugkomt. Controllers weten wat de raad
        nodig heeft om zijn budgetrecht uit te oefenen, en opgave-managers weten wat er nodig is
        om op effect te sturen. Samen komen ze tot een vorm die allebei dient. Het webinar over
        procesregie en de P&amp;C-cyclus gaat daar verder op in.</p>"""),
    ],
)

ARTICLES = [VERANTWOORDEN]
