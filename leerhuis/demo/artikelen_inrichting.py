"""Demo articles on setting opgave-sturing up: an opgave's organisation and mandate, and
introducing opgave-sturing in a municipality (leerhuis.demo.artikelen_verantwoording holds
the planning- en controlcyclus)."""

from leerhuis.demo.artikelen_vorm import artikel, citaat, kader, kop, tekst

ORGANISATIE_EN_MANDAAT = artikel(
    "een-opgave-organiseren-organisatie-en-mandaat",
    "Een opgave organiseren: organisatie en mandaat",
    """Een opgave zonder mandaat is een wens. Hoe bouw je een opgave op, wie zit waar aan tafel,
    en wat leg je vast over wat de opgave-manager zelf mag beslissen?""",
    themes=["Opgave-sturing", "Opdrachtgeverschap"],
    begrippen=[
        "mandaat",
        "opdrachtgevend-niveau",
        "ambtelijk-opdrachtgever",
        "bestuurlijk-opdrachtgever",
        "opdrachtnemer",
        "stuurgroep",
    ],
    days_ago=41,
    body=[
        tekst("""<p>Een opgave is benoemd, het college heeft de oplossingsrichting en de
        beoogde effecten vastgesteld, en er is een opgave-manager. Dan begint het eigenlijke
        werk: de opgave moet worden opgebouwd. Wie is waarvan opdrachtgever? Wie voert uit? Wie
        beslist als het anders loopt? En vooral: wat mag de opgave-manager zelf, zonder telkens
        terug te hoeven naar directie of college? Dit artikel loopt de bouwstenen langs.</p>"""),
        kop("Drie lagen"),
        tekst("""<p>Een opgave heeft drie lagen, en het helpt om ze uit elkaar te houden.</p>
        <ol><li><strong>Het bestuurlijk opdrachtgeverschap.</strong> Het collegelid dat
        politiek verantwoordelijk is voor de opgave en er tegenover de raad verantwoording over
        aflegt. Bij een opgave die meer portefeuilles raakt, is het verstandig één
        portefeuillehouder als eerste aanspreekpunt aan te wijzen.</li><li><strong>Het
        ambtelijk opdrachtgeverschap.</strong> De opgave-manager is de ambtelijk opdrachtgever,
        die namens het bestuur de opdrachten verstrekt en bewaakt, en als programmeur bepaalt
        welke inspanningen starten
        en stoppen. Dit is de opdrachtgevende laag die opgave-sturing wil
        versterken.</li><li><strong>De uitvoering.</strong> Projectleiders, procesregisseurs en
        programmamanagers, die als opdrachtnemer elk een inspanning leiden binnen afgesproken
        kaders.</li></ol>"""),
        tekst("""<p>Het klinkt vanzelfsprekend, maar in veel gemeenten lopen de lagen door
        elkaar. Een wethouder die rechtstreeks projectleiders aanstuurt, slaat de
        opgave-manager over. Een opgave-manager die zelf het belangrijkste project trekt, kan
        dat project niet meer onbevangen beoordelen.</p>"""),
        kop("Wat is een mandaat?"),
        tekst("""<p>In het bestuursrecht is een <strong>mandaat</strong> de bevoegdheid om
        namens een bestuursorgaan besluiten te nemen. In opgave-sturing gaat het breder: om
        afspraken over wat een opgave-manager, opdrachtgever of opdrachtnemer zelf mag beslissen
        over inzet, geld en koers. Een goed mandaat is specifiek. <em>De opgave-manager stuurt
        de opgave aan</em> zegt niets. <em>De opgave-manager mag binnen het opgavebudget
        projecten tot 250.000 euro starten en stoppen, en meldt dat achteraf aan de
        portefeuillehouder</em> zegt veel.</p>"""),
        kader(
            "Wat hoort in het mandaat van een opgave-manager?",
            """<ul><li>De opgave: het
        vraagstuk, de oplossingsrichting en de beoogde effecten, zoals het college ze
        vaststelde.</li><li>Het budget, en tot welk bedrag de opgave-manager zelf inspanningen
        start, bijstuurt of beëindigt.</li><li>De inzet van mensen: hoe die bij de lijn wordt
        gevraagd en wie beslist bij een conflict.</li><li>De verhouding tot de bestuurlijk
        opdrachtgever: wanneer vooraf, wanneer achteraf informeren.</li><li>De verantwoording:
        wat, wanneer en aan wie, ook in de planning- en controlcyclus.</li><li>Wanneer het
        mandaat wordt herzien, bijvoorbeeld na een jaar.</li></ul>""",
        ),
        kop("De stuurgroep: nuttig, maar geen opdrachtgever"),
        tekst("""<p>Bij grote opgaven, zeker als partners buiten de gemeente meedoen, ligt een
        <strong>stuurgroep</strong> voor de hand: een overleg van opdrachtgevers en betrokken
        partijen dat besluit over koers, fasen en bijsturing. Dat kan goed werken, mits
        iedereen weet dat de stuurgroep de opdrachtgever niet vervangt. Er blijft één
        opdrachtgever die beslist en aanspreekbaar is. Een stuurgroep waarin iedereen meepraat
        en niemand beslist, is een bekend patroon, en een duur patroon.</p>"""),
        tekst("""<p>Voor de samenwerking met partners zonder hiërarchie, zoals
        woningcorporaties, zorgaanbieders of de provincie, is procesregie vaak passender dan
        een stuurgroep. De opgave-manager is dan opdrachtgever van een procesregisseur, die
        partijen bij elkaar brengt die elkaar niets kunnen opdragen.</p>"""),
        kop("Een voorbeeld: de opgave Energietransitie"),
        tekst("""<p>Stel: een middelgrote gemeente richt de opgave <em>Van het aardgas
        af</em> in. De wethouder energie is bestuurlijk opdrachtgever. De opgave-manager krijgt
        een mandaat voor vier jaar met een eigen opgavebudget. Daaronder hangen een programma
        voor de wijkaanpak met een programmamanager, een project voor een warmtenet in een
        nieuwbouwwijk met een projectleider, en een proces met de woningcorporaties en de
        netbeheerder onder leiding van een procesregisseur.</p>"""),
        tekst("""<p>De opgave-manager mag binnen het budget zelf schuiven tussen de
        inspanningen en nieuwe inspanningen tot een afgesproken bedrag starten. Voor grotere
        beslissingen gaat een voorstel naar het college. Ieder kwartaal bespreken
        opgave-manager en wethouder de voortgang op de effecten, niet alleen op de projecten.
        Twee keer per jaar komen de directeuren van de corporaties, de netbeheerder en de
        wethouder bij elkaar in een bestuurlijk overleg, dat de procesregisseur
        voorbereidt.</p>"""),
        citaat(
            """Het mandaat was twee kantjes. We hebben er in het eerste jaar vaker naar
        gegrepen dan naar welk ander document ook.""",
            "Een opgave-manager energietransitie",
        ),
        kop("Begin klein, en herzie"),
        tekst("""<p>Een laatste advies: probeer niet alles in één keer goed te regelen. Het
        eerste mandaat is zelden het juiste. Spreek daarom vooraf af wanneer het wordt herzien,
        en houd bij waar het knelde: een beslissing die te lang op zich liet wachten, een
        conflict met de lijn dat nergens belegd was, een bedrag dat te laag bleek. Na een jaar
        weet de organisatie veel beter wat een opgave-manager nodig heeft, en kan het mandaat
        daarop worden aangepast.</p>"""),
    ],
)

