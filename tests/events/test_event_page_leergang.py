"""The leergang page: its sessions, a booking's progress, whose sessions; previews of new pages."""

import pytest
import time_machine

from events.models import EventPage, Registration, RegistrationStatus
from tests.events.helpers.event_page import html_of
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    attend,
    in_days,
    member,
)
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def track():
    track = LearningTrackPageFactory(
        title="Leergang opgave-sturing",
        goal="<p>Zelf een opgave leren sturen.</p>",
        audience="<p>Opgave-managers in spe.</p>",
        min_attendance=2,
    )
    for week in (3, 5, 7):
        EventPageFactory(
            title=f"Module week {week}",
            learning_track=track,
            start=in_days(7 * week, 13),
            end=in_days(7 * week, 17),
        )
    return track


def test_the_leergang_page_lists_its_sessions_and_what_it_asks(client, track):
    html = html_of(client, track)

    assert "<h1>Leergang opgave-sturing</h1>" in html
    assert html.index("Module week 3") < html.index("Module week 5") < html.index("Module week 7")
    assert 'href="/activiteiten/' in html
    assert "minstens 2 sessies" in html
    assert "Zelf een opgave leren sturen." in html
    assert "Opgave-managers in spe." in html
    assert "€\xa0450,00 voor niet-leden" in html
    assert f'href="{track.url}aanmelden/"' in html


def test_a_booked_leergang_shows_progress(client, track):
    user = member()
    sessions = list(track.session_pages())
    for session in sessions:
        RegistrationFactory(event=session, user=user, learning_track=track)
    attend(Registration.objects.get(event=sessions[0], user=user))
    with time_machine.travel(sessions[0].end):
        client.force_login(user)
        response = client.get(track.url)
    html = response.content.decode()

    assert "Je hebt deze leergang geboekt" in html
    assert "Je was bij 1 sessie." in html
    assert "Voor het certificaat heb je er 2 nodig." in html
    assert html.count("Je bent aangemeld") == 3
    assert "private" in response["Cache-Control"]

    attend(Registration.objects.get(event=sessions[1], user=user))
    with time_machine.travel(sessions[1].end):
        client.force_login(user)
        assert "Je hebt de leergang afgerond." in html_of(client, track)


def test_right_after_booking_the_leergang_says_what_was_booked_not_attendance(client, track):
    user = member()
    sessions = list(track.session_pages())
    for session in sessions[:2]:
        RegistrationFactory(event=session, user=user, learning_track=track)
    RegistrationFactory(
        event=sessions[2], user=user, learning_track=track, status=RegistrationStatus.WAITLISTED
    )
    client.force_login(user)

    html = html_of(client, track)
    assert "Je hebt deze leergang geboekt" in html
    assert (
        "Je bent aangemeld voor 2 sessies; na afloop zie je hier hoeveel je er hebt bijgewoond."
        in html
    )
    assert "Voor 1 sessie sta je op de wachtlijst." in html
    assert "Je was bij" not in html and "<progress" not in html

    # Once a booked session has begun, attendance is what there is to tell.
    first = sessions[0]
    first.start, first.end = in_days(-1, 13), in_days(-1, 17)
    first.save()
    html = html_of(client, track)
    assert "Je was bij 0 sessies." in html
    assert "Voor het certificaat heb je er 2 nodig." in html
    assert "Je bent aangemeld voor 2 sessies" not in html


def test_leergang_sessions_follow_the_access_policy(client, track):
    EventPageFactory(title="Module voor leden", learning_track=track, visibility="members")
    assert "Module voor leden" not in html_of(client, track)
    client.force_login(member())
    assert "Module voor leden" in html_of(client, track)


def test_a_user_without_registrations_sees_no_progress(client, track):
    client.force_login(UserFactory())
    html = html_of(client, track)
    assert "Leergang boeken" in html
    assert "Je was bij" not in html


def test_an_unsaved_page_can_be_previewed(rf, home_page):
    """The admin previews a new page before it has a database row or an address."""
    staff = StaffFactory()
    event = EventPage(
        title="Nieuw",
        intro="Nog niet gepubliceerd.",
        start=in_days(30),
        end=in_days(30, 16),
        venue="Ergens",
        capacity=10,
    )
    track = LearningTrackPageFactory.build(title="Nieuwe leergang")
    for page in (event, track):
        request = rf.get("/")
        request.user = staff
        response = page.serve_preview(request, page.default_preview_mode)
        response.render()
        assert response.status_code == 200
        assert "Aanmelden kan zodra deze pagina is gepubliceerd." in response.content.decode()
