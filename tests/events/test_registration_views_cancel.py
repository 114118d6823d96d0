"""afmelden/ of a meeting: cancelling (collega/: test_colleague_views.py)."""

import pytest
from django.core import mail

from events.models import RegistrationStatus
from tests.events.helpers.registration_views import subjects, text
from tests.events_factories import EventPageFactory, RegistrationFactory, in_days, member

pytestmark = pytest.mark.django_db


# --- afmelden/ -------------------------------------------------------------------------


@pytest.fixture
def booked():
    """A meeting with one place: its owner has it, someone else waits."""
    event = EventPageFactory(capacity=1)
    owner = member()
    registration = RegistrationFactory(event=event, user=owner)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    return event, owner, registration, waiting


def test_cancel_asks_first_then_promotes_the_first_waiting(client, send_mail, booked):
    event, owner, registration, waiting = booked
    client.force_login(owner)
    page = client.get(f"{event.url}afmelden/")
    assert page.status_code == 200
    assert "Weet je zeker dat je je afmeldt?" in text(page)
    assert "Je plaats gaat naar de eerste op de wachtlijst." in text(page)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED  # a GET changes nothing

    response = send_mail(client, f"{event.url}afmelden/", {"registration": registration.pk})

    assert response.status_code == 302
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert f"Je bent afgemeld: {event.title}" in subjects()
    assert f"Er is een plaats voor je: {event.title}" in subjects()
    assert "Je bent afgemeld voor" in text(client.get(event.url))


def test_cancel_speaks_of_the_waiting_list_only_when_someone_waits(client):
    event = EventPageFactory(capacity=1)
    owner = member()
    RegistrationFactory(event=event, user=owner)
    client.force_login(owner)

    page = text(client.get(f"{event.url}afmelden/"))
    assert "Weet je zeker dat je je afmeldt?" in page
    assert "wachtlijst" not in page

    # Someone who waits is not told their own place passes on.
    other = EventPageFactory(capacity=1)
    RegistrationFactory(event=other)
    RegistrationFactory(event=other, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=other, user=owner, status=RegistrationStatus.WAITLISTED)
    page = text(client.get(f"{other.url}afmelden/"))
    assert "Je staat op de wachtlijst. Weet je zeker dat je je afmeldt?" in page
    assert "Je plaats gaat naar" not in page


def test_nobody_cancels_someone_elses_registration(client, booked):
    event, owner, registration, waiting = booked
    assert client.get(f"{event.url}afmelden/").status_code == 302  # anonymous: log in

    client.force_login(member())  # someone without a registration here
    assert client.get(f"{event.url}afmelden/").status_code == 404
    response = client.post(f"{event.url}afmelden/", {"registration": registration.pk})
    assert response.status_code == 404

    client.force_login(waiting.user)  # registered, but tampering with the id
    for tampered in (registration.pk, "abc", "²", "1" * 5000):
        for route in ("afmelden/", "collega/"):
            response = client.post(f"{event.url}{route}", {"registration": tampered})
            assert response.status_code == 404
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert waiting.status == RegistrationStatus.WAITLISTED


def test_the_link_of_a_place_cancelled_already_says_so(client, send_mail, booked):
    event, owner, registration, waiting = booked
    client.force_login(owner)
    assert (
        client.post(f"{event.url}afmelden/", {"registration": registration.pk}).status_code == 302
    )
    again = client.get(f"{event.url}afmelden/")
    assert again.status_code == 200
    assert "Je bent al afgemeld" in text(again)
    assert "private" in again["Cache-Control"]
    assert 'name="registration"' not in text(again)
    twice = client.post(f"{event.url}afmelden/", {"registration": registration.pk})
    assert twice.status_code == 200 and "Je bent al afgemeld" in text(twice)
    # Another member who never had a place here still gets a 404.
    client.force_login(member())
    assert client.get(f"{event.url}afmelden/").status_code == 404


def test_after_the_deadline_cancel_explains_and_offers_a_colleague(client, send_mail):
    event = EventPageFactory(cancellation_deadline=in_days(-1))
    owner = member()
    registration = RegistrationFactory(event=event, user=owner)
    client.force_login(owner)

    page = client.get(f"{event.url}afmelden/")
    assert page.status_code == 200
    assert "Afmelden via de site kon tot" in text(page)
    assert f'href="{event.url}collega/"' in text(page)
    assert "Ja, meld me af" not in text(page)

    response = send_mail(client, f"{event.url}afmelden/", {"registration": registration.pk})
    assert response.status_code == 409
    assert "Afmelden via de site kon tot" in text(response)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert mail.outbox == []
