"""A meeting page costs the same number of queries for every kind of visitor, whether it
shows one speaker, workshop and theme or twenty, and whether 10 or 500 meetings and places
are stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Registration, RegistrationStatus
from tests.events.test_event_page_states import _fill
from tests.events_factories import EventPageFactory, RegistrationFactory, bulk_meetings, member
from tests.events_factories import themes as vocabulary

pytestmark = pytest.mark.django_db


def _queries(client, page):
    client.get(page.url)  # renditions are made on the first view; count the ones after
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


def _places_of_others(event, count):
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"Deelnemer {n}",
            email=f"deelnemer{n}@voorbeeld.nl",
            status=RegistrationStatus.CONFIRMED if n % 2 else RegistrationStatus.WAITLISTED,
            on_attendee_list=True,
            organisation_name=f"Gemeente {n}",
        )
        for n in range(count)
    )


@pytest.mark.parametrize("who", ["anonymous", "member", "registered"])
def test_a_meeting_page_costs_the_same_for_1_and_20_shown_and_10_and_500_stored(client, who):
    viewer = member()
    if who != "anonymous":
        client.force_login(viewer)
    small, big = EventPageFactory(capacity=1000), EventPageFactory(capacity=1000)
    for event, count in ((small, 1), (big, 20)):
        event.themes.add(*vocabulary(*[f"Thema {n}" for n in range(count)]))
        event.save()
        _fill(event, count)
        if who == "registered":
            RegistrationFactory(event=event, user=viewer)
    bulk_meetings(10)
    _places_of_others(small, 10)
    few = _queries(client, small)
    assert _queries(client, big) == few

    bulk_meetings(490, offset=10)
    _places_of_others(small, 490)
    assert _queries(client, small) == few
    assert _queries(client, big) == few
