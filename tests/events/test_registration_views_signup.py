"""aanmelden/ of a meeting and of a leergang: free or billed, the waiting list, refusals."""

import re

import pytest
from django.core import mail

from events import views
from events.models import Registration, RegistrationStatus, Workshop
from tests.events.helpers.registration_views import subjects, text
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    guest,
    in_days,
    member,
)

pytestmark = pytest.mark.django_db


def confirm(overview):
    """The POST of "Aanmelding bevestigen" on an overview page."""
    carried = re.search(r'name="gegevens" value="([^"]+)"', text(overview))
    assert carried, "no overview"
    return {"stap": "bevestigen", "gegevens": carried.group(1)}


# --- aanmelden/ ------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in_and_back(client):
    event = EventPageFactory()
    for method in (client.get, client.post):
        response = method(f"{event.url}aanmelden/")
        assert response.status_code == 302
        assert (
            response["Location"] == f"/accounts/login/?next=/activiteiten/{event.slug}/aanmelden/"
        )
    assert not Registration.objects.exists()


def test_a_member_signs_up_free(client, send_mail):
    event = EventPageFactory()
    user = member()
    client.force_login(user)
    page = client.get(f"{event.url}aanmelden/")
    assert page.status_code == 200
    assert "Gratis voor leden" in text(page)
    assert "is lid." in text(page)
    assert "Inkoopordernummer" not in text(page)  # members pay nothing: no invoice
    assert "private" in page["Cache-Control"]

    response = send_mail(
        client,
        f"{event.url}aanmelden/",
        {"dietary": "vegetarisch", "accessibility": "", "on_attendee_list": "on"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"{event.url}aanmelden/klaar/"
    registration = Registration.objects.get()
    assert registration.user == user
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.price == 0
    assert registration.is_member
    assert "is lid" in registration.membership_basis
    assert registration.dietary == "vegetarisch"
    assert registration.on_attendee_list
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    receipt = text(client.get(response["Location"]))
    assert "<h1>Je bent aangemeld</h1>" in receipt
    assert f"We hebben de bevestiging gemaild naar {user.email}" in receipt
    assert "Gratis voor leden" in receipt and "vegetarisch" in receipt
    assert "Je bent aangemeld</strong>" in text(client.get(event.url))


def test_a_non_member_pays_and_gives_billing_details(client, send_mail):
    event = EventPageFactory()
    user = guest()
    client.force_login(user)
    page = text(client.get(f"{event.url}aanmelden/"))
    assert "€\xa095,00 (exclusief btw)" in page
    assert "is geen lid van de vereniging." in page
    organisation = user.affiliation.organisation.name
    assert f'name="billing_organisation" value="{organisation}"' in page

    response = send_mail(client, f"{event.url}aanmelden/", {"billing_organisation": organisation})
    assert response.status_code == 200
    assert "Vul het inkoopordernummer of de kostenplaats in." in text(response)
    assert not Registration.objects.exists()
    assert mail.outbox == []

    response = send_mail(
        client,
        f"{event.url}aanmelden/",
        {
            "billing_organisation": organisation,
            "billing_reference": "KP-4711",
            "billing_email": "crediteuren@example.org",
        },
    )
    # First the overview of what it costs and where the invoice goes; nothing saved yet.
    assert response.status_code == 200
    assert not Registration.objects.exists() and mail.outbox == []
    response = send_mail(client, f"{event.url}aanmelden/", confirm(response))
    assert response.status_code == 302
    assert response["Location"] == f"{event.url}aanmelden/klaar/"
    registration = Registration.objects.get()
    assert registration.price == 95
    assert not registration.is_member
    assert registration.billing_reference == "KP-4711"
    assert registration.billing_email == "crediteuren@example.org"
    assert registration.billing_organisation == organisation


def test_an_online_meeting_asks_no_dietary_needs(client):
    online = EventPageFactory(form="online", venue="", online_url="https://meet.example/x")
    hybrid = EventPageFactory(form="hybride", online_url="https://meet.example/y")
    user = member()
    client.force_login(user)

    page = text(client.get(f"{online.url}aanmelden/"))
    assert "Dieetwensen" not in page and 'name="dietary"' not in page
    assert "Wat heb je nodig om goed mee te kunnen doen?" in page
    assert 'name="accessibility"' in page
    assert 'name="dietary"' in text(client.get(f"{hybrid.url}aanmelden/"))

    # A dietary answer posted anyway is not kept.
    response = client.post(
        f"{online.url}aanmelden/", {"dietary": "vegetarisch", "accessibility": "ondertiteling"}
    )
    assert response.status_code == 302
    registration = Registration.objects.get(user=user)
    assert (registration.dietary, registration.accessibility) == ("", "ondertiteling")


def test_a_full_meeting_puts_people_on_the_waiting_list(client, send_mail):
    event = EventPageFactory(capacity=1)
    RegistrationFactory(event=event)
    client.force_login(member())
    assert "Je komt op de wachtlijst" in text(client.get(f"{event.url}aanmelden/"))

    response = send_mail(client, f"{event.url}aanmelden/")

    assert response.status_code == 302
    assert Registration.objects.get(status=RegistrationStatus.WAITLISTED)
    assert subjects() == [f"Je staat op de wachtlijst: {event.title}"]
    assert "<h1>Je staat op de wachtlijst, plek 1</h1>" in text(client.get(response["Location"]))
    assert "Je staat op de wachtlijst (plaats 1)" in text(client.get(event.url))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"registration_closes": in_days(-1)}, "Aanmelden is gesloten."),
        ({"status": "geannuleerd"}, "Deze activiteit gaat niet door."),
        (
            {"start": in_days(-3), "end": in_days(-3, 16)},
            "Deze activiteit is al begonnen of voorbij.",
        ),
        ({"capacity": 0}, "Voor deze activiteit kun je je niet aanmelden."),
    ],
    ids=["gesloten", "geannuleerd", "voorbij", "geen-plaatsen"],
)
def test_no_sign_up_when_it_cannot_be(client, send_mail, fields, message):
    event = EventPageFactory(**fields)
    client.force_login(member())

    for response in (
        client.get(f"{event.url}aanmelden/"),
        send_mail(client, f"{event.url}aanmelden/", {"dietary": "geen"}),
    ):
        assert response.status_code == 409
        assert message in text(response)
        assert "er is niets opgeslagen" in text(response)
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_a_workshop_must_be_chosen_from_this_meeting(client):
    event = EventPageFactory()
    chosen = Workshop.objects.create(page=event, title="Wyberen in de praktijk")
    Workshop.objects.create(page=event, title="De opgave-manager")
    elsewhere = Workshop.objects.create(page=EventPageFactory(), title="Elders")
    client.force_login(member())
    url = f"{event.url}aanmelden/"
    assert "Wyberen in de praktijk" in text(client.get(url))

    response = client.post(url, {})
    assert response.status_code == 200
    assert "Kies een workshop." in text(response)

    for tampered in (str(elsewhere.pk), "abc", "99999"):
        response = client.post(url, {"workshop": tampered})
        assert response.status_code == 200
        assert "Kies een van de workshops van deze activiteit." in text(response)
    assert not Registration.objects.exists()

    client.post(url, {"workshop": chosen.pk})
    assert Registration.objects.get().workshop == chosen


