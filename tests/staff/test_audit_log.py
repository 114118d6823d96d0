"""The audit log of attendee data (events.models.AuditEntry): every view, export, print and
message of registrations writes who, what and when; a refused request writes nothing; the
report "Inzage in deelnemersgegevens" is for superusers and Evenementen, newest first,
filterable, and costs the same queries for 1 entry as for 20."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from wagtail.users.models import UserProfile

from events.models import AuditAction, AuditEntry
from leerhuis.staff.roles import EVENEMENTEN, REDACTIE
from tests.events_factories import EventPageFactory, RegistrationFactory
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"aanmeldingen:{name}", args=args)


def staff_in(role, name="Mees Medewerker"):
    user = StaffFactory(is_superuser=False, full_name=name)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def event():
    event = EventPageFactory(title="Netwerkdag 's-Hertogenbosch")
    RegistrationFactory(event=event, user=UserFactory(full_name="Floor d'Hondt"), price=95)
    return event


@pytest.mark.parametrize(
    "name, query, action, what",
    [
        ("registrations", "", AuditAction.BEKEKEN, "aanmeldingen"),
        ("registrations", "?export=csv", AuditAction.GEEXPORTEERD, "aanmeldingen"),
        ("registrations", "?export=xlsx", AuditAction.GEEXPORTEERD, "aanmeldingen"),
        ("attendance_list", "", AuditAction.AFGEDRUKT, "presentielijst"),
        ("badges", "", AuditAction.AFGEDRUKT, "naambadges"),
        ("checkin", "", AuditAction.BEKEKEN, "inchecken"),
    ],
)
def test_viewing_exporting_and_printing_a_meetings_attendees_is_written_down(
    client, login_with_mfa, event, name, query, action, what
):
    organiser = staff_in(EVENEMENTEN)
    login_with_mfa(client, organiser)
    assert client.get(url(name, event.pk) + query).status_code == 200
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.event, entry.action, entry.what) == (organiser, event, action, what)
    assert entry.user_label == f"Mees Medewerker ({organiser.email})"
    assert entry.event_title == event.title


def test_the_finance_export_is_written_down_without_a_meeting(client, login_with_mfa, event):
    login_with_mfa(client, staff_in(EVENEMENTEN))
    client.get(url("finance") + "?export=csv")
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.what, entry.event) == (AuditAction.GEEXPORTEERD, "facturatie", None)
    assert entry.detail == "export=csv"


def test_the_dashboards_latest_registrations_are_written_down_in_dutch_without_searches(
    client, login_with_mfa, event
):
    organiser = staff_in(EVENEMENTEN)
    profile = UserProfile.get_for_user(organiser)
    profile.preferred_language = "en"
    profile.save()
    login_with_mfa(client, organiser)

    assert "Floor d" in client.get("/admin/").content.decode()
    client.get(url("registrations", event.pk) + "?q=Floor")

    dashboard, search = AuditEntry.objects.order_by("pk")
    assert (dashboard.action, dashboard.what) == (
        AuditAction.BEKEKEN,
        "dashboard: recente aanmeldingen",
    )
    assert search.what == "aanmeldingen"  # the log reads in Dutch, whoever wrote it
    assert search.detail == "q=%2A"  # a search, but not for whom


def test_a_message_to_the_attendees_is_written_down_once(client, login_with_mfa, event):
    login_with_mfa(client, staff_in(EVENEMENTEN))
    form = {"subject": "Parkeren", "body": "Parkeer aan de achterkant.", "token": uuid.uuid4()}
    client.post(url("message_send", event.pk), form)
    client.post(url("message_send", event.pk), form)  # the same form again sends nothing
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.event, entry.detail) == (AuditAction.BERICHT, event, "1: Parkeren")


@pytest.mark.parametrize("name", ["registrations", "finance", "badges", "checkin"])
def test_a_refused_request_writes_nothing(client, login_with_mfa, event, name):
    login_with_mfa(client, staff_in(REDACTIE))
    args = [] if name == "finance" else [event.pk]
    assert client.get(url(name, *args) + "?export=csv").status_code in (302, 403)
    client.logout()
    client.get(url(name, *args))  # anonymous
    assert not AuditEntry.objects.exists()


def test_evenementen_and_superusers_read_the_log_other_staff_and_strangers_do_not(
    client, login_with_mfa, event
):
    AuditEntry.objects.create(
        user_label="Mees Medewerker (mees@leerhuis.example)",
        action=AuditAction.GEEXPORTEERD,
        event=event,
        event_title=event.title,
        what="aanmeldingen",
    )
    report = url("audit")
    response = client.get(report)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    login_with_mfa(client, staff_in(REDACTIE, name="Rian Redactie"))
    response = client.get(report)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert '"url": "/admin/aanmeldingen/inzage/"' not in client.get("/admin/").content.decode()
    client.logout()

    for reader in (staff_in(EVENEMENTEN, name="Eva Evenementen"), StaffFactory()):
        login_with_mfa(client, reader)
        page = client.get(report).content.decode()
        assert "Mees Medewerker" in page and escape(event.title) in page
        assert "geëxporteerd" in page
        assert '"url": "/admin/aanmeldingen/inzage/"' in client.get("/admin/").content.decode()
        client.logout()


def test_nobody_can_add_change_or_delete_an_entry_in_the_admin():
    codenames = set(
        Permission.objects.filter(content_type__model="auditentry").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {"view_auditentry"}
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("wagtailsnippets_events_auditentry:edit", args=[1])


def table(response):
    """The report's rows as text (the filters name the staff too)."""
    rows = BeautifulSoup(response.content, "html.parser").select_one("#listing-results tbody")
    return rows.get_text(" ", strip=True) if rows else ""


def _entries(count, event, other):
    for n in range(count):
        AuditEntry.objects.create(
            user=other if n % 2 else None,
            user_label=f"Medewerker {n}",
            action=AuditAction.BEKEKEN if n % 3 else AuditAction.AFGEDRUKT,
            event=event,
            event_title=event.title,
            what="aanmeldingen",
        )


def test_the_report_filters_by_person_meeting_and_action_newest_first(
    client, login_with_mfa, event
):
    other = EventPageFactory(title="Webinar mandaat")
    colleague = staff_in(EVENEMENTEN, name="Coby Collega")
    AuditEntry.objects.create(
        user=colleague, user_label="Coby Collega", action="bekeken", event=other, what="x"
    )
    AuditEntry.objects.create(user_label="Later Lid", action="afgedrukt", event=event, what="y")
    login_with_mfa(client, staff_in(EVENEMENTEN))
    rows = table(client.get(url("audit")))
    assert rows.index("Later Lid") < rows.index("Coby Collega")
    for query, shown, hidden in (
        (f"?medewerker={colleague.pk}", "Coby Collega", "Later Lid"),
        (f"?activiteit={event.pk}", "Later Lid", "Coby Collega"),
        ("?handeling=bekeken", "Coby Collega", "Later Lid"),
    ):
        rows = table(client.get(url("audit") + query))
        assert shown in rows and hidden not in rows, query


def test_the_report_costs_the_same_queries_for_one_entry_and_twenty(client, login_with_mfa, event):
    login_with_mfa(client, staff_in(EVENEMENTEN))
    other = UserFactory()
    counts = []
    for total in (1, 20):
        AuditEntry.objects.all().delete()
        _entries(total, event, other)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("audit")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
