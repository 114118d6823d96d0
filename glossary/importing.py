"""Importing begrippen from a CSV or Turtle file (the exports of glossary/exports.py, or a
file an editor prepared): an export followed by an import into an empty database gives the
same scheme back.

- A begrip is found by its slug: created when new, updated when it differs, left alone when
  the file says what the site already says. Begrippen the file does not name stay as they are.
- The model's own rules hold (full_clean: required definition, unique terms, a successor for
  a replaced begrip) and so do the hierarchy rules (glossary.hierarchy.relation_errors).
- Relations are set in a second pass, so a file may name begrippen before it defines them.
- Every begrip that changed is published as a new revision, so its history shows the import,
  but only a begrip the file names or one that was live already: a draft that waits for
  review never goes live through an import, and the file cannot relate to one (it is
  unknown, as on the site). Each version is checked again (Concept.publish_errors) just
  before it goes live.
- All or nothing: one transaction; any problem rolls everything back and is reported with
  the row (CSV) or the URI (Turtle) where it was found, in Dutch.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from glossary import labels as label_tools
from glossary.hierarchy import relation_errors
from glossary.models import Concept, ConceptSource, ConceptStatus
from glossary.rdf_reading import rows_from_turtle
from glossary.rows import ImportFileError, Row
from glossary.spreadsheet import rows_from_csv
from leerhuis.core.themes import Thema

FORMATS = {".csv": "csv", ".ttl": "turtle", ".jsonld": "json-ld", ".nt": "nt"}


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = []
        for names, text in (
            (self.created, _("Nieuw (%(count)s): %(names)s")),
            (self.changed, _("Gewijzigd (%(count)s): %(names)s")),
        ):
            if names:
                lines.append(text % {"count": len(names), "names": ", ".join(names)})
        lines.append(_("Ongewijzigd: %(count)s.") % {"count": len(self.unchanged)})
        return lines


def read_rows(path, fmt=None) -> list[Row]:
    """The rows of the file; `fmt` ("csv", "turtle", …) or else its extension says how."""
    path = Path(path)
    fmt = fmt or FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ImportFileError(
            _("Onbekend soort bestand '%(name)s': gebruik .csv of .ttl, of geef --format.")
            % {"name": path.name}
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ImportFileError(_("Het bestand '%(path)s' bestaat niet.") % {"path": path}) from None
    except UnicodeDecodeError:
        raise ImportFileError(
            _("Het bestand is geen UTF-8. Kies in Excel bij 'Opslaan als' het type 'CSV UTF-8'.")
        ) from None
    except OSError as exc:
        raise ImportFileError(
            _("Het bestand '%(path)s' kan niet worden gelezen: %(error)s")
            % {"path": path, "error": exc}
        ) from None
    return rows_from_csv(text) if fmt == "csv" else rows_from_turtle(text, fmt)


def import_file(path, fmt=None) -> Report:
    return import_rows(read_rows(path, fmt))


@transaction.atomic
def import_rows(rows: list[Row]) -> Report:
    for row in rows:
        row.slug = row.slug or slugify(row.pref_label, allow_unicode=True)
    _check_doubles(rows)
    before = _snapshot()
    errors = []
    saved = _save_concepts(_in_replacement_order(rows), errors)
    if not errors:
        _set_relations(rows, saved, errors)
    if errors:
        raise ImportFileError("\n".join(errors))  # the transaction rolls back
    after = _snapshot()
    report = Report()
    to_publish = []
    for slug, state in sorted(after.items()):
        if slug not in saved and not before[slug][0]:
            continue  # a draft the file does not name waits for its review
        if slug not in before:
            report.created.append(slug)
        elif state != before[slug]:
            report.changed.append(slug)
        elif slug in saved and not state[0]:
            report.changed.append(slug)  # a draft that the import publishes
        elif slug in saved:
            report.unchanged.append(slug)
            continue
        else:
            continue
        to_publish.append(slug)
    _publish(to_publish, {row.slug: row.label() for row in rows})
    return report


def _publish(slugs, labels):
    """A revision per changed begrip: its history shows the import, and the live version
    (with its relations) is what the file said. Every stored version is checked first, as
    the review checks one before it goes live; one problem and nothing is published."""
    revisions = {
        concept.slug: concept.save_revision(log_action=True)
        for concept in Concept.objects.filter(slug__in=slugs).order_by("slug")
    }
    errors = [
        f"{labels.get(slug, slug)}: {message}"
        for slug, revision in revisions.items()
        for message in revision.as_object().publish_errors()
    ]
    if errors:
        raise ImportFileError("\n".join(errors))  # the transaction rolls back
    for revision in revisions.values():
        revision.publish()


def _check_doubles(rows):
    seen, doubles = set(), []
    for row in rows:
        if row.slug in seen:
            doubles.append(row.label())
        seen.add(row.slug)
    if doubles:
        raise ImportFileError(
            _("Deze begrippen staan meer dan eens in het bestand: %(rows)s")
            % {"rows": ", ".join(doubles)}
        )


def _snapshot():
    """What the site says about every begrip, to tell created, changed and unchanged apart
    (a related begrip outside the file changes too: the relation holds both ways)."""
    concepts = Concept.objects.select_related("replaced_by").prefetch_related(
        "sources", "themes", "broader", "related"
    )
    return {
        c.slug: (
            c.live,
            c.pref_label,
            c.alt_labels,
            c.hidden_labels,
            c.definition,
            c.scope_note,
            c.explanation,
            c.examples,
            c.status,
            c.replaced_by.slug if c.replaced_by else "",
            [(s.title, s.url, s.citation) for s in c.sources.all()],
            sorted(t.name for t in c.themes.all()),
            sorted(o.slug for o in c.broader.all()),
            sorted(o.slug for o in c.related.all()),
        )
        for c in concepts
    }


def _in_replacement_order(rows):
    """Successors before the begrippen they replace: a replaced begrip needs its successor to
    exist when it is validated."""
    by_slug = {row.slug: row for row in rows}
    ordered, placed, visiting = [], set(), set()

    def place(row):
        if row.slug in placed:
            return
        if row.slug in visiting:
            raise ImportFileError(
                _("%(row)s: de vervangingen vormen een kring.") % {"row": row.label()}
            )
        visiting.add(row.slug)
        successor = by_slug.get(row.replaced_by)
        if successor is not None:
            place(successor)
        visiting.discard(row.slug)
        placed.add(row.slug)
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def _find(slug, saved):
    """A begrip of the file or a live one: a draft is not there yet for whoever reads the
    file, and relating to it would publish it without review."""
    return saved.get(slug) or Concept.objects.live().filter(slug=slug).first()


def _themes(names):
    themes = []
    for name in names:
        thema = Thema.objects.filter(name__iexact=name).first()
        themes.append(thema or Thema.objects.named(name)[0])
    return themes


def _save_concepts(rows, errors) -> dict[str, Concept]:
    """First pass: every begrip with its own fields, sources and themes."""
    saved = {}
    existing = {c.slug: c for c in Concept.objects.filter(slug__in=[r.slug for r in rows])}
    for row in rows:
        concept = existing.get(row.slug) or Concept(slug=row.slug)
        successor = None
        if row.replaced_by:
            successor = _find(row.replaced_by, saved)
            if successor is None:
                errors.append(_unknown(row, _("vervangen door"), row.replaced_by))
                continue
        _apply(concept, row, successor)
        try:
            concept.full_clean()
            for source in concept.sources.all():
                source.full_clean(exclude=["concept"])
        except ValidationError as exc:
            errors.extend(_describe(row, exc))
            continue
        concept.save()  # also writes the sources and themes set on it
        saved[row.slug] = concept
    return saved


def _apply(concept, row, successor):
    concept.pref_label = row.pref_label
    concept.alt_labels = label_tools.join_labels(row.alt_labels)
    concept.hidden_labels = label_tools.join_labels(row.hidden_labels)
    concept.definition = row.definition
    concept.scope_note = row.scope_note
    concept.explanation = row.explanation
    concept.examples = row.examples
    concept.status = row.status or concept.status or ConceptStatus.IN_BEWERKING
    concept.replaced_by = successor
    concept.sources = [
        ConceptSource(title=s.title, url=s.url, citation=s.citation, sort_order=index)
        for index, s in enumerate(row.sources)
    ]
    concept.themes.set(_themes(row.themes))


def _set_relations(rows, saved, errors):
    """Second pass: broader and related, by slug, under the hierarchy rules. A relation named
    at one end of a related pair holds at both."""
    related = {row.slug: set(row.related) for row in rows}
    for row in rows:
        for other in row.related:
            related.setdefault(other, set()).add(row.slug)
    through = Concept.broader.through
    for row in rows:
        concept = saved[row.slug]
        broader = _resolve(row, row.broader, saved, _("bovenliggend"), errors)
        others = _resolve(row, sorted(related[row.slug]), saved, _("gerelateerd"), errors)
        if broader is None or others is None:
            continue
        problems = relation_errors(
            concept.pk, [c.pk for c in broader], [c.pk for c in others], through
        )
        for name, message in problems.items():
            errors.append(f"{row.label()}: {_verbose(name)}: {message}")
        if problems:
            continue
        old = ({c.pk for c in concept.broader.all()}, {c.pk for c in concept.related.all()})
        if old != ({c.pk for c in broader}, {c.pk for c in others}):
            concept.broader.set(broader)
            concept.related.set(others)
            concept.save()


def _resolve(row, slugs, saved, name, errors):
    found = []
    for slug in slugs:
        other = _find(slug, saved)
        if other is None:
            errors.append(_unknown(row, name, slug))
            return None
        found.append(other)
    return found


def _unknown(row, name, slug):
    return _(
        "%(row)s: %(name)s: er is geen begrip '%(slug)s' (niet in het bestand, niet op de site)."
    ) % {
        "row": row.label(),
        "name": name,
        "slug": slug,
    }


def _verbose(name):
    try:
        return str(Concept._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _describe(row, exc: ValidationError):
    messages = []
    for name, texts in exc.message_dict.items():
        prefix = f"{row.label()}: " if name == "__all__" else f"{row.label()}: {_verbose(name)}: "
        messages.extend(prefix + text for text in texts)
    return messages
