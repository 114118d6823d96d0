"""The yearly statement as PDF: the person's own record, read back as text."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from events.development.codes import code_for
from events.models import DevelopmentGoal
from tests.development_factories import ExternalLearningFactory, accredit, attended, pmi
from tests.events_factories import EventPageFactory, LearningTrackPageFactory, in_days
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(year):
    return f"/mijn-leerhuis/ontwikkeling/{year}/overzicht.pdf"


def pdf_text(response):
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages), reader


def meeting(days_ago, title, hours=3):
    start = in_days(-days_ago, 10)
    return EventPageFactory(title=title, start=start, end=start + datetime.timedelta(hours=hours))


@pytest.fixture
def astrid():
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    return UserFactory(full_name="Astrid van de Klift", email="astrid@veenendaal.nl")


def this_year():
    return timezone.localdate().year


@pytest.fixture(autouse=True)
def _autumn():
    """Mid-October: weeks of this year's meetings behind us, whatever day the tests run."""
    with time_machine.travel(datetime.datetime(datetime.date.today().year, 10, 15, 12)):
        yield


def a_day_this_year(days=0):
    """Days ago, always earlier this year (see _autumn)."""
    return 10 + days


def test_the_statement_lists_every_line_with_hours_points_and_codes(client, astrid):
    days = a_day_this_year()
    study_day = meeting(days, "Studiedag opgave-sturing", hours=5)
    accredit(study_day, points="5")
    accredit(study_day, pmi("Leadership"), points="4.5")
    registration = attended(astrid, study_day)
    ExternalLearningFactory(
        user=astrid,
        title="Cursus risicomanagement",
        organiser="Academie voor Overheidsmanagement",
        date=timezone.localdate() - datetime.timedelta(days=days),
        hours=Decimal("7.5"),
        scheme=pmi("Leadership"),
        points=Decimal("2"),
    )
    client.force_login(astrid)
    response = client.get(url(this_year()))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="ontwikkeling-{this_year()}-astrid-van-de-klift.pdf"'
    )
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    text, _reader = pdf_text(response)
    assert f"Overzicht professionele ontwikkeling {this_year()}" in text
    assert "Astrid van de Klift" in text
    assert "Gemeente Veenendaal" in text
    assert "Studiedag opgave-sturing" in text
    assert "Cursus risicomanagement" in text
    assert "Academie voor Overheidsmanagement" in text
    assert "5 uur" in text and "7,5 uur" in text
    assert "5 PE-punten (IPMA)" in text
    assert "4,5 PDU (PMI – Leadership)" in text
    assert code_for(registration) in text
    assert "eigen opgave" in text
    # Totals: 12,5 hours, and the PMI points of both lines together.
    assert "12,5 uur" in text
    assert "6,5 PDU (PMI – Leadership)" in text
    assert "http://testserver/bewijs/<code>/" in text


def test_a_session_of_a_leergang_names_its_leergang(client, astrid):
    track = LearningTrackPageFactory(title="Leergang opdrachtgeverschap")
    session = meeting(a_day_this_year(), "Module 1: de opgave")
    session.learning_track = track
    session.save()
    attended(astrid, session)
    client.force_login(astrid)
    text, _reader = pdf_text(client.get(url(this_year())))
    assert "Leergang: Leergang opdrachtgeverschap" in text


def test_someone_elses_meetings_are_never_on_my_statement(client, astrid):
    colleague = UserFactory(full_name="Francois van Doesburg")
    attended(colleague, meeting(a_day_this_year(), "Intervisie voor programmamanagers"))
    ExternalLearningFactory(user=colleague, title="Leergang PRINCE2", date=timezone.localdate())
    attended(astrid, meeting(a_day_this_year(), "Studiedag opgave-sturing"))
    client.force_login(astrid)
    text, _reader = pdf_text(client.get(url(this_year())))
    assert "Studiedag opgave-sturing" in text
    for foreign in ["Intervisie voor programmamanagers", "Leergang PRINCE2", "Francois"]:
        assert foreign not in text


def test_an_organisation_is_only_stated_when_the_leerhuis_linked_it(client):
    person = UserFactory(full_name="Piet Jansen", email="piet@gmail.com")
    attended(person, meeting(a_day_this_year(), "Studiedag opgave-sturing"))
    client.force_login(person)
    text, _reader = pdf_text(client.get(url(this_year())))
    assert "Piet Jansen" in text
    assert "Organisatie" not in text


def test_an_empty_year_still_gives_a_statement_that_says_so(client, astrid):
    client.force_login(astrid)
    response = client.get(url(2015))
    assert response.status_code == 200
    text, _reader = pdf_text(response)
    assert "Overzicht professionele ontwikkeling 2015" in text
    assert "Voor 2015 is (nog) geen leeractiviteit vastgelegd." in text


def test_the_goal_is_on_the_statement_with_what_was_done(client, astrid):
    DevelopmentGoal.objects.create(user=astrid, year=this_year(), hours=Decimal("40"))
    attended(astrid, meeting(a_day_this_year(), "Studiedag opgave-sturing", hours=6))
    client.force_login(astrid)
    text, _reader = pdf_text(client.get(url(this_year())))
    assert f"Doel voor {this_year()}" in text
    assert "40 uur; tot nu toe 6 uur" in text


def test_a_long_year_runs_onto_more_pages_with_the_heading_repeated(client, astrid):
    for n in range(45):
        attended(astrid, meeting(a_day_this_year(n % 20), f"Intervisiebijeenkomst nummer {n}"))
    client.force_login(astrid)
    text, reader = pdf_text(client.get(url(this_year())))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert "Verificatie" in page.extract_text()
    for n in range(45):
        assert f"Intervisiebijeenkomst nummer {n}" in text
    assert f"Pagina 1 van {len(reader.pages)}" in text


@pytest.mark.parametrize("year", [1999, 1, this_year() + 2, 99999])
def test_a_year_outside_the_record_is_not_found(client, astrid, year):
    client.force_login(astrid)
    assert client.get(url(year)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(url(this_year()))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(this_year())}"


def test_a_rare_letter_in_a_name_does_not_break_the_statement(client):
    person = UserFactory(full_name="Łukasz Żółć")
    client.force_login(person)
    text, _reader = pdf_text(client.get(url(this_year())))
    assert "Lukasz" in text


def test_the_statement_costs_the_same_queries_for_few_and_many_meetings(client, astrid):
    client.force_login(astrid)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url(this_year())).status_code == 200
        return len(context)

    first = meeting(a_day_this_year(), "Eerste bijeenkomst")
    accredit(first)
    attended(astrid, first)
    few = queries()
    for n in range(12):
        event = meeting(a_day_this_year(n), f"Bijeenkomst {n}")
        accredit(event, pmi(), points="1")
        attended(astrid, event)
        ExternalLearningFactory(user=astrid, date=timezone.localdate(), scheme=pmi(), points=1)
    assert queries() == few
