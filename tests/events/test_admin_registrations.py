"""Organisers in the admin: the registrations of a meeting, check-in, the waiting list,
cancelling, the printable lists, and who may do what."""

import datetime
import importlib

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events.models import EventPage, RegistrationStatus, Workshop
from tests.events_factories import EventPageFactory, RegistrationFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The sidebar's menu item, as Wagtail writes it into the page.
MENU = '"url": "/admin/aanmeldingen/"'


def url(name, *args):
    return reverse(f"aanmeldingen:{name}", args=args)


def staff_with(*codenames, email):
    """Staff who may enter the admin, with only the given events permissions."""
    group = Group.objects.create(name=f"groep {email}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="events", codename__in=codenames),
    )
    user = UserFactory(email=email, is_staff=True, full_name=email.split("@")[0].title())
    user.groups.add(group)
    return user


def viewer():
    return staff_with("view_attendees", email="kijker@leerhuis.example")


def organiser():
    return staff_with("view_attendees", "manage_attendees", email="organisator@leerhuis.example")


def registration(event, name, status=RegistrationStatus.CONFIRMED, **kwargs):
    return RegistrationFactory(
        event=event,
        user=UserFactory(full_name=name),
        name=name,
        status=status,
        **kwargs,
    )


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def rows(page):
    """The registrations table as an organiser reads it: name, e-mail, …, one list per row."""
    body = BeautifulSoup(page, "html.parser").select_one("#listing-results table tbody")
    if body is None:
        return []
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        for row in body.find_all("tr")
    ]


def names(page):
    """The names in the first column (the e-mail address is below each name)."""
    table = BeautifulSoup(page, "html.parser").select_one("#listing-results table tbody")
    if table is None:
        return []
    return [strong.get_text(strip=True) for strong in table.select("tr td:first-child strong")]


def messages_of(response):
    return [str(message).strip() for message in response.wsgi_request._messages]


@pytest.fixture
def study_day():
    """Three weeks ahead, 3 places: two confirmed (one member, one guest), one waiting,
    one cancelled."""
    event = EventPageFactory(title="Studiedag opgave-sturing", capacity=3, price_non_member=95)
    workshop = Workshop.objects.create(page=event, title="Opgave-ateliers")
    registration(
        event,
        "Astrid Klift",
        organisation_name="Gemeente Veenendaal",
        is_member=True,
        workshop=workshop,
    )
    registration(event, "Bram Gast", organisation_name="Adviesbureau Gast", price=95)
    registration(
        event, "Cor Wacht", RegistrationStatus.WAITLISTED, organisation_name="Gemeente Ede"
    )
    registration(event, "Dirk Weg", RegistrationStatus.CANCELLED, cancelled_at=timezone.now())
    return event


# --- Who may -----------------------------------------------------------------------------


def every_url(event):
    one = event.registrations.get(name="Bram Gast")
    gets = [
        url("index"),
        url("registrations", event.pk),
        url("registrations", event.pk) + "?export=csv",
        url("registrations", event.pk) + "?export=xlsx",
        url("attendance_list", event.pk),
        url("badges", event.pk),
        url("message", event.pk),
        url("cancel", event.pk, one.pk),
        url("finance"),
        url("finance") + "?export=csv",
    ]
    posts = [
        (url("check_in", event.pk, one.pk), {"aanwezig": "1"}),
        (url("promote", event.pk, event.registrations.get(name="Cor Wacht").pk), {}),
        (url("cancel", event.pk, one.pk), {"reason": "ziek"}),
        (url("message_send", event.pk), {"subject": "Hoi", "body": "Tekst", "token": ""}),
    ]
    return gets, posts


def unchanged(event):
    """Nobody checked in, Cor still waiting, Bram still confirmed, no message."""
    assert not event.registrations.filter(checked_in_at__isnull=False).exists()
    assert event.registrations.get(name="Cor Wacht").status == RegistrationStatus.WAITLISTED
    assert event.registrations.get(name="Bram Gast").status == RegistrationStatus.CONFIRMED
    assert not event.attendee_messages.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, study_day):
    gets, posts = every_url(study_day)
    for address in gets:
        response = client.get(address)
        assert response.status_code == 302, address
        assert "login" in response["Location"], address
    for address, data in posts:
        assert client.post(address, data).status_code == 302, address
    unchanged(study_day)


