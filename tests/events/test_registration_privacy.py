"""Registrations in "download mijn gegevens", and what remains of them when an account goes."""

import datetime
import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db.models import Q
from django.utils import timezone

from events import services
from events.models import Registration, RegistrationStatus
from leerhuis.core.models import OutboxMessage
from tests.events.helpers.services import hand_over
from tests.events_factories import (
    EventPageFactory,
    RegistrationFactory,
    guest,
    in_days,
    member,
)
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
EXPORT = "/mijn-leerhuis/mijn-gegevens/"
DELETE = "/mijn-leerhuis/account-verwijderen/"
NAME = "Aad van Klaveren"


def past_event(**kwargs):
    start = in_days(-30, 10)
    return EventPageFactory(start=start, end=start + datetime.timedelta(hours=6), **kwargs)


# --- export ---------------------------------------------------------------------------------


def test_export_lists_my_registrations_with_answers(client):
    user = guest(full_name=NAME)
    event = EventPageFactory(title="Studiedag opgave-sturing", price_non_member=95)
    services.register(
        event,
        user,
        services.Answers(
            dietary="vegetarisch",
            accessibility="rolstoeltoegankelijke plek",
            on_attendee_list=True,
            billing_organisation="Gemeente Alphen aan den Rijn",
            billing_reference="KP-4711",
            billing_email="facturen@alphen.example",
        ),
    )
    gone, _ = services.register(EventPageFactory(title="Webinar procesregie"), user)
    services.cancel(gone, user, reason="Andere afspraak")
    RegistrationFactory(event=EventPageFactory(title="Bijeenkomst van een ander"))

    client.force_login(user)
    response = client.get(EXPORT)
    assert response.status_code == 200
    rows = json.loads(response.content)["aanmeldingen"]
    assert [row["activiteit"] for row in rows] == [
        "Studiedag opgave-sturing",
        "Webinar procesregie",
    ]
    studiedag, webinar = rows
    assert studiedag["status"] == "aangemeld"
    assert studiedag["prijs"] == "95.00"
    assert studiedag["begin"] == timezone.localtime(event.start).isoformat()
    assert studiedag["antwoorden"] == {
        "dieetwensen": "vegetarisch",
        "toegankelijkheid": "rolstoeltoegankelijke plek",
        "workshop": "",
        "op_de_deelnemerslijst": True,
    }
    assert studiedag["factuur_aan"] == "Gemeente Alphen aan den Rijn"
    assert studiedag["inkoopordernummer_of_kostenplaats"] == "KP-4711"
    assert studiedag["aangemeld_op"] and studiedag["afgemeld_op"] is None
    assert webinar["status"] == "afgemeld"
    assert webinar["afgemeld_op"] and webinar["reden_afmelding"] == "Andere afspraak"
    assert "Bijeenkomst van een ander" not in response.content.decode()


def test_export_of_a_transfer_does_not_name_the_colleague(client):
    user = member(full_name=NAME)
    domain = user.email.split("@")[1]
    colleague = member(email=f"collega@{domain}", full_name="Francois van Doesburg")
    registration, _ = services.register(EventPageFactory(), user)
    hand_over(registration, colleague)
    client.force_login(user)
    response = client.get(EXPORT)
    [row] = response.json()["aanmeldingen"]
    assert row["reden_afmelding"] == "overgedragen aan een collega"
    assert "Francois" not in response.content.decode()


# --- deletion -------------------------------------------------------------------------------


