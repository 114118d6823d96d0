"""The record page and the Mijn Leerhuis section cost the same queries for 5 attended
meetings as for 200 (with programmes, accreditations, themes and leergangen to read)."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventAccreditation, ProgrammeSlot, Registration, RegistrationStatus
from tests.development_factories import ExternalLearningFactory, SchemeFactory, pmi
from tests.events_factories import LearningTrackPageFactory, bulk_meetings, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _late_in_the_year():
    # 200 meetings on different days before today, all in the same year.
    with time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC), tick=False):
        yield


def attended_meetings(user, count, offset):
    """`count` meetings this year that `user` was at, written in bulk; every third one
    accredited twice, every fourth one with a programme, every fifth one in a leergang."""
    track = LearningTrackPageFactory()
    meetings = bulk_meetings(
        count,
        offset=offset,
        vary=lambda n: {
            "start": in_days(-1 - (n % 300), 10),
            **({"learning_track": track} if n % 5 == 0 else {}),
        },
    )
    ipma, leadership = SchemeFactory(), pmi("Leadership")
    EventAccreditation.objects.bulk_create(
        EventAccreditation(page=meeting, scheme=scheme, points=Decimal("3"), sort_order=i)
        for n, meeting in enumerate(meetings)
        if n % 3 == 0
        for i, scheme in enumerate([ipma, leadership])
    )
    ProgrammeSlot.objects.bulk_create(
        ProgrammeSlot(page=meeting, starts_at=time, title=title, is_break=pause, sort_order=i)
        for n, meeting in enumerate(meetings)
        if n % 4 == 0
        for i, (time, title, pause) in enumerate(
            [
                (datetime.time(10), "Ochtend", False),
                (datetime.time(11, 30), "Pauze", True),
                (datetime.time(12), "Middag", False),
            ]
        )
    )
    Registration.objects.bulk_create(
        Registration(
            event=meeting,
            user=user,
            name=user.full_name,
            email=user.email,
            status=RegistrationStatus.CONFIRMED,
            checked_in_at=meeting.start + datetime.timedelta(hours=1),
        )
        for meeting in meetings
    )
    ExternalLearningFactory(user=user, date=datetime.date(2026, 3, 1), scheme=pmi(), points=2)
    return meetings


def queries_for(client, user, url):
    client.force_login(user)
    client.get(url)  # warm caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("url", ["/mijn-leerhuis/ontwikkeling/", "/mijn-leerhuis/"])
def test_the_record_costs_the_same_for_5_and_200_attended_meetings(client, url):
    few, many = UserFactory(), UserFactory()
    attended_meetings(few, 5, offset=0)
    attended_meetings(many, 200, offset=5)
    few_count, _ = queries_for(client, few, url)
    many_count, html = queries_for(client, many, url)
    assert few_count == many_count
    if url == "/mijn-leerhuis/ontwikkeling/":
        assert html.count('class="record-code"') == 200


def test_the_page_is_built_from_all_200_meetings(client):
    person = UserFactory()
    attended_meetings(person, 200, offset=0)
    _, html = queries_for(client, person, "/mijn-leerhuis/ontwikkeling/")
    # 150 meetings of three hours, 50 with a programme of 2,5 hours, and 8 hours elsewhere.
    assert "583 uur" in html
    assert "201 PE-punten (IPMA)" in html


def test_mijn_leerhuis_costs_the_same_with_nothing_yet_as_with_200_meetings(client):
    newcomer, regular = UserFactory(), UserFactory()
    attended_meetings(regular, 200, offset=0)
    nothing_count, html = queries_for(client, newcomer, "/mijn-leerhuis/")
    assert "Hier zie je straks je studie-uren" in html
    assert queries_for(client, regular, "/mijn-leerhuis/")[0] == nothing_count
