"""Begrippen for the tests of glossary/ and of the floors that link to it."""

from glossary.models import Concept, ConceptStatus


def begrip(pref_label, definition=None, *, publish=True, broader=(), related=(), **fields):
    """A begrip as editors leave it: validated, saved, and published unless `publish=False`
    (a draft that never went live)."""
    fields.setdefault("status", ConceptStatus.VASTGESTELD)
    concept = Concept(
        pref_label=pref_label,
        definition=definition or f"De betekenis van {pref_label}.",
        **fields,
    )
    concept.full_clean()
    concept.save()
    if broader:
        concept.broader.set(broader)
    if related:
        concept.related.set(related)
    if publish:
        concept.save_revision().publish()
    else:
        concept.live = False
        concept.save(update_fields=["live"])
    concept.refresh_from_db()
    return concept
