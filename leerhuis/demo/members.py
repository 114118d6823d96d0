"""The demo's member organisations and people, and how load_demo puts them in.

Real municipalities and provinces with their CBS codes, spread over every province; the
board, speakers and contact person from the announcement of the study day on opgave-sturing.
Only what is missing is created (matched by CBS code or name), so an editor's changes stay.
Membership dates count from the day of the first demo load, so a later load moves nothing.
"""

from datetime import date
from typing import NamedTuple

from django.db.models import Q

from members.models import Membership, Organisation, OrganisationDomain, Person

GEMEENTE = Organisation.Kind.GEMEENTE
PROVINCIE = Organisation.Kind.PROVINCIE


class Lid(NamedTuple):
    """A membership, in years relative to the first load.

    `since`: years before the first load, from 1 January (-1: from 1 January next year), or
    a fixed date. `until`: None is open-ended; 1 is 31 December next year, -1 is 31 December
    last year; or a fixed date.
    """

    category: str = Membership.Category.REGULIER
    since: int | date = 10
    until: int | date | None = None

    def period(self, first_load: date):
        start = self.since
        if isinstance(start, int):
            start = date(first_load.year - start, 1, 1)
        end = self.until
        if isinstance(end, int):
            end = date(first_load.year + end, 12, 31)
        return start, end


class Org(NamedTuple):
    name: str
    kind: str
    cbs_code: str
    province: str
    domains: tuple[str, ...]
    website: str
    lid: Lid | None
    subdomains: bool = False
    merged_into: str = ""  # CBS code of the organisation it merged into
    merged_on: date | None = None


REGULIER = Lid()


def gemeente(name, cbs_code, province, domain, lid=REGULIER, website="", **extra):
    website = website or f"https://www.{domain}/"
    return Org(name, GEMEENTE, cbs_code, province, (domain,), website, lid, **extra)


def provincie(name, cbs_code, province, domain, website, lid=REGULIER):
    # A province's departments often mail from subdomains; they all count.
    return Org(name, PROVINCIE, cbs_code, province, (domain,), website, lid, subdomains=True)


def lid(since, until=None, category=Membership.Category.REGULIER):
    return Lid(category, since, until)


ASPIRANT = Membership.Category.ASPIRANT
BIJZONDER = Membership.Category.BIJZONDER

