"""Demo article on wyberen as a method (kind methode), in the five steps the demo's meetings
name: wensen, belangen, effecten, resultaten, oplossingen."""

from leerhuis.demo.artikelen_vorm import artikel, citaat, kader, kop, tekst

WYBEREN = artikel(
    "wyberen-van-wens-naar-opgave",
    "Wyberen: van wens naar opgave in vijf stappen",
    """Wyberen helpt om met alle betrokkenen eerst uit te zoeken wat er eigenlijk nodig is,
    voordat iemand met een oplossing komt. Een beschrijving van de methode, stap voor stap.""",
    kind="methode",
    themes=["Wyberen", "Opgave-sturing", "Samenwerking"],
    begrippen=["wyberen", "opgave", "maatschappelijk-effect", "project", "proces", "programma"],
    days_ago=110,
    body=[
        tekst("""<p>Bijna elk gemeentelijk vraagstuk begint met een oplossing. Een
        raadslid wil een nieuwe sporthal, een wijkraad wil meer parkeerplaatsen, een
        wethouder wil een app voor mantelzorgers. Wie daar direct mee aan de slag gaat, loopt
        het risico een goede oplossing te bouwen voor het verkeerde probleem.
        <strong>Wyberen</strong> keert die volgorde om. Het is een werkwijze waarin
        betrokkenen samen van wensen, via belangen en beoogde effecten, tot een gedeelde opgave
        komen, voordat over oplossingen wordt gesproken. En het helpt kiezen of een project,
        een proces of een programma het best past.</p>"""),
        kop("Wanneer gebruik je wyberen?"),
        tekst("""<p>Wyberen wordt vaak gebruikt aan het begin van een opgave, als het
        vraagstuk nog breed is en de partijen het nog niet eens zijn over wat er aan de hand
        is. Het werkt ook halverwege, als een project vastloopt omdat blijkt dat de betrokkenen
        eigenlijk iets anders wilden. Minder geschikt is het voor een klus waarvan het
        resultaat al vastligt en waarover niemand twijfelt: dan is een projectplan
        sneller.</p>"""),
        kop("Stap 1: wensen"),
        tekst("""<p>Begin bij wat mensen willen, in hun eigen woorden. Zet alle wensen op een
        rij, zonder ze te beoordelen: van bewoners, ondernemers, maatschappelijke partners,
        collega's en bestuur. Juist de oplossingen die al rondzingen horen hier thuis, als
        wens. <em>Een nieuw plein</em>, <em>meer parkeerplaatsen</em>, <em>een
        dorpshuis</em>. Het doel van deze stap is dat iedereen zich gehoord voelt, en dat
        zichtbaar wordt hoe verschillend de wensen zijn.</p>"""),
        kop("Stap 2: belangen"),
        tekst("""<p>Vraag bij elke wens door: waarom wil je dit? Achter <em>meer
        parkeerplaatsen</em> zit bijvoorbeeld het belang van een winkelier die klanten wil
        houden, of van een bewoner die zijn auto dicht bij huis wil kunnen zetten. Achter
        <em>een nieuw plein</em> het belang van een plek waar mensen elkaar tegenkomen. Belangen
        blijken vaak dichter bij elkaar te liggen dan wensen. Twee partijen met tegenstrijdige
        wensen kunnen hetzelfde belang hebben.</p>"""),
        kop("Stap 3: effecten"),
        tekst("""<p>Vertaal de belangen naar de <strong>maatschappelijke effecten</strong> die
        je samen wilt bereiken: wat moet er over een paar jaar in de samenleving anders zijn?
        Niet <em>er is een plein</em>, maar <em>inwoners ontmoeten elkaar vaker in het
        centrum</em>, en <em>het winkelaanbod blijft op peil</em>. Hier ontstaat de gedeelde
        opgave. Leg elk beoogd effect vast en zorg dat alle partijen zich erin herkennen. Dat is het
        belangrijkste moment van wyberen.</p>"""),
        kop("Stap 4: resultaten"),
        tekst("""<p>Bepaal welke resultaten nodig zijn om de effecten te bereiken. Een
        resultaat is iets concreets dat je kunt opleveren of afspreken: een heringericht plein,
        afspraken met vastgoedeigenaren over leegstand, een regeling voor het opknappen van
        gevels. Bij sommige effecten zijn de resultaten goed te voorspellen, bij andere
        nauwelijks.</p>"""),
        kop("Stap 5: oplossingen, en de keuze voor de aanpak"),
        tekst("""<p>Pas nu komen de oplossingen aan bod, en daarmee de vraag welke aanpak
        past. Is het resultaat vooraf vast te leggen en zijn de partijen het over het doel
        eens? Dan past een <strong>project</strong>. Ligt het resultaat niet vast en moet het in
        overleg tussen partijen ontstaan? Dan past een <strong>proces</strong>, met een
        procesregisseur. Vraagt het effect om meer inspanningen die elkaar moeten versterken?
        Dan past een <strong>programma</strong>. Vaak is de uitkomst een combinatie, die de
        opgave-manager als programmeur samenstelt.</p>"""),
        kader(
            "De vijf stappen op een rij",
            """<ol><li><strong>Wensen</strong>: wat willen de
        betrokkenen?</li><li><strong>Belangen</strong>: waarom willen ze
        dat?</li><li><strong>Effecten</strong>: wat moet er in de samenleving anders
        zijn?</li><li><strong>Resultaten</strong>: wat is er nodig om dat te
        bereiken?</li><li><strong>Oplossingen</strong>: hoe, en met welke aanpak: project,
        proces of programma?</li></ol>""",
        ),
        kop("Een voorbeeld: de dorpskern"),
        tekst("""<p>Stel: bij de vernieuwing van een dorpskern zetten bewoners, ondernemers en
        gemeente eerst hun wensen op een rij. Die lopen uiteen, van een autovrij plein tot meer
        parkeerplaatsen. In de tweede stap blijkt dat bijna iedereen hetzelfde belang heeft:
        een levendig centrum waar de winkels openblijven. De effecten worden afgesproken: meer
        bezoekers in het centrum, minder leegstand, een veilige route voor fietsende
        schoolkinderen. Daarna wordt gekozen voor een project voor het plein en een proces met
        de vastgoedeigenaren over de winkels. Over parkeren wordt niet meer geruzied: het is een
        onderdeel van het ontwerp van het plein geworden.</p>"""),
        citaat(
            """Het verschil zat in stap twee. Zodra de winkeliers en de bewoners hoorden
        dat ze hetzelfde wilden, ging het gesprek niet meer over parkeerplaatsen.""",
            "Een procesregisseur over een wyberen-sessie in een dorpskern",
        ),
        kop("Tips voor de praktijk"),
        tekst("""<ul><li>Neem voor elke stap de tijd, en sla stap twee nooit over: daar zit de
        winst.</li><li>Laat een onafhankelijke begeleider de sessies leiden, niet de
        opdrachtgever.</li><li>Leg de uitkomst van elke stap zichtbaar vast, zodat iedereen kan
        zien waar zijn wens is gebleven.</li><li>Koppel de keuzes terug aan wie meedeed, ook als
        een wens het niet heeft gehaald.</li></ul>"""),
        tekst("""<p>Meer weten? In het archief van de kennisbank staat het webinar over wyberen
        in vijf stappen, en in het activiteitenprogramma vind je de workshop over wyberen met
        bewoners.</p>"""),
    ],
)

ARTICLES = [WYBEREN]
