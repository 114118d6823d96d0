"""Organisers acting in the admin: check-in, giving a place, cancelling, calling a meeting off."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events.models import EventPage, RegistrationStatus
from tests.events.helpers.registrations_admin import html, names, organiser, registration, url
from tests.events_factories import EventPageFactory

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.fixture
def on_the_day(study_day):
    """The morning of the study day, before it begins: the door is open for check-in."""
    with time_machine.travel(study_day.start - datetime.timedelta(hours=1)):
        yield


def test_check_in_toggles_and_a_double_click_does_it_once(
    client, login_with_mfa, study_day, on_the_day
):
    login_with_mfa(client, organiser())
    bram = study_day.registrations.get(name="Bram Gast")
    report = url("registrations", study_day.pk)
    back = f"{report}?status=confirmed"

    response = client.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "1", "next": back})
    assert (response.status_code, response["Location"]) == (302, back)
    client.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "1"})
    bram.refresh_from_db()
    assert bram.checked_in_at is not None
    page = html(client.get(report, {"aanwezig": "true"}))
    assert names(page) == ["Bram Gast"]
    assert "Ongedaan maken" in page
    assert "1 aanwezig" in " ".join(page.split())

    response = client.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "0"}, follow=True)
    assert "Bram Gast staat weer als niet aanwezig." in html(response)
    bram.refresh_from_db()
    assert bram.checked_in_at is None


def test_check_in_opens_on_the_day_of_the_meeting(client, login_with_mfa, study_day):
    """Weeks ahead nobody can be marked present, so nobody gets a certificate for a meeting
    that has not happened."""
    login_with_mfa(client, organiser())
    bram = study_day.registrations.get(name="Bram Gast")
    page = html(client.get(url("registrations", study_day.pk)))
    assert "Aanwezigheid registreren kan vanaf de dag van de activiteit" in page
    assert url("check_in", study_day.pk, bram.pk) not in page  # no button yet

    response = client.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "1"}, follow=True)
    assert "Aanwezigheid registreren kan vanaf de dag van de activiteit" in html(response)
    bram.refresh_from_db()
    assert bram.checked_in_at is None
    assert not ModelLogEntry.objects.filter(action="events.aanwezig").exists()


def test_check_ins_and_places_given_are_in_the_log_and_undoing_keeps_the_history(
    client, login_with_mfa, study_day, on_the_day
):
    planner = organiser()
    login_with_mfa(client, planner)
    bram = study_day.registrations.get(name="Bram Gast")
    cor = study_day.registrations.get(name="Cor Wacht")
    client.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "1"})
    client.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "1"})  # a double click
    client.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "0"})
    study_day.capacity = 4
    study_day.save()
    client.post(url("promote", study_day.pk, cor.pk))

    entries = ModelLogEntry.objects.filter(action__startswith="events.").order_by("pk")
    assert [(e.action, e.label, e.user_id) for e in entries] == [
        ("events.aanwezig", "Bram Gast", planner.pk),
        ("events.aanwezig_ongedaan", "Bram Gast", planner.pk),
        ("events.plaats_gegeven", "Cor Wacht", planner.pk),
    ]
    assert entries[1].data["was"]  # when the undone check-in had been made
    report = " ".join(html(client.get(url("registrations", study_day.pk))).split())
    for said in ("Aanwezig gemeld", "Aanwezigheid ongedaan gemaakt", "Plaats gegeven door"):
        assert said in report


def test_only_confirmed_people_can_be_checked_in(client, login_with_mfa, study_day, on_the_day):
    login_with_mfa(client, organiser())
    cor = study_day.registrations.get(name="Cor Wacht")
    response = client.post(url("check_in", study_day.pk, cor.pk), {"aanwezig": "1"}, follow=True)
    assert "Alleen bevestigde aanmeldingen kunnen aanwezig zijn." in html(response)
    cor.refresh_from_db()
    assert cor.checked_in_at is None


def test_tampered_check_in_is_a_400_and_another_meetings_registration_a_404(
    client, login_with_mfa, study_day
):
    login_with_mfa(client, organiser())
    bram = study_day.registrations.get(name="Bram Gast")
    assert (
        client.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "ja"}).status_code == 400
    )
    other = EventPageFactory()
    assert client.post(url("check_in", other.pk, bram.pk), {"aanwezig": "1"}).status_code == 404
    assert client.get(url("check_in", study_day.pk, bram.pk)).status_code == 405
    bram.refresh_from_db()
    assert bram.checked_in_at is None


def test_promote_by_hand_when_a_place_is_free(
    client, login_with_mfa, study_day, django_capture_on_commit_callbacks, mailoutbox
):
    login_with_mfa(client, organiser())
    cor = study_day.registrations.get(name="Cor Wacht")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("promote", study_day.pk, cor.pk), follow=True)
    assert "Cor Wacht heeft een plaats gekregen" in html(response)
    cor.refresh_from_db()
    assert cor.status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mailoutbox] == [[cor.email]]


def test_promote_by_hand_without_room_says_so_in_dutch(client, login_with_mfa, study_day):
    study_day.capacity = 2
    study_day.save()
    login_with_mfa(client, organiser())
    cor = study_day.registrations.get(name="Cor Wacht")
    response = client.post(url("promote", study_day.pk, cor.pk), follow=True)
    assert "Er is geen plaats vrij. Verhoog eerst het aantal plaatsen." in html(response)
    cor.refresh_from_db()
    assert cor.status == RegistrationStatus.WAITLISTED


def test_promote_works_within_24_hours_of_the_start_too(client, login_with_mfa):
    event = EventPageFactory(capacity=1, start=timezone.now() + datetime.timedelta(hours=5))
    waiting = registration(event, "Laat Komer", RegistrationStatus.WAITLISTED)
    login_with_mfa(client, organiser())
    client.post(url("promote", event.pk, waiting.pk))
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_an_organiser_cancels_after_confirming_and_the_place_goes_to_the_waiting_list(
    client, login_with_mfa, study_day, django_capture_on_commit_callbacks, mailoutbox
):
    user = organiser()
    login_with_mfa(client, user)
    bram = study_day.registrations.get(name="Bram Gast")
    report = url("registrations", study_day.pk)
    confirm = html(client.get(url("cancel", study_day.pk, bram.pk), {"next": report}))
    assert "Wil je de aanmelding van <strong>Bram Gast</strong>" in confirm
    assert 'for="id_reason"' in confirm

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("cancel", study_day.pk, bram.pk), {"reason": "Belde af", "next": report}
        )
    assert (response.status_code, response["Location"]) == (302, report)
    assert "De aanmelding van Bram Gast is afgemeld." in messages_of(response)
    bram.refresh_from_db()
    assert (bram.status, bram.cancelled_by, bram.cancel_reason) == (
        RegistrationStatus.CANCELLED,
        user,
        "Belde af",
    )
    assert study_day.registrations.get(name="Cor Wacht").status == RegistrationStatus.CONFIRMED
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [bram.email, study_day.registrations.get(name="Cor Wacht").email]
    )

    again = client.post(url("cancel", study_day.pk, bram.pk), {"reason": ""}, follow=True)
    assert "Deze aanmelding is al afgemeld." in html(again)
    assert "Deze aanmelding is al afgemeld." in html(
        client.get(url("cancel", study_day.pk, bram.pk), follow=True)
    )


def test_a_too_long_reason_shows_the_form_again(client, login_with_mfa, study_day):
    login_with_mfa(client, organiser())
    bram = study_day.registrations.get(name="Bram Gast")
    page = html(client.post(url("cancel", study_day.pk, bram.pk), {"reason": "x" * 201}))
    assert "Houd de reden korter dan 200 tekens." in page
    bram.refresh_from_db()
    assert bram.status == RegistrationStatus.CONFIRMED


def test_next_elsewhere_is_ignored(client, login_with_mfa, study_day):
    login_with_mfa(client, organiser())
    bram = study_day.registrations.get(name="Bram Gast")
    response = client.post(
        url("check_in", study_day.pk, bram.pk), {"aanwezig": "1", "next": "https://evil.example/"}
    )
    assert response["Location"] == url("registrations", study_day.pk)


def test_a_meeting_with_registrations_is_called_off_not_deleted(admin_client_with_mfa, study_day):
    delete = reverse("wagtailadmin_pages:delete", args=[study_day.pk])

    for response in (admin_client_with_mfa.get(delete), admin_client_with_mfa.post(delete)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[study_day.pk])
    told = messages_of(admin_client_with_mfa.get(response["Location"]))
    assert any("geannuleerd" in message for message in told)
    assert EventPage.objects.filter(pk=study_day.pk).exists()

    empty = EventPageFactory()
    admin_client_with_mfa.post(reverse("wagtailadmin_pages:delete", args=[empty.pk]))
    assert not EventPage.objects.filter(pk=empty.pk).exists()
