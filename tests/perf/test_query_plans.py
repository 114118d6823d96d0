"""The calendar filters, someone's own registrations and the begrippen index are read
through an index, on SQLite and on PostgreSQL, not by reading the whole table.

On PostgreSQL a handful of rows is read faster by a sequential scan, so the planner is asked
with sequential scans switched off: a plan that still does not name the index shows the
index cannot serve the query at all."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone

from events.calendar import for_cards, live_meetings
from events.models import EventStatus, Registration
from glossary.models import Concept
from tests.events_factories import RegistrationFactory, bulk_meetings, member
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db


def plan(queryset, avoid=("seqscan",)):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for method in avoid:
                cursor.execute(f"SET LOCAL enable_{method} = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(
            str(row[-1] if connection.vendor == "sqlite" else row[0]) for row in cursor
        )


@pytest.fixture
def calendar():
    bulk_meetings(30, vary=lambda n: {"event_type": ["workshop", "webinar"][n % 2]})
    return live_meetings(AnonymousUser()).exclude(status=EventStatus.GEANNULEERD)


def test_the_calendar_reads_visible_meetings_to_come_through_an_index(calendar):
    now = timezone.now()
    assert "event_visible_end" in plan(for_cards(calendar.upcoming(now))[:20])
    assert "event_visible_end" in plan(for_cards(calendar.past(now))[:20])


def test_the_calendar_filtered_on_a_kind_reads_that_kind_through_an_index(calendar):
    workshops = calendar.filter(event_type="workshop").upcoming(timezone.now())
    assert "event_type_end" in plan(for_cards(workshops)[:20])


def test_someones_places_of_one_status_are_read_through_an_index():
    person = member()
    for _ in range(3):
        RegistrationFactory(user=person)
    assert "registration_user_status" in plan(Registration.objects.filter(user=person).confirmed())


@pytest.fixture
def begrippen():
    for label in ["Opgave-sturing", "Omgevingsvisie", "Wijkaanpak", "Zorgnetwerk"]:
        begrip(label)


def test_one_letter_of_the_begrippen_is_read_in_order_through_an_index(begrippen):
    letter = Concept.objects.live().starting_with("o").order_by("sort_key")[:50]
    text = plan(letter)
    assert "concept_letter_sorted" in text
    assert "TEMP B-TREE" not in text  # no sort of its own: the index gives the order


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a trigram index is PostgreSQL's")
def test_the_begrippen_search_can_use_the_trigram_index_on_postgresql(begrippen):
    # A freshly filled GIN index has no statistics until VACUUM (not possible inside the
    # test's transaction), so the planner is left only index-driven bitmap scans: the words
    # of the search must be able to pick the rows themselves.
    found = Concept.objects.search("sturing").order_by()
    assert "concept_search_text_trgm" in plan(found, avoid=("seqscan", "indexscan"))
