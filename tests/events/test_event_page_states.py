"""A meeting page in each state, from cancelled to over; its attendees, who may see it, queries."""

import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import EventPage, EventSpeaker, ProgrammeSlot, RegistrationStatus, Workshop
from tests.events.helpers.event_page import html_of
from tests.events_factories import (
    EventPageFactory,
    RegistrationFactory,
    calendar_page,
    guest,
    in_days,
    member,
)
from tests.events_factories import themes as vocabulary
from tests.factories import OrganisationFactory, PersonFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_status_cancelled_and_moved_are_said_first(client):
    cancelled = EventPageFactory(status="geannuleerd", status_note="De zaal is niet beschikbaar.")
    moved = EventPageFactory(status="verplaatst", status_note="Eerst gepland op 1 maart.")

    html = html_of(client, cancelled)
    assert "Geannuleerd: deze activiteit gaat niet door." in html
    assert "De zaal is niet beschikbaar." in html
    assert html.index("Geannuleerd") < html.index('class="lead"')
    assert "Deze activiteit gaat niet door." in html  # the call to action says so too
    assert "aanmelden/" not in html

    html = html_of(client, moved)
    assert "Verplaatst:" in html
    assert "Eerst gepland op 1 maart." in html


def test_call_to_action_for_each_state(client):
    user = member()
    client.force_login(user)

    open_event = EventPageFactory()
    assert ">Aanmelden</a>" in html_of(client, open_event)

    full = EventPageFactory(capacity=1)
    RegistrationFactory(event=full)
    assert "Vol – meld je aan voor de wachtlijst" in html_of(client, full)

    closed = EventPageFactory(registration_closes=in_days(-1))
    html = html_of(client, closed)
    assert "Aanmelden is gesloten." in html
    assert "aanmelden/" not in html

    later = EventPageFactory(registration_opens=in_days(3, 9))
    assert "Aanmelden kan vanaf" in html_of(client, later)

    registered = EventPageFactory()
    RegistrationFactory(event=registered, user=user)
    html = html_of(client, registered)
    assert "Je bent aangemeld" in html
    assert f'href="{registered.url}afmelden/"' in html
    assert f'href="{registered.url}collega/"' in html

    waiting = EventPageFactory(capacity=1)
    RegistrationFactory(event=waiting)
    RegistrationFactory(event=waiting, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=waiting, user=user, status=RegistrationStatus.WAITLISTED)
    assert "Je staat op de wachtlijst (plaats 2)" in html_of(client, waiting)


def test_after_the_cancellation_deadline_only_a_colleague_can_be_sent(client):
    user = member()
    event = EventPageFactory(cancellation_deadline=in_days(-1))
    RegistrationFactory(event=event, user=user)
    client.force_login(user)
    html = html_of(client, event)

    assert "afmelden/" not in html
    assert f'href="{event.url}collega/"' in html
    assert "Afmelden via de site kan niet meer" in html


def test_a_cancelled_meeting_tells_its_registrants_and_hides_the_link(client):
    event = EventPageFactory(
        form="online", venue="", online_url="https://meet.example/geheim", status="geannuleerd"
    )
    owner = member()
    RegistrationFactory(event=event, user=owner)
    client.force_login(owner)
    html = html_of(client, event)

    assert "Geannuleerd: deze activiteit gaat niet door." in html
    assert "Je bent aangemeld" not in html
    assert "meet.example/geheim" not in html


def past_meeting(**kwargs):
    return EventPageFactory(start=in_days(-3, 10), end=in_days(-3, 16), **kwargs)


def test_a_meeting_that_is_over_offers_the_certificate_to_who_was_there(client):
    event = past_meeting(form="hybride", online_url="https://meet.example/voorbij")
    there, absent, waited = member(), member(), member()
    attended = RegistrationFactory(event=event, user=there, checked_in_at=event.start)
    RegistrationFactory(event=event, user=absent)
    RegistrationFactory(event=event, user=waited, status=RegistrationStatus.WAITLISTED)
    certificate = reverse("certificaat_aanmelding", args=[attended.pk])

    client.force_login(there)
    html = html_of(client, event)
    assert "Deze activiteit is voorbij." in html
    assert f'href="{certificate}"' in html
    for gone in ("Je bent aangemeld", "afmelden/", "collega/", "meet.example/voorbij"):
        assert gone not in html, gone

    client.force_login(absent)
    html = html_of(client, event)
    assert "Deze activiteit is voorbij." in html
    assert "je aanwezigheid is niet geregistreerd" in html
    assert "certificaat" not in html and "afmelden/" not in html

    for person in (waited, None):
        client.logout()
        if person:
            client.force_login(person)
        html = html_of(client, event)
        assert "Deze activiteit is voorbij." in html
        assert "wachtlijst" not in html and "certificaat" not in html
        # Nothing to pay for any more: no price, no invitation to log in for it.
        assert "Kosten" not in html and "Log in om te zien wat jij betaalt" not in html
        assert ">Aanmelden</a>" not in html


