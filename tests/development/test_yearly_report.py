"""The organisers' Jaaroverzicht: every meeting that began in a year with its study load and
the learning it gave (present × hours), totals on top, as CSV and XLSX; for whoever may see
registrations, and as cheap for 500 meetings as for 10."""

import codecs
import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from events.models import EventAccreditation, EventPage, RegistrationStatus
from tests.development_factories import SchemeFactory, accredit, pmi
from tests.events.helpers.registrations_admin import organiser, staff_with
from tests.events_factories import EventPageFactory, RegistrationFactory, attend, bulk_meetings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/aanmeldingen/jaaroverzicht/"


def local(month, day, hour, minute=0, year=2026):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


@pytest.fixture(autouse=True)
def midsummer():
    with time_machine.travel(local(6, 15, 12), tick=True):
        yield


@pytest.fixture
def year():
    """2026 so far: two meetings held (three people present), one cancelled, one to come;
    and one in 2025."""
    ipma, leadership = SchemeFactory(), pmi("Leadership")
    morning = EventPageFactory(
        title="Ochtend over opgaven", start=local(3, 10, 9), end=local(3, 10, 12)
    )
    accredit(morning, ipma, points="3")
    for _n in range(2):
        attend(RegistrationFactory(event=morning))
    RegistrationFactory(event=morning)  # confirmed, never came
    day = EventPageFactory(
        title="Studiedag", start=local(4, 2, 9), end=local(4, 2, 16), study_hours=Decimal("5.5")
    )
    accredit(day, ipma, points="5")
    accredit(day, leadership, points="2")
    attend(RegistrationFactory(event=day))
    cancelled = EventPageFactory(
        title="Afgelast", start=local(5, 5, 13), end=local(5, 5, 17), status="geannuleerd"
    )
    accredit(cancelled, ipma)
    coming = EventPageFactory(title="Najaarsdag", start=local(9, 9, 13), end=local(9, 9, 17))
    RegistrationFactory(event=coming)
    RegistrationFactory(event=coming, status=RegistrationStatus.WAITLISTED)
    EventPageFactory(
        title="Vorig jaar", start=local(11, 3, 13, year=2025), end=local(11, 3, 17, year=2025)
    )


def page(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def rows(page_html):
    soup = BeautifulSoup(page_html, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in tr.select("td")]
        for tr in soup.select("#listing-results tbody tr")
    ]


def totals(page_html):
    soup = BeautifulSoup(page_html, "html.parser")
    return [li.get_text(" ", strip=True) for li in soup.select(".w-summary__list li")]


def download(client, kind, **params):
    response = client.get(URL, {**params, "export": kind})
    assert response.status_code == 200
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if kind == "csv":
        assert raw.startswith(codecs.BOM_UTF8)
        return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    book = openpyxl.load_workbook(io.BytesIO(raw))
    assert book.sheetnames == ["Jaaroverzicht"]
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def test_this_years_meetings_with_their_study_load_and_learning(client, login_with_mfa, year):
    login_with_mfa(client, organiser())
    text = page(client)

    listed = rows(text)
    assert [row[0] for row in listed] == [
        "Ochtend over opgaven",
        "Studiedag",
        "Afgelast",
        "Najaarsdag",
    ]
    morning, day, cancelled, coming = listed
    # Activiteit, datum, soort, status, bevestigd, aanwezig, studie-uren, punten, uren geleerd
    assert morning[1:] == [
        "10-03-2026",
        "Bijeenkomst",
        "gepland",
        "3",
        "2",
        "3 uur",
        "3 PE-punten (IPMA)",
        "6 uur",
    ]
    assert day[6:] == ["5,5 uur", "5 PE-punten (IPMA), 2 PDU (PMI – Leadership)", "5,5 uur"]
    assert cancelled[3] == "geannuleerd" and cancelled[-1] == "0 uur"
    assert coming[4:6] == ["1", "0"] and coming[-1] == "0 uur"

    assert totals(text) == [
        "2 activiteiten gehouden",
        "4 plaatsen bevestigd (0 leden, 4 niet-leden)",
        "3 deelnemers aanwezig (75% van de plaatsen)",
        "11,5 uur geleerd",
        "11 PE-punten (IPMA) toegekend",
        "2 PDU (PMI – Leadership) toegekend",
    ]


