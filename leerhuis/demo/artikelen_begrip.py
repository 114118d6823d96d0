"""Demo articles on the words themselves: what an opgave is, and how opgave-sturing differs
from opgave-gericht werken (the first two questions of the study day)."""

from leerhuis.demo.artikelen_vorm import artikel, citaat, kader, kop, tekst

WAT_IS_EEN_OPGAVE = artikel(
    "wat-is-een-opgave",
    "Wat is een opgave? Niet alles wat belangrijk is",
    """Na een paar jaar waarin gemeenten alles een opgave noemden, is het tijd voor een scherpere
    afbakening. Wanneer is een maatschappelijk vraagstuk een opgave, en wanneer gewoon werk?""",
    themes=["Opgave-sturing"],
    begrippen=["opgave", "maatschappelijk-vraagstuk", "maatschappelijk-effect", "going-concern"],
    days_ago=96,
    body=[
        tekst("""<p>Wie een willekeurige collegebrief of begroting openslaat, komt het woord
        <em>opgave</em> overal tegen. De woningbouwopgave, de energieopgave, de opgave in het
        sociaal domein, maar ook de opgave om het archief te digitaliseren of de opgave om de
        gemeentelijke website te vernieuwen. Toen opgave-gericht werken een paar jaar geleden
        snel populair werd, noemden sommige gemeenten opeens alles een opgave, en iedereen die
        er iets aan deed een opgave-leider. Het resultaat: een woord dat alles betekende en dus
        niets meer zei.</p>"""),
        tekst("""<p>Wie op opgaven wil sturen, kan zich die vaagheid niet permitteren. Aan een
        opgave hangen een opdrachtgever, een mandaat, budget en verantwoording. Als onduidelijk
        is wat wel en niet een opgave is, is ook onduidelijk wie waarover beslist. Daarom
        begint dit artikel bij de definitie uit het begrippenkader van het Leerhuis.</p>"""),
        kop("Van vraagstuk naar opgave"),
        tekst("""<p>Een opgave begint bij een <strong>maatschappelijk vraagstuk</strong>: een
        probleem of kans in de samenleving dat veel inwoners, bedrijven of organisaties raakt,
        dat geen partij alleen kan oplossen en waarover de opvattingen uiteenlopen. Denk aan
        eenzaamheid onder ouderen, wateroverlast na hevige buien, of een tekort aan betaalbare
        woningen voor starters.</p>"""),
        tekst("""<p>Het vraagstuk zelf is nog geen opgave. Er wordt pas een opgave van als
        bestuur en organisatie er een keuze over maken: welke oplossingsrichting kiezen we, en
        welke <strong>maatschappelijke effecten</strong> willen we bereiken? Een opgave is dus
        een maatschappelijk vraagstuk waarvoor een oplossingsrichting en beoogde effecten zijn
        vastgesteld, en waaraan over de grenzen van afdelingen en organisaties heen wordt
        gewerkt. Uit één vraagstuk kunnen meer opgaven voortkomen: het woningtekort kan leiden
        tot een opgave voor versnelde nieuwbouw en een aparte opgave voor het beter benutten
        van de bestaande voorraad.</p>"""),
        kader(
            "Drie toetsvragen",
            """<p>Een vraagstuk is een opgave als je op alle drie de
        vragen ja kunt zeggen:</p><ul><li>Ligt er een maatschappelijk vraagstuk onder, dat
        inwoners of bedrijven merken?</li><li>Is het doel uitgedrukt in effecten in de
        samenleving, en niet in producten van de organisatie?</li><li>Is sturing nodig over
        afdelingen, en vaak ook over organisaties, heen?</li></ul>""",
        ),
        kop("Effecten, geen producten"),
        tekst("""<p>Het tweede kenmerk is het lastigste. Organisaties zijn gewend te sturen op
        wat ze zelf maken: vergunningen, plannen, bijeenkomsten, kilometers fietspad. Een
        opgave vraagt een ander richtpunt. Niet <em>we organiseren twaalf wijkavonden</em>,
        maar <em>over drie jaar voelen minder ouderen in de wijk zich eenzaam</em>. Niet
        <em>we stellen een warmtevisie op</em>, maar <em>over vijf jaar wonen 1.500
        huishoudens in een aardgasvrije woning, zonder dat hun woonlasten zijn
        gestegen</em>.</p>"""),
        tekst("""<p>Zo'n maatschappelijk effect is zelden aan één inspanning toe te schrijven.
        Juist daarom is
        het een goed richtpunt: het dwingt om te kijken naar de samenhang tussen alles wat
        eraan bijdraagt. Het project dat de warmteleidingen aanlegt, het proces met de
        woningcorporaties en de netbeheerder, en de regeling voor particuliere eigenaren
        tellen pas echt als ze samen het effect dichterbij brengen.</p>"""),
        kop("Wat geen opgave is"),
        tekst("""<p>Minstens zo belangrijk is wat buiten de definitie valt. Werk dat een
        afdeling zelfstandig en doorlopend uitvoert, hoort bij de <strong>going
        concern</strong>: paspoorten verstrekken, afval ophalen, wegen onderhouden. Dat werk
        is onmisbaar en verdient goede sturing, maar het is geen opgave. Ook een tijdelijke klus
        met een vooraf vast te leggen resultaat, zoals de vervanging van de straatverlichting
        door ledverlichting, is geen opgave: dat is een project, en het heeft een
        projectleider en een opdrachtgever nodig, geen opgave-manager.</p>"""),
        tekst("""<p>Het helpt om die grens hardop te trekken. Een gemeente die twintig opgaven
        benoemt, heeft er in de praktijk meestal vier of vijf, en daarnaast een flink aantal
        projecten en programma's die het verdienen om gewoon goed in de lijn te worden
        aangestuurd. Wie alles een opgave noemt, maakt de echte opgaven onzichtbaar.</p>"""),
        citaat(
            """Toen we onze lijst van achttien opgaven naast de drie toetsvragen legden,
        bleven er vijf over. De rest was belangrijk werk, maar geen opgave. Dat gaf lucht, ook
        bij het college.""",
            "Een programmamanager tijdens een netwerkdag",
        ),
        kop("Een voorbeeld uit het dorpengebied"),
        tekst("""<p>Stel: een plattelandsgemeente ziet dat voorzieningen in de kleinere dorpen
        verdwijnen. De school loopt leeg, de bus rijdt minder vaak, het dorpshuis draait op een
        handvol vrijwilligers. Dat is het vraagstuk. Het college kiest een oplossingsrichting:
        niet elk dorp alles, maar elk dorp bereikbaar en leefbaar, met een sterk dorpshuis als
        ankerpunt. De beoogde effecten worden concreet gemaakt: inwoners van alle dorpen kunnen
        binnen twintig minuten een huisarts, basisschool en supermarkt bereiken, en het aantal
        actieve vrijwilligers neemt niet verder af.</p>"""),
        tekst("""<p>Nu is er een opgave, <em>Vitale dorpen</em>. Er wordt aan gewerkt met een
        project voor de verbouwing van dorpshuizen, een proces met de dorpsbelangen over welke
        voorziening waar blijft, en een programma voor bereikbaarheid met de provincie en de
        vervoerder. De sociale teams, de afdeling ruimte en het team sport doen allemaal mee.
        En iemand houdt het geheel in de gaten: de opgave-manager.</p>"""),
        kop("Waarom de afbakening ertoe doet"),
        tekst("""<p>Een scherpe definitie is geen taalkundige hobby. Ze bepaalt waar het
        zwaarste opdrachtgeverschap terechtkomt, waar schaarse mensen naartoe gaan en waarover
        de raad straks verantwoording krijgt. Begin daarom elke nieuwe opgave met de vraag of
        het er echt een is, en leg het antwoord vast: het vraagstuk, de oplossingsrichting, de
        beoogde effecten en de partijen die nodig zijn. Wie dat samen met betrokkenen wil
        uitzoeken, vindt in wyberen een beproefde methode.</p>"""),
    ],
)

