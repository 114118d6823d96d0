"""Mijn aanmeldingen on /mijn-leerhuis/ and the full list at /mijn-leerhuis/aanmeldingen/."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import dashboard, services
from events.models import Registration, RegistrationStatus
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    attend,
    guest,
    in_days,
    member,
)
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/mijn-leerhuis/"
LIST = "/mijn-leerhuis/aanmeldingen/"


def past_event(days=10, **kwargs):
    start = in_days(-days, 10)
    return EventPageFactory(start=start, end=start + datetime.timedelta(hours=5), **kwargs)


def html_of(client, user, url=DASHBOARD):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in_for_the_list(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={LIST}"


def test_nothing_yet_points_to_the_calendar(client):
    html = html_of(client, member())
    assert "Mijn aanmeldingen</h2>" in html
    assert "Je hebt je nog niet aangemeld voor een activiteit." in html
    assert 'href="/activiteiten/"' in html


def test_member_sees_an_upcoming_meeting_free_with_a_cancel_link(client):
    user = member()
    event = EventPageFactory(title="Opgave-sturing: het opdrachtgevende niveau versterken")
    services.register(event, user)
    html = html_of(client, user)
    link = f'<a href="{event.url}">Opgave-sturing: het opdrachtgevende niveau versterken</a>'
    assert link in html
    assert "Aangemeld" in html
    assert "gratis" in html
    assert f'href="{event.url}afmelden/"' in html
    assert client.get(f"{event.url}afmelden/").status_code == 200  # the link leads somewhere
    start = timezone.localtime(event.start)
    assert f'datetime="{start.isoformat()}"' in html


def test_non_member_sees_the_price_they_pay(client):
    user = guest()
    services.register(EventPageFactory(price_non_member=95), user)
    assert "€\xa095,00" in html_of(client, user)


def test_waiting_list_shows_the_place_in_the_queue(client):
    event = EventPageFactory(capacity=1)
    services.register(event, member())
    services.register(event, member())
    third = member()
    services.register(event, third)
    html = html_of(client, third)
    assert "Op de wachtlijst (plaats 2)" in html
    assert f'href="{event.url}afmelden/"' in html  # a waiting place can be given up too


def test_no_cancel_link_after_the_deadline(client):
    user = member()
    event = EventPageFactory(cancellation_deadline=timezone.now() - datetime.timedelta(hours=1))
    RegistrationFactory(event=event, user=user)
    html = html_of(client, user)
    assert event.title in html
    assert "afmelden/" not in html


def test_a_cancelled_meeting_says_so_and_offers_no_cancel_link(client):
    user = member()
    event = EventPageFactory(status="geannuleerd")
    RegistrationFactory(event=event, user=user)
    html = html_of(client, user)
    assert "Gaat niet door" in html
    assert "afmelden/" not in html


def test_past_meetings_offer_a_certificate_only_when_checked_in(client):
    user = member()
    attended = past_event(title="Netwerkdag Utrecht")
    missed = past_event(title="Webinar programmamanagement")
    here = RegistrationFactory(event=attended, user=user, checked_in_at=attended.start)
    away = RegistrationFactory(event=missed, user=user)
    html = html_of(client, user)
    assert "Netwerkdag Utrecht" in html and "Webinar programmamanagement" in html
    assert "Aanwezig geweest" in html
    assert f'href="/mijn-leerhuis/aanmeldingen/{here.pk}/certificaat.pdf"' in html
    assert f"/mijn-leerhuis/aanmeldingen/{away.pk}/certificaat.pdf" not in html
    assert "Download certificaat" in html
    assert "afmelden/" not in html  # over is over


def test_leergang_shows_progress_and_a_certificate_when_completed(client):
    user = member()
    track = LearningTrackPageFactory(title="Leergang opgave-sturing", min_attendance=2)
    sessions = [
        EventPageFactory(learning_track=track, start=in_days(-21 + week * 7, 13))
        for week in range(3)
    ]
    with time_machine.travel(in_days(-30)):
        registrations = services.book_track(track, user)
    assert len(registrations) == 3
    attend(registrations[0])
    html = html_of(client, user)
    assert "Leergang opgave-sturing" in html
    assert "1 van 3 sessies bijgewoond; afgerond bij 2." in html
    assert f"/mijn-leerhuis/leergangen/{track.pk}/certificaat.pdf" not in html

    attend(registrations[1])
    html = html_of(client, user)
    assert "2 van 3 sessies bijgewoond; afgerond bij 2." in html
    assert f'href="/mijn-leerhuis/leergangen/{track.pk}/certificaat.pdf"' in html
    assert sessions[0].title in html
    # The same figures as the leergang's own count that decides completion.
    [shown] = dashboard.booked_tracks(user)
    assert shown.progress == track.progress_of(user)


def test_another_user_sees_none_of_it(client):
    owner = member()
    event = EventPageFactory(title="Intervisie opgave-managers")
    services.register(event, owner)
    done = past_event(title="Terugkomdag")
    RegistrationFactory(event=done, user=owner, checked_in_at=done.start)
    other = member()
    for url in (DASHBOARD, LIST):
        html = html_of(client, other, url)
        assert "Intervisie opgave-managers" not in html
        assert "Terugkomdag" not in html
        assert "certificaat.pdf" not in html


def test_full_list_shows_cancelled_and_all_past_registrations(client):
    user = member()
    gone = EventPageFactory(title="Afgezegde workshop")
    registration, _ = services.register(gone, user)
    services.cancel(registration, user)
    for n in range(dashboard.PAST_ON_DASHBOARD + 2):
        RegistrationFactory(event=past_event(days=10 + n, title=f"Oude bijeenkomst {n}"), user=user)

    html = html_of(client, user)
    assert "Afgezegde workshop" not in html  # the dashboard keeps to what is still on
    # Each title once as its link (the receipt link repeats it for screen readers only).
    assert html.count('">Oude bijeenkomst') == dashboard.PAST_ON_DASHBOARD
    assert 'href="/mijn-leerhuis/aanmeldingen/"' in html

    page = html_of(client, user, LIST)
    assert page.count("<h1") == 1
    assert "Afgezegde workshop" in page and "Afgemeld op" in page
    assert page.count('">Oude bijeenkomst') == dashboard.PAST_ON_DASHBOARD + 2
    assert "Cache-Control" in client.get(LIST).headers
    assert "no-cache" in client.get(LIST)["Cache-Control"]


def registrations_for(user, count):
    """`count` registrations of every kind: upcoming, waiting, past and attended, in a
    leergang."""
    staff = StaffFactory()
    track = LearningTrackPageFactory()
    for n in range(count):
        kind = n % 4
        if kind == 0:
            RegistrationFactory(event=EventPageFactory(), user=user)
        elif kind == 1:
            RegistrationFactory(
                event=EventPageFactory(), user=user, status=RegistrationStatus.WAITLISTED
            )
        elif kind == 2:
            event = past_event(days=10 + n)
            RegistrationFactory(event=event, user=user, checked_in_at=event.start)
        else:
            event = past_event(days=10 + n, learning_track=track)
            registration = RegistrationFactory(event=event, user=user, learning_track=track)
            attend(registration, staff)
            track = LearningTrackPageFactory()


def query_count(client, url):
    client.get(url)  # warm caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [DASHBOARD, LIST])
def test_query_count_does_not_grow_with_registrations(client, url):
    few, many = member(), member()
    registrations_for(few, 1)
    registrations_for(many, 20)
    assert Registration.objects.filter(user=many).count() == 20
    client.force_login(few)
    one = query_count(client, url)
    client.force_login(many)
    twenty = query_count(client, url)
    assert one == twenty


def test_other_peoples_registrations_do_not_show_and_cost_nothing(client):
    user = UserFactory()
    event = EventPageFactory(title="Bijeenkomst van anderen")
    client.force_login(user)
    before = query_count(client, DASHBOARD)
    for _ in range(5):
        RegistrationFactory(event=event)
    assert query_count(client, DASHBOARD) == before
    assert "Bijeenkomst van anderen" not in client.get(DASHBOARD).content.decode()


def test_an_unpublished_meeting_is_named_without_dead_links(client):
    user = member()
    event = EventPageFactory(title="Ingetrokken bijeenkomst")
    RegistrationFactory(event=event, user=user)
    url = event.url
    event.unpublish()
    html = html_of(client, user)
    assert "Ingetrokken bijeenkomst" in html
    assert f'href="{url}' not in html