def test_another_year_is_chosen_with_jaar(client, login_with_mfa, year):
    login_with_mfa(client, organiser())
    text = page(client, jaar="2025")
    assert [row[0] for row in rows(text)] == ["Vorig jaar"]
    assert totals(text)[:4] == [
        "1 activiteit gehouden",
        "0 plaatsen bevestigd (0 leden, 0 niet-leden)",
        "0 deelnemers aanwezig",
        "0 uur geleerd",
    ]


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ("twintig", "Kies een jaar in cijfers, bijvoorbeeld 2026."),
        ("1800", "Kies een jaar vanaf 2000."),
        ("99999999999999999999", "Kies een jaar tot en met 2100."),
    ],
)
def test_a_year_that_is_no_year_is_reported_and_this_year_shown(
    client, login_with_mfa, year, asked, message
):
    login_with_mfa(client, organiser())
    text = page(client, jaar=asked)
    assert message in text
    assert "Je ziet nu 2026." in text
    assert "Studiedag" in text


def test_the_csv_is_for_dutch_excel_with_a_column_per_scheme(client, login_with_mfa, year):
    login_with_mfa(client, organiser())
    table = download(client, "csv")
    assert table[0] == [
        "Datum",
        "Activiteit",
        "Soort",
        "Status",
        "Bevestigd",
        "Aanwezig",
        "Studie-uren",
        "Punten IPMA (PE-punten)",
        "Punten PMI – Leadership (PDU)",
        "Uren geleerd",
    ]
    by_title = {row[1]: row for row in table[1:]}
    assert by_title["Studiedag"] == [
        "02-04-2026", "Studiedag", "bijeenkomst", "gepland",
        "1", "1", "5,50", "5,00", "2,00", "5,50",
    ]  # fmt: skip
    assert by_title["Ochtend over opgaven"][-3:] == ["3,00", "", "6,00"]
    assert "Vorig jaar" not in by_title


def test_the_xlsx_holds_numbers(client, login_with_mfa, year):
    login_with_mfa(client, organiser())
    table = download(client, "xlsx", jaar="2026")
    by_title = {row[1]: row for row in table[1:]}
    assert by_title["Studiedag"][6] == 5.5
    assert by_title["Ochtend over opgaven"][-1] == 6


def test_the_meetings_listing_leads_to_the_report(client, login_with_mfa):
    login_with_mfa(client, organiser())
    text = page_of(client, "/admin/aanmeldingen/")
    assert f'href="{URL}"' in text


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- who may see it -----------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, year):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(URL, {"export": "csv"}).status_code == 302


