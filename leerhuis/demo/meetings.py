"""What the demo's activity calendar holds: the season of meetings around the study day on
opgave-sturing (its own text is in leerhuis.demo.content), the leergang, the venues, and
the made-up colleagues who sign up. leerhuis.demo.events puts them in.

Times are (weeks after the first demo load, weekday, start, end): see events.moment().
"""

from typing import NamedTuple

from events.models import EventStatus, EventType, Form
from leerhuis.demo.content import h2, p
from leerhuis.demo.study_load import IPMA, PMI_BUSINESS, PMI_WAYS
from members.access import Visibility

MON, TUE, WED, THU, FRI = range(5)
CONTACT = "Toin Routers"


class Venue(NamedTuple):
    venue: str
    address: str
    venue_accessibility: str = (
        "Rolstoeltoegankelijk, met een lift naar alle zalen en een invalidentoilet. "
        "Invalidenparkeerplaatsen bij de ingang."
    )


VENUES = {
    "veenendaal": Venue("Stadhuis Veenendaal", "Raadhuisplein 1\n3901 GA Veenendaal",
                        "Rolstoeltoegankelijk; ringleiding in de raadzaal; op 5 minuten lopen "
                        "van busstation Veenendaal Centrum."),
    "denhaag": Venue("Stadhuis Den Haag, Atrium", "Spui 70\n2511 BT Den Haag"),
    "leeuwarden": Venue("Stadskantoor Leeuwarden", "Oldehoofsterkerkhof 2\n8911 DH Leeuwarden"),
    "tilburg": Venue("Stadskantoor Tilburg", "Stadhuisplein 130\n5038 TC Tilburg"),
    "utrecht": Venue("Stadskantoor Utrecht", "Stadsplateau 1\n3521 AZ Utrecht",
                     "Rolstoeltoegankelijk; naast station Utrecht Centraal."),
    "provincie-utrecht": Venue("Provinciehuis Utrecht", "Archimedeslaan 6\n3584 BA Utrecht"),
    "arnhem": Venue("Stadhuis Arnhem", "Koningstraat 38\n6811 DG Arnhem"),
    "zwolle": Venue("Stadskantoor Zwolle", "Lübeckplein 2\n8017 JZ Zwolle"),
    "zaanstad": Venue("Stadhuis Zaanstad", "Stadhuisplein 100\n1506 MZ Zaandam"),
    "maastricht": Venue("Mosae Forum", "Mosae Forum 10\n6211 DW Maastricht"),
    "middelburg": Venue("Stadskantoor Middelburg", "Kanaalweg 3\n4337 PA Middelburg"),
    "almere": Venue("Stadhuis Almere", "Stadhuisplein 1\n1315 HR Almere"),
    "amsterdam": Venue("Stadhuis Amsterdam", "Amstel 1\n1011 PN Amsterdam"),
    "apeldoorn": Venue("Stadhuis Apeldoorn", "Marktplein 1\n7311 LM Apeldoorn"),
}  # fmt: skip


def meeting(slug, title, intro, at, *, body, **fields):
    """One meeting: `at` is (weeks from the first load, weekday, "hh:mm" start, end)."""
    return {"slug": slug, "title": title, "intro": intro, "at": at, "body": [p(body)], **fields}


def online(name):
    return f"https://meet.leerhuis.example/{name}"