def test_staff_without_the_permission_get_a_403_and_see_no_names(client, login_with_mfa, study_day):
    login_with_mfa(client, staff_with(email="redactie@leerhuis.example"))
    home = html(client.get("/admin/"))
    assert MENU not in home
    gets, posts = every_url(study_day)
    for address in gets:
        response = client.get(address)
        assert response.status_code == 403, address
        assert "Bram Gast" not in response.content.decode(), address
        assert "Je hebt geen toestemming" in response.content.decode(), address
    for address, data in posts:
        assert client.post(address, data).status_code == 403, address
    unchanged(study_day)


def test_view_permission_sees_everything_but_may_not_act(client, login_with_mfa, study_day):
    login_with_mfa(client, viewer())
    assert MENU in html(client.get("/admin/"))
    gets, posts = every_url(study_day)
    for address in gets:
        expected = 403 if "/bericht/" in address or "/afmelden/" in address else 200
        assert client.get(address).status_code == expected, address
    page = html(client.get(url("registrations", study_day.pk)))
    assert "Bram Gast" in page
    assert "Plaats geven" not in page and "Bericht aan deelnemers" not in page
    assert (
        url("check_in", study_day.pk, study_day.registrations.get(name="Bram Gast").pk) not in page
    )
    for address, data in posts:
        assert client.post(address, data).status_code == 403, address
    unchanged(study_day)


def test_manage_permission_shows_the_buttons(client, login_with_mfa, study_day):
    login_with_mfa(client, organiser())
    page = html(client.get(url("registrations", study_day.pk)))
    for label in ("Plaats geven", "Bericht aan deelnemers", "Afmelden", "Aanwezig"):
        assert label in page


def test_a_place_is_offered_only_when_one_is_free(client, login_with_mfa, study_day):
    login_with_mfa(client, organiser())
    cor = study_day.registrations.get(name="Cor Wacht")
    promote = url("promote", study_day.pk, cor.pk)
    assert promote in html(client.get(url("registrations", study_day.pk)))

    study_day.capacity = 2  # both places taken
    study_day.save()
    page = html(client.get(url("registrations", study_day.pk)))
    assert "Plaats geven" not in page and promote not in page
    assert "Cor Wacht" in names(page)
    assert "Afmelden" in page  # the rest stays

    study_day.capacity = None  # no limit: always room
    study_day.save()
    assert promote in html(client.get(url("registrations", study_day.pk)))


def test_nobody_is_cancelled_or_given_a_place_after_the_meeting_was_called_off_or_is_over(
    client, login_with_mfa, study_day
):
    login_with_mfa(client, organiser())
    bram = study_day.registrations.get(name="Bram Gast")
    study_day.start, study_day.end = in_days(-2, 10), in_days(-2, 16)
    study_day.save()
    page = html(client.get(url("registrations", study_day.pk)))
    assert url("cancel", study_day.pk, bram.pk) not in page
    assert "Afmelden" not in page
    assert "Aanwezig" in page  # checking in afterwards still can

    study_day.start, study_day.end = in_days(21, 10), in_days(21, 16)
    study_day.status = "geannuleerd"
    study_day.save()
    page = html(client.get(url("registrations", study_day.pk)))
    assert "Plaats geven" not in page
    summary = " ".join(BeautifulSoup(page, "html.parser").select_one(".w-summary").stripped_strings)
    assert "vrij" not in summary


