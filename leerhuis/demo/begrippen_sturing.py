"""The demo's begrippenkader: the words of opgave-sturing as the association uses them,
written for the Digitale Leerhuis (leerhuis.demo.begrippen puts them in). This part holds
the opgave, its sturing and the roles around it; leerhuis.demo.begrippen_aanpak the ways
of working.

Each entry: the preferred term, the definition, and what else the begrip carries (plain
explanation, scope note, examples one per paragraph, alternative and hidden terms, themes
by slug, broader and related begrippen by preferred term, a status other than vastgesteld).
"""

from glossary.models import ConceptStatus


def concept(label, definition, **fields):
    return {"label": label, "definition": definition, **fields}


STURING = [
    concept(
        "opgave",
        "Een maatschappelijk vraagstuk waarvoor bestuur en organisatie een oplossingsrichting "
        "en beoogde effecten hebben vastgesteld, en waaraan over de grenzen van afdelingen en "
        "organisaties heen wordt gewerkt.",
        explanation="Een opgave is een groot probleem in de samenleving waar de gemeente iets "
        "aan wil doen, zoals te weinig betaalbare woningen. Niet één afdeling lost het op. "
        "Meerdere teams en partners werken eraan, vaak jarenlang.",
        scope_note="Niet alles is een opgave. Een taak die een afdeling zelfstandig en "
        "doorlopend uitvoert, hoort bij de going concern. Van een opgave spreken we als er een "
        "maatschappelijk vraagstuk onder ligt, het doel in effecten is uitgedrukt en sturing "
        "over afdelingen en organisaties heen nodig is.",
        examples="Van het aardgas af, wijk voor wijk, samen met woningcorporaties, de "
        "netbeheerder en bewoners.\n\nGezond en veilig opgroeien in een wijk: jeugdhulp, "
        "onderwijs, sport en openbare ruimte werken aan dezelfde effecten.",
        alt=["maatschappelijke opgave"],
        hidden=["opgaaf"],
        themes=["opgave-sturing"],
        related=["maatschappelijk vraagstuk", "maatschappelijk effect", "wyberen"],
    ),
    concept(
        "maatschappelijk vraagstuk",
        "Een probleem of een kans in de samenleving dat veel inwoners, bedrijven of "
        "organisaties raakt, dat geen partij alleen kan oplossen en waarover de opvattingen "
        "uiteenlopen.",
        explanation="Iets in de stad of het dorp dat niet goed gaat of beter kan, en waar veel "
        "mensen mee te maken hebben. Bijvoorbeeld eenzaamheid onder ouderen, of wateroverlast "
        "na een flinke regenbui.",
        scope_note="Het vraagstuk is het vertrekpunt; de opgave is wat de gemeente en haar "
        "partners besluiten eraan te doen. Uit één vraagstuk kunnen meer opgaven voortkomen.",
        alt=["maatschappelijk probleem"],
        hidden=["maatschapelijk vraagstuk"],
        themes=["opgave-sturing", "samenwerking"],
        related=["maatschappelijk effect"],
    ),
    concept(
        "maatschappelijk effect",
        "De verandering in de samenleving die met een opgave wordt beoogd, beschreven in wat "
        "inwoners, bedrijven of de leefomgeving merken en niet in de producten van de "
        "organisatie zelf.",
        explanation="Wat er buiten echt anders moet zijn als het werk klaar is. Niet 'we hebben "
        "tien bijeenkomsten gehouden', maar 'meer jongeren hebben werk'.",
        scope_note="Effecten zijn het richtpunt van de programmeur: projecten, processen en "
        "programma's worden gestart, bijgestuurd of beëindigd naar hun bijdrage eraan. Een "
        "effect is zelden aan één inspanning alleen toe te schrijven.",
        examples="Over vijf jaar wonen 1.500 huishoudens in een aardgasvrije woning, zonder "
        "dat hun woonlasten zijn gestegen.",
        alt=["beoogd effect", "impact"],
        hidden=["maatschapelijk effect"],
        themes=["opgave-sturing", "wyberen"],
    ),
    concept(
        "besturingsmodel",
        "De samenhangende afspraken over hoe een organisatie wordt aangestuurd: wie waarover "
        "beslist, met welk mandaat, hoe middelen worden verdeeld en hoe verantwoording wordt "
        "afgelegd.",
        explanation="De spelregels van de organisatie: wie waarover de baas is, wie wat mag "
        "beslissen, en wie aan wie uitlegt hoe het ging.",
        scope_note="Een gemeente kan besturingsmodellen naast elkaar hebben, bijvoorbeeld "
        "lijnsturing voor de going concern en opgave-sturing voor de opgaven. Het "
        "besturingsmodel bepaalt ook hoe opgaven in de planning- en controlcyclus terugkomen.",
        alt=["besturingsconcept", "sturingsmodel"],
        themes=["opgave-sturing", "opdrachtgeverschap"],
        related=["planning- en controlcyclus"],
    ),
    concept(
        "opgave-sturing",
        "Een besturingsmodel waarin de organisatie stuurt op maatschappelijke opgaven: het "
        "opdrachtgevende niveau wordt versterkt, zodat de samenhang tussen projecten, "
        "processen en programma's wordt bewaakt in het belang van de beoogde effecten.",
        explanation="Bij opgave-sturing kijkt de gemeente eerst naar het probleem in de "
        "samenleving en pas daarna naar de afdelingen. Iemand met gezag houdt het overzicht "
        "over alles wat aan dat probleem wordt gedaan, en zorgt dat het bij elkaar past.",
        scope_note="Opgave-sturing gaat over de inrichting van sturing en verantwoording: wie "
        "is opdrachtgever, met welk mandaat, en hoe verhoudt dat zich tot de lijn en de "
        "planning- en controlcyclus. Over de manier van werken gaat opgave-gericht werken.",
        alt=["opgavesturing", "sturen op opgaven"],
        hidden=["opgave sturing", "opgavensturing"],
        themes=["opgave-sturing", "opdrachtgeverschap"],
        broader=["besturingsmodel"],
        related=["opgave-gericht werken", "opdrachtgevend niveau", "kanteling"],
    ),
    concept(
        "opgave-gericht werken",
        "Een manier van werken waarbij medewerkers hun inzet richten op de bijdrage aan een "
        "maatschappelijke opgave, samen met collega's van andere afdelingen en met partners "
        "buiten de organisatie, in plaats van op de taken van de eigen afdeling.",
        explanation="Je begint bij de vraag wat de inwoner of de wijk nodig heeft, en zoekt "
        "dan wie je daarvoor nodig hebt, ook buiten je eigen team.",
        scope_note="Opgave-gericht werken beschrijft houding en werkwijze; het kan zonder dat "
        "de besturing verandert. Toen het begrip snel populair werd, noemden sommige "
        "gemeenten alles een opgave. Voor de inrichting van sturing en mandaat: zie "
        "opgave-sturing.",
        alt=["opgavegericht werken", "opgavegerichte aanpak"],
        hidden=["opgave gericht werken"],
        themes=["opgave-sturing", "samenwerking"],
        related=["opgave"],
    ),
    concept(
        "opgave-management",
        "Het sturen van het werk aan één opgave: de samenhang bewaken tussen de projecten, "
        "processen en programma's die eraan bijdragen, beslissen welke inspanningen starten "
        "of stoppen, en verantwoorden wat het oplevert aan maatschappelijk effect.",
        explanation="Het werk van de opgave-manager: zorgen dat alles wat voor één opgave "
        "gebeurt de goede kant op gaat, en ingrijpen als iets niet (meer) helpt.",
        scope_note="Opgave-management is opgave-sturing in de praktijk van één opgave. Het "
        "lijkt op programmamanagement, maar reikt verder: een programma is één van de vormen "
        "waarin aan een opgave wordt gewerkt.",
        alt=["opgavemanagement"],
        themes=["opgave-sturing", "programmamanagement"],
        broader=["opgave-sturing"],
        related=["programmamanagement"],
    ),
    concept(
        "opgave-manager",
        "De functionaris die een oplossingsrichting voor een breed maatschappelijk vraagstuk "
        "onder zijn hoede heeft, opdrachtgever is van de projecten, processen en programma's "
        "die aan de opgave werken, en als programmeur bepaalt welke daarvan starten en stoppen.",
        explanation="De persoon die binnen de gemeente verantwoordelijk is voor één groot "
        "maatschappelijk probleem. Hij of zij geeft opdrachten aan projectleiders en "
        "procesregisseurs, en werkt dicht bij het college.",
        scope_note="Een positie met gewicht, dicht op het bestuur. De opgave-manager is geen "
        "lijnmanager: mensen en budgetten blijven vaak in de lijn, en de opgave-manager maakt "
        "daar afspraken over. Wat de rol mag, staat in het mandaat.",
        examples="De opgave-manager Vitale dorpen is opdrachtgever van een project voor de "
        "dorpshuizen, van een proces met de dorpsbelangen over voorzieningen en van een "
        "programma voor bereikbaarheid. Na een jaar stopt zij een project voor een "
        "deelautosysteem dat te weinig bijdraagt.",
        alt=["opgavemanager"],
        hidden=["opgave manager"],
        themes=["opgave-sturing", "opdrachtgeverschap"],
        related=["opgave-management", "opdrachtgever", "programmeur", "lijnmanager", "mandaat"],
    ),
    concept(
        "opgave-leider",
        "Een oudere benaming voor wie het werk aan een opgave leidt; in dit begrippenkader "
        "vervangen door opgave-manager.",
        scope_note="In de eerste jaren van opgave-gericht werken noemden sommige gemeenten "
        "iedereen die aan een opgave werkte opgave-leider. Daardoor bleef onduidelijk wie "
        "opdracht gaf en wie uitvoerde. Gebruik opgave-manager voor de rol met "
        "opdrachtgeverschap, en projectleider, procesregisseur of programmamanager voor wie "
        "een inspanning leidt.",
        alt=["opgaveleider"],
        themes=["opgave-sturing"],
        status=ConceptStatus.VERVANGEN,
        replaced_by="opgave-manager",
    ),
    concept(
        "opdrachtgever",
        "Degene die namens de organisatie een opdracht verstrekt, daarvoor het mandaat en de "
        "middelen heeft, het resultaat afneemt en erop aanspreekbaar is.",
        explanation="Wie de opdracht geeft, zegt wat er moet komen, zorgt voor geld en mensen, "
        "en beslist als het anders loopt dan gepland.",
        scope_note="Bij projecten, processen en programma's is het opdrachtgeverschap vaak "
        "zwak belegd, bijvoorbeeld bij een lijnmanager die het erbij doet. Opgave-sturing "
        "versterkt juist dit niveau.",
        hidden=["opdrachtegever"],
        themes=["opdrachtgeverschap"],
        related=["opdrachtnemer", "opdrachtgevend niveau", "mandaat", "stuurgroep"],
    ),
    concept(
        "ambtelijk opdrachtgever",
        "De opdrachtgever uit de ambtelijke organisatie, meestal een directeur, afdelingshoofd "
        "of opgave-manager, die namens het bestuur de opdracht verstrekt en bewaakt.",
        themes=["opdrachtgeverschap"],
        broader=["opdrachtgever"],
        related=["bestuurlijk opdrachtgever"],
    ),
    concept(
        "bestuurlijk opdrachtgever",
        "Het collegelid dat politiek verantwoordelijk is voor een opdracht en er tegenover de "
        "raad verantwoording over aflegt.",
        explanation="De wethouder of gedeputeerde die over het onderwerp gaat en het aan de "
        "gemeenteraad of Provinciale Staten moet uitleggen.",
        alt=["portefeuillehouder"],
        themes=["opdrachtgeverschap"],
        broader=["opdrachtgever"],
    ),
    concept(
        "opdrachtnemer",
        "Degene die een opdracht aanvaardt en binnen de afgesproken kaders van tijd, geld, "
        "kwaliteit en mandaat het resultaat of de inspanning levert.",
        scope_note="Binnen de gemeente meestal een projectleider, procesregisseur of "
        "programmamanager; ook een extern bureau kan opdrachtnemer zijn.",
        themes=["opdrachtgeverschap", "projectmatig-werken"],
    ),
    concept(
        "opdrachtgevend niveau",
        "De laag in de organisatie waar opdrachten worden verstrekt, prioriteiten tussen "
        "opdrachten worden gesteld en over voortgang en bijsturing wordt beslist, boven het "
        "niveau van projectleider, procesregisseur en programmamanager.",
        explanation="Het niveau van de mensen die de opdrachten geven, niet van de mensen die "
        "ze uitvoeren.",
        scope_note="Toen maatschappelijke vraagstukken centraal kwamen te staan, bleek de "
        "sturing vaak niet bij de projectleider tekort te schieten, maar op dit niveau. "
        "Opgave-sturing versterkt het opdrachtgevende niveau.",
        alt=["opdrachtgevende laag"],
        themes=["opdrachtgeverschap", "opgave-sturing"],
        related=["mandaat", "planning- en controlcyclus"],
    ),
    concept(
        "lijnmanager",
        "Een leidinggevende in de staande organisatie, verantwoordelijk voor medewerkers, "
        "budget en de doorlopende taken van een afdeling of team.",
        explanation="De baas van een afdeling of team. Die zorgt voor de mensen en voor het "
        "werk dat elk jaar terugkomt.",
        scope_note="Opgave-manager en lijnmanager hebben elkaar nodig: de opgave-manager vraagt "
        "inzet, de lijnmanager levert die en blijft verantwoordelijk voor vakmanschap en "
        "going concern. Hun afspraken horen in het mandaat van beiden.",
        alt=["lijnleidinggevende"],
        themes=["opdrachtgeverschap"],
        related=["lijnmanagement"],
    ),
    concept(
        "lijnmanagement",
        "De sturing van de staande organisatie langs de lijn van directie, afdelingen en "
        "teams, gericht op mensen, middelen en de doorlopende taken.",
        scope_note="Waar het lijnmanagement het opdrachtgeverschap voor projecten en "
        "programma's erbij doet, is dat een groot afbreukrisico. Bij de invoering van "
        "opgave-sturing kiezen gemeenten daarom vaak voor een lijn die de going concern "
        "draagt, naast opdrachtgevers voor de opgaven.",
        alt=["lijnsturing"],
        themes=["opdrachtgeverschap"],
        related=["going concern", "kanteling"],
    ),
]