SEASON = [
    meeting(
        "procesregie-zonder-doorzettingsmacht", "Procesregie: regie zonder doorzettingsmacht",
        "Een workshop in kleine kring over regie voeren als je niemand iets kunt opdragen.",
        (2, TUE, "13:30", "17:00"), event_type=EventType.WORKSHOP, region="zuid-holland",
        venue="denhaag", themes=["procesregie", "samenwerking"], capacity=12,
        begrippen=["procesregie", "procesregisseur", "proces", "mandaat"],
        price_non_member=145, fill=16,
        body="<p>Procesregisseurs brengen partijen bij elkaar die elkaar niets verplicht zijn. "
        "Aan de hand van casussen uit Den Haag en Rotterdam oefenen we met de eerste gesprekken, "
        "het procesontwerp en het moment om op te schalen naar de opdrachtgever.</p>",
    ),
    meeting(
        "webinar-wyberen-van-wens-naar-opgave", "Webinar: wyberen, van wens naar opgave",
        "In een uur de stappen van wyberen: hoe je met wensen, belangen en effecten tot een "
        "opgave komt.", (4, WED, "12:00", "13:00"), event_type=EventType.WEBINAR,
        form=Form.ONLINE, online_url=online("wyberen-van-wens-naar-opgave"),
        online_details="Toegangscode: 482 913", themes=["wyberen", "opgave-sturing"],
        begrippen=["wyberen", "opgave", "maatschappelijk effect"],
        body="<p>Wyberen wordt vaak gebruikt om tot een opgave te komen: eerst de wensen, dan de "
        "belangen, dan de beoogde effecten en pas daarna de oplossing. Een projectleider uit "
        "Zwolle laat zien hoe dat in een echte opgave ging. Met ruimte voor vragen in de chat.</p>",
    ),
    meeting(
        "projectmatig-werken-de-basis", "Projectmatig werken: de basis op orde",
        "Een praktische workshop voor wie net projectleider is bij een gemeente of provincie.",
        (5, THU, "09:30", "16:30"), event_type=EventType.WORKSHOP, region="gelderland",
        venue="arnhem", themes=["projectmatig werken"], capacity=24, price_non_member=195,
        study_hours="6",  # a day with lunch and two breaks
        accreditations=[(IPMA, "6", ""), (PMI_WAYS, "6", "")],
        guest=True,  # the demo guest comes, at the non-member price
        body="<p>Fasering, beslisdocumenten, de rol van de opdrachtgever en het werken met "
        "het bestuur: de basis van projectmatig werken bij de lokale overheid, met oefeningen "
        "op je eigen project.</p>",
    ),
    meeting(
        "netwerkdag-noord", "Netwerkdag Noord: projectbureaus van Groningen, Fryslân en Drenthe",
        "Ontmoet de projectbureaus uit het noorden en hoor hoe zij samenwerken over de "
        "gemeentegrenzen heen.", (6, FRI, "10:00", "16:00"), event_type=EventType.NETWERKDAG,
        region="fryslan", venue="leeuwarden", themes=["samenwerking"], capacity=60,
        price_non_member=95, study_hours="5",
        body="<p>Een dag om collega's te leren kennen: 's ochtends drie korte pitches over "
        "regionale samenwerking, 's middags tafelgesprekken over gedeelde projectbureaus en "
        "het uitwisselen van projectleiders.</p>",
    ),
    meeting(
        "programmamanagement-sturen-op-effecten", "Programmamanagement: sturen op effecten",
        "Hoe houd je een programma gericht op de maatschappelijke effecten, en niet alleen op "
        "de projecten eronder?", (7, TUE, "13:00", "17:00"), region="noord-brabant",
        venue="tilburg", form=Form.HYBRIDE, online_url=online("sturen-op-effecten"),
        themes=["programmamanagement", "opgave-sturing"], capacity=50, price_non_member=195,
        accreditations=[(IPMA, "4", ""), (PMI_BUSINESS, "2", ""), (PMI_WAYS, "2", "")],
        body="<p>Programmamanagers van Tilburg en Eindhoven over effectketens, "
        "programmarapportages die het bestuur echt leest, en het stoppen van projecten die "
        "niet meer bijdragen. Ook online te volgen.</p>",
    ),
    meeting(
        "samenwerken-gemeenten-en-provincie", "Samenwerken in de regio: gemeenten en provincie",
        "Gemeenten en provincie aan één tafel over gedeelde opgaven.",
        (8, THU, "13:30", "17:00"), region="overijssel", venue="zwolle",
        themes=["samenwerking", "opgave-sturing"], capacity=40, price_non_member=95,
        status=EventStatus.GEANNULEERD,
        status_note="Door te weinig aanmeldingen gaat deze bijeenkomst niet door. We zoeken "
        "een nieuwe datum in het voorjaar; wie zich had aangemeld, hoort die als eerste.",
        body="<p>Provincie Overijssel en de gemeenten Zwolle en Deventer over de vraag wie "
        "opdrachtgever is als een opgave over bestuurslagen heen gaat.</p>",
    ),
    meeting(
        "opgave-sturing-voor-directies", "Opgave-sturing voor directies en concernstaf",
        "Een besloten bijeenkomst voor leden: wat vraagt opgave-sturing van de top van de "
        "organisatie?", (9, WED, "15:00", "18:00"), region="utrecht", venue="utrecht",
        themes=["opgave-sturing", "opdrachtgeverschap"], capacity=30, price_non_member=195,
        visibility=Visibility.MEMBERS,
        body="<p>Gemeentesecretarissen en directeuren van lidgemeenten wisselen uit hoe zij "
        "opgave-managers positioneren naast het lijnmanagement, en welke mandaten daarbij "
        "horen. Alleen voor leden, onder de Chatham House-regel.</p>",
    ),
    meeting(
        "webinar-procesregie-en-planning-control", "Webinar: procesregie en de P&C-cyclus",
        "Hoe verantwoord je een proces dat geen vast eindresultaat heeft?",
        (10, TUE, "12:00", "13:00"), event_type=EventType.WEBINAR, form=Form.ONLINE,
        online_url=online("procesregie-en-planning-control"),
        themes=["procesregie", "opgave-sturing"],
        body="<p>Een controller en een procesregisseur uit Haarlem over begroting, "
        "voortgangsrapportages en bijsturen als het resultaat onderweg pas duidelijk wordt.</p>",
    ),
    meeting(
        "opdrachtgeverschap-in-het-sociaal-domein", "Opdrachtgeverschap in het sociaal domein",
        "Ambtelijk opdrachtgeverschap als de opgave bij zorg, werk en wonen tegelijk ligt.",
        (11, THU, "13:00", "17:00"), event_type=EventType.WORKSHOP, region="noord-holland",
        venue="zaanstad", themes=["opdrachtgeverschap", "programmamanagement"], capacity=30,
        price_non_member=145,
        body="<p>Zaanstad vertelt hoe het sociaal domein met programma's en opgave-managers "
        "werkt. In de workshop schrijf je een opdrachtformulering voor een eigen vraagstuk.</p>",
    ),
    meeting(
        "netwerkdag-zuid", "Netwerkdag Zuid", "De projectbureaus van Limburg en Brabant "
        "ontmoeten elkaar in Maastricht.", (13, FRI, "10:00", "16:00"),
        event_type=EventType.NETWERKDAG, region="limburg", venue="maastricht",
        themes=["samenwerking", "projectmatig werken"], capacity=60, price_non_member=95,
        study_hours="5",
        body="<p>Met een rondleiding door Mosae Forum, een gebiedsontwikkeling die jaren "
        "procesregie vroeg, en gesprekken over gezamenlijke inhuur en opleiding.</p>",
    ),
    meeting(
        "een-programma-afsluiten", "Wanneer is een programma klaar?",
        "Over het beëindigen van programma's: op tijd, met overdracht en zonder restposten.",
        (15, TUE, "13:30", "17:00"), region="zeeland", venue="middelburg",
        themes=["programmamanagement"], capacity=35, price_non_member=145,
        body="<p>Programma's beginnen makkelijker dan ze eindigen. Middelburg en Goes over "
        "afbouwen, overdragen aan de lijn en het laatste besluit aan het bestuur.</p>",
    ),
    meeting(
        "wyberen-met-bewoners", "Wyberen met bewoners",
        "Een opgave formuleren samen met bewoners en ondernemers.",
        (17, WED, "13:00", "17:00"), event_type=EventType.WORKSHOP, region="flevoland",
        venue="almere", themes=["wyberen", "samenwerking"], capacity=25, price_non_member=145,
        body="<p>Almere gebruikte wyberen in een wijkaanpak. Je oefent met een wensen- en "
        "belangenanalyse waarin bewoners meepraten, en met het terugkoppelen van keuzes.</p>",
    ),
    # Over, in the archive, with what was left behind.
    meeting(
        "projectmatig-werken-in-het-ruimtelijk-domein",
        "Projectmatig werken in het ruimtelijk domein",
        "Amsterdam en Weesp over grote ruimtelijke projecten na een herindeling.",
        (-3, THU, "13:00", "17:00"), region="noord-holland", venue="amsterdam",
        themes=["projectmatig werken"], capacity=40, price_non_member=145,
        accreditations=[(IPMA, "4", "IPMA-NL 2026-087"), (PMI_WAYS, "4", "")],
        member=True,  # the demo member was there, as at the two below
        report=["Vijftig projectleiders van negentien gemeenten waren erbij.",
                "Amsterdam liet zien hoe de projecten van Weesp na de herindeling in de eigen "
                "projectenportefeuille zijn opgenomen: dezelfde fasering, dezelfde "
                "beslisdocumenten, maar met de Weesper projectleiders als vaste aanspreekpunten.",
                "Belangrijkste les: maak vroeg afspraken over wie opdrachtgever wordt, want "
                "daar liepen projecten de meeste vertraging op."],
        body="<p>Over portefeuillesturing, faseren en het overnemen van projecten van een "
        "gemeente die opgaat in een andere.</p>",
    ),
    meeting(
        "webinar-wyberen-in-vijf-stappen", "Webinar: wyberen in vijf stappen",
        "De vijf stappen van wyberen, uitgelegd aan de hand van een opgave uit Deventer.",
        (-7, WED, "12:00", "13:00"), event_type=EventType.WEBINAR, form=Form.ONLINE,
        online_url=online("wyberen-in-vijf-stappen"), themes=["wyberen"],
        accreditations=[(IPMA, "1", "")], member=True,
        materials=[("Opname van het webinar", online("opnames/wyberen-in-vijf-stappen"))],
        body="<p>Wensen, belangen, effecten, resultaten en oplossingen: in die volgorde.</p>",
    ),
    meeting(
        "netwerkdag-oost", "Netwerkdag Oost", "Projectbureaus uit Gelderland en Overijssel "
        "over samenwerken en elkaars projectleiders lenen.", (-10, FRI, "10:00", "16:00"),
        event_type=EventType.NETWERKDAG, region="gelderland", venue="apeldoorn",
        themes=["samenwerking"], capacity=60, price_non_member=95, study_hours="5",
        member=True,
        report=["Zeven projectbureaus spraken af projectleiders voortaan onderling uit te "
                "lenen, met één raamovereenkomst.",
                "Apeldoorn, Deventer en Zwolle trekken dat voorstel; het volgt op de Netwerkdag "
                "van volgend jaar."],
        body="<p>Een dag over samenwerken tussen projectbureaus in het oosten.</p>",
    ),
]  # fmt: skip

