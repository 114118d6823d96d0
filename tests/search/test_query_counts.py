"""The search page costs the same number of queries however many pages match and however
many are listed (a paginated page can hide an N+1 otherwise)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventPage
from tests.events_factories import bulk_meetings, guest
from tests.glossary_factories import store_begrippen
from tests.search.factories import index

pytestmark = pytest.mark.django_db


def stored_meetings(count):
    """Meetings written in bulk, then indexed as `manage.py update_index` would."""
    bulk_meetings(count)
    index(list(EventPage.objects.all()))


def queries(client, **params):
    client.get("/zoeken/", {"q": "opgeslagen", **params})  # warm the per-process caches
    with CaptureQueriesContext(connection) as context:
        response = client.get("/zoeken/", {"q": "opgeslagen", **params})
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.mark.parametrize("params", [{}, {"type": "activiteit"}], ids=["alles", "activiteiten"])
@pytest.mark.parametrize("stored", [(10, 500), (1, 20)], ids=["10-500-opgeslagen", "1-20-getoond"])
def test_the_search_page_costs_the_same_for_few_and_many_meetings(client, params, stored):
    few, many = stored
    client.force_login(guest())  # the access policy narrows the search, as for most visitors
    stored_meetings(few)
    few_queries, response = queries(client, **params)
    assert response.content.decode().count('class="zoekresultaat"') == min(few, 20)

    stored_meetings(many - few)
    many_queries, response = queries(client, **params)
    assert response.content.decode().count('class="zoekresultaat"') == 20
    assert many_queries == few_queries


def test_the_begrippen_cost_the_same_for_few_and_many(client):
    store_begrippen(10)
    few, response = queries(client, q="term")
    assert response.content.decode().count("zoeken-kader__lijst") == 1
    store_begrippen(490, start=10)
    many, _ = queries(client, q="term")
    assert many == few
    few_listed, _ = queries(client, q="term", type="begrip")
    assert few_listed == queries(client, q="term 0001", type="begrip")[0]