def test_the_organisers_group_of_the_migration_can_view_and_act(client, login_with_mfa):
    migration = importlib.import_module("events.migrations.0002_attendee_message")
    # Running now: check-in is open (it opens on the meeting's own day).
    event = EventPageFactory(start=timezone.now() - datetime.timedelta(hours=1))
    migration.create_organisers_group(apps)
    group = Group.objects.get(name="Organisatoren")
    assert group.page_permissions.filter(page=event.get_parent()).count() == 5
    user = UserFactory(email="planner@leerhuis.example", is_staff=True)
    user.groups.add(group)
    person = registration(event, "Eva Vroeg")
    login_with_mfa(client, user)
    assert "Eva Vroeg" in html(client.get(url("registrations", event.pk)))
    client.post(url("check_in", event.pk, person.pk), {"aanwezig": "1"})
    person.refresh_from_db()
    assert person.checked_in_at is not None


def test_the_group_editor_offers_both_permissions(admin_client_with_mfa):
    group = Group.objects.create(name="Nieuwe groep")
    page = html(admin_client_with_mfa.get(reverse("wagtailusers_groups:edit", args=[group.pk])))
    assert "Mag aanmeldingen met persoonsgegevens zien" in page
    assert "Mag aanmeldingen beheren, aanwezigheid registreren en mailen" in page


# --- The report ----------------------------------------------------------------------------


def test_the_report_counts_and_lists_every_registration(admin_client_with_mfa, study_day):
    page = html(admin_client_with_mfa.get(url("registrations", study_day.pk)))
    summary = BeautifulSoup(page, "html.parser").select_one(".w-summary").get_text(" ")
    summary = " ".join(summary.split())
    for count in (
        "2 bevestigd",
        "1 wachtlijst",
        "1 afgemeld",
        "0 aanwezig",
        "3 plaatsen",
        "1 vrij",
    ):
        assert count in summary
    assert names(page) == ["Astrid Klift", "Bram Gast", "Cor Wacht", "Dirk Weg"]
    astrid, bram = rows(page)[:2]
    assert astrid[0] == f"Astrid Klift {study_day.registrations.get(name='Astrid Klift').email}"
    assert astrid[1:6] == ["Gemeente Veenendaal", "aangemeld", "ja", "gratis", "Opgave-ateliers"]
    assert bram[1:5] == ["Adviesbureau Gast", "aangemeld", "nee", "€ 95,00"]


def test_filters_narrow_the_list(admin_client_with_mfa, study_day):
    client = admin_client_with_mfa
    report = url("registrations", study_day.pk)
    study_day.registrations.filter(name="Bram Gast").update(checked_in_at=timezone.now())
    workshop = study_day.workshops.get()

    assert names(html(client.get(report, {"status": "waitlisted"}))) == ["Cor Wacht"]
    assert names(html(client.get(report, {"lid": "true"}))) == ["Astrid Klift"]
    assert "Astrid Klift" not in names(html(client.get(report, {"lid": "false"})))
    assert names(html(client.get(report, {"workshop": workshop.pk}))) == ["Astrid Klift"]
    assert names(html(client.get(report, {"aanwezig": "true"}))) == ["Bram Gast"]
    assert names(html(client.get(report, {"status": "confirmed", "aanwezig": "false"}))) == [
        "Astrid Klift"
    ]
    assert names(html(client.get(report, {"q": "wacht"}))) == ["Cor Wacht"]
    # A workshop of another meeting is no choice here: the filter says so, nothing breaks.
    other = Workshop.objects.create(page=EventPageFactory(), title="Elders")
    assert client.get(report, {"workshop": other.pk}).status_code == 200


def test_a_meeting_without_workshops_has_no_workshop_filter_or_column(admin_client_with_mfa):
    event = EventPageFactory()
    registration(event, "Fien Zonder")
    page = html(admin_client_with_mfa.get(url("registrations", event.pk)))
    assert 'name="workshop"' not in page
    assert "Workshop" not in [
        th.get_text(strip=True) for th in BeautifulSoup(page, "html.parser").select("th")
    ]


def test_the_report_of_an_unknown_meeting_is_a_404(admin_client_with_mfa):
    assert admin_client_with_mfa.get(url("registrations", 999999)).status_code == 404