TRACK = {
    "title": "Leergang opgave-sturing",
    "slug": "leergang-opgave-sturing",
    "begrippen": [
        "opgave-sturing",
        "opgave-management",
        "opgave-manager",
        "programmeur",
        "kanteling",
    ],
    "intro": "Vijf middagen over opgave-sturing, van vraagstuk tot kanteling van de organisatie, "
    "voor (aankomende) opgave-managers.",
    "body": [
        h2("Opzet"),
        p(
            "<p>De leergang volgt de vragen van de studiedag, maar dan met tijd om ze op je eigen "
            "opgave toe te passen. Tussen de modules werk je met een collega uit een andere "
            "gemeente aan je eigen casus.</p>"
        ),
    ],
    "goal": "<p>Na de leergang kun je een opgave inrichten, sturen en verantwoorden, en weet je "
    "hoe je je verhoudt tot lijnmanagement en bestuur.</p>",
    "audience": "<p>Opgave-managers, programmamanagers die opgave-manager worden, en wie "
    "opgave-sturing in de eigen organisatie invoert.</p>",
    "themes": ["opgave-sturing", "opdrachtgeverschap"],
    "min_attendance": 4,
    "price_non_member": 795,
}
MODULES = [
    ("Van vraagstuk naar opgave", "Wat maakt een vraagstuk tot een opgave, en wie bepaalt dat?"),
    ("Organisatie en mandaat", "Hoe bouw je een opgave op qua organisatie en mandaat?"),
    ("De opgave-manager als opdrachtgever", "Opdrachtgever en programmeur tegelijk: projecten, "
     "processen en programma's starten en beëindigen."),
    ("Verantwoorden in de planning- en controlcyclus", "Rapporteren op effecten, niet alleen "
     "op geld en tijd."),
    ("De kanteling van de organisatie", "Going concern in de lijn, opgaven apart: wat "
     "verandert er voor iedereen?"),
]  # fmt: skip


