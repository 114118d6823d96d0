"""Demo articles about the Leerhuis itself: the verslag of the study day on opgave-sturing
(pointing at its meeting) and a news item on the new begrippenkader.

The verslag names the speakers of the announcement and their subjects, but puts no words
in their mouths: what is quoted, a participant says."""

from leerhuis.demo.artikelen_vorm import artikel, citaat, kader, kop, tekst

STUDIEDAG = "studiedag-opgave-sturing"  # the slug of the meeting in leerhuis.demo.content

VERSLAG_STUDIEDAG = artikel(
    "verslag-studiedag-opgave-sturing",
    "Verslag: studiedag opgave-sturing, het opdrachtgevende niveau versterken",
    """Drie gemeenten, tien vragen en een volle zaal in Veenendaal. Een verslag van de
    studiedag over opgave-sturing als besturingsconcept en de rol van de opgave-manager.""",
    kind="verslag",
    meeting=STUDIEDAG,
    themes=["Opgave-sturing", "Opdrachtgeverschap"],
    begrippen=[
        "opgave-sturing",
        "opdrachtgevend-niveau",
        "opgave-manager",
        "kanteling",
        "uitzendbureaumodel",
        "planning-en-controlcyclus",
    ],
    days_ago=2,
    body=[
        tekst("""<p>Opgave-managers, programmamanagers, hoofden van projectenbureaus en een
        enkele gemeentesecretaris: de zaal in het stadhuis van Veenendaal was goed gevuld voor
        de studiedag over opgave-sturing. Het onderwerp was scherp afgebakend. Niet de cultuur
        van opgave-gericht werken stond centraal, maar de sturingskant: een vorm van
        opgave-sturing waarin de opdrachtgevende laag wordt versterkt, zodat er meer wordt
        gestuurd op de samenhang tussen projecten, processen en programma's in het belang van
        een maatschappelijke opgave.</p>"""),
        kop("De opening: voorbij de fase van alles een opgave"),
        tekst("""<p>De dagvoorzitter begon met een herkenbaar beeld. Toen opgave-gericht
        werken een paar jaar geleden snel populair werd, noemden sommige gemeenten opeens alles
        een opgave, en iedereen die er iets aan deed een opgave-leider. Een handopsteking in de
        zaal leerde dat bijna iedereen die fase had meegemaakt. De meeste gemeenten zitten nu
        in een volgende fase, met minder opgaven, een sterker opdrachtgeverschap en de vraag
        hoe dat in de organisatie moet landen.</p>"""),
        kop("Drie gemeenten, drie invalshoeken"),
        tekst("""<p>In de ochtend namen drie sprekers de zaal mee in de kanteling die
        opgave-sturing in hun organisatie teweegbracht. Astrid van de Klift, gemeentesecretaris
        van Veenendaal, belichtte het perspectief van de directie: wat vraagt het van de top
        van de organisatie om opgave-managers een plek te geven naast de lijn? Ruud de Smit,
        opgave-manager in Súdwest-Fryslân, en Aad van Klaveren, opgave-manager in Alphen aan
        den Rijn, vertelden over het werk van de opgave-manager zelf: de opbouw van een opgave,
        het mandaat, en de dagelijkse verhouding met de lijnmanagers van wie zij mensen en
        middelen nodig hebben.</p>"""),
        tekst("""<p>De verhalen verschilden in de details, maar in de zaal werd steeds
        hetzelfde patroon herkend. De sturing schiet zelden tekort bij de projectleiders en
        procesregisseurs, maar op het niveau daarboven. Lijnmanagement dat het
        opdrachtgeverschap er een beetje bij doet, geldt als het grootste afbreukrisico. De
        opgave-manager als opdrachtgever en programmeur, met een positie dicht op het bestuur,
        is het antwoord waar steeds meer gemeenten voor kiezen.</p>"""),
        citaat(
            """Ik kwam voor de organisatieplaatjes, maar ik ga naar huis met de vraag wie
        bij ons eigenlijk een project mag stoppen.""",
            "Een deelnemer uit een middelgrote gemeente",
        ),
        kop("De workshops"),
        tekst("""<p>Na de lunch gingen de deelnemers uiteen in drie workshops, elk rond een
        van de vragen van de dag.</p><ul><li><strong>Een opgave opbouwen: organisatie en
        mandaat.</strong> De deelnemers schreven in groepjes een mandaat voor een eigen opgave,
        en ontdekten hoe lastig het is om concreet te worden over bedragen en
        beslisruimte.</li><li><strong>Opgave-manager en lijnmanager: wie stuurt
        waarop?</strong> Het gesprek ging vooral over capaciteit. Het uitzendbureaumodel, met
        de lijn die de going concern draagt en mensen levert aan de opgaven, kreeg veel
        bijval, maar ook de kanttekening dat het de rol van de lijnmanager ingrijpend
        verandert.</li><li><strong>Verantwoorden vanuit een opgave.</strong> Hoe laat je een
        opgave terugkomen in een planning- en controlcyclus die is ingericht langs de
        programma's van de begroting? Een opgavenparagraaf bleek de meest gekozen eerste
        stap.</li></ul>"""),
        kop("Wat we meenemen"),
        tekst("""<p>In de afronding verzamelde de dagvoorzitter wat de deelnemers meenamen.
        Drie punten kwamen steeds terug.</p><ol><li><strong>Kies weinig opgaven.</strong> Wie
        alles een opgave noemt, maakt de echte opgaven onzichtbaar.</li><li><strong>Regel het
        mandaat concreet.</strong> Een opgave-manager zonder budget en beslisruimte is een
        coördinator met een mooie titel.</li><li><strong>Neem de lijn mee.</strong> De kanteling
        slaagt alleen als lijnmanagers hun nieuwe rol zien als een versterking van het vak, niet
        als verlies.</li></ol>"""),
        kader(
            "Een spin-off: het begrippenkader",
            """<p>Het doel van de dag noemde het al: een
        gemeenschappelijk begrippenkader zou een mooie spin-off zijn. Dat is er gekomen. De
        begrippen die op de dag het meest ter discussie stonden, zoals <em>opgave</em>,
        <em>opgave-sturing</em>, <em>opgave-manager</em> en <em>kanteling</em>, staan nu in het
        begrippenkader van het Leerhuis. Het <em>uitzendbureaumodel</em> is er als voorgesteld
        begrip bijgekomen, naar aanleiding van de workshop over opgave en lijn.</p>""",
        ),
        kop("Hoe verder"),
        tekst("""<p>Wie verder wil, kan terecht bij de leergang opgave-sturing, die de vragen
        van de studiedag in vijf middagen uitwerkt met de eigen opgave als casus. In de
        kennisbank staan artikelen over de meeste vragen van de dag, van wat een opgave is tot
        verantwoording in de planning- en controlcyclus. En wie wil weten wanneer iets een
        project, een proces of een programma is: doe de test.</p>"""),
    ],
)

