"""The begrippenkader as one spreadsheet, and back.

Written for Dutch Excel: `;` between cells, UTF-8 with a BOM (else Excel guesses the wrong
encoding), one row per live begrip. Several labels, themes or begrippen in one cell are
joined with " | "; examples stay one text with a blank line between them. Sources are a JSON
list (`[{"titel": …, "url": …, "bronvermelding": …}]`): a title may hold any sign, and the
import must read back exactly what was written. The `uri` and `gewijzigd` columns are for
the reader; the import ignores them. A cell that Excel would run as a formula gets a quote
before it (leerhuis.core.spreadsheet); the import takes it off again.
"""

import codecs
import csv
import io
import json

from django.utils.translation import gettext as _

from glossary.models import ConceptStatus
from glossary.rows import ImportFileError, Row, Source
from leerhuis.core.spreadsheet import from_neutral, neutral

COLUMNS = (
    "slug",
    "voorkeursterm",
    "alternatieve_termen",
    "zoektermen",
    "definitie",
    "toelichting",
    "uitleg",
    "voorbeelden",
    "bronnen",
    "bovenliggend",
    "gerelateerd",
    "status",
    "vervangen_door",
    "themas",
    "uri",
    "gewijzigd",
)
REQUIRED = ("voorkeursterm", "definitie")
SEPARATOR = " | "

# "vastgesteld", "in bewerking" and "in_bewerking" all name a status.
STATUSES = {
    **{value: value for value in ConceptStatus.values},
    **{str(label): value for value, label in ConceptStatus.choices},
}


def join(values) -> str:
    return SEPARATOR.join(values)


def split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _sources_cell(sources) -> str:
    if not sources:
        return ""
    return json.dumps(
        [{"titel": s.title, "url": s.url, "bronvermelding": s.citation} for s in sources],
        ensure_ascii=False,
    )


def _live_slugs(related) -> str:
    return join(other.slug for other in related.all())


def scheme_csv(concepts) -> bytes:
    """The spreadsheet of the given begrippen (loaded through rdf.with_relations)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for concept in concepts:
        successor = concept.replaced_by
        modified = concept.last_published_at or concept.updated_at
        cells = [
            concept.slug,
            concept.pref_label,
            join(concept.alt_label_list),
            join(concept.hidden_label_list),
            concept.definition,
            concept.scope_note,
            concept.explanation,
            concept.examples,
            _sources_cell(list(concept.sources.all())),
            _live_slugs(concept.broader),
            _live_slugs(concept.related),
            concept.status,
            successor.slug if successor is not None and successor.live else "",
            join(thema.name for thema in concept.themes.all()),
            concept.uri,
            modified.isoformat() if modified else "",
        ]
        # Definitions and labels may come from members' proposals.
        writer.writerow([neutral(cell) for cell in cells])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


# --- reading ---------------------------------------------------------------------------------


def rows_from_csv(text: str) -> list[Row]:
    """The rows of a spreadsheet as scheme_csv writes it (`;` or `,`, BOM or not)."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ImportFileError(_("Het bestand is leeg."))
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = _header(next(reader))
    rows, errors = [], []
    start = reader.line_num + 1
    for cells in reader:
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        where = _("regel %(number)s") % {"number": line}
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            errors.append(
                _("%(where)s: meer cellen dan kolommen in de kopregel.") % {"where": where}
            )
            continue
        cells = cells + [""] * (len(header) - len(cells))
        values = dict(zip(header, (from_neutral(cell).strip() for cell in cells), strict=False))
        try:
            rows.append(_row(where, values))
        except ValueError as exc:
            errors.append(f"{where}: {exc}")
    if errors:
        raise ImportFileError("\n".join(errors))
    if not rows:
        raise ImportFileError(_("Het bestand bevat geen begrippen, alleen een kopregel."))
    return rows


def _header(cells) -> list[str]:
    names = [cell.strip().lower().replace(" ", "_") for cell in cells]
    while names and not names[-1]:
        names.pop()
    unknown = [name or _("(leeg)") for name in names if name not in COLUMNS]
    if unknown:
        raise ImportFileError(
            _("Onbekende kolom(men) in de kopregel: %(unknown)s. Toegestaan zijn: %(allowed)s.")
            % {"unknown": ", ".join(unknown), "allowed": ", ".join(COLUMNS)}
        )
    doubles = sorted({name for name in names if names.count(name) > 1})
    if doubles:
        raise ImportFileError(
            _("Kolom(men) staan dubbel in de kopregel: %(doubles)s.")
            % {"doubles": ", ".join(doubles)}
        )
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise ImportFileError(
            _("Verplichte kolom(men) ontbreken in de kopregel: %(missing)s.")
            % {"missing": ", ".join(missing)}
        )
    return names


def _row(where, values) -> Row:
    status = values.get("status", "")
    if status and status.lower() not in STATUSES:
        raise ValueError(
            _("onbekende status '%(status)s'; kies uit %(choices)s.")
            % {"status": status, "choices": ", ".join(ConceptStatus.values)}
        )
    return Row(
        where=where,
        slug=values.get("slug", ""),
        pref_label=values.get("voorkeursterm", ""),
        definition=values.get("definitie", ""),
        alt_labels=split(values.get("alternatieve_termen", "")),
        hidden_labels=split(values.get("zoektermen", "")),
        scope_note=values.get("toelichting", ""),
        explanation=values.get("uitleg", ""),
        examples=values.get("voorbeelden", ""),
        sources=_sources(values.get("bronnen", "")),
        broader=split(values.get("bovenliggend", "")),
        related=split(values.get("gerelateerd", "")),
        status=STATUSES.get(status.lower(), ""),
        replaced_by=values.get("vervangen_door", ""),
        themes=split(values.get("themas", "")),
    )


def _sources(cell: str) -> list[Source]:
    if not cell:
        return []
    problem = _(
        'de bronnen zijn geen lijst als [{"titel": "…", "url": "…", "bronvermelding": "…"}].'
    )
    try:
        items = json.loads(cell)
    except json.JSONDecodeError:
        raise ValueError(problem) from None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ValueError(problem)
    sources = []
    for item in items:
        title = str(item.get("titel") or "").strip()
        if not title:
            raise ValueError(_("elke bron heeft een titel."))
        sources.append(
            Source(
                title=title,
                url=str(item.get("url") or "").strip(),
                citation=str(item.get("bronvermelding") or "").strip(),
            )
        )
    return sources