OPGAVE_STURING_INVOEREN = artikel(
    "opgave-sturing-invoeren-in-een-gemeente",
    "Opgave-sturing invoeren: een kanteling in stappen",
    """Opgave-sturing invoeren raakt rollen, budgetten en verantwoording. Over de kanteling die
    dat teweegbrengt, en de stappen die gemeenten zetten om er goed doorheen te komen.""",
    themes=["Opgave-sturing"],
    begrippen=[
        "kanteling",
        "besturingsmodel",
        "lijnmanagement",
        "going-concern",
        "projectenbureau",
    ],
    days_ago=28,
    body=[
        tekst("""<p>Opgave-sturing is geen project dat je oplevert, maar een ander
        <strong>besturingsmodel</strong>: andere afspraken over wie waarover beslist, met welk
        mandaat, hoe middelen worden verdeeld en hoe verantwoording wordt afgelegd. Wie het
        invoert, zet een <strong>kanteling</strong> in gang, van sturing langs afdelingen naar
        sturing op opgaven. Dat vraagt tijd, en een volgorde. Dit artikel zet de stappen op een
        rij die gemeenten in de praktijk zetten.</p>"""),
        kop("Stap 1: kies de opgaven, en kies er weinig"),
        tekst("""<p>De verleiding is groot om te beginnen met een lange lijst. Doe het niet.
        Begin met de drie tot vijf opgaven waar het college het verschil wil maken, en waarvoor
        sturing over afdelingen heen echt nodig is. Al het andere blijft voorlopig in de lijn,
        waar het vaak prima op zijn plek is. Een kleine set maakt het mogelijk om te leren
        voordat de hele organisatie meedoet.</p>"""),
        kop("Stap 2: versterk het opdrachtgevende niveau"),
        tekst("""<p>De kern van opgave-sturing is het versterken van het opdrachtgevende
        niveau. Stel per opgave een opgave-manager aan met een heldere opdracht van het college
        en een mandaat. Kies daarvoor mensen met gezag en bestuurlijk gevoel, niet per se de
        meest ervaren vakspecialist. Geef hen de tijd: opgave-manager erbij doen naast een
        afdeling leiden is precies het patroon dat opgave-sturing wil doorbreken.</p>"""),
        kop("Stap 3: herzie de rol van de lijn"),
        tekst("""<p>Hier begint de eigenlijke kanteling. Veel gemeenten kiezen voor een
        <strong>lijnmanagement</strong> dat de going concern draagt en medewerkers levert aan
        de opgaven, naar het uitzendbureaumodel. De lijn blijft verantwoordelijk voor
        vakmanschap, ontwikkeling en het doorlopende werk; de opgave bepaalt waaraan ingezette
        medewerkers werken. Dat verandert de rol van afdelingsmanagers ingrijpend, en vraagt
        om een gesprek met hen voordat het besluit valt, niet erna.</p>"""),
        kop("Stap 4: regel geld en verantwoording"),
        tekst("""<p>Een opgave zonder eigen budget is afhankelijk van de welwillendheid van
        afdelingen. Spreek af welk deel van de middelen bij de opgave komt en hoe de opgave
        terugkomt in de planning- en controlcyclus. De begroting blijft vaak ingericht langs
        programma's en taakvelden; een aparte opgavenparagraaf of opgavenrapportage is een
        gangbare tussenvorm.</p>"""),
        kop("Stap 5: bouw het vakmanschap"),
        tekst("""<p>Opgave-sturing vraagt meer verschillende aanpakken dan veel organisaties
        gewend zijn. Soms past een project, soms procesregie, soms een programma. Het
        <strong>projectenbureau</strong> wist dat al lang, maar nu moet de rest van de
        organisatie het ook leren. Reken erop dat er meer procesregievraagstukken boven tafel
        komen, en dat daar minder ervaring mee is. Investeer in opleiding en intervisie, en
        gebruik het projectenbureau als plek waar het vak wordt bewaakt.</p>"""),
        kader(
            "Valkuilen bij de invoering",
            """<ul><li>Alles een opgave noemen, zodat de echte
        opgaven onzichtbaar worden.</li><li>Opgave-managers aanstellen zonder mandaat of
        budget.</li><li>De lijn pas na het besluit informeren over haar nieuwe
        rol.</li><li>Verwachten dat de kanteling binnen een jaar klaar is.</li><li>Alleen
        praten over cultuur, en de sturingskant vergeten, of
        omgekeerd.</li></ul>""",
        ),
        kop("Hoe lang duurt het?"),
        tekst("""<p>Gemeenten die de kanteling hebben gemaakt, spreken meestal over drie tot
        vijf jaar voordat het nieuwe model vanzelf spreekt. Het eerste jaar gaat op aan het
        inrichten en aan de eerste conflicten over capaciteit en geld. In het tweede jaar wordt
        het mandaat herzien en vinden opgave en lijn hun ritme. Pas daarna verschuift het
        gesprek met het college en de raad echt van producten naar effecten.</p>"""),
        citaat(
            """We hebben het eerst op twee opgaven geprobeerd en daar veel van geleerd. Als
        we meteen met tien waren begonnen, hadden we dezelfde fouten tien keer
        gemaakt.""",
            "Een gemeentesecretaris over de invoering van opgave-sturing",
        ),
        kop("Vier vragen om mee te beginnen"),
        tekst("""<p>Wie de invoering voorbereidt, kan met vier vragen beginnen, het liefst in
        het gesprek tussen college en directie: welke maatschappelijke vraagstukken willen we
        de komende vier jaar echt veranderen? Wie wordt voor elk daarvan opdrachtgever, en met
        welk mandaat? Wat betekent dat voor de lijn en het going concern? En hoe willen we als
        college en raad over deze opgaven geïnformeerd worden? Wie die vragen samen
        beantwoordt, heeft de kanteling al een flink stuk op gang gebracht.</p>"""),
    ],
)

ARTICLES = [ORGANISATIE_EN_MANDAAT, OPGAVE_STURING_INVOEREN]