ORGANISATIONS = [
    # Groningen
    provincie("Provincie Groningen", "PV20", "groningen", "provinciegroningen.nl",
              "https://www.provinciegroningen.nl/", lid(9)),
    gemeente("Gemeente Groningen", "GM0014", "groningen", "groningen.nl", lid(14)),
    # Not a member, never was: the dashboard says so, the directory leaves it out.
    gemeente("Gemeente Stadskanaal", "GM0037", "groningen", "stadskanaal.nl", None),
    # Fryslân
    provincie("Provincie Fryslân", "PV21", "fryslan", "fryslan.frl", "https://www.fryslan.frl/",
              lid(6)),
    gemeente("Gemeente Súdwest-Fryslân", "GM1900", "fryslan", "sudwestfryslan.nl", lid(10)),
    gemeente("Gemeente Leeuwarden", "GM0080", "fryslan", "leeuwarden.nl", lid(12, until=1)),
    # Drenthe: De Wolden and Hoogeveen share one werkorganisatie and one mail domain.
    provincie("Provincie Drenthe", "PV22", "drenthe", "drenthe.nl",
              "https://www.provincie.drenthe.nl/", lid(7)),
    gemeente("Gemeente De Wolden", "GM1690", "drenthe", "dewoldenhoogeveen.nl", lid(9),
             website="https://www.dewolden.nl/"),
    gemeente("Gemeente Hoogeveen", "GM0118", "drenthe", "dewoldenhoogeveen.nl", lid(9),
             website="https://www.hoogeveen.nl/"),
    gemeente("Gemeente Assen", "GM0106", "drenthe", "assen.nl", lid(11)),
    gemeente("Gemeente Emmen", "GM0114", "drenthe", "emmen.nl", lid(8, until=1)),
    gemeente("Gemeente Meppel", "GM0119", "drenthe", "meppel.nl", lid(1, category=ASPIRANT)),
    # Overijssel
    provincie("Provincie Overijssel", "PV23", "overijssel", "overijssel.nl",
              "https://www.overijssel.nl/", lid(10)),
    gemeente("Gemeente Zwolle", "GM0193", "overijssel", "zwolle.nl", lid(13)),
    gemeente("Gemeente Deventer", "GM0150", "overijssel", "deventer.nl", lid(7, until=1)),
    # Flevoland
    provincie("Provincie Flevoland", "PV24", "flevoland", "flevoland.nl",
              "https://www.flevoland.nl/", lid(4, category=BIJZONDER)),
    gemeente("Gemeente Almere", "GM0034", "flevoland", "almere.nl", lid(12)),
    gemeente("Gemeente Lelystad", "GM0995", "flevoland", "lelystad.nl", lid(3)),
    # Gelderland
    provincie("Provincie Gelderland", "PV25", "gelderland", "gelderland.nl",
              "https://www.gelderland.nl/", lid(8)),
    gemeente("Gemeente Arnhem", "GM0202", "gelderland", "arnhem.nl", lid(14)),
    gemeente("Gemeente Nijmegen", "GM0268", "gelderland", "nijmegen.nl", lid(13)),
    gemeente("Gemeente Apeldoorn", "GM0200", "gelderland", "apeldoorn.nl", lid(10, until=1)),
    # Utrecht
    provincie("Provincie Utrecht", "PV26", "utrecht", "provincie-utrecht.nl",
              "https://www.provincie-utrecht.nl/", lid(9)),
    gemeente("Gemeente Veenendaal", "GM0345", "utrecht", "veenendaal.nl", lid(8, until=1)),
    gemeente("Gemeente Utrecht", "GM0344", "utrecht", "utrecht.nl", lid(15)),
    # Noord-Holland (Weesp, below, merged into Amsterdam)
    provincie("Provincie Noord-Holland", "PV27", "noord-holland", "noord-holland.nl",
              "https://www.noord-holland.nl/", lid(10)),
    gemeente("Gemeente Amsterdam", "GM0363", "noord-holland", "amsterdam.nl", lid(15)),
    gemeente("Gemeente Zaanstad", "GM0479", "noord-holland", "zaanstad.nl", lid(12)),
    gemeente("Gemeente Haarlem", "GM0392", "noord-holland", "haarlem.nl", lid(9)),
    gemeente("Gemeente Alkmaar", "GM0361", "noord-holland", "alkmaar.nl", lid(7, until=1)),
    # Zuid-Holland
    provincie("Provincie Zuid-Holland", "PV28", "zuid-holland", "pzh.nl",
              "https://www.zuid-holland.nl/", lid(11)),
    gemeente("Gemeente Alphen aan den Rijn", "GM0484", "zuid-holland", "alphenaandenrijn.nl",
             lid(10)),
    gemeente("Gemeente Rotterdam", "GM0599", "zuid-holland", "rotterdam.nl", lid(15)),
    gemeente("Gemeente Den Haag", "GM0518", "zuid-holland", "denhaag.nl", lid(14)),
    gemeente("Gemeente Delft", "GM0503", "zuid-holland", "delft.nl", lid(6, until=1)),
    # Zeeland
    provincie("Provincie Zeeland", "PV29", "zeeland", "zeeland.nl", "https://www.zeeland.nl/",
              lid(3, category=BIJZONDER)),
    gemeente("Gemeente Middelburg", "GM0687", "zeeland", "middelburg.nl", lid(8)),
    gemeente("Gemeente Goes", "GM0664", "zeeland", "goes.nl", lid(2, category=ASPIRANT)),
    # Its membership ended on 31 December last year.
    gemeente("Gemeente Vlissingen", "GM0718", "zeeland", "vlissingen.nl", lid(9, until=-1)),
    # Noord-Brabant
    provincie("Provincie Noord-Brabant", "PV30", "noord-brabant", "brabant.nl",
              "https://www.brabant.nl/", lid(12)),
    gemeente("Gemeente Tilburg", "GM0855", "noord-brabant", "tilburg.nl", lid(14)),
    gemeente("Gemeente Eindhoven", "GM0772", "noord-brabant", "eindhoven.nl", lid(15)),
    gemeente("Gemeente Breda", "GM0758", "noord-brabant", "breda.nl", lid(11, until=1)),
    gemeente("Gemeente 's-Hertogenbosch", "GM0796", "noord-brabant", "s-hertogenbosch.nl",
             lid(10)),
    # Signed up as aspirant member from 1 January next year: not a member yet.
    gemeente("Gemeente Helmond", "GM0794", "noord-brabant", "helmond.nl",
             lid(-1, category=ASPIRANT)),
    # Limburg
    provincie("Provincie Limburg", "PV31", "limburg", "prvlimburg.nl", "https://www.limburg.nl/",
              lid(8)),
    gemeente("Gemeente Maastricht", "GM0935", "limburg", "maastricht.nl", lid(13)),
    gemeente("Gemeente Venlo", "GM0983", "limburg", "venlo.nl", lid(5, category=BIJZONDER)),
    # Herindeling: Weesp merged into Amsterdam on 24 March 2022; its people and its
    # membership history follow.
    gemeente("Gemeente Weesp", "GM0457", "noord-holland", "weesp.nl",
             lid(date(2016, 1, 1), date(2022, 3, 23)),
             merged_into="GM0363", merged_on=date(2022, 3, 24)),
]  # fmt: skip