def test_the_report_uses_as_many_queries_for_20_registrations_as_for_1(admin_client_with_mfa):
    event = EventPageFactory(capacity=None)
    Workshop.objects.create(page=event, title="Atelier")
    registration(event, "Eerste Persoon")
    report = url("registrations", event.pk)
    admin_client_with_mfa.get(report)  # caches of the admin itself
    with CaptureQueriesContext(connection) as one:
        assert len(rows(html(admin_client_with_mfa.get(report)))) == 1
    workshop = event.workshops.get()
    for n in range(19):
        registration(
            event,
            f"Persoon {n}",
            RegistrationStatus.WAITLISTED if n % 3 == 0 else RegistrationStatus.CONFIRMED,
            workshop=workshop if n % 2 else None,
            checked_in_at=timezone.now() if n % 4 == 0 else None,
        )
    with CaptureQueriesContext(connection) as twenty:
        assert len(rows(html(admin_client_with_mfa.get(report)))) == 20
    assert len(twenty) == len(one)


# --- The menu and the page -----------------------------------------------------------------


def test_the_menu_lists_upcoming_meetings_with_their_counts(admin_client_with_mfa, study_day):
    EventPageFactory(title="Netwerkdag voorbij", start=in_days(-10), end=in_days(-10, 16))
    page = html(admin_client_with_mfa.get(url("index")))
    assert MENU in page
    listed = rows(page)
    assert [row[0] for row in listed] == ["Studiedag opgave-sturing"]
    # capacity, confirmed, waiting, free, present
    assert listed[0][3:] == ["3", "2", "1", "1", "0"]
    assert url("registrations", study_day.pk) in page

    past = html(admin_client_with_mfa.get(url("index"), {"voorbij": "1"}))
    assert [row[0] for row in rows(past)] == ["Netwerkdag voorbij"]


def test_the_menu_shows_no_free_places_for_a_cancelled_meeting(admin_client_with_mfa):
    EventPageFactory(title="Gaat niet door", capacity=10, status="geannuleerd")
    [row] = rows(html(admin_client_with_mfa.get(url("index"))))
    # capacity, confirmed, waiting, free, present
    assert row[3:] == ["10", "0", "0", "geannuleerd", "0"]


def test_the_menu_uses_as_many_queries_for_20_meetings_as_for_1(admin_client_with_mfa):
    registration(EventPageFactory(), "Een Persoon")
    admin_client_with_mfa.get(url("index"))
    with CaptureQueriesContext(connection) as one:
        assert len(rows(html(admin_client_with_mfa.get(url("index"))))) == 1
    for n in range(19):
        registration(EventPageFactory(start=in_days(22 + n)), f"Persoon {n}")
    with CaptureQueriesContext(connection) as twenty:
        assert len(rows(html(admin_client_with_mfa.get(url("index"))))) == 20
    assert len(twenty) == len(one)


def test_the_page_editor_and_the_page_listing_lead_to_the_registrations(
    admin_client_with_mfa, study_day
):
    target = url("registrations", study_day.pk)
    editor = html(
        admin_client_with_mfa.get(reverse("wagtailadmin_pages:edit", args=[study_day.pk]))
    )
    assert target in editor
    listing = html(
        admin_client_with_mfa.get(reverse("wagtailadmin_explore", args=[study_day.get_parent().pk]))
    )
    assert target in listing
    # Other pages have no such button.
    calendar = study_day.get_parent()
    other = html(admin_client_with_mfa.get(reverse("wagtailadmin_pages:edit", args=[calendar.pk])))
    assert "/admin/aanmeldingen/" + str(calendar.pk) not in other


def test_the_page_button_is_not_there_without_the_permission(client, login_with_mfa, study_day):
    user = staff_with(email="redacteur@leerhuis.example")
    editors = Group.objects.get(name="Editors")
    user.groups.add(editors)
    login_with_mfa(client, user)
    listing = client.get(reverse("wagtailadmin_explore", args=[study_day.get_parent().pk]))
    assert url("registrations", study_day.pk) not in listing.content.decode()


# --- Acting --------------------------------------------------------------------------------


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
