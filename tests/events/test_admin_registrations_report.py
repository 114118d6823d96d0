"""The registrations report in the admin: counts, filters, queries; the menu and the page button."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import RegistrationStatus, Workshop
from tests.events.helpers.registrations_admin import (
    MENU,
    html,
    names,
    registration,
    staff_with,
    url,
)
from tests.events_factories import EventPageFactory, in_days

pytestmark = pytest.mark.django_db


def rows(page):
    """The registrations table as an organiser reads it: name, e-mail, …, one list per row."""
    body = BeautifulSoup(page, "html.parser").select_one("#listing-results table tbody")
    if body is None:
        return []
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        for row in body.find_all("tr")
    ]


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
    # capacity, confirmed, waiting, free, present; no check-in before the day
    assert listed[0][3:] == ["3", "2", "1", "1", "0", ""]
    assert url("registrations", study_day.pk) in page

    past = html(admin_client_with_mfa.get(url("index"), {"voorbij": "1"}))
    assert [row[0] for row in rows(past)] == ["Netwerkdag voorbij"]


def test_the_menu_shows_no_free_places_for_a_cancelled_meeting(admin_client_with_mfa):
    EventPageFactory(title="Gaat niet door", capacity=10, status="geannuleerd")
    [row] = rows(html(admin_client_with_mfa.get(url("index"))))
    # capacity, confirmed, waiting, free, present; nobody to check in
    assert row[3:] == ["10", "0", "0", "geannuleerd", "0", ""]


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
    editors = Group.objects.get(name="Redactie")
    user.groups.add(editors)
    login_with_mfa(client, user)
    listing = client.get(reverse("wagtailadmin_explore", args=[study_day.get_parent().pk]))
    assert url("registrations", study_day.pk) not in listing.content.decode()
