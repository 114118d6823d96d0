"""Check-in at the door: the organisers' page for one meeting, codes from tickets, and the
answers without a reload (JSON) beside the plain forms."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from events.models.tickets import grouped, normalise_code
from tests.events.helpers.registrations_admin import html, organiser, registration, staff_with, url
from tests.events_factories import EventPageFactory, member

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def on_the_day(study_day):
    with time_machine.travel(study_day.start - datetime.timedelta(hours=1)):
        yield


@pytest.fixture
def door(client, login_with_mfa, study_day, on_the_day):
    """An organiser at the door of the study day, on its morning."""
    login_with_mfa(client, organiser())
    return client


def said(response):
    """The last message shown (logging in leaves one of its own before it)."""
    return [str(message).strip() for message in get_messages(response.wsgi_request)][-1]


def place(event, name):
    return event.registrations.get(name=name)


def test_codes_are_random_and_typed_codes_forgive_case_dashes_and_misread_letters(study_day):
    codes = list(study_day.registrations.values_list("ticket_code", flat=True))
    assert len(set(codes)) == len(codes) == 4
    code = codes[0]
    assert normalise_code(grouped(code).lower()) == code
    assert normalise_code(f"https://leerhuis.example/activiteiten/ticket/{code}/") == code
    assert normalise_code("0000-1111-2222-3333".replace("0", "O").replace("1", "l")) == (
        "0000111122223333"
    )
    assert normalise_code("te kort") == normalise_code("") == ""
    assert normalise_code("UUUUUUUUUUUUUUUU") == ""  # U is not in the alphabet


def test_the_page_lists_the_confirmed_places_with_counts_and_finds_by_name_or_organisation(
    door, study_day
):
    page = html(door.get(url("checkin", study_day.pk)))
    assert "Astrid Klift" in page and "Bram Gast" in page
    assert "Cor Wacht" not in page and "Dirk Weg" not in page  # waiting, cancelled
    assert "0</strong> van" in page and ">2</span> bevestigd aanwezig" in page

    found = html(door.get(url("checkin", study_day.pk), {"q": "veenendaal"}))
    assert "Astrid Klift" in found and "Bram Gast" not in found
    nobody = html(door.get(url("checkin", study_day.pk), {"q": "Zwolle"}))
    assert "Niemand gevonden" in nobody


def test_one_tap_marks_present_and_the_same_button_undoes_it_without_javascript(door, study_day):
    bram = place(study_day, "Bram Gast")
    back = url("checkin", study_day.pk) + "?q=bram"
    response = door.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "1", "next": back})
    assert (response.status_code, response["Location"]) == (302, back)
    page = html(door.get(back))
    assert "aanwezig om" in page and "Ongedaan maken" in page

    door.post(url("check_in", study_day.pk, bram.pk), {"aanwezig": "0", "next": back})
    bram.refresh_from_db()
    assert bram.checked_in_at is None


def test_with_javascript_the_answer_is_json_with_the_state_and_the_running_counts(door, study_day):
    bram = place(study_day, "Bram Gast")
    address = url("check_in", study_day.pk, bram.pk)

    first = door.post(address, {"aanwezig": "1"}, **JSON)
    again = door.post(address, {"aanwezig": "1"}, **JSON)  # a double tap

    assert first.status_code == again.status_code == 200
    data = again.json()
    assert data["ok"] and data["message"] == "Bram Gast is aanwezig gemeld."
    assert data["registration"]["id"] == bram.pk and data["registration"]["present"]
    assert data["counts"] == {"aanwezig": 1, "bevestigd": 2}
    assert ModelLogEntry.objects.filter(action="events.aanwezig").count() == 1

    undone = door.post(address, {"aanwezig": "0"}, **JSON).json()
    assert not undone["registration"]["present"] and undone["counts"]["aanwezig"] == 0


def test_a_typed_code_checks_the_person_in_and_shows_them_with_the_undo(door, study_day):
    bram = place(study_day, "Bram Gast")
    typed = grouped(bram.ticket_code).lower()

    response = door.post(url("checkin_code", study_day.pk), {"code": typed})

    assert response.status_code == 302
    assert response["Location"] == url("checkin", study_day.pk) + f"?code={bram.ticket_code}"
    assert said(response) == "Bram Gast is aanwezig gemeld."
    bram.refresh_from_db()
    assert bram.checked_in_at is not None
    page = html(door.get(response["Location"]))
    assert "Bram Gast" in page and "Astrid Klift" not in page and "Ongedaan maken" in page

    data = door.post(url("checkin_code", study_day.pk), {"code": typed}, **JSON).json()
    assert data["ok"] and data["registration"]["name"] == "Bram Gast"
    assert ModelLogEntry.objects.filter(action="events.aanwezig").count() == 1


def test_a_code_of_another_meeting_is_refused_and_nobody_is_checked_in(door, study_day):
    elsewhere = EventPageFactory(title="Netwerkdag Zwolle", start=study_day.start)
    stranger = registration(elsewhere, "Eva Elders")

    response = door.post(url("checkin_code", study_day.pk), {"code": stranger.ticket_code}, **JSON)

    assert response.status_code == 409
    assert "hoort bij een andere activiteit (Netwerkdag Zwolle" in response.json()["message"]
    plain = door.post(url("checkin_code", study_day.pk), {"code": stranger.ticket_code})
    assert "hoort bij een andere activiteit" in said(plain)
    stranger.refresh_from_db()
    assert stranger.checked_in_at is None
    assert not ModelLogEntry.objects.filter(action="events.aanwezig").exists()


def test_unknown_codes_and_places_without_a_seat_are_refused_in_dutch(door, study_day):
    unknown = door.post(url("checkin_code", study_day.pk), {"code": "0000-0000-0000-0000"}, **JSON)
    assert unknown.status_code == 409
    assert unknown.json()["message"].startswith("Deze code kennen we niet.")
    nonsense = door.post(url("checkin_code", study_day.pk), {"code": "<script>"})
    assert said(nonsense) == "Deze code kennen we niet. Kijk of hij goed is overgenomen."
    for name in ("Cor Wacht", "Dirk Weg"):  # waiting, cancelled
        code = place(study_day, name).ticket_code
        refused = door.post(url("checkin_code", study_day.pk), {"code": code}, **JSON)
        assert refused.status_code == 409
        assert refused.json()["message"] == "Alleen bevestigde aanmeldingen kunnen aanwezig zijn."
    assert not study_day.registrations.filter(checked_in_at__isnull=False).exists()


def test_before_the_day_the_page_says_so_and_offers_no_buttons(client, login_with_mfa, study_day):
    login_with_mfa(client, organiser())
    page = html(client.get(url("checkin", study_day.pk)))
    assert "Aanwezigheid registreren kan vanaf de dag van de activiteit" in page
    assert url("checkin_code", study_day.pk) not in page
    bram = place(study_day, "Bram Gast")
    refused = client.post(url("checkin_code", study_day.pk), {"code": bram.ticket_code}, **JSON)
    assert refused.status_code == 409 and "vanaf de dag" in refused.json()["message"]


def test_only_organisers_who_may_manage_attendees_reach_the_door(
    client, login_with_mfa, study_day, on_the_day
):
    bram = place(study_day, "Bram Gast")
    page, code = url("checkin", study_day.pk), url("checkin_code", study_day.pk)

    anonymous = client.get(page)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert client.post(code, {"code": bram.ticket_code}).status_code == 302

    client.force_login(member())
    assert client.get(page).status_code in (302, 403)
    assert client.post(code, {"code": bram.ticket_code}).status_code in (302, 403)

    for email, perms in [
        ("redactie@leerhuis.example", ()),
        ("kijker@leerhuis.example", ("view_attendees",)),
    ]:
        staff = login_with_mfa(Client(), staff_with(*perms, email=email))
        refused = staff.get(page)
        assert refused.status_code == 403 and "Bram Gast" not in refused.content.decode()
        assert staff.post(code, {"code": bram.ticket_code}, **JSON).status_code == 403

    bram.refresh_from_db()
    assert bram.checked_in_at is None


def test_the_page_costs_the_same_queries_for_one_or_twenty_people(door, study_day):
    small = EventPageFactory(title="Klein", start=study_day.start, end=study_day.end)
    big = EventPageFactory(title="Groot", start=study_day.start, end=study_day.end)
    registration(small, "Enige Deelnemer")
    for number in range(20):
        registration(big, f"Deelnemer {number}", organisation_name=f"Gemeente {number}")

    def queries(event):
        door.get(url("checkin", event.pk))  # warm caches (site, content types)
        with CaptureQueriesContext(connection) as captured:
            assert door.get(url("checkin", event.pk)).status_code == 200
        return len(captured)

    assert queries(small) == queries(big)


def test_the_meetings_list_and_the_report_lead_to_the_door_on_the_day(door, study_day):
    assert url("checkin", study_day.pk) in html(door.get(url("index")))
    report = html(door.get(url("registrations", study_day.pk)))
    assert url("checkin", study_day.pk) in report and "js/inchecken.js" in report


def test_weeks_ahead_the_meetings_list_offers_no_door_yet(client, login_with_mfa, study_day):
    login_with_mfa(client, organiser())
    assert url("checkin", study_day.pk) not in html(client.get(url("index")))
