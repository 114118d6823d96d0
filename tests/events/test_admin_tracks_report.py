"""Organisers see how each leergang is attended: sessions held of all, people who booked,
presence at the sessions held by the record's own rule, and who completed it; as XLSX and
CSV too, for who may see registrations only, at the same cost for 2 or 20 leergangen."""

import codecs
import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventPage, EventStatus, RegistrationStatus
from tests.events.helpers.registrations_admin import organiser, staff_with
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    attend,
    in_days,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/aanmeldingen/leergangen/"


def leergang(title="Leergang opgavegericht werken", people=3):
    """Three sessions held (the last one cancelled) and one to come; `people` booked it,
    the first came to everything, the second to one session, the third to none."""
    track = LearningTrackPageFactory(title=title, min_attendance=2)
    sessions = [
        EventPageFactory(
            learning_track=track, start=in_days(-30 + 7 * n, 9), end=in_days(-30 + 7 * n, 12)
        )
        for n in range(3)
    ] + [EventPageFactory(learning_track=track, start=in_days(20, 9), end=in_days(20, 12))]
    for number in range(people):
        person = UserFactory()
        for index, session in enumerate(sessions):
            registration = RegistrationFactory(event=session, user=person, learning_track=track)
            if number == 0 and index < 3 or number == 1 and index == 0:
                attend(registration)
    # Called off afterwards, though the first person had been checked in there.
    EventPage.objects.filter(pk=sessions[2].pk).update(status=EventStatus.GEANNULEERD)
    return track


def rows(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in tr.select("td")]
        for tr in soup.select("#listing-results tbody tr")
    ]


def test_each_leergang_with_its_sessions_bookings_presence_and_completions(client, login_with_mfa):
    leergang()
    login_with_mfa(client, organiser())
    [row] = rows(client.get(URL).content.decode())
    assert row == [
        "Leergang opgavegericht werken",
        "2 van 4 gehouden",
        "3",
        # Two sessions held and not cancelled, three places each; the check-in at the
        # cancelled session does not count.
        "3 van 6 plaatsen (50%)",
        "1 (minimaal 2 sessies)",
    ]


def test_a_cancelled_booking_is_no_booking(client, login_with_mfa):
    track = leergang(people=2)
    RegistrationFactory(
        event=track.session_pages().last(),
        user=UserFactory(),
        learning_track=track,
        status=RegistrationStatus.CANCELLED,
    )
    login_with_mfa(client, organiser())
    [row] = rows(client.get(URL).content.decode())
    assert row[2] == "2"


def test_the_download_holds_the_same_figures(client, login_with_mfa):
    leergang()
    login_with_mfa(client, organiser())
    response = client.get(URL, {"export": "csv"})
    raw = b"".join(response.streaming_content)
    assert raw.startswith(codecs.BOM_UTF8)
    heading, row = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert dict(zip(heading, row, strict=True)) == {
        "Leergang": "Leergang opgavegericht werken",
        "Sessies": "4",
        "Gehouden": "2",
        "Geboekt (mensen)": "3",
        "Plaatsen bij gehouden sessies": "6",
        "Aanwezig": "3",
        "Aanwezig (%)": "50",
        "Afgerond": "1",
        "Minimale aanwezigheid": "2",
    }


def test_only_who_may_see_registrations_sees_it(client, login_with_mfa):
    leergang()
    assert client.get(URL).status_code == 302  # to the login
    login_with_mfa(client, staff_with(email="redacteur@leerhuis.example"))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"export": "csv"}).status_code == 403


def queries(client, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, params or {}).status_code == 200
    return len(captured)


def test_two_or_twenty_leergangen_cost_the_same_queries(client, login_with_mfa):
    login_with_mfa(client, organiser())
    for n in range(2):
        leergang(title=f"Leergang {n}", people=1)
    client.get(URL)
    few = [queries(client), queries(client, {"export": "csv"})]
    for n in range(2, 20):
        leergang(title=f"Leergang {n}", people=1)
    assert [queries(client), queries(client, {"export": "csv"})] == few
