"""Demo articles on the roles: what an opgave-manager does and needs, and how the
opgave-manager and the lijnmanager divide the work."""

from leerhuis.demo.artikelen_vorm import artikel, citaat, kader, kop, tekst

DE_OPGAVE_MANAGER = artikel(
    "de-rol-en-kwaliteiten-van-de-opgave-manager",
    "De opgave-manager: opdrachtgever en programmeur tegelijk",
    """Steeds meer gemeenten stellen opgave-managers aan. Wat doen ze, wat mogen ze, en welke
    kwaliteiten vraagt een positie met zoveel gewicht, zo dicht op het bestuur?""",
    themes=["Opgave-sturing", "Opdrachtgeverschap"],
    begrippen=[
        "opgave-manager",
        "opdrachtgever",
        "programmeur",
        "opgave-management",
        "bestuurlijk-opdrachtgever",
        "opgave-leider",
    ],
    days_ago=67,
    body=[
        tekst("""<p>Bij steeds meer gemeenten verschijnt een nieuwe functie in het
        organogram: de <strong>opgave-manager</strong>. Het is geen nieuwe naam voor de
        programmamanager en ook geen opvolger van de opgave-leider uit de eerste jaren van
        opgave-gericht werken. Het is een rol met een eigen plek: de opgave-manager heeft een
        oplossingsrichting voor een breed maatschappelijk vraagstuk onder zijn of haar hoede,
        en vormt daarmee de opdrachtgevende laag voor al het werk aan die opgave.</p>"""),
        kop("Twee petten: opdrachtgever en programmeur"),
        tekst("""<p>Aan een opgave wordt gewerkt met projecten, processen en programma's. De
        opgave-manager heeft tegenover al die inspanningen twee rollen tegelijk. Samen vormen ze
        het opgave-management: het sturen van het werk aan één opgave.</p>"""),
        tekst("""<p>De eerste is die van <strong>opdrachtgever</strong>. De opgave-manager
        verstrekt de opdracht aan de projectleider, de procesregisseur of de programmamanager,
        zorgt voor het mandaat en de middelen, neemt het resultaat af en is erop aanspreekbaar.
        Waar vroeger een lijnmanager het opdrachtgeverschap er een beetje bij deed, is het nu
        een hoofdtaak.</p>"""),
        tekst("""<p>De tweede is die van <strong>programmeur</strong>, zoals de programmeur van
        een theater bepaalt welke voorstellingen er komen. De opgave-manager kiest welke
        inspanningen voor de opgave starten en welke stoppen, naar hun bijdrage aan de beoogde
        maatschappelijke effecten. Dat betekent ook: een project stoppen dat netjes binnen tijd
        en budget loopt, maar niet meer bijdraagt aan het effect. Het is de moeilijkste en
        belangrijkste beslissing die deze rol vraagt.</p>"""),
        kader(
            "Een voorbeeld",
            """<p>De opgave-manager <em>Vitale dorpen</em> is
        opdrachtgever van een project voor de dorpshuizen, van een proces met de dorpsbelangen
        over voorzieningen en van een programma voor bereikbaarheid. Na een jaar blijkt een
        proef met deelauto's nauwelijks gebruikt te worden. De projectleider doet zijn werk
        goed, het budget klopt. Toch stopt de opgave-manager het project, en zet het geld in
        voor een buurtbus die wel bijdraagt aan het effect: inwoners bereiken de huisarts
        binnen twintig minuten.</p>""",
        ),
        kop("Dicht op het bestuur"),
        tekst("""<p>Een positie met gewicht dus, en dicht op het bestuur. De opgave-manager is
        de ambtelijke tegenhanger van de <strong>bestuurlijk opdrachtgever</strong>, het
        collegelid dat politiek verantwoordelijk is voor de opgave. Zij spreken elkaar
        geregeld, niet alleen bij de beslismomenten. De opgave-manager vertaalt de politieke
        ambitie naar effecten en inspanningen, en brengt omgekeerd de dilemma's uit de
        uitvoering terug naar het college: wat kan wel, wat niet, en wat kost de keuze?</p>"""),
        tekst("""<p>Die nabijheid is een kracht en een risico. Een opgave-manager die alleen
        nog de taal van het college spreekt, verliest de verbinding met de uitvoering. Een
        opgave-manager die vooral de uitvoering verdedigt, wordt niet meer gevraagd als het
        ertoe doet.</p>"""),
        kop("Welke kwaliteiten vraagt de rol?"),
        tekst("""<p>Gemeenten die opgave-managers werven, zoeken vaak eerst naar inhoudelijke
        kennis: wie de energietransitie moet trekken, moet verstand hebben van warmtenetten.
        Die kennis helpt, maar is zelden doorslaggevend. De rol vraagt vooral het volgende:</p>
        <ul><li><strong>Sturen op effect</strong>: steeds de vraag stellen wat een inspanning
        bijdraagt, en daar consequenties aan durven verbinden.</li><li><strong>Bestuurlijke
        sensitiviteit</strong>: aanvoelen wat er in het college en de raad speelt, zonder er
        een speelbal van te worden.</li><li><strong>Gezag zonder hiërarchie</strong>: de
        meeste mensen die aan de opgave werken, vallen niet onder de opgave-manager. Invloed
        komt uit overzicht, heldere afspraken en betrouwbaarheid.</li><li><strong>Kennis van
        het vak</strong>: weten wanneer een project past, wanneer procesregie en wanneer een
        programma, en wat elk van die vormen van een opdrachtgever vraagt.</li><li><strong>Durf
        om te stoppen</strong>: afscheid nemen van inspanningen, ook als ze iemand dierbaar
        zijn.</li></ul>"""),
        citaat(
            """Het vak zit hem niet in het starten van projecten, dat kan iedereen. Het zit
        in het stoppen ervan, en dan uitleggen waarom dat goed is voor de opgave.""",
            "Een opgave-manager in een intervisiegroep van de vereniging",
        ),
        kop("Wat de opgave-manager niet is"),
        tekst("""<p>Het helpt om ook te zeggen wat de rol niet is. De opgave-manager is geen
        lijnmanager: mensen en budgetten blijven vaak in de lijn, en de opgave-manager maakt
        daar afspraken over. De opgave-manager is ook geen projectleider die de opgave zelf
        uitvoert; voor de inspanningen zijn er opdrachtnemers. En de opgave-manager is geen
        opgave-leider in de oude betekenis, toen iedereen die aan een opgave werkte zo heette
        en onduidelijk bleef wie opdracht gaf en wie uitvoerde.</p>"""),
        kop("Waar staat de opgave-manager in het organogram?"),
        tekst("""<p>Gemeenten kiezen verschillende plekken. Sommige hangen opgave-managers
        direct onder de directie, als gelijken van de afdelingsmanagers. Andere brengen ze
        onder in een apart opgavenbureau, of bij het projectenbureau dat al ervaring heeft met
        opdrachtgeverschap. De plek is minder belangrijk dan het mandaat: wat mag de
        opgave-manager zelf beslissen over inzet, geld en koers, en waar moet hij of zij naar
        de directie of het college? Dat komt aan bod in het artikel over organisatie en
        mandaat.</p>"""),
        tekst("""<p>Wie opgave-manager wordt of er een zoekt: de leergang opgave-sturing van
        de vereniging besteedt een hele module aan de opgave-manager als opdrachtgever en
        programmeur, met je eigen opgave als casus.</p>"""),
    ],
)

