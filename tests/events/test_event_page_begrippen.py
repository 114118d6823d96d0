"""A meeting's texts link the begrippen they mention, as a visitor sees the page, unless
its editors switched that off; and the page asks the database as much with many begrippen
as with few."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from tests.events.helpers.event_page import html_of
from tests.events_factories import EventPageFactory
from tests.glossary.linking_helpers import links
from tests.glossary_factories import begrip, store_begrippen

pytestmark = pytest.mark.django_db

DEFINITION = "Een maatschappelijk vraagstuk dat de gemeente met anderen wil oplossen."


def meeting(**fields):
    return EventPageFactory(
        body=[("paragraph", RichText("<p>Wat is een opgave, en wie is de eigenaar?</p>"))],
        **fields,
    )


def test_a_meeting_links_a_begrip_in_its_text_with_the_definition(client):
    begrip("opgave", DEFINITION)
    html = html_of(client, meeting())
    assert ("/begrippen/opgave/", "opgave", DEFINITION) in links(html)
    assert 'href="/static/css/begrippen.css"' in html
    assert 'src="/static/js/begrippen.js" defer' in html


def test_a_meeting_whose_editors_switched_linking_off_links_no_begrip(client):
    begrip("opgave", DEFINITION)
    html = html_of(client, meeting(auto_link_terms=False))
    assert links(html) == []
    assert "Wat is een opgave, en wie" in html


def test_a_meeting_page_asks_as_many_queries_with_300_begrippen_as_with_3(client):
    begrip("opgave", DEFINITION)
    event = meeting()
    html_of(client, event)  # what any first page of a process asks once
    counts = []
    for stored, more in ((3, 2), (300, 297)):
        store_begrippen(more, start=len(counts) * 1000)
        cache.clear()  # a new version of the begrippen: this page builds the matcher as well
        with CaptureQueriesContext(connection) as queries:
            html = html_of(client, event)
        assert [address for address, _t, _d in links(html)] == ["/begrippen/opgave/"], stored
        counts.append(len(queries))
    assert counts[0] == counts[1]