class Mens(NamedTuple):
    name: str
    role: str
    organisation: str = ""  # CBS code of a demo organisation
    organisation_name: str = ""  # when the organisation is not in the register
    board_role: str = ""
    board_order: int = 0
    email: str = ""


Board = Person.BoardRole

PEOPLE = [
    # BESTUUR VPNG, from the announcement; the roles within the board are the demo's choice.
    Mens("Francois van Doesburg", "Afdelingsmanager Programma's en Projecten", "GM0345",
         board_role=Board.VOORZITTER, board_order=1),
    Mens("Fernando Salinas Camara", "Hoofd afdeling Projecten", "GM0479",
         board_role=Board.SECRETARIS, board_order=2),
    Mens("Wilbert Wouters", "Hoofd Programma-, Project- en Interimmanagement", "GM0855",
         board_role=Board.PENNINGMEESTER, board_order=3),
    Mens("Gert Bolkesteijn", "Hoofd Team Projecten",
         organisation_name="Samenwerkingsorganisatie De Wolden Hoogeveen",
         board_role=Board.LID, board_order=4),
    # Speakers of the study day on opgave-sturing.
    Mens("Astrid van de Klift", "Gemeentesecretaris", "GM0345"),
    Mens("Ruud de Smit", "Opgave-manager", "GM1900"),
    Mens("Aad van Klaveren", "Opgave-manager", "GM0484"),
    # Contact person for practical questions about meetings and learning tracks.
    Mens("Toin Routers", "Contactpersoon bijeenkomsten en leergangen",
         organisation_name="VPNG", email="t.routers@leerhuis.example"),
]  # fmt: skip


def find_organisation(name, cbs_code=""):
    """The organisation an editor may have changed since: by CBS code, else by name."""
    match = Q(name__iexact=name)
    if cbs_code:
        match |= Q(cbs_code=cbs_code)
    return Organisation.objects.filter(match).order_by("-cbs_code").first()


def _by_code(cbs_code):
    spec = next(o for o in ORGANISATIONS if o.cbs_code == cbs_code)
    return find_organisation(spec.name, spec.cbs_code)


def load_organisations(first_load: date) -> int:
    """Create the organisations that are missing, with their domains and membership."""
    created = 0
    # Those that merged into another come after their successor.
    for spec in sorted(ORGANISATIONS, key=lambda o: bool(o.merged_into)):
        if find_organisation(spec.name, spec.cbs_code):
            continue
        organisation = Organisation(
            name=spec.name,
            kind=spec.kind,
            cbs_code=spec.cbs_code,
            province=spec.province,
            website=spec.website,
            merged_into=_by_code(spec.merged_into) if spec.merged_into else None,
            merged_on=spec.merged_on if spec.merged_into else None,
        )
        if spec.merged_into and organisation.merged_into is None:
            organisation.merged_on = None  # its successor was removed by an editor
        organisation.full_clean()
        organisation.save()
        for domain in spec.domains:
            OrganisationDomain.objects.create(
                organisation=organisation, domain=domain, include_subdomains=spec.subdomains
            )
        if spec.lid:
            valid_from, valid_until = spec.lid.period(first_load)
            membership = Membership(
                organisation=organisation,
                category=spec.lid.category,
                valid_from=valid_from,
                valid_until=valid_until,
            )
            membership.full_clean()
            membership.save()
        created += 1
    return created


def load_people() -> int:
    """The board, the speakers and the contact person; no photos (there is no network)."""
    created = 0
    for spec in PEOPLE:
        if Person.objects.filter(name__iexact=spec.name).exists():
            continue
        organisation = _by_code(spec.organisation) if spec.organisation else None
        organisation_name = spec.organisation_name
        if spec.organisation and organisation is None:
            organisation_name = next(
                o.name for o in ORGANISATIONS if o.cbs_code == spec.organisation
            )
        person = Person(
            name=spec.name,
            role=spec.role,
            organisation=organisation,
            organisation_name=organisation_name,
            board_role=spec.board_role,
            board_order=spec.board_order,
            email=spec.email,
        )
        person.full_clean()
        person.save()
        created += 1
    return created
