"""The registration export gives, for whoever the meeting counts for (marked present at a
meeting that was held), its study hours and points; the others stay empty, so the column's
sum is the learning the meeting gave."""

import codecs
import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import RegistrationStatus
from tests.development_factories import accredit, pmi
from tests.events_factories import EventPageFactory, RegistrationFactory, attend, in_days

pytestmark = pytest.mark.django_db


def export(client, event, kind):
    response = client.get(reverse("aanmeldingen:registrations", args=[event.pk]), {"export": kind})
    assert response.status_code == 200
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if kind == "csv":
        assert raw.startswith(codecs.BOM_UTF8)
        return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def held():
    """A morning three days ago, 5,5 hours, IPMA and PMI points: Anna was there, Bram not,
    Cor waited and Dirk cancelled after being checked in by mistake."""
    event = EventPageFactory(
        title="Studiedag", start=in_days(-3, 9), end=in_days(-3, 15), study_hours=Decimal("5.5")
    )
    accredit(event, points="5")
    accredit(event, pmi("Leadership"), points="2.5")
    attend(RegistrationFactory(event=event, name="Anna Aanwezig"))
    RegistrationFactory(event=event, name="Bram Weg")
    RegistrationFactory(event=event, name="Cor Wacht", status=RegistrationStatus.WAITLISTED)
    dirk = attend(RegistrationFactory(event=event, name="Dirk Afgemeld"))
    dirk.status = RegistrationStatus.CANCELLED
    dirk.save()
    return event


def test_csv_gives_hours_and_points_to_those_present_only(admin_client_with_mfa, held):
    table = export(admin_client_with_mfa, held, "csv")
    heading = table[0]
    assert heading[-2:] == ["Studie-uren", "Punten"]
    rows = {row[0]: row for row in table[1:]}
    assert rows["Anna Aanwezig"][-2:] == ["5,50", "5 PE-punten (IPMA); 2,5 PDU (PMI – Leadership)"]
    for name in ("Bram Weg", "Cor Wacht", "Dirk Afgemeld"):
        assert rows[name][-2:] == ["", ""], name


def test_xlsx_has_the_hours_as_a_number(admin_client_with_mfa, held):
    table = export(admin_client_with_mfa, held, "xlsx")
    rows = {row[0]: row for row in table[1:]}
    assert rows["Anna Aanwezig"][-2] == 5.5
    assert rows["Bram Weg"][-2] in ("", None)


def test_a_meeting_still_to_come_gives_nobody_hours_yet(admin_client_with_mfa):
    event = EventPageFactory(start=in_days(10, 10), end=in_days(10, 13))
    accredit(event)
    RegistrationFactory(event=event, name="Eva Vooraf")
    rows = export(admin_client_with_mfa, event, "csv")
    assert rows[1][-2:] == ["", ""]


def test_a_cancelled_meeting_gives_nobody_hours(admin_client_with_mfa, held):
    held.status = "geannuleerd"
    held.save()
    rows = {row[0]: row for row in export(admin_client_with_mfa, held, "csv")[1:]}
    assert rows["Anna Aanwezig"][-2:] == ["", ""]


def test_the_export_costs_the_same_queries_for_one_or_twenty_present(admin_client_with_mfa):
    event = EventPageFactory(start=in_days(-3, 9), end=in_days(-3, 12))
    accredit(event)
    accredit(event, pmi("Leadership"))
    attend(RegistrationFactory(event=event))
    url = reverse("aanmeldingen:registrations", args=[event.pk])

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = admin_client_with_mfa.get(url, {"export": "csv"})
            b"".join(response.streaming_content)
        return len(captured)

    count()  # warm the caches
    one = count()
    for _n in range(19):
        attend(RegistrationFactory(event=event))
    assert count() == one