def test_tampered_fields_are_a_form_error_not_a_crash(client):
    event = EventPageFactory()
    client.force_login(guest())
    response = client.post(
        f"{event.url}aanmelden/",
        {
            "billing_organisation": "x" * 500,
            "billing_reference": "1",
            "billing_email": "geen-adres",
        },
    )
    assert response.status_code == 200
    assert "Vul een geldig e-mailadres in" in text(response)
    assert not Registration.objects.exists()


def test_a_double_post_gives_one_registration_and_one_mail(client, send_mail):
    event = EventPageFactory()
    client.force_login(member())

    first = send_mail(client, f"{event.url}aanmelden/", {"dietary": "veganistisch"})
    second = send_mail(client, f"{event.url}aanmelden/", {"dietary": "veganistisch"})

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"{event.url}aanmelden/klaar/"
    assert Registration.objects.count() == 1
    assert subjects() == [f"Je bent aangemeld: {event.title}"]
    assert "Je bent al aangemeld voor deze activiteit." in text(client.get(second["Location"]))


def test_sign_up_posts_are_rate_limited(client):
    event = EventPageFactory()
    client.force_login(guest())
    url = f"{event.url}aanmelden/"
    for _ in range(views.POST_LIMIT):
        assert client.post(url, {}).status_code == 200  # billing missing: shown again
    response = client.post(url, {})
    assert response.status_code == 429
    assert "Je hebt het in korte tijd te vaak geprobeerd." in text(response)
    assert not Registration.objects.exists()


