"""The development record in "download mijn gegevens" (JSON and zip) and in deleting the
account: it travels with the data, and it goes with the account."""

import datetime
import io
import json
import zipfile
from decimal import Decimal

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.development.codes import code_for
from events.development.privacy import export_record
from events.models import DevelopmentGoal, ExternalLearning
from members import privacy
from tests.development_factories import ExternalLearningFactory, accredit, attended, pmi
from tests.events_factories import EventPageFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

JSON = "/mijn-leerhuis/mijn-gegevens/"
ZIP = "/mijn-leerhuis/mijn-gegevens.zip"


@pytest.fixture(autouse=True)
def _autumn():
    """Mid-October: this year's meetings are behind us, whatever day the tests run."""
    with time_machine.travel(datetime.datetime(datetime.date.today().year, 10, 15, 12)):
        yield


def this_year():
    return timezone.localdate().year


def meeting(days_ago, title):
    start = in_days(-days_ago, 10)
    return EventPageFactory(title=title, start=start, end=start + datetime.timedelta(hours=3))


@pytest.fixture
def record():
    """Astrid's record: a study day this year, a course elsewhere with a proof last year,
    and a goal for this year."""
    person = UserFactory(full_name="Astrid van de Klift")
    study_day = meeting(20, "Studiedag opgave-sturing")
    accredit(study_day, points="3")
    registration = attended(person, study_day)
    course = ExternalLearningFactory(
        user=person,
        title="Cursus risicomanagement",
        organiser="Academie voor Overheidsmanagement",
        date=datetime.date(this_year() - 1, 3, 12),
        hours=Decimal("7.5"),
        scheme=pmi(),
        points=Decimal("8"),
    )
    course.proof.save("certificaat.pdf", ContentFile(b"%PDF-1.4 bewijs van de academie"))
    DevelopmentGoal.objects.create(user=person, year=this_year(), hours=Decimal("40"))
    return person, registration, course


def test_the_json_export_holds_the_record_per_year_the_learning_elsewhere_and_goals(client, record):
    person, registration, course = record
    client.force_login(person)
    data = client.get(JSON).json()["ontwikkeling"]
    this, last = data["per_jaar"]
    assert this["jaar"] == this_year()
    assert this["regels"] == [
        {
            "datum": (timezone.localdate() - datetime.timedelta(days=20)).isoformat(),
            "activiteit": "Studiedag opgave-sturing",
            "leergang": "",
            "organisator": "Digitale Leerhuis",
            "soort": "Leerhuis",
            "studie-uren": "3.00",
            "punten": [{"regeling": "IPMA", "eenheid": "PE-punten", "punten": "3.00"}],
            "verificatiecode": code_for(registration),
        }
    ]
    assert last["jaar"] == this_year() - 1
    assert [line["soort"] for line in last["regels"]] == ["eigen opgave"]
    [elsewhere] = data["leren_elders"]
    assert elsewhere["titel"] == "Cursus risicomanagement"
    assert elsewhere["organisator"] == "Academie voor Overheidsmanagement"
    assert elsewhere["datum"] == f"{this_year() - 1}-03-12"
    assert (elsewhere["studie-uren"], elsewhere["regeling"], elsewhere["punten"]) == (
        "7.50",
        "PMI",
        "8.00",
    )
    assert elsewhere["bewijsstuk"] == "certificaat.pdf"
    assert elsewhere["vastgelegd_op"]
    assert data["doelen"] == [
        {"jaar": this_year(), "studie-uren": "40.00", "regeling": "", "punten": None}
    ]


def test_the_export_holds_nothing_of_someone_elses_record(client, record):
    colleague = UserFactory()
    attended(colleague, meeting(5, "Intervisie voor programmamanagers"))
    ExternalLearningFactory(user=colleague, title="Leergang PRINCE2")
    person, _registration, _course = record
    client.force_login(person)
    text = client.get(JSON).content.decode()
    assert "Intervisie" not in text and "PRINCE2" not in text


def test_the_archive_holds_the_json_the_statements_and_the_proofs(client, record):
    person, registration, _course = record
    client.force_login(person)
    response = client.get(ZIP)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    assert "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert sorted(archive.namelist()) == sorted(
        [
            "gegevens.json",
            f"ontwikkeling/{this_year()}.pdf",
            f"ontwikkeling/{this_year()}.csv",
            f"ontwikkeling/{this_year() - 1}.pdf",
            f"ontwikkeling/{this_year() - 1}.csv",
            "bewijsstukken/certificaat.pdf",
        ]
    )
    data = json.loads(archive.read("gegevens.json"))
    assert data["ontwikkeling"] == client.get(JSON).json()["ontwikkeling"]
    assert archive.read("bewijsstukken/certificaat.pdf") == b"%PDF-1.4 bewijs van de academie"
    assert archive.read(f"ontwikkeling/{this_year()}.pdf").startswith(b"%PDF")
    statement = archive.read(f"ontwikkeling/{this_year()}.csv").decode("utf-8-sig")
    assert code_for(registration) in statement


def test_two_proofs_with_the_same_name_both_reach_the_archive(client, record):
    person, _registration, _course = record
    other = ExternalLearningFactory(user=person, title="Congres", date=timezone.localdate())
    other.proof.save("certificaat.pdf", ContentFile(b"tweede"))
    client.force_login(person)
    response = client.get(ZIP)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.read("bewijsstukken/certificaat (2).pdf") == b"tweede"


def test_a_proof_gone_from_storage_leaves_the_rest_of_the_archive(client, record):
    person, _registration, course = record
    course.proof.storage.delete(course.proof.name)
    client.force_login(person)
    response = client.get(ZIP)
    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
    assert "gegevens.json" in names and not any(n.startswith("bewijsstukken/") for n in names)


def test_the_export_costs_the_same_queries_for_few_and_many_lines():
    person = UserFactory()
    first = meeting(3, "Eerste")
    accredit(first)
    attended(person, first)

    def queries():
        with CaptureQueriesContext(connection) as context:
            export_record(person)
        return len(context)

    few = queries()
    for n in range(8):
        event = meeting(30 + 50 * n, f"Bijeenkomst {n}")  # spread over several years
        accredit(event)
        attended(person, event)
        ExternalLearningFactory(user=person, date=datetime.date(this_year() - n, 5, 1))
        DevelopmentGoal.objects.create(user=person, year=this_year() - n - 1, hours=10)
    assert queries() == few


def test_deleting_the_account_removes_learning_elsewhere_goals_and_proofs(
    record, django_capture_on_commit_callbacks
):
    person, registration, course = record
    storage, name = course.proof.storage, course.proof.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        privacy.delete_account(person)
    assert not ExternalLearning.objects.filter(pk=course.pk).exists()
    assert not DevelopmentGoal.objects.exists()
    assert not storage.exists(name)
    registration.refresh_from_db()
    assert registration.user is None  # the meeting keeps its figures, anonymously


def test_after_deletion_the_code_no_longer_confirms(client, record):
    person, registration, _course = record
    code = code_for(registration)
    assert client.get(f"/bewijs/{code}/").status_code == 200
    privacy.delete_account(person)
    assert client.get(f"/bewijs/{code}/").status_code == 404
