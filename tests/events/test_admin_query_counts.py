"""The dashboard and the organisers' reports cost the same number of queries with 10 and with
500 meetings stored, each with registrations (confirmed, present, waiting, cancelled;
members and others; bookings of a leergang): no view does a query per meeting or per
registration. One data set grows from 10 to 500 meetings, and every view is counted at both
sizes, so a failure names the views that grew."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventPage, Registration, RegistrationStatus
from tests.events.helpers.registrations_admin import organiser
from tests.events_factories import LearningTrackPageFactory, bulk_meetings, in_days
from tests.factories import OrganisationFactory, StaffFactory

pytestmark = pytest.mark.django_db

BASE = "/admin/aanmeldingen/"


def _start(n):
    """Most meetings are this year and past (the Jaaroverzicht), a third are to come (the
    dashboard, the meetings listing), a few last year."""
    today = timezone.localdate()
    if n % 3 == 0:
        return in_days(1 + n % 60, 10)
    if n % 17 == 0:
        return in_days(-(today.timetuple().tm_yday + 1 + n % 30), 10)
    return in_days(-(1 + n % max(today.timetuple().tm_yday - 1, 1)), 10)


def _people():
    """Three accounts reused at every meeting (one active registration per person per
    meeting), written in one statement with a password nobody uses."""
    User = get_user_model()
    return User.objects.bulk_create(
        User(email=f"deelnemer{n}@aantal.example", full_name=f"Deelnemer {n}", password="!")
        for n in range(3)
    )


def _store(count, offset, tracks, people, organisation):
    meetings = bulk_meetings(
        count,
        offset=offset,
        vary=lambda n: {
            "start": _start(n),
            "capacity": 30,
            "learning_track_id": tracks[n % 2].pk if n % 5 == 0 else None,
        },
    )
    rows = []
    for n, meeting in enumerate(meetings, start=offset):
        past = meeting.start < timezone.now()
        track = tracks[n % 2] if n % 5 == 0 else None
        for index, (person, status) in enumerate(
            zip(
                people,
                [
                    RegistrationStatus.CONFIRMED,
                    RegistrationStatus.CONFIRMED,
                    RegistrationStatus.WAITLISTED,
                ],
                strict=True,
            )
        ):
            rows.append(
                Registration(
                    event=meeting,
                    user=person,
                    name=person.full_name,
                    email=person.email,
                    organisation=organisation if index == 0 else None,
                    organisation_name=organisation.name if index == 0 else "Bureau Elders",
                    is_member=index == 0,
                    price=0 if index == 0 else 95,
                    status=status,
                    learning_track=track,
                    confirmed_at=meeting.start - datetime.timedelta(days=20),
                    checked_in_at=meeting.start if past and index == 0 else None,
                )
            )
        rows.append(
            Registration(
                event=meeting,
                name="Afgemeld Iemand",
                email="afgemeld@aantal.example",
                status=RegistrationStatus.CANCELLED,
                cancelled_at=meeting.start - datetime.timedelta(days=2),
            )
        )
    Registration.objects.bulk_create(rows)
    return meetings


def _count(client, path, params=None, shows=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params or {})
        # A download streams: its rows are read while it is sent.
        body = b"".join(response.streaming_content if response.streaming else [response.content])
    assert response.status_code == 200, path
    if shows:  # the view lists the stored data, not an empty page
        assert shows in body.decode("utf-8-sig"), (path, params, shows)
    return len(captured)


def _counts(clients, first_meeting):
    """The queries of every view, by name."""
    superuser, organiser_client = clients
    jaar, leergangen = f"{BASE}jaaroverzicht/", f"{BASE}leergangen/"
    views = {
        "dashboard (superuser)": (superuser, "/admin/", None, "Opgeslagen"),
        "dashboard (organisator)": (organiser_client, "/admin/", None, "Deelnemer"),
        "activiteiten": (organiser_client, BASE, None, "Opgeslagen"),
        "voorbije activiteiten": (organiser_client, BASE, {"voorbij": "1"}, "Opgeslagen"),
        "aanmeldingen van een activiteit": (
            organiser_client,
            f"{BASE}{first_meeting.pk}/",
            None,
            "Deelnemer 1",
        ),
        "jaaroverzicht": (organiser_client, jaar, None, "Opgeslagen"),
        "jaaroverzicht csv": (organiser_client, jaar, {"export": "csv"}, "Opgeslagen"),
        "jaaroverzicht xlsx": (organiser_client, jaar, {"export": "xlsx"}, None),
        "leergangen": (organiser_client, leergangen, None, "Leergang A"),
        "leergangen csv": (organiser_client, leergangen, {"export": "csv"}, "Leergang A"),
        "facturatie": (organiser_client, f"{BASE}facturatie/", None, "Bureau Elders"),
    }
    for view in views.values():
        _count(*view)  # warm the caches (site root, content types)
    return {name: _count(*view) for name, view in views.items()}


def test_the_dashboard_and_the_reports_cost_the_same_for_10_or_500_meetings(
    client, login_with_mfa, django_db_blocker
):
    from django.test import Client

    superuser = login_with_mfa(Client(), StaffFactory(email="beheer@leerhuis.example"))
    organiser_client = login_with_mfa(client, organiser())
    tracks = [LearningTrackPageFactory(title=f"Leergang {n}") for n in "AB"]
    people = _people()
    organisation = OrganisationFactory(name="Gemeente Aantal")
    first = _store(10, 0, tracks, people, organisation)[0]

    few = _counts((superuser, organiser_client), first)
    _store(490, 10, tracks, people, organisation)
    assert EventPage.objects.count() == 500
    many = _counts((superuser, organiser_client), first)

    grown = {name: (few[name], many[name]) for name in few if many[name] != few[name]}
    assert grown == {}
