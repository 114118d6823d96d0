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
    concept.live = publish
    concept.save()
    if broader:
        concept.broader.set(broader)
    if related:
        concept.related.set(related)
    if publish:
        concept.save_revision().publish()
    else:
        concept.save()  # a draft's relations are stored with it, as the admin does
    concept.refresh_from_db()
    return concept


def store_begrippen(count, start=0):
    """`count` published begrippen "term 0000", "term 0001", … in one query, as an import
    would leave them: for tests that need many stored (query counts, the benchmark)."""
    concepts = []
    for number in range(start, start + count):
        concept = Concept(
            pref_label=f"term {number:04d}",
            slug=f"term-{number:04d}",
            alt_labels=f"termen {number:04d}",
            definition=f"De betekenis van term {number:04d}.",
            status=ConceptStatus.VASTGESTELD,
            live=True,
        )
        concept.refresh_derived()
        concepts.append(concept)
    Concept.objects.bulk_create(concepts, batch_size=500)
