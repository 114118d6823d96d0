"""How load_demo fills the begrippenkader (leerhuis.demo.begrippen_sturing and
begrippen_aanpak say with what).

A begrip is made only when no begrip has its term or address yet, validated by the
model's own rules, and published with a revision, as an editor would. Relations are set
after all new begrippen exist; a related link is symmetric, so each new begrip's revision
holds every link made from either side (publishing one begrip from a revision that lacks a
link would remove it again). What already exists, an editor may have changed: a later load
leaves it alone.
"""

from django.db.models import Q
from django.utils.text import slugify

from glossary.hierarchy import relation_errors
from glossary.labels import join_labels
from glossary.models import Concept, ConceptStatus
from leerhuis.core.themes import Thema
from leerhuis.demo.begrippen_aanpak import AANPAK
from leerhuis.demo.begrippen_sturing import STURING

BEGRIPPEN = [*STURING, *AANPAK]
TEXT_FIELDS = ("explanation", "scope_note", "examples")


def load_begrippen() -> int:
    """The demo's begrippen that are missing, published; the number made."""
    made = {}
    for spec in BEGRIPPEN:
        concept = _make(spec)
        if concept is not None:
            made[spec["label"]] = (concept, spec)
    if not made:
        return 0
    by_label = {c.pref_label: c for c in Concept.objects.filter(pref_label__in=_all_labels())}
    related = _symmetric(made)
    for label, (concept, spec) in made.items():
        broader = [by_label[name] for name in spec.get("broader", ())]
        others = [by_label[name] for name in sorted(related[label]) if name in by_label]
        errors = relation_errors(
            concept.pk,
            [c.pk for c in broader],
            [c.pk for c in others],
            Concept.broader.through,
        )
        if errors:
            raise ValueError(f"{label}: {errors}")
        concept.broader.set(broader)
        concept.related.set(others)
        concept.themes.set(Thema.objects.filter(slug__in=spec.get("themes", ())))
        concept.save_revision().publish()
    return len(made)


def _all_labels():
    return [spec["label"] for spec in BEGRIPPEN]


def _make(spec):
    """The begrip of `spec`, saved but not yet published; None when it exists already."""
    label = spec["label"]
    slug = slugify(label, allow_unicode=True)
    if Concept.objects.filter(Q(slug=slug) | Q(pref_label__iexact=label)).exists():
        return None
    concept = Concept(
        pref_label=label,
        definition=spec["definition"],
        alt_labels=join_labels(spec.get("alt", ())),
        hidden_labels=join_labels(spec.get("hidden", ())),
        status=spec.get("status", ConceptStatus.VASTGESTELD),
        **{name: spec.get(name, "") for name in TEXT_FIELDS},
    )
    if spec.get("replaced_by"):
        concept.replaced_by = Concept.objects.filter(pref_label__iexact=spec["replaced_by"]).first()
    concept.full_clean()
    concept.save()
    return concept


def _symmetric(made):
    """Per new begrip, the terms it is related to, declared on either side."""
    related = {label: set(spec.get("related", ())) for label, (_c, spec) in made.items()}
    for spec in BEGRIPPEN:
        for other in spec.get("related", ()):
            if other in related:
                related[other].add(spec["label"])
    return related
