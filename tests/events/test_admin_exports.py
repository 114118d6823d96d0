"""What leaves the admin: a meeting's registrations and the finance list as CSV for Dutch
Excel (`;`, UTF-8 with BOM) and as XLSX, and the printable presentielijst and badges."""

import codecs
import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from events.models import RegistrationStatus, Workshop
from tests.events_factories import EventPageFactory, RegistrationFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


HEADINGS = [
    "Naam",
    "E-mail",
    "Organisatie",
    "Status",
    "Aangemeld op",
    "Lid",
    "Prijs",
    "Grond",
    "Factuur aan",
    "Kostenplaats",
    "Dieetwensen",
    "Toegankelijkheid",
    "Workshop",
    "Deelnemerslijst",
    "Aanwezig",
    "Studie-uren",
    "Punten",
]
FINANCE_HEADINGS = [
    "Activiteit",
    "Datum",
    "Naam",
    "Organisatie",
    "Factuur aan",
    "Kostenplaats",
    "Factuur-e-mail",
    "Prijs",
    "Grond",
]


def url(name, *args):
    return reverse(f"aanmeldingen:{name}", args=args)


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def body(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = body(response)
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def registration(event, name, status=RegistrationStatus.CONFIRMED, **kwargs):
    return RegistrationFactory(
        event=event, user=UserFactory(full_name=name), name=name, status=status, **kwargs
    )


@pytest.fixture
def study_day():
    event = EventPageFactory(
        title="Studiedag opgave-sturing", slug="studiedag", start=in_days(21, 10)
    )
    workshop = Workshop.objects.create(page=event, title="Opgave-ateliers")
    registration(
        event,
        "Ånne Súdwest",
        organisation_name="Gemeente Súdwest-Fryslân",
        is_member=True,
        membership_basis="Gemeente Súdwest-Fryslân is lid.",
        dietary="vegetarisch; geen noten",
        workshop=workshop,
        on_attendee_list=True,
    )
    registration(
        event,
        "Bram Gast",
        organisation_name="Adviesbureau Gast",
        price=Decimal("95.00"),
        membership_basis="Adviesbureau Gast is geen lid.",
        billing_organisation="Adviesbureau Gast B.V.",
        billing_reference="KP-4711",
        accessibility='=HYPERLINK("https://evil.example")',
    )
    registration(
        event, "Cor Wacht", RegistrationStatus.WAITLISTED, organisation_name="Gemeente Ede"
    )
    return event


def test_csv_is_semicolon_separated_utf8_with_bom(admin_client_with_mfa, study_day):
    response = admin_client_with_mfa.get(url("registrations", study_day.pk), {"export": "csv"})
    assert response["Content-Disposition"].startswith(
        'attachment; filename="aanmeldingen-studiedag-'
    )
    raw = body(admin_client_with_mfa.get(url("registrations", study_day.pk), {"export": "csv"}))
    assert raw[:3] == b"\xef\xbb\xbf"
    assert raw.decode("utf-8-sig").splitlines()[0] == ";".join(HEADINGS)

    table = read_csv(response)
    assert table[0] == HEADINGS
    anne, bram, cor = table[1:]
    created = timezone.localtime(study_day.registrations.get(name="Bram Gast").created_at)
    assert anne[:4] == ["Ånne Súdwest", anne[1], "Gemeente Súdwest-Fryslân", "aangemeld"]
    assert anne[5:8] == ["ja", "0,00", "Gemeente Súdwest-Fryslân is lid."]
    # A ';' inside a value is quoted, not a new column.
    assert anne[10] == "vegetarisch; geen noten"
    assert (anne[12], anne[13], anne[14]) == ("Opgave-ateliers", "ja", "nee")
    assert bram[4] == created.strftime("%d-%m-%Y %H:%M")
    assert bram[5:10] == [
        "nee",
        "95,00",
        "Adviesbureau Gast is geen lid.",
        "Adviesbureau Gast B.V.",
        "KP-4711",
    ]
    # What someone typed is never run by Excel as a formula.
    assert bram[11] == '\'=HYPERLINK("https://evil.example")'
    assert cor[3] == "op de wachtlijst"


def test_csv_follows_the_filters(admin_client_with_mfa, study_day):
    table = read_csv(
        admin_client_with_mfa.get(
            url("registrations", study_day.pk),
            {"export": "csv", "status": "confirmed", "lid": "false"},
        )
    )
    assert [row[0] for row in table[1:]] == ["Bram Gast"]


def test_the_download_links_follow_the_filters_also_after_filtering_in_place(
    admin_client_with_mfa, study_day
):
    # Wagtail's filter panel swaps only the results; the links live inside them.
    fragment = admin_client_with_mfa.get(
        url("registrations_results", study_day.pk),
        {"status": "waitlisted", "_w_filter_fragment": 1},
    )
    links = {
        a.get_text(strip=True): a["href"]
        for a in BeautifulSoup(html(fragment), "html.parser").select("a.button")
        if a.get_text(strip=True).startswith("Download")
    }
    assert set(links) == {"Download XLSX", "Download CSV"}
    table = read_csv(admin_client_with_mfa.get(links["Download CSV"]))
    assert [row[0] for row in table[1:]] == ["Cor Wacht"]
    assert [row[0] for row in read_xlsx(admin_client_with_mfa.get(links["Download XLSX"]))[1:]] == [
        "Cor Wacht"
    ]


def test_xlsx_opens_with_openpyxl_and_holds_the_rows(admin_client_with_mfa, study_day):
    study_day.registrations.filter(name="Bram Gast").update(
        checked_in_at=timezone.now(), created_at=in_days(-3, 14, 30)
    )
    response = admin_client_with_mfa.get(url("registrations", study_day.pk), {"export": "xlsx"})
    assert 'filename="aanmeldingen-studiedag-' in response["Content-Disposition"]
    table = read_xlsx(response)
    assert table[0] == HEADINGS
    # Bram signed up first now: the list is in order of signing up.
    assert [row[0] for row in table[1:]] == ["Bram Gast", "Ånne Súdwest", "Cor Wacht"]
    bram = table[1]
    # Amsterdam time, as the organiser knows it; the amount a number.
    assert bram[4] == datetime.datetime.combine(in_days(-3).date(), datetime.time(14, 30))
    assert bram[6] == 95
    assert bram[14] == "ja"
    assert bram[11] == '=HYPERLINK("https://evil.example")'
    assert table[2][12] == "Opgave-ateliers"


def test_the_sheets_have_dutch_names_not_sheet1(admin_client_with_mfa, study_day):
    def sheet_names(response):
        return openpyxl.load_workbook(io.BytesIO(body(response))).sheetnames

    registrations = admin_client_with_mfa.get(
        url("registrations", study_day.pk), {"export": "xlsx"}
    )
    assert sheet_names(registrations) == ["Aanmeldingen"]
    finance = admin_client_with_mfa.get(url("finance"), {"export": "xlsx"})
    assert sheet_names(finance) == ["Facturatie"]


def test_an_empty_meeting_exports_just_the_headings(admin_client_with_mfa):
    event = EventPageFactory()
    assert read_csv(
        admin_client_with_mfa.get(url("registrations", event.pk), {"export": "csv"})
    ) == [HEADINGS]
    assert read_xlsx(
        admin_client_with_mfa.get(url("registrations", event.pk), {"export": "xlsx"})
    ) == [HEADINGS]


def test_an_unknown_export_format_shows_the_report(admin_client_with_mfa, study_day):
    response = admin_client_with_mfa.get(url("registrations", study_day.pk), {"export": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


# --- Finance -------------------------------------------------------------------------------


@pytest.fixture
def invoices():
    """Non-members with a price in two meetings, and everyone who is not to be invoiced."""
    spring = EventPageFactory(title="Voorjaarsbijeenkomst", start=in_days(-40, 10))
    summer = EventPageFactory(title="Zomerleergang", start=in_days(30, 10))
    registration(
        spring,
        "Bram Gast",
        organisation_name="Adviesbureau Gast",
        price=Decimal("95.00"),
        membership_basis="Adviesbureau Gast is geen lid.",
        billing_organisation="Adviesbureau Gast B.V.",
        billing_reference="KP-4711",
        billing_email="facturen@gast.example",
    )
    registration(summer, "Gijs Gast", organisation_name="Provincie X", price=Decimal("120.50"))
    # Not invoiced: a free member, a free non-member, a cancellation, the waiting list, and
    # whoever had a place at a meeting that was called off.
    registration(spring, "Mies Lid", is_member=True, price=Decimal("0"))
    registration(spring, "Vera Gratis", price=Decimal("0"))
    registration(spring, "Carl Weg", RegistrationStatus.CANCELLED, price=Decimal("95.00"))
    registration(summer, "Wim Wacht", RegistrationStatus.WAITLISTED, price=Decimal("120.50"))
    called_off = EventPageFactory(title="Afgelast", start=in_days(-20, 10), status="geannuleerd")
    registration(called_off, "Otto Afgelast", price=Decimal("95.00"))
    return spring, summer


def test_finance_lists_non_members_with_a_price_as_csv(admin_client_with_mfa, invoices):
    spring, summer = invoices
    table = read_csv(admin_client_with_mfa.get(url("finance"), {"export": "csv"}))
    assert table[0] == FINANCE_HEADINGS
    assert table[1] == [
        "Voorjaarsbijeenkomst",
        timezone.localtime(spring.start).strftime("%d-%m-%Y"),
        "Bram Gast",
        "Adviesbureau Gast",
        "Adviesbureau Gast B.V.",
        "KP-4711",
        "facturen@gast.example",
        "95,00",
        "Adviesbureau Gast is geen lid.",
    ]
    gijs = summer.registrations.get(name="Gijs Gast")
    # Without a separate invoice address, the person's own address.
    assert table[2][:3] == ["Zomerleergang", table[2][1], "Gijs Gast"]
    assert (table[2][6], table[2][7]) == (gijs.email, "120,50")
    assert len(table) == 3


def test_finance_over_a_date_range_as_xlsx(admin_client_with_mfa, invoices):
    spring, _summer = invoices
    day = timezone.localtime(spring.start).date()
    params = {"export": "xlsx", "periode_from": day.isoformat(), "periode_to": day.isoformat()}
    table = read_xlsx(admin_client_with_mfa.get(url("finance"), params))
    assert table[0] == FINANCE_HEADINGS
    assert [row[2] for row in table[1:]] == ["Bram Gast"]
    assert table[1][1] == day
    assert table[1][7] == 95

    page = admin_client_with_mfa.get(url("finance"), {"periode_from": day.isoformat()})
    content = page.content.decode()
    assert "Bram Gast" in content and "Gijs Gast" in content
    for absent in ("Mies Lid", "Wim Wacht", "Carl Weg", "Otto Afgelast"):
        assert absent not in content


def test_members_who_pay_a_member_price_are_invoiced_too(admin_client_with_mfa, invoices):
    spring, _summer = invoices
    registration(spring, "Lies Lid", is_member=True, price=Decimal("25.00"))
    table = read_csv(admin_client_with_mfa.get(url("finance"), {"export": "csv"}))
    assert [row[2] for row in table[1:]] == ["Bram Gast", "Lies Lid", "Gijs Gast"]
    assert "Otto Afgelast" not in str(table)


def test_a_nonsense_date_range_is_no_500(admin_client_with_mfa, invoices):
    response = admin_client_with_mfa.get(url("finance"), {"periode_from": "gisteren"})
    assert response.status_code == 200


def staff_in_group(*codenames, email):
    group = Group.objects.create(name=f"groep {email}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="events", codename__in=codenames),
    )
    user = UserFactory(email=email, is_staff=True)
    user.groups.add(group)
    return user, group


def viewer():
    return staff_in_group("view_attendees", email="kijker@leerhuis.example")[0]


def test_exports_need_the_view_permission(client, login_with_mfa, study_day):
    staff, group = staff_in_group(email="redactie@leerhuis.example")
    login_with_mfa(client, staff)
    for address in (url("registrations", study_day.pk), url("finance")):
        for export in ("csv", "xlsx"):
            response = client.get(address, {"export": export})
            assert response.status_code == 403
            assert b"Bram Gast" not in response.content

    group.permissions.add(
        Permission.objects.get(content_type__app_label="events", codename="view_attendees")
    )
    table = read_csv(client.get(url("registrations", study_day.pk), {"export": "csv"}))
    assert [row[0] for row in table[1:]] == ["Ånne Súdwest", "Bram Gast", "Cor Wacht"]


# --- Paper: the presentielijst and name badges --------------------------------------------


@pytest.fixture
def paper_day():
    event = EventPageFactory(title="Studiedag opgave-sturing")
    registration(event, "Astrid Klift", organisation_name="Gemeente Veenendaal")
    registration(event, "Bram Gast", organisation_name="Adviesbureau Gast")
    registration(
        event, "Cor Wacht", RegistrationStatus.WAITLISTED, organisation_name="Gemeente Ede"
    )
    registration(event, "Dirk Weg", RegistrationStatus.CANCELLED, cancelled_at=timezone.now())
    return event


def test_the_presentielijst_lists_confirmed_people_with_a_signature_column(
    client, login_with_mfa, paper_day
):
    login_with_mfa(client, viewer())
    page = html(client.get(url("attendance_list", paper_day.pk)))
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html["lang"] == "nl"
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == ["Presentielijst"]
    assert [th.get_text(strip=True) for th in soup.select("thead th")] == [
        "Nr.",
        "Naam",
        "Organisatie",
        "Handtekening",
    ]
    filled = [row for row in soup.select("tbody tr") if row.get_text(strip=True)]
    assert [[td.get_text(strip=True) for td in row.find_all("td")] for row in filled] == [
        ["1", "Astrid Klift", "Gemeente Veenendaal", ""],
        ["2", "Bram Gast", "Adviesbureau Gast", ""],
    ]
    assert "Cor Wacht" not in page and "Dirk Weg" not in page
    assert "css/afdrukken.css" in page
    assert "<style" not in page and "<script" not in page


def test_name_badges_carry_name_organisation_and_meeting(client, login_with_mfa, paper_day):
    login_with_mfa(client, viewer())
    page = html(client.get(url("badges", paper_day.pk)))
    badges = BeautifulSoup(page, "html.parser").select(".badge")
    assert [badge.select_one(".badge__naam").get_text(strip=True) for badge in badges] == [
        "Astrid Klift",
        "Bram Gast",
    ]
    assert "Gemeente Veenendaal" in badges[0].get_text()
    assert "Studiedag opgave-sturing" in badges[0].select_one(".badge__activiteit").get_text()
    assert "Cor Wacht" not in page