BEGRIPPENKADER = artikel(
    "het-leerhuis-heeft-een-begrippenkader",
    "Nieuw in het Leerhuis: het begrippenkader opgavesturing",
    """Wat bedoelen we met opgave, opgave-manager of procesregie? Het Leerhuis heeft een
    gemeenschappelijk begrippenkader, en leden kunnen er zelf begrippen aan voorstellen.""",
    kind="nieuws",
    themes=["Opgave-sturing"],
    begrippen=["opgave", "opgave-sturing", "opgave-leider", "kanteling"],
    days_ago=5,
    body=[
        tekst("""<p>Vanaf vandaag staat in het Digitale Leerhuis het <strong>Begrippenkader
        opgavesturing</strong>: een gemeenschappelijke woordenlijst voor iedereen die bij een
        gemeente of provincie aan opgaven, projecten, processen en programma's werkt. Het kader
        begint met ruim dertig begrippen, van <em>opgave</em> en <em>opgave-sturing</em> tot
        <em>going concern</em>, <em>procesregie</em> en <em>wyberen</em>.</p>"""),
        kop("Waarom een begrippenkader?"),
        tekst("""<p>Opgave-gericht werken werd een paar jaar geleden snel populair, en dat was
        aan de taal te merken. Dezelfde woorden betekenden in elke gemeente iets anders, en
        soms binnen één gemeente ook. Wie in de ene gemeente opgave-manager heet, heet in de
        andere programmadirecteur, en omgekeerd. Dat maakt het lastig om van elkaar te
        leren. Op de aankondiging van de studiedag over opgave-sturing werd het al genoemd: een
        gemeenschappelijk begrippenkader zou een mooie spin-off zijn. Het is er nu.</p>"""),
        kop("Wat staat er per begrip?"),
        tekst("""<p>Elk begrip heeft een voorkeursterm en een definitie. Waar het helpt, staan
        er ook een uitleg in gewone taal, een toelichting over de afbakening, voorbeelden en de
        alternatieve termen die in gemeenten in omloop zijn. Zo vind je <em>opgave-sturing</em>
        ook als je zoekt op <em>opgavesturing</em> of <em>sturen op opgaven</em>. Begrippen
        verwijzen naar elkaar: van <em>opgave-manager</em> kun je doorklikken naar
        <em>lijnmanager</em>, <em>mandaat</em> en <em>programmeur</em>.</p>"""),
        tekst("""<p>Elk begrip heeft ook een status. De meeste zijn vastgesteld. Een paar zijn
        nog in bewerking, zoals <em>kanteling</em>, of voorgesteld. <em>Opgave-leider</em> is
        vervangen door <em>opgave-manager</em>: het begrip blijft vindbaar, met een verwijzing
        naar de term die we nu gebruiken.</p>"""),
        kader(
            "Zo gebruik je het begrippenkader",
            """<ul><li>Blader door de begrippen van A
        tot Z, of zoek op elke term die je kent.</li><li>In artikelen en bij bijeenkomsten
        zijn begrippen gekoppeld: wie een term niet kent, klikt door naar de
        definitie.</li><li>Leden kunnen een nieuw begrip of een wijziging voorstellen; de
        redactie beoordeelt elk voorstel.</li><li>Het hele kader is te downloaden, ook in
        open formaten voor wie het in de eigen systemen wil gebruiken.</li></ul>""",
        ),
        kop("Een kader van en voor de leden"),
        tekst("""<p>Het begrippenkader is nooit af. Het is gegroeid uit de gesprekken in het
        netwerk, en het moet daar ook verder groeien. Mis je een begrip, of past een definitie
        niet bij hoe het in jouw gemeente werkt? Doe dan een voorstel. De redactie beoordeelt
        elk voorstel voordat een begrip wordt vastgesteld. Zo wordt het kader steeds meer een
        gedeelde taal van de beroepsgroep.</p>"""),
        tekst("""<p>Vragen of opmerkingen over het begrippenkader? Neem contact op met de
        redactie van het Leerhuis via de contactpagina.</p>"""),
    ],
)

ARTICLES = [VERSLAG_STUDIEDAG, BEGRIPPENKADER]
