"""On SQLite the site orders page results itself, in one pass over the full-text index
(leerhuis.search.ranking), instead of Wagtail's per-row scoring: the same pages in the same
order, best match first, at a cost that does not grow with the square of the matches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leerhuis.search import ranking
from tests.events_factories import EventPageFactory
from tests.search.factories import standard_page
from tests.search.test_finding import search, titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL keeps Wagtail's search"),
]


def test_a_page_with_the_word_in_its_title_comes_first_where_the_texts_are_alike(client):
    standard_page("Over de vereniging", intro="Alles over de kadaster-opgave en meer.")
    EventPageFactory(title="Kadaster in de praktijk", intro="Een middag.")
    assert titles(search(client, q="kadaster")) == [
        "Kadaster in de praktijk",
        "Over de vereniging",
    ]


def test_the_order_and_the_pages_are_wagtails_own(client, monkeypatch):
    for number in range(30):
        words = " ".join(["wijkaanpak"] * (number % 4 + 1))
        standard_page(f"Pagina {number}", intro=f"{words} met bewoners")
    EventPageFactory(title="Wijkaanpak in Zwolle", intro="wijkaanpak")
    ours = [titles(search(client, q="wijkaanpak", page=n)) for n in (1, 2)]
    monkeypatch.setattr(ranking, "applies", lambda: False)
    wagtails = [titles(search(client, q="wijkaanpak", page=n)) for n in (1, 2)]
    assert ours == wagtails
    assert len(ours[0]) == 20 and len(ours[1]) == 11


def test_no_query_repeats_the_full_text_match_per_page(client):
    """Wagtail's own order matched again inside a subquery per candidate page: a statement
    holding MATCH twice. Ours matches once to score, and once for the counts per type."""
    for number in range(25):
        standard_page(f"Pagina {number}", intro="omgevingswet")
    with CaptureQueriesContext(connection) as queries:
        assert len(titles(search(client, q="omgevingswet"))) == 20
    matching = [q["sql"] for q in queries.captured_queries if " MATCH " in q["sql"]]
    assert len(matching) == 2
    assert all(sql.count(" MATCH ") == 1 for sql in matching)


def test_more_matches_than_one_query_may_hold_are_taken_in_batches(client, monkeypatch):
    monkeypatch.setattr(ranking, "BATCH", 2)  # as 5,000 is to a word found everywhere
    for number in range(5):
        standard_page(f"Pagina {number}", intro="ruimtelijke ordening")
    assert len(titles(search(client, q="ordening"))) == 5