STURING_OF_GERICHT_WERKEN = artikel(
    "opgave-sturing-en-opgave-gericht-werken",
    "Opgave-sturing of opgave-gericht werken: twee woorden, twee vragen",
    """Ze worden door elkaar gebruikt, maar gaan over iets anders. Opgave-gericht werken gaat
    over houding en werkwijze, opgave-sturing over wie beslist, met welk mandaat.""",
    themes=["Opgave-sturing", "Opdrachtgeverschap"],
    begrippen=[
        "opgave-sturing",
        "opgave-gericht-werken",
        "opgave-management",
        "besturingsmodel",
        "opdrachtgevend-niveau",
    ],
    days_ago=81,
    body=[
        tekst("""<p>In veel gemeenten staat het in hetzelfde organisatieplan: <em>we gaan
        opgave-gericht werken</em> en <em>we voeren opgave-sturing in</em>. Soms in één zin,
        alsof het hetzelfde is. Dat is het niet. Het verschil lijkt klein, maar wie het niet
        maakt, loopt een paar jaar later tegen teleurstelling aan: medewerkers die echt anders
        zijn gaan werken, en een organisatie die precies hetzelfde stuurt als
        daarvoor.</p>"""),
        kop("Opgave-gericht werken: de manier van werken"),
        tekst("""<p><strong>Opgave-gericht werken</strong> is een manier van werken. Een
        medewerker richt zijn inzet op de bijdrage aan een maatschappelijke opgave, samen met
        collega's van andere afdelingen en met partners buiten de organisatie, in plaats van op
        de taken van de eigen afdeling. Je begint bij de vraag wat de inwoner of de wijk nodig
        heeft, en zoekt dan wie je daarvoor nodig hebt.</p>"""),
        tekst("""<p>Dat is waardevol, en het kan morgen beginnen. Een beleidsmedewerker
        jeugd die de wijkagent en de sportcoach uitnodigt voor een gesprek over een groep
        jongeren, werkt opgave-gericht. Een vergunningverlener die met de initiatiefnemer en de
        collega van natuur meedenkt voordat de aanvraag binnen is, ook. Er hoeft daarvoor
        niets aan de besturing te veranderen.</p>"""),
        kop("Opgave-sturing: het besturingsmodel"),
        tekst("""<p><strong>Opgave-sturing</strong> gaat over iets anders: de inrichting van
        sturing en verantwoording. Het is een besturingsmodel waarin de organisatie stuurt op
        maatschappelijke opgaven. De opdrachtgevende laag wordt versterkt, zodat iemand met
        gezag de samenhang bewaakt tussen alle projecten, processen en programma's die aan een
        opgave bijdragen. De vragen die erbij horen zijn bestuurlijk en organisatorisch: wie is
        opdrachtgever, met welk mandaat, wie gaat over het geld, hoe verhoudt dat zich tot de
        lijn, en hoe komt de opgave terug in de planning- en controlcyclus?</p>"""),
        tekst("""<p>Opgave-sturing is daarmee een keuze van bestuur en directie. Een
        medewerker kan opgave-gericht werken zonder toestemming van wie dan ook; opgave-sturing
        invoeren kan alleen de top van de organisatie.</p>"""),
        kader(
            "Het verschil in één oogopslag",
            """<ul><li><strong>Opgave-gericht
        werken</strong>: gaat over houding en werkwijze; geldt voor iedereen; kan zonder dat de
        organisatie verandert.</li><li><strong>Opgave-sturing</strong>: gaat over besturing,
        mandaat en verantwoording; is een keuze van bestuur en directie; verandert de
        verhouding tussen opgaven en lijn.</li><li><strong>Opgave-management</strong>: het
        sturen van het werk aan één opgave, het dagelijkse werk van de
        opgave-manager.</li></ul>""",
        ),
        kop("Waarom het verschil ertoe doet"),
        tekst("""<p>Gemeenten die alleen opgave-gericht werken invoeren, zien vaak een
        herkenbaar patroon. De eerste jaren is er energie: medewerkers zoeken elkaar op, er
        ontstaan nieuwe samenwerkingen, het college is enthousiast. Daarna loopt het vast. De
        projectleider van het ene project en de procesregisseur van het andere willen allebei
        dezelfde collega's inzetten, en niemand kan kiezen. Een project dat goed loopt maar
        niet meer bijdraagt, wordt niet gestopt, omdat de lijnmanager die er opdrachtgever van
        is geen reden ziet. De verantwoording gaat nog steeds per afdeling, dus het gesprek met
        de raad gaat over producten, niet over effecten.</p>"""),
        tekst("""<p>Het probleem zit dan niet bij de mensen die het werk doen, maar op het
        opdrachtgevende niveau. Dat is ook de kern van de studiedag over opgave-sturing: de
        sturing schiet zelden tekort bij de projectleider, procesregisseur of
        programmamanager, maar bij de opdrachtgever daarboven. Lijnmanagement dat het
        opdrachtgeverschap er een beetje bij doet, blijkt een groot afbreukrisico.</p>"""),
        citaat(
            """Onze mensen werkten al jaren opgave-gericht. Wat ontbrak was iemand die
        namens het college kon zeggen: dit project stopt, en die capaciteit gaat naar de
        wijkaanpak.""",
            "Een gemeentesecretaris uit het netwerk van de vereniging",
        ),
        kop("En opgave-management?"),
        tekst("""<p>Tussen de twee begrippen in staat <strong>opgave-management</strong>: het
        sturen van het werk aan één opgave. De opgave-manager bewaakt de samenhang tussen de
        inspanningen, beslist welke starten en welke stoppen, en verantwoordt wat het oplevert
        aan maatschappelijk effect. Opgave-management is opgave-sturing in de praktijk van één
        opgave. Het lijkt op programmamanagement, maar reikt verder: een programma is één van
        de vormen waarin aan een opgave kan worden gewerkt, naast projecten en
        processen.</p>"""),
        kop("Ze hebben elkaar nodig"),
        tekst("""<p>Het is geen keuze tussen het een of het ander. Opgave-sturing zonder
        opgave-gericht werken levert een nieuw organogram op waarin medewerkers op de oude
        manier doorwerken. Opgave-gericht werken zonder opgave-sturing levert goede
        bedoelingen op die stranden op het eerste conflict over capaciteit of geld. Wie
        allebei wil, doet er goed aan ze apart te benoemen: in het organisatieplan, in de
        communicatie en in de planning. Wat verandert er voor medewerkers in hun werk? En wat
        verandert er in wie waarover beslist?</p>"""),
        tekst("""<p>Een praktische tip om mee te beginnen: schrijf bij elke opgave op wie de
        opdrachtgever is en wat hij of zij mag beslissen. Als dat niet lukt, werkt de
        organisatie misschien wel opgave-gericht, maar stuurt ze nog niet op opgaven.</p>"""),
    ],
)

ARTICLES = [WAT_IS_EEN_OPGAVE, STURING_OF_GERICHT_WERKEN]