def test_an_editor_without_the_attendee_permission_gets_a_403(client, login_with_mfa, year):
    editor = UserFactory(email="redactie@leerhuis.example", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redactie"))
    login_with_mfa(client, editor)
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(URL, params)
        assert response.status_code == 403
        assert "Studiedag" not in response.content.decode()


def test_whoever_may_see_registrations_sees_the_report(client, login_with_mfa, year):
    login_with_mfa(client, staff_with("view_attendees", email="kijker@leerhuis.example"))
    assert "Studiedag" in page(client)


# --- queries ------------------------------------------------------------------------------


def _queries(client, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(captured)


def _store(count, offset=0):
    """`count` meetings over 2026, some cancelled, some accredited, some with people present."""
    ipma, power = SchemeFactory(), pmi("Power Skills")
    pages = bulk_meetings(
        count,
        offset,
        lambda n: {
            "start": local(1 + n % 12, 1 + n % 28, 10),
            "status": "geannuleerd" if n % 7 == 0 else "gepland",
        },
    )
    EventAccreditation.objects.bulk_create(
        EventAccreditation(page=page, scheme=scheme, points=Decimal(1 + n % 3))
        for n, page in enumerate(pages)
        for scheme in [ipma, power][: n % 3]
    )
    for n, page in enumerate(pages[:5]):
        RegistrationFactory(event=page, checked_in_at=page.start if n % 2 else None)


def test_ten_or_five_hundred_meetings_cost_the_same_queries(client, login_with_mfa):
    login_with_mfa(client, organiser())
    _store(10)
    every = [{}, {"export": "csv"}, {"export": "xlsx"}]
    _queries(client, {})  # warm the caches
    few = [_queries(client, params) for params in every]

    _store(490, offset=10)
    assert EventPage.objects.count() == 500
    many = [_queries(client, params) for params in every]

    assert many == few


def test_a_download_of_a_year_that_is_no_year_is_refused_not_swapped(client, login_with_mfa, year):
    login_with_mfa(client, organiser())
    response = client.get(URL, {"jaar": "abc", "export": "csv"})
    assert response.status_code == 400
    assert "Kies een jaar in cijfers" in response.content.decode()


def test_a_draft_nobody_saw_is_not_a_meeting_held(client, login_with_mfa, year):
    login_with_mfa(client, organiser())
    draft = EventPageFactory(title="Nooit gepubliceerd", start=local(3, 1, 9), end=local(3, 1, 12))
    EventPage.objects.filter(pk=draft.pk).update(live=False, first_published_at=None)
    attend(RegistrationFactory(event=draft))
    html = page(client)
    assert "Nooit gepubliceerd" not in html
    assert [row[0] for row in rows(html)][:2] == ["Ochtend over opgaven", "Studiedag"]


def test_new_years_night_falls_in_the_new_year_whatever_the_organisers_time_zone(
    client, login_with_mfa
):
    user = organiser()
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        current_time_zone="America/New_York"
    )
    EventPageFactory(title="Nieuwjaarsnacht", start=local(1, 1, 0, 30), end=local(1, 1, 2, 30))
    login_with_mfa(client, user)
    assert "Nieuwjaarsnacht" in page(client, jaar=2026)
    assert "Nieuwjaarsnacht" not in page(client, jaar=2025)


def test_places_and_presence_per_organisation_and_members_against_others(client, login_with_mfa):
    held = EventPageFactory(title="Regiodag", start=local(5, 20, 9), end=local(5, 20, 12))
    for name, member, present in [
        ("Gemeente Veenendaal", True, True),
        ("Gemeente Veenendaal", True, False),
        ("Provincie Utrecht", True, True),
        ("Adviesbureau Voorbeeld", False, True),
    ]:
        registration = RegistrationFactory(event=held, organisation_name=name, is_member=member)
        if present:
            attend(registration)
    coming = EventPageFactory(title="Later", start=local(10, 1, 9), end=local(10, 1, 12))
    RegistrationFactory(event=coming, organisation_name="Gemeente Ede", is_member=True)
    login_with_mfa(client, organiser())

    html = page(client)

    assert totals(html)[1:3] == [
        "4 plaatsen bevestigd (3 leden, 1 niet-leden)",
        "3 deelnemers aanwezig (75% van de plaatsen)",
    ]
    table = BeautifulSoup(html, "html.parser").select_one("details table")
    assert [
        [cell.get_text(strip=True) for cell in row.select("td")] for row in table.select("tbody tr")
    ] == [
        ["Gemeente Veenendaal", "2", "1", "2"],
        ["Adviesbureau Voorbeeld", "1", "1", "0"],
        ["Provincie Utrecht", "1", "1", "1"],
    ]
    # A meeting still to come counts no places yet.
    assert "Gemeente Ede" not in table.get_text()
