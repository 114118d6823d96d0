"""Reading the CSV file and making sense of one row, before anything touches the database."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from members.folding import fold
from members.models import Membership, Organisation, Province
from members.models.organisations import normalise_domain

COLUMNS = (
    "naam",
    "soort",
    "cbs_code",
    "provincie",
    "website",
    "domeinen",
    "categorie",
    "lid_vanaf",
    "lid_tot",
)
REQUIRED = ("naam", "soort")


class ImportFileError(Exception):
    """The file as a whole cannot be used; nothing was written. The message is Dutch."""


class RowError(Exception):
    """One row cannot be imported; the message says why, in Dutch."""


def _key(text: str) -> str:
    """ "Noord Holland", "noord-holland" and "NOORD_HOLLAND" are the same; so are accents."""
    return re.sub(r"[\s_-]+", "-", fold(str(text)))


def _lookup(choices, aliases=None) -> dict[str, str]:
    table = {}
    for value, label in choices:
        table[_key(value)] = value
        table[_key(label)] = value
    table.update(aliases or {})
    return table


KINDS = _lookup(Organisation.Kind.choices)
CATEGORIES = _lookup(Membership.Category.choices)
# Most people still write the Dutch name of Fryslân.
PROVINCES = _lookup(Province.choices, {"friesland": Province.FRYSLAN})


# --- Reading the file -------------------------------------------------------------------


def read_rows(path) -> list[tuple[int, dict[str, str] | RowError]]:
    """(line number, {column: cell}) for every non-empty row; the header is line 1.

    A row that cannot be split into the columns comes with its RowError instead.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"Het bestand '{path}' bestaat niet.") from None
    except OSError as exc:
        raise ImportFileError(f"Het bestand '{path}' kan niet worden gelezen: {exc}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            f"Het bestand '{path}' is geen UTF-8. Kies in Excel bij 'Opslaan als' het type "
            "'CSV UTF-8' en probeer het opnieuw."
        ) from None
    if not text.strip():
        raise ImportFileError(f"Het bestand '{path}' is leeg.")
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = _header(next(reader))
    rows, start = [], reader.line_num + 1
    for cells in reader:
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        extra = cells[len(header) :]
        if any(cell.strip() for cell in extra):
            rows.append((line, RowError(_too_many(len(cells), len(header), delimiter))))
            continue
        # Excel leaves off empty cells at the end of some rows; they count as empty.
        cells = cells + [""] * (len(header) - len(cells))
        rows.append((line, dict(zip(header, (c.strip() for c in cells), strict=False))))
    return rows


def _header(cells: list[str]) -> list[str]:
    names = [re.sub(r"[\s-]+", "_", cell.strip().lower()) for cell in cells]
    while names and not names[-1]:
        names.pop()  # a trailing separator on the header line
    allowed = ", ".join(COLUMNS)
    unknown = [n or "(leeg)" for n in names if n not in COLUMNS]
    if unknown:
        raise ImportFileError(
            f"Onbekende kolom(men) in de kopregel: {', '.join(unknown)}. "
            f"Toegestaan zijn: {allowed}."
        )
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise ImportFileError(f"Kolom(men) staan dubbel in de kopregel: {', '.join(doubles)}.")
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        raise ImportFileError(
            f"Verplichte kolom(men) ontbreken in de kopregel: {', '.join(missing)}. "
            f"De kopregel is bijvoorbeeld: {';'.join(COLUMNS)}"
        )
    return names


def _too_many(found: int, expected: int, delimiter: str) -> str:
    return (
        f"{found} velden, de kopregel heeft er {expected} "
        f"(staat er een '{delimiter}' in een waarde zonder aanhalingstekens?)"
    )


# --- One row ------------------------------------------------------------------------------


@dataclass
class ParsedRow:
    """What one row says; None means the file says nothing about it (keep what is there)."""

    name: str
    fields: dict  # Organisation field -> value, only those with a value in the file
    raw: dict  # Organisation/Membership field -> the cell as written, for messages
    domains: dict  # normalised domain -> (include_subdomains, as written)
    category: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    until_given: bool = False


def parse_row(values: dict[str, str]) -> ParsedRow:
    errors = []
    name = " ".join(values.get("naam", "").split())
    if not name:
        errors.append("naam ontbreekt")
    row = ParsedRow(name=name, fields={"name": name}, raw={"name": name}, domains={})
    for column, model_field, table in (
        ("soort", "kind", KINDS),
        ("provincie", "province", PROVINCES),
    ):
        cell = values.get(column, "")
        row.raw[model_field] = cell
        if cell:
            value = table.get(_key(cell))
            if value is None:
                errors.append(f"{column} '{cell}' onbekend{_options(column)}")
            row.fields[model_field] = value
    if cbs := values.get("cbs_code", ""):
        row.raw["cbs_code"] = cbs
        row.fields["cbs_code"] = cbs.upper()
    if website := values.get("website", ""):
        row.raw["website"] = website
        # As the admin form does: "www.veenendaal.nl" means https.
        row.fields["website"] = website if "://" in website else f"https://{website}"
    for token in re.split(r"[\s,;]+", values.get("domeinen", "")):
        if token:
            include = token.startswith("*.")
            domain = normalise_domain(token.removeprefix("*."))
            earlier = row.domains.get(domain, (False, token))
            row.domains[domain] = (include or earlier[0], token)
    _parse_membership(values, row, errors)
    if errors:
        raise RowError("; ".join(errors))
    return row


def _options(column: str) -> str:
    if column == "soort":
        return f" (kies uit: {', '.join(Organisation.Kind.values)})"
    if column == "categorie":
        return f" (kies uit: {', '.join(Membership.Category.values)})"
    return ""


def _parse_membership(values, row, errors):
    category = values.get("categorie", "")
    row.raw.update(
        category=category,
        valid_from=values.get("lid_vanaf", ""),
        valid_until=values.get("lid_tot", ""),
    )
    if category:
        row.category = CATEGORIES.get(_key(category))
        if row.category is None:
            errors.append(f"categorie '{category}' onbekend{_options('categorie')}")
    row.valid_from = _date(values, "lid_vanaf", errors)
    row.valid_until = _date(values, "lid_tot", errors)
    row.until_given = "lid_tot" in values
    if not values.get("lid_vanaf") and (category or values.get("lid_tot")):
        errors.append("lid_vanaf ontbreekt; die is nodig voor een lidmaatschap")


def _date(values, column, errors) -> date | None:
    cell = values.get(column, "")
    if not cell:
        return None
    dutch = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", cell)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", cell)
    try:
        if dutch:
            return date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        pass
    errors.append(f"{column} '{cell}' is geen geldige datum (gebruik dd-mm-jjjj of jjjj-mm-dd)")
    return None
