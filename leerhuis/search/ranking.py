"""Pages in order of relevance on SQLite, with the full-text match run once per search.

Wagtail's SQLite backend scores each candidate page in a correlated subquery that runs the
full-text match again for every row, so a common word costs in proportion to the square of
the pages it is found in: "opgave", found in 3,000 pages, took 0.6–1.9 s a request. Here the
match runs once and gives every matching page its score (the same BM25 sum Wagtail uses:
the title's weight plus the body's); the pages the visitor may see are picked from those in
one query, sorted here, and only the ones on the page shown are loaded. PostgreSQL keeps
Wagtail's search, which scores in a join.

The words are the visitor's cleaned words (leerhuis.search.query: letters and digits only),
each quoted, all required: what Wagtail asks FTS5 for the same search.
"""

from django.db import connection
from wagtail.models import Page

INDEX = "wagtailsearch_indexentry"
FTS = "wagtailsearch_indexentry_fts"
BATCH = 5000


def applies():
    return connection.vendor == "sqlite"


def _scores(words, content_type_ids):
    """{page id: score} for every indexed page of these types holding all the words; a lower
    score is a better match (FTS5's bm25 is negative)."""
    match = "{title body} : (" + " AND ".join(f'"{word}"' for word in words) + ")"
    types = ", ".join(str(int(pk)) for pk in content_type_ids)
    sql = (
        f"SELECT entry.object_id, bm25({FTS}) * entry.title_norm + bm25({FTS}) "  # noqa: S608 - only ints and a bound match
        f"FROM {FTS} JOIN {INDEX} entry ON {FTS}.rowid = entry.id "
        f"WHERE {FTS} MATCH %s AND entry.content_type_id IN ({types})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match])
        return {int(object_id): score for object_id, score in cursor.fetchall()}


class RankedPages:
    """The visible pages among the matches, best first (ties: newest first), as a sequence
    the paginator can count and slice; a slice loads only its own pages, specific."""

    def __init__(self, pages, words, content_type_ids):
        scores = _scores(words, content_type_ids) if content_type_ids else {}
        matched, visible = list(scores), []
        # In batches: SQLite takes at most 32,766 values in one query.
        for start in range(0, len(matched), BATCH):
            batch = matched[start : start + BATCH]
            visible += pages.filter(pk__in=batch).values_list("pk", flat=True)
        self.ids = sorted(visible, key=lambda pk: (scores[pk], -pk))

    def __len__(self):
        return len(self.ids)

    def count(self):
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ids[index]
        found = Page.objects.filter(pk__in=ids).specific().in_bulk()
        return [found[pk] for pk in ids if pk in found]