def test_a_members_only_meeting_refuses_sign_up_to_others(client):
    event = EventPageFactory(visibility="members")
    url = f"{event.url}aanmelden/"

    assert client.post(url, {}).status_code == 403  # anonymous
    client.force_login(guest())
    assert client.get(url).status_code == 403
    response = client.post(url, {"billing_organisation": "X", "billing_reference": "1"})
    assert response.status_code == 403
    assert not Registration.objects.exists()

    client.force_login(member())
    assert client.post(url, {}).status_code == 302
    assert Registration.objects.count() == 1


# --- leergang aanmelden/ ---------------------------------------------------------------


@pytest.fixture
def track():
    track = LearningTrackPageFactory()
    for week in (3, 5, 7):
        EventPageFactory(learning_track=track, start=in_days(7 * week), end=in_days(7 * week, 16))
    return track


def test_booking_a_leergang_registers_for_every_session(client, send_mail, track):
    assert client.get(f"{track.url}aanmelden/").status_code == 302  # anonymous: log in
    user = member()
    client.force_login(user)
    page = text(client.get(f"{track.url}aanmelden/"))
    assert "Gratis voor leden" in page
    assert "workshop" not in page.lower()

    response = send_mail(client, f"{track.url}aanmelden/", {"on_attendee_list": "on"})

    assert response.status_code == 302
    assert Registration.objects.filter(user=user, learning_track=track).count() == 3
    html = text(client.get(track.url))
    assert "je bent aangemeld voor alle 3 sessies" in html
    assert "Je hebt deze leergang geboekt" in html

    again = client.post(f"{track.url}aanmelden/", {})
    assert again.status_code == 302
    assert Registration.objects.filter(user=user).count() == 3


def test_a_leergang_of_online_sessions_asks_no_dietary_needs(client, track):
    client.force_login(member())
    assert 'name="dietary"' in text(client.get(f"{track.url}aanmelden/"))
    track.session_pages().update(form="online", online_url="https://meet.example/z")
    page = text(client.get(f"{track.url}aanmelden/"))
    assert 'name="dietary"' not in page and 'name="accessibility"' in page


def test_a_non_member_books_a_leergang_with_billing_details(client, track):
    user = guest()
    client.force_login(user)
    url = f"{track.url}aanmelden/"
    assert "€\xa0450,00 (exclusief btw)" in text(client.get(url))

    response = client.post(url, {"billing_organisation": "Gemeente X"})
    assert response.status_code == 200
    assert "Vul het inkoopordernummer of de kostenplaats in." in text(response)
    assert not Registration.objects.exists()

    overview = client.post(url, {"billing_organisation": "Gemeente X", "billing_reference": "PO-1"})
    assert "Controleer je aanmelding" in text(overview) and not Registration.objects.exists()
    assert client.post(url, confirm(overview))["Location"] == f"{track.url}aanmelden/klaar/"
    prices = sorted(Registration.objects.filter(user=user).values_list("price", flat=True))
    assert prices == [0, 0, 450]  # the track's price once, on its first session


def test_a_leergang_with_a_closed_session_cannot_be_booked(client, track):
    session = track.session_pages().last()
    session.capacity = 0
    session.save()
    client.force_login(member())

    response = client.post(f"{track.url}aanmelden/", {})

    assert response.status_code == 409
    assert "Voor deze activiteit kun je je niet aanmelden." in text(response)
    assert not Registration.objects.exists()


def test_a_called_off_session_is_left_out_of_the_booking(client, track):
    sessions = list(track.session_pages())
    sessions[-1].status = "geannuleerd"
    sessions[-1].save()
    person = member()
    client.force_login(person)

    response = client.post(f"{track.url}aanmelden/", {})

    assert response.status_code == 302
    booked = Registration.objects.filter(user=person).values_list("event", flat=True)
    assert sorted(booked) == sorted(s.pk for s in sessions[:-1])
