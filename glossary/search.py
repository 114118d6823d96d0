"""What the site search finds in the begrippenkader, registered through core's
`search_result_types` hook (glossary/wagtail_hooks.py), so search never has to know it.

Begrippen are no Wagtail pages: they are found by the glossary's own accent-folded prefix
search on every label ("sudwest" finds "Súdwest", "opgavesturing" the begrip
"Opgave-sturing"), which the database's full-text search cannot promise on both SQLite and
PostgreSQL. When nothing is found, the nearest labels are offered as "bedoelde je …".
"""

import difflib

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from glossary import labels
from glossary.models import Concept
from leerhuis.core.search_types import ResultType

MAX_SUGGESTIONS = 5


def find(query, user):
    """Live begrippen (withdrawn ones stay online, so they are found too); none is hidden."""
    return Concept.objects.live().search(query).order_by("sort_key")


def suggestions(query):
    """Begrippen the visitor may have meant: a term that starts like the query, or one
    spelled nearly so ("opgavesturring"). One query, whatever the size of the kader."""
    key = labels.label_key(query)[:60]
    if len(key) < 3:
        return []
    rows = Concept.objects.live().values_list("pref_label", "slug", "label_keys")
    start = key[:4]
    starting, near = [], []
    for pref_label, slug, keys in rows:
        terms = [term for term in keys.split("\n") if term]
        if any(term.startswith(start) for term in terms):
            starting.append((pref_label, slug))
        elif difflib.get_close_matches(key, terms, n=1, cutoff=0.75):
            near.append((pref_label, slug))
    return [
        (pref_label, reverse("begrip", args=[slug]))
        for pref_label, slug in (starting + near)[:MAX_SUGGESTIONS]
    ]


def result_type():
    return ResultType(
        "begrip",
        _("Begrippen"),
        _("begrip"),
        search=find,
        describe=lambda concept: concept.definition,
        suggest=suggestions,
        index_url=lambda: reverse("begrippen"),
        order=40,
    )
