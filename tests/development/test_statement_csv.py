"""The yearly statement as CSV, for Dutch Excel: one row per line of the record."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from events.development.codes import code_for
from tests.development_factories import ExternalLearningFactory, accredit, attended, pmi
from tests.events_factories import EventPageFactory, LearningTrackPageFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _autumn():
    """Mid-October: this year's meetings are behind us, whatever day the tests run."""
    with time_machine.travel(datetime.datetime(datetime.date.today().year, 10, 15, 12)):
        yield


def this_year():
    return timezone.localdate().year


def url(year=None):
    return f"/mijn-leerhuis/ontwikkeling/{year or this_year()}/overzicht.csv"


def rows_of(response):
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Dutch Excel needs
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def meeting(days_ago, title, hours=3, **fields):
    start = in_days(-days_ago, 10)
    return EventPageFactory(
        title=title, start=start, end=start + datetime.timedelta(hours=hours), **fields
    )


def test_one_row_per_line_with_hours_points_per_scheme_and_the_code(client):
    person = UserFactory(full_name="Astrid van de Klift")
    track = LearningTrackPageFactory(title="Leergang opdrachtgeverschap")
    session = meeting(20, "Module 1: de opgave", hours=5.5, learning_track=track)
    accredit(session, points="5")
    registration = attended(person, session)
    ExternalLearningFactory(
        user=person,
        title="Cursus risicomanagement",
        organiser="Academie voor Overheidsmanagement",
        date=timezone.localdate() - datetime.timedelta(days=40),
        hours=Decimal("7.5"),
        scheme=pmi("Leadership"),
        points=Decimal("2.25"),
    )
    client.force_login(person)
    response = client.get(url())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="ontwikkeling-{this_year()}-astrid-van-de-klift.csv"'
    )
    assert "private" in response["Cache-Control"]
    heading, elsewhere, leerhuis = rows_of(response)
    assert heading == [
        "datum",
        "activiteit",
        "leergang",
        "organisator",
        "soort",
        "studie-uren",
        "IPMA (PE-punten)",
        "PMI – Leadership (PDU)",
        "verificatiecode",
        "verificatie-URL",
    ]
    day = timezone.localdate() - datetime.timedelta(days=40)
    assert elsewhere == [
        day.strftime("%d-%m-%Y"),
        "Cursus risicomanagement",
        "",
        "Academie voor Overheidsmanagement",
        "eigen opgave",
        "7,5",
        "",
        "2,25",
        "",
        "",
    ]
    code = code_for(registration)
    assert leerhuis == [
        (timezone.localdate() - datetime.timedelta(days=20)).strftime("%d-%m-%Y"),
        "Module 1: de opgave",
        "Leergang opdrachtgeverschap",
        "Digitale Leerhuis",
        "Leerhuis",
        "5,5",
        "5",
        "",
        code,
        f"http://testserver/bewijs/{code}/",
    ]


def test_a_year_without_points_has_no_scheme_columns(client):
    person = UserFactory()
    attended(person, meeting(5, "Intervisie"))
    client.force_login(person)
    heading, row = rows_of(client.get(url()))
    assert "IPMA (PE-punten)" not in heading
    assert len(row) == len(heading) == 8


def test_a_formula_typed_as_a_title_stays_text_in_excel(client):
    person = UserFactory()
    ExternalLearningFactory(
        user=person,
        title='=HYPERLINK("http://example.com","klik")',
        organiser="+31 Academie",
        date=timezone.localdate(),
    )
    client.force_login(person)
    _heading, row = rows_of(client.get(url()))
    assert row[1] == '\'=HYPERLINK("http://example.com","klik")'
    assert row[3] == "'+31 Academie"


def test_someone_elses_lines_are_never_in_my_csv(client):
    me, colleague = UserFactory(), UserFactory()
    attended(colleague, meeting(5, "Intervisie voor programmamanagers"))
    ExternalLearningFactory(user=colleague, title="Leergang PRINCE2", date=timezone.localdate())
    client.force_login(me)
    rows = rows_of(client.get(url()))
    assert len(rows) == 1  # the heading only
    assert "PRINCE2" not in str(rows) and "Intervisie" not in str(rows)


def test_the_csv_needs_a_login_and_a_year_of_the_record(client):
    response = client.get(url())
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url()}"
    client.force_login(UserFactory())
    assert client.get(url(1999)).status_code == 404
    assert client.get(url(this_year() + 2)).status_code == 404
    assert client.get(url(this_year() + 1)).status_code == 200
