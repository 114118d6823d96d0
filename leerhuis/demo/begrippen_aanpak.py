"""The demo's begrippen of the ways of working (project, proces, programma) and of the
daily organisation around them; the entries are written as in leerhuis.demo.begrippen_sturing."""

from glossary.models import ConceptStatus
from leerhuis.demo.begrippen_sturing import concept

AANPAK = [
    concept(
        "going concern",
        "Het doorlopende, terugkerende werk van een organisatie dat ook zonder bijzondere "
        "opdracht doorgaat, zoals dienstverlening, vergunningverlening en beheer.",
        explanation="Het gewone werk dat elke dag en elk jaar doorgaat: paspoorten maken, afval "
        "ophalen, wegen onderhouden.",
        scope_note="De term komt uit de bedrijfseconomie, waar hij de voortzetting van een "
        "onderneming aanduidt. In gemeenten staat hij tegenover het tijdelijke werk in "
        "projecten, processen en programma's.",
        alt=["reguliere taken", "lopende zaken"],
        hidden=["goingconcern", "going-concern"],
        themes=["opdrachtgeverschap"],
    ),
    concept(
        "project",
        "Een tijdelijke, afgebakende inspanning met een vooraf bepaald, concreet resultaat, "
        "een eigen budget en een begin- en einddatum, uitgevoerd onder leiding van een "
        "projectleider.",
        explanation="Iets maken of regelen dat je van tevoren goed kunt beschrijven, binnen een "
        "vaste tijd en voor een vast bedrag. Als het af is, stopt het project.",
        scope_note="Een project past als het resultaat vooraf vast te leggen is en de "
        "betrokken partijen het over het doel eens zijn. Is dat niet zo, dan past een proces "
        "of een programma beter.",
        examples="De bouw van een nieuwe sporthal.\n\nDe vervanging van alle straatverlichting "
        "door ledverlichting.",
        hidden=["projekt"],
        themes=["projectmatig-werken"],
        related=["proces", "programma", "projectmatig werken", "projectleider"],
    ),
    concept(
        "projectmatig werken",
        "Werken volgens een vaste aanpak in fasen en beslismomenten, waarbij tijd, geld, "
        "kwaliteit, informatie en organisatie worden beheerst om een afgesproken resultaat te "
        "bereiken.",
        explanation="Werken met een duidelijk plan: eerst afspreken wat er moet komen, dan in "
        "stappen uitvoeren, en bij elke stap kijken of je nog op koers ligt.",
        scope_note="Projectmatig werken is de basis van het vak; ook processen en programma's "
        "gebruiken er onderdelen van. Bij een omstreden of onduidelijk vraagstuk werkt een "
        "strak projectplan averechts.",
        alt=["projectmatige aanpak"],
        themes=["projectmatig-werken"],
        related=["projectenbureau"],
    ),
    concept(
        "projectleider",
        "Degene die als opdrachtnemer een project leidt en het afgesproken resultaat binnen de "
        "kaders van tijd, geld en kwaliteit oplevert aan de opdrachtgever.",
        alt=["projectmanager"],
        themes=["projectmatig-werken"],
        related=["opdrachtnemer"],
    ),
    concept(
        "proces",
        "Een tijdelijke inspanning waarin partijen met verschillende belangen en zonder "
        "onderlinge hiërarchie samen zoeken naar een gedeeld beeld van het probleem en een "
        "oplossing, terwijl het resultaat vooraf niet vastligt.",
        explanation="Als je de oplossing nog niet weet en die samen met anderen moet vinden, "
        "ben je met een proces bezig. Het draait om gesprekken, vertrouwen en afspraken.",
        scope_note="Hier is een proces geen werkproces (een vaste reeks handelingen, zoals het "
        "afhandelen van een aanvraag), maar een samenwerking rond een vraagstuk.",
        examples="Met bewoners, ondernemers en de provincie een toekomstbeeld maken voor een "
        "winkelgebied met veel leegstand.",
        alt=["samenwerkingsproces"],
        themes=["procesregie"],
        related=["programma", "procesregie"],
    ),
    concept(
        "procesregie",
        "Het ontwerpen, op gang brengen en gaande houden van een proces tussen partijen die "
        "elkaar niets kunnen opdragen, zodat zij tot gezamenlijke besluiten en afspraken komen.",
        explanation="Mensen en organisaties bij elkaar brengen die het samen moeten doen, en "
        "zorgen dat het gesprek doorgaat tot er afspraken liggen, ook als niemand de baas is.",
        scope_note="De procesregisseur stuurt op het proces en de verhoudingen, niet op een "
        "vooraf bepaald resultaat. Nu opgaven centraal staan, komen er meer "
        "procesregievraagstukken op tafel, en daarmee de vraag hoe je regie voert zonder "
        "doorzettingsmacht.",
        alt=["procesmanagement"],
        themes=["procesregie", "samenwerking"],
        related=["procesregisseur"],
    ),
    concept(
        "procesregisseur",
        "Degene die als opdrachtnemer procesregie voert: het proces ontwerpt, partijen bij "
        "elkaar brengt en het proces bewaakt, zonder zelf over de inhoud te beslissen.",
        alt=["procesmanager"],
        themes=["procesregie"],
        related=["opdrachtnemer"],
    ),
    concept(
        "programma",
        "Een tijdelijk, samenhangend geheel van projecten, processen en andere inspanningen "
        "die samen bijdragen aan een doel dat geen van die inspanningen alleen kan bereiken.",
        explanation="Een verzameling projecten en activiteiten die bij elkaar horen, met één "
        "gezamenlijk doel. Het programma zorgt dat ze elkaar versterken in plaats van in de "
        "weg zitten.",
        scope_note="Een programma stuurt op doelen en effecten en past zijn inhoud onderweg "
        "aan. Niet te verwarren met een programma van de begroting in de planning- en "
        "controlcyclus.",
        examples="Het programma Binnenstad: de herinrichting van pleinen (projecten), "
        "afspraken met vastgoedeigenaren (een proces) en een regeling voor het opknappen van "
        "gevels.",
        hidden=["programa"],
        themes=["programmamanagement"],
        related=["programmamanagement"],
    ),
    concept(
        "programmamanagement",
        "Het sturen van een programma: de samenhang tussen de onderdelen bewaken, onderdelen "
        "starten, bijsturen en beëindigen, en de bijdrage aan het programmadoel zichtbaar "
        "maken.",
        alt=["programmasturing"],
        hidden=["programmanagement", "programma management"],
        themes=["programmamanagement"],
        related=["programmamanager"],
    ),
    concept(
        "programmamanager",
        "Degene die als opdrachtnemer een programma leidt en verantwoordelijk is voor de "
        "samenhang en de voortgang van de onderdelen.",
        themes=["programmamanagement"],
        related=["opdrachtnemer"],
    ),
    concept(
        "programmeur",
        "In opgave-sturing: degene die bepaalt welke projecten, processen en programma's voor "
        "een opgave worden gestart en beëindigd, naar hun bijdrage aan de beoogde "
        "maatschappelijke effecten; meestal de opgave-manager.",
        explanation="Hier is een programmeur niet iemand die software schrijft. Het is de "
        "persoon die kiest welke klussen voor een opgave beginnen en welke stoppen, zoals de "
        "programmeur van een theater kiest welke voorstellingen er komen.",
        scope_note="Programmeren gaat over de samenstelling van alle inspanningen voor een "
        "opgave, niet over hun uitvoering. Een programmeur kan een project stoppen dat goed "
        "loopt maar niet meer bijdraagt aan het effect.",
        themes=["opgave-sturing", "programmamanagement"],
        related=["maatschappelijk effect"],
    ),
    concept(
        "kanteling",
        "De verschuiving in een organisatie van sturing langs afdelingen naar sturing op "
        "opgaven, met de veranderingen in rollen, mandaten, budgetten en verantwoording die "
        "daarbij horen.",
        explanation="Het moment dat een gemeente haar organisatie anders gaat inrichten: niet "
        "meer de afdelingen voorop, maar de grote vraagstukken in de samenleving.",
        scope_note="De kanteling raakt vooral het opdrachtgevende niveau en de verhouding tot "
        "de lijn. Veel gemeenten laten de lijn de going concern dragen en medewerkers "
        "leveren aan de opgaven.",
        alt=["organisatiekanteling"],
        themes=["opgave-sturing"],
        status=ConceptStatus.IN_BEWERKING,
    ),
    concept(
        "mandaat",
        "De bevoegdheid om namens een ander, binnen vastgelegde grenzen, besluiten te nemen en "
        "middelen in te zetten.",
        explanation="Wat je zelf mag beslissen, zonder het eerst aan je leidinggevende of het "
        "college te vragen.",
        scope_note="In het bestuursrecht is mandaat de bevoegdheid om namens een "
        "bestuursorgaan besluiten te nemen. In opgave-sturing gaat het ook om afspraken over "
        "wat een opgave-manager, opdrachtgever of opdrachtnemer zelf mag beslissen over "
        "inzet, geld en koers.",
        examples="De opgave-manager mag binnen het opgavebudget projecten tot € 250.000 "
        "starten en stoppen, en meldt dat achteraf aan de portefeuillehouder.",
        hidden=["mandaad"],
        themes=["opdrachtgeverschap"],
    ),
    concept(
        "planning- en controlcyclus",
        "De jaarlijkse cyclus waarin de raad de begroting vaststelt, tussentijds wordt "
        "geïnformeerd en met de jaarrekening verantwoording ontvangt over wat met de middelen "
        "is gedaan.",
        explanation="De vaste kalender van de gemeente voor geld: plannen maken, bijhouden hoe "
        "het gaat en achteraf vertellen wat het heeft opgeleverd.",
        scope_note="De cyclus is ingericht langs de programma's en taakvelden van de "
        "begroting, niet langs opgaven. Wie op opgaven stuurt, spreekt af hoe de "
        "verantwoording vanuit een opgave in kadernota, begroting, tussenrapportages en "
        "jaarstukken terechtkomt.",
        alt=["P&C-cyclus", "planning & control-cyclus"],
        hidden=["planning en control cyclus", "P&C cyclus"],
        themes=["opdrachtgeverschap"],
        related=["mandaat"],
    ),
    concept(
        "wyberen",
        "Een werkwijze waarin betrokkenen samen van wensen, via belangen en beoogde effecten, "
        "tot een gedeelde opgave komen voordat over oplossingen wordt gesproken, en die helpt "
        "kiezen of een project, proces of programma past.",
        explanation="Een manier om met alle betrokkenen eerst goed uit te zoeken wat er "
        "eigenlijk nodig is, voordat iemand met een oplossing komt.",
        scope_note="Wyberen wordt vaak gebruikt aan het begin van een opgave. De uitkomst is "
        "een gedeeld beeld van opgave en effecten, en een keuze voor de aanpak die erbij past.",
        examples="Bij de vernieuwing van een dorpskern zetten bewoners, ondernemers en "
        "gemeente eerst hun wensen op een rij, zoeken dan de belangen erachter, spreken de "
        "effecten af en kiezen pas daarna voor een project voor het plein en een proces over "
        "de winkels.",
        hidden=["wijberen", "weiberen"],
        themes=["wyberen"],
        related=["maatschappelijk effect"],
    ),
    concept(
        "uitzendbureaumodel",
        "Een inrichting waarin medewerkers in de lijn zijn ondergebracht, die hen zoals een "
        "uitzendbureau beschikbaar stelt aan opgaven, projecten en programma's, terwijl de "
        "lijn verantwoordelijk blijft voor vakmanschap en ontwikkeling.",
        scope_note="Voorgesteld naar aanleiding van de studiedag over opgave-sturing.",
        alt=["uitzendbureaufunctie"],
        themes=["opgave-sturing"],
        related=["lijnmanagement", "going concern", "kanteling"],
        status=ConceptStatus.VOORGESTELD,
    ),
    concept(
        "projectenbureau",
        "Een onderdeel van een gemeente of provincie waar projectleiders, procesregisseurs en "
        "programmamanagers werken, en dat hen inzet, ontwikkelt en de kwaliteit van het vak "
        "bewaakt.",
        alt=["projectbureau"],
        themes=["projectmatig-werken"],
        related=["uitzendbureaumodel"],
    ),
    concept(
        "stuurgroep",
        "Een overleg van opdrachtgevers en betrokken partijen dat besluit over koers, fasen en "
        "bijsturing van een project, programma of opgave.",
        scope_note="Een stuurgroep vervangt de opdrachtgever niet: er blijft één "
        "opdrachtgever die beslist en aanspreekbaar is.",
        themes=["opdrachtgeverschap", "samenwerking"],
        status=ConceptStatus.VOORGESTELD,
    ),
]