class Colleague(NamedTuple):
    name: str
    email: str


# Made-up colleagues at member organisations (their domains in leerhuis.demo.members), who
# fill the small workshop and come to the study day.
COLLEAGUES = [
    Colleague("Marieke Jansen", "m.jansen@utrecht.nl"),
    Colleague("Joost van der Meer", "j.vandermeer@zwolle.nl"),
    Colleague("Fatima el Amrani", "f.elamrani@rotterdam.nl"),
    Colleague("Pieter de Boer", "p.deboer@groningen.nl"),
    Colleague("Lotte Visser", "l.visser@arnhem.nl"),
    Colleague("Hans Bakker", "h.bakker@tilburg.nl"),
    Colleague("Sevda Yilmaz", "s.yilmaz@denhaag.nl"),
    Colleague("Erik Mulder", "e.mulder@almere.nl"),
    Colleague("Annemiek Hoekstra", "a.hoekstra@sudwestfryslan.nl"),
    Colleague("Bram Smits", "b.smits@eindhoven.nl"),
    Colleague("Ingrid Koster", "i.koster@alphenaandenrijn.nl"),
    Colleague("Thijs Dekker", "t.dekker@haarlem.nl"),
    Colleague("Noor Hendriks", "n.hendriks@maastricht.nl"),
    Colleague("Ruben de Graaf", "r.degraaf@nijmegen.nl"),
    Colleague("Femke Brouwer", "f.brouwer@zaanstad.nl"),
    Colleague("Kees Willems", "k.willems@brabant.nl"),
]
