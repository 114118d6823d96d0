"""What the feeds cost in queries: a fixed handful, however many meetings or registrations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import ical
from events.models import EventPage, EventSpeaker
from leerhuis.core import conditional
from members.models import Person
from tests.events.helpers.feeds import FEED, feed_path, flat, items, meeting
from tests.events_factories import RegistrationFactory, bulk_meetings, in_days, member
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _store(count, offset=0):
    """`count` more meetings from two months back to a year ahead, some members-only or
    cancelled, of three types, with up to two speakers each."""
    pages = bulk_meetings(
        count,
        offset,
        lambda n: {
            "start": in_days((n * 7) % 420 - 60, 10),
            "status": "geannuleerd" if n % 7 == 0 else "gepland",
            "region": ["utrecht", "landelijk", "zeeland"][n % 3],
            "event_type": ["bijeenkomst", "webinar", "workshop"][n % 3],
            "visibility": "members" if n % 6 == 0 else "public",
        },
    )
    people = Person.objects.bulk_create(
        Person(name=f"Spreker {offset}-{k}", role="Projectleider") for k in range(5)
    )
    EventSpeaker.objects.bulk_create(
        EventSpeaker(page=page, person=people[(n + k) % 5], sort_order=k)
        for n, page in enumerate(pages)
        for k in range(n % 3)
    )
    return pages


@pytest.fixture
def building(monkeypatch):
    """Every request builds its calendar: the shared cache of built public feeds would
    otherwise answer the measured request without a query."""
    monkeypatch.setattr(conditional, "shared_body", lambda namespace, etag, build: build())


def _queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def test_the_public_feed_costs_the_same_queries_for_10_and_1000_meetings(client, building):
    """However full the calendar, the feed is a fixed handful of queries."""
    meeting("Met thema", themes=["Wonen"], start=in_days(5))
    _store(9)
    urls = [FEED, f"{FEED}?thema=wonen", f"{FEED}?regio=zeeland"]
    few = {}
    for url in urls:
        few[url], response = _queries(client, url)
        assert items(response.content)

    _store(990, offset=9)
    assert EventPage.objects.live().count() == 1000
    many = {}
    for url in urls:
        many[url], response = _queries(client, url)
    assert len(items(response.content)) > 50

    assert many == few
    assert max(few.values()) <= 7


def test_the_personal_feed_costs_the_same_queries_for_1_and_20_registrations(client):
    """My feed does not get slower per meeting I sign up for."""
    user = member()
    upcoming = _store(30)[9:29]  # all in the window
    RegistrationFactory(event=upcoming[0], user=user)
    url = feed_path(user)
    one, response = _queries(client, url)
    assert len(items(response.content)) == 1

    for page in upcoming[1:]:
        RegistrationFactory(event=page, user=user)
    twenty, response = _queries(client, url)

    assert len(items(response.content)) == 20
    assert twenty == one
    assert one <= 7  # one of them: the meetings of my groups (tests/events/test_group_meetings.py)


def test_speakers_and_themes_in_the_feed_are_fetched_once(client, building):
    """The description names each meeting's speakers without a query per meeting."""
    pages = _store(12)
    person = PersonFactory(name="Astrid van de Klift")
    EventSpeaker.objects.create(page=pages[10], person=person, sort_order=9)

    count, response = _queries(client, FEED)

    assert "Astrid van de Klift" in flat(response)
    assert count <= 6


def test_the_contact_address_is_read_once_per_calendar_not_per_meeting(
    django_assert_num_queries,
):
    """Every item's ORGANIZER comes from one look-up of the site settings."""
    pages = _store(12)
    events = list(ical.for_feed(EventPage.objects.filter(pk__in=[p.pk for p in pages])))

    with django_assert_num_queries(1):
        body = ical.calendar(events, name="Alles", url_of=lambda e: "https://leerhuis.example/")

    assert body.count(b"\r\nORGANIZER;CN=") == len(events) == 12