def delete_account(client, user):
    """The owner's own way out: log in, enter the password again, confirm."""
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.post(DELETE, {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_deleting_the_account_anonymises_registrations_and_frees_the_place(
    client, django_capture_on_commit_callbacks
):
    user = guest(full_name=NAME)
    email = user.email
    full = EventPageFactory(title="Volle studiedag", capacity=1, price_non_member=95)
    mine, _ = services.register(
        full,
        user,
        services.Answers(
            dietary="glutenvrij",
            accessibility="ringleiding",
            on_attendee_list=True,
            billing_organisation="Gemeente Alphen aan den Rijn",
            billing_reference="KP-4711",
            billing_email="a.vanklaveren@alphen.example",
        ),
    )
    waiting_user = member(full_name="Ruud de Smit")
    waiting, _ = services.register(full, waiting_user)
    assert mine.is_confirmed and waiting.is_waitlisted
    attended_event = past_event(title="Terugkomdag")
    attended = RegistrationFactory(
        event=attended_event,
        user=user,
        price=Decimal("95.00"),
        organisation_name="Gemeente Alphen aan den Rijn",
        billing_organisation="Gemeente Alphen aan den Rijn",
        dietary="vegetarisch",
        checked_in_at=attended_event.start,
    )
    mail.outbox.clear()
    outbox_before = set(OutboxMessage.objects.values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client, user)

    # The place went to whoever waited, and they were told.
    waiting.refresh_from_db()
    assert waiting.is_confirmed
    assert [m.to for m in mail.outbox] == [[waiting_user.email]]
    assert "Volle studiedag" in mail.outbox[0].subject

    mine.refresh_from_db()
    assert mine.status == RegistrationStatus.CANCELLED
    assert mine.cancel_reason == "account verwijderd"
    assert mine.cancelled_at is not None
    attended.refresh_from_db()
    assert attended.status == RegistrationStatus.CONFIRMED  # the figures of the past stay
    assert attended.checked_in_at is not None
    for registration in (mine, attended):
        assert registration.user is None
        assert registration.name == "Verwijderd account"
        assert registration.email == ""
        assert registration.dietary == registration.accessibility == ""
        assert registration.billing_email == ""
        assert registration.on_attendee_list is False
        # What finance needs stays.
        assert registration.price == Decimal("95.00")
        assert registration.billing_organisation == "Gemeente Alphen aan den Rijn"
    assert mine.organisation is not None and mine.organisation_name == mine.organisation.name
    assert attended.organisation_name == "Gemeente Alphen aan den Rijn"
    assert mine.billing_reference == "KP-4711"

    # Nothing personal is left in any registration, nor in mail written since.
    personal = Q()
    for field in ("name", "email", "billing_email", "cancel_reason"):
        personal |= Q(**{f"{field}__icontains": "Klaveren"})
        personal |= Q(**{f"{field}__icontains": email})
    assert not Registration.objects.filter(personal).exists()
    assert not Registration.objects.filter(user_id=user.pk).exists()
    new_mail = OutboxMessage.objects.exclude(pk__in=outbox_before)
    assert all(message.is_rendered for message in new_mail)  # the text below is the mail's
    assert not new_mail.filter(Q(to=email) | Q(text__icontains="Klaveren")).exists()


def test_a_colleague_who_passed_on_their_place_no_longer_names_the_deleted_account(client):
    first = member(full_name="Francois van Doesburg")
    domain = first.email.split("@")[1]
    user = member(email=f"aad@{domain}", full_name=NAME)
    registration, _ = services.register(EventPageFactory(), first)
    hand_over(registration, user)
    registration.refresh_from_db()
    assert NAME in registration.cancel_reason

    delete_account(client, user)

    registration.refresh_from_db()
    assert registration.cancel_reason == "overgedragen aan een collega"
    assert registration.name == "Francois van Doesburg"  # their own record stays theirs


def test_deleting_in_the_admin_anonymises_too():
    user = guest(full_name=NAME)
    event = EventPageFactory()
    RegistrationFactory(event=event, user=user, dietary="lactosevrij")
    get_user_model().objects.filter(pk=user.pk).delete()
    registration = Registration.objects.get(event=event)
    assert registration.name == "Verwijderd account"
    assert registration.dietary == ""
    assert registration.status == RegistrationStatus.CANCELLED


def test_other_peoples_registrations_are_untouched(client):
    user = guest(full_name=NAME)
    other = member(full_name="Ruud de Smit")
    event = EventPageFactory()
    services.register(event, user)
    theirs, _ = services.register(event, other, services.Answers(dietary="halal"))
    delete_account(client, user)
    theirs.refresh_from_db()
    assert theirs.name == "Ruud de Smit" and theirs.email == other.email
    assert theirs.dietary == "halal" and theirs.is_confirmed
