"""The rules of the hierarchy (skos:broader / skos:narrower) and of related begrippen, checked
wherever relations are set: the admin form and the import.

NL-SBB asks for a hierarchy without cycles; a begrip is never its own broader or related
begrip, and a broader begrip is not also merely "related" (that would say two things at once).
"""

from django.utils.translation import gettext as _


def ancestors(concept_ids, through):
    """Every begrip above the given ones, following broader links in the database: one query
    per level of the hierarchy, which is a handful at most."""
    seen = set()
    frontier = set(concept_ids)
    while frontier:
        above = set(
            through.objects.filter(from_concept_id__in=frontier).values_list(
                "to_concept_id", flat=True
            )
        )
        frontier = above - seen
        seen |= above
    return seen


def relation_errors(concept_pk, broader_ids, related_ids, through):
    """Dutch messages per field for relations that break the rules; empty when all is well."""
    errors = {}
    broader_ids, related_ids = set(broader_ids), set(related_ids)
    if concept_pk is not None and concept_pk in broader_ids:
        errors["broader"] = _("Een begrip kan niet boven zichzelf staan.")
    elif concept_pk is not None and concept_pk in ancestors(broader_ids, through):
        errors["broader"] = _(
            "Dit maakt een kring: het gekozen bovenliggende begrip staat zelf al onder dit begrip."
        )
    if concept_pk is not None and concept_pk in related_ids:
        errors["related"] = _("Een begrip is niet aan zichzelf gerelateerd.")
    elif broader_ids & related_ids:
        errors["related"] = _(
            "Een bovenliggend begrip hoeft niet ook als gerelateerd begrip te staan."
        )
    return errors
