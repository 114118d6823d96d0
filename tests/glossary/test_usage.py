"""Where a begrip is used (glossary.usage.used_by): the live pages that point to it, as the
visitor may see them, newest first, in a fixed number of queries."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventBegrip
from glossary.usage import used_by
from members.access import Visibility
from tests.events_factories import EventPageFactory, member
from tests.factories import StaffFactory
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


def meeting_about(concept, title, **fields):
    """A meeting an editor published with `concept` among its begrippen."""
    page = EventPageFactory(title=title, **fields)
    page.begrippen = [EventBegrip(concept=concept)]
    page.save_revision().publish()
    return page


def titles(pages):
    return [page.title for page in pages]


def test_a_begrip_lists_the_meetings_that_name_it_newest_first():
    opgave = begrip("opgave")
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)):
        meeting_about(opgave, "Eerste studiedag")
    with time_machine.travel(datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC)):
        meeting_about(opgave, "Tweede studiedag")
    meeting_about(begrip("mandaat"), "Over iets anders")

    found = used_by(opgave, ANONYMOUS)

    assert titles(found) == ["Tweede studiedag", "Eerste studiedag"]
    # The specific page, so a caller can show a meeting's date.
    assert all(hasattr(page, "start") for page in found)


def test_a_begrip_nobody_uses_lists_nothing():
    assert used_by(begrip("kanteling"), ANONYMOUS) == []


def test_an_unpublished_meeting_is_not_listed():
    opgave = begrip("opgave")
    meeting_about(opgave, "Ingetrokken").unpublish()

    assert used_by(opgave, ANONYMOUS) == []


def test_a_members_only_meeting_is_listed_for_members_and_staff_but_not_for_anonymous():
    opgave = begrip("opgave")
    meeting_about(opgave, "Voor iedereen")
    meeting_about(opgave, "Alleen leden", visibility=Visibility.MEMBERS)

    assert titles(used_by(opgave, ANONYMOUS)) == ["Voor iedereen"]
    assert "Alleen leden" in titles(used_by(opgave, member()))
    assert "Alleen leden" in titles(used_by(opgave, StaffFactory()))


def test_listing_one_or_twenty_meetings_takes_the_same_number_of_queries():
    few, many = begrip("weinig"), begrip("veel")
    meeting_about(few, "Eén")
    for n in range(20):
        meeting_about(many, f"Bijeenkomst {n}")
    used_by(few, ANONYMOUS)  # content types cached, as in a running site

    with CaptureQueriesContext(connection) as one:
        assert len(used_by(few, ANONYMOUS)) == 1
    with CaptureQueriesContext(connection) as twenty:
        assert len(used_by(many, ANONYMOUS)) == 20

    assert len(one) == len(twenty)


def test_the_begrip_page_lists_where_it_is_used_as_the_visitor_may_see_it(client):
    opgave = begrip("Opgave")
    meeting_about(opgave, "Studiedag opgave-sturing")
    meeting_about(opgave, "Intervisie voor leden", visibility=Visibility.MEMBERS)

    anonymous = client.get("/begrippen/opgave/").text
    client.force_login(member())
    as_member = client.get("/begrippen/opgave/").text

    assert "Waar dit begrip gebruikt wordt" in anonymous
    assert "Studiedag opgave-sturing" in anonymous
    assert "Intervisie voor leden" not in anonymous
    assert "Intervisie voor leden" in as_member