OPGAVE_EN_LIJN = artikel(
    "opgave-manager-en-lijnmanager",
    "Opgave-manager en lijnmanager: wie stuurt waarop?",
    """De opgave-manager vraagt inzet, de lijnmanager levert die. Over een verhouding die
    schuurt als je haar niet regelt, en werkt als je dat wel doet.""",
    themes=["Opdrachtgeverschap", "Opgave-sturing"],
    begrippen=[
        "lijnmanager",
        "lijnmanagement",
        "opgave-manager",
        "going-concern",
        "uitzendbureaumodel",
        "mandaat",
    ],
    days_ago=54,
    body=[
        tekst("""<p>Zodra een gemeente opgave-managers aanstelt, ontstaat er een nieuwe
        verhouding in de organisatie: die tussen de <strong>opgave-manager</strong> en de
        <strong>lijnmanager</strong>. De een stuurt op een maatschappelijke opgave, de ander op
        een afdeling of team. Ze hebben dezelfde mensen nodig, soms hetzelfde geld, en allebei
        een wethouder die iets van ze verwacht. Wie die verhouding niet regelt, krijgt er ruzie
        over. Wie haar wel regelt, heeft twee managers die elkaar versterken.</p>"""),
        kop("Twee soorten sturing"),
        tekst("""<p>De lijnmanager is verantwoordelijk voor medewerkers, budget en de
        doorlopende taken van een afdeling: de <strong>going concern</strong>. Daar hoort ook
        het vakmanschap bij. De lijnmanager zorgt dat er goede verkeerskundigen,
        beleidsadviseurs en consulenten zijn, dat ze zich ontwikkelen en dat hun werk op orde
        is.</p>"""),
        tekst("""<p>De opgave-manager is verantwoordelijk voor een opgave: de samenhang tussen
        de projecten, processen en programma's die eraan werken, en het maatschappelijk effect
        dat ze samen moeten bereiken. De opgave-manager heeft daarvoor inzet nodig van mensen
        uit verschillende afdelingen, maar heeft die mensen meestal niet in dienst.</p>"""),
        tekst("""<p>Kort gezegd: de lijn gaat over het <em>wie</em> en het <em>hoe goed</em>,
        de opgave over het <em>waarvoor</em> en het <em>wat eerst</em>.</p>"""),
        kop("Waar het schuurt"),
        tekst("""<p>In de praktijk schuurt het op drie plekken. De eerste is capaciteit: de
        opgave-manager wil een ervaren beleidsadviseur voor twee dagen per week, de lijnmanager
        heeft haar ook nodig voor de going concern. De tweede is prioriteit: als twee opgaven en
        de lijn tegelijk een beroep doen op hetzelfde team, wie kiest dan? De derde is
        verantwoording: de lijnmanager legt verantwoording af over zijn budget, maar een deel
        daarvan wordt besteed aan een opgave waar hij niet over gaat.</p>"""),
        tekst("""<p>In gesprekken in het netwerk van de vereniging herkennen veel
        opgave-managers alle drie. Opvallend is dat het probleem zelden bij de mensen zelf
        ligt. Opgave-managers en lijnmanagers die elkaar goed kennen, komen er meestal samen
        uit. Het gaat mis waar de afspraken ontbreken en elk conflict opnieuw moet worden
        uitgevochten.</p>"""),
        kop("Het uitzendbureaumodel"),
        tekst("""<p>Veel gemeenten die opgave-sturing invoeren, kiezen voor een inrichting die
        in het netwerk het <strong>uitzendbureaumodel</strong> wordt genoemd. Medewerkers
        blijven onder het lijnmanagement, dat hen als een uitzendbureau beschikbaar stelt aan
        opgaven,
        projecten en programma's. De lijn blijft verantwoordelijk voor vakmanschap,
        ontwikkeling en de going concern. De opgave bepaalt waaraan de ingezette mensen
        werken.</p>"""),
        tekst("""<p>Het model maakt de rolverdeling helder, maar vraagt wel iets van de
        lijnmanager. Die wordt minder de baas van de inhoud en meer de manager van een team
        professionals die elders hun waarde bewijzen. Niet iedere lijnmanager vindt dat
        vanzelfsprekend. Het begrip is in het begrippenkader van het Leerhuis nog voorgesteld,
        niet vastgesteld: de discussie over de precieze betekenis loopt nog.</p>"""),
        kader(
            "Afspraken die in elk mandaat horen",
            """<ul><li>Hoe vraagt de opgave-manager
        inzet aan, en binnen welke termijn geeft de lijnmanager antwoord?</li><li>Wie beslist
        bij een conflict over capaciteit: de directie, een vast overleg, of de
        gemeentesecretaris?</li><li>Wie beoordeelt de medewerker die een groot deel van de tijd
        voor een opgave werkt, en hoe levert de opgave-manager daarvoor input?</li><li>Welk
        budget zit bij de opgave, welk bij de lijn, en wie verantwoordt wat?</li></ul>""",
        ),
        kop("Een voorbeeld"),
        tekst("""<p>Stel: een gemeente heeft een opgave <em>Gezond en veilig opgroeien</em>.
        De opgave-manager heeft inzet nodig van het team jeugd, van sport, van onderwijs en
        van openbare ruimte. In plaats van per project te onderhandelen, spreken opgave-manager
        en de vier lijnmanagers twee keer per jaar een inzetplan af: wie werkt hoeveel uur aan
        welke inspanning. Tussentijds wisselen is mogelijk, maar altijd in overleg. Komen ze er
        niet uit, dan beslist het directieoverleg binnen twee weken.</p>"""),
        tekst("""<p>Na een jaar blijkt het team sport structureel overvraagd: de opgave wil
        meer dan de lijn kan leveren zonder de going concern te laten liggen. Dat is geen
        conflict tussen twee personen meer, maar een signaal voor de directie en het college:
        meer capaciteit, of minder ambitie.</p>"""),
        citaat(
            """We zijn geen concurrenten. Als mijn mensen goed zijn in hun vak, heeft de
        opgave daar het meeste aan. Maar dan moet ik wel weten waar ze aan werken.""",
            "Een lijnmanager uit het netwerk van de vereniging",
        ),
        kop("Twee managers, één organisatie"),
        tekst("""<p>De verhouding tussen opgave en lijn is geen tijdelijk ongemak van de
        invoering, maar een blijvend kenmerk van opgave-sturing. Het helpt om haar daarom ook
        blijvend te onderhouden: met vaste overleggen, met afspraken in het mandaat van beiden,
        en met een directie die het gesprek voert als de twee er samen niet uitkomen. Dan
        blijkt de spanning tussen opgave en lijn vooral productief: ze houdt beide scherp.</p>"""),
    ],
)

ARTICLES = [DE_OPGAVE_MANAGER, OPGAVE_EN_LIJN]