def test_the_attendee_list_of_a_past_meeting_says_who_were_there(client):
    upcoming, past = EventPageFactory(), past_meeting()
    for event in (upcoming, past):
        RegistrationFactory(event=event, name="Ada Akkoord", on_attendee_list=True)
    client.force_login(member())

    assert "Wie komen er" in html_of(client, upcoming)
    html = html_of(client, past)
    assert "Wie waren er" in html and "Wie komen er" not in html
    assert "Ada Akkoord" in html


def test_attendee_list_shows_those_who_consented_to_members_and_staff(client):
    event = EventPageFactory()
    RegistrationFactory(
        event=event, name="Ada Akkoord", organisation_name="Gemeente Ede", on_attendee_list=True
    )
    RegistrationFactory(event=event, name="Bert Bescheiden", on_attendee_list=False)
    RegistrationFactory(
        event=event,
        name="Cor Wachtend",
        on_attendee_list=True,
        status=RegistrationStatus.WAITLISTED,
    )

    html = html_of(client, event)
    assert "Ada Akkoord" not in html  # anonymous

    client.force_login(guest())
    assert "Ada Akkoord" not in html_of(client, event)  # logged in, not a member

    for viewer in (member(), StaffFactory()):
        client.force_login(viewer)
        html = html_of(client, event)
        assert "Ada Akkoord" in html
        assert "Gemeente Ede" in html
        assert "Bert Bescheiden" not in html
        assert "Cor Wachtend" not in html


def test_a_members_only_meeting_is_refused_to_others(client):
    event = EventPageFactory(visibility="members")

    assert client.get(event.url).status_code == 403
    client.force_login(guest())
    response = client.get(event.url)
    assert response.status_code == 403
    assert "alleen voor leden" in response.content.decode()

    client.force_login(member())
    response = client.get(event.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def _add_meetings(count, first=0):
    parent = calendar_page()
    for n in range(first, first + count):
        parent.add_child(
            instance=EventPage(
                title=f"Extra {n}",
                slug=f"extra-{n}",
                intro="Nog een bijeenkomst.",
                start=in_days(30 + n % 60),
                end=in_days(30 + n % 60, 16),
                venue="Ergens",
                capacity=10,
            )
        )


def _fill(event, count):
    for n in range(count):
        person = PersonFactory(
            organisation=OrganisationFactory(),
            photo=wagtail_factories.ImageFactory(),
            photo_alt=f"Foto {n}",
        )
        EventSpeaker.objects.create(page=event, person=person, sort_order=n)
        ProgrammeSlot.objects.create(
            page=event, starts_at=datetime.time(10, n), title=f"Onderdeel {n}", speaker=person
        )
        Workshop.objects.create(page=event, title=f"Workshop {n}")
        RegistrationFactory(event=event, on_attendee_list=True, organisation_name=f"Org {n}")


def _queries(client, page):
    client.get(page.url)  # renditions are made on the first view; count the ones after
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_speakers_programme_or_stored_meetings(client):
    viewer = member()
    client.force_login(viewer)
    small = EventPageFactory()
    small.themes.add(*vocabulary("opgave-sturing"))
    small.save()
    _fill(small, 1)
    big = EventPageFactory()
    big.themes.add(*vocabulary("opgave-sturing"))
    big.save()
    _fill(big, 20)
    RegistrationFactory(event=small, user=viewer, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=big, user=viewer, status=RegistrationStatus.WAITLISTED)

    _add_meetings(10)
    few = _queries(client, small)
    assert few == _queries(client, big)

    _add_meetings(490, first=10)
    assert _queries(client, small) == few
    assert _queries(client, big) == few
    assert few <= 30
