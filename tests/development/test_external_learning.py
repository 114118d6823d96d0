"""Learning elsewhere: someone adds a course, conference or training to their record by
hand, changes it, and takes it away again."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import ExternalLearning
from tests.development_factories import PDF, ExternalLearningFactory, SchemeFactory, pmi

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mid_year")]

ADD = "/mijn-leerhuis/ontwikkeling/elders/nieuw/"
RECORD = "/mijn-leerhuis/ontwikkeling/"
TODAY = datetime.date(2026, 6, 15)


def course(**changes):
    data = {
        "title": "Cursus Agile projectmanagement",
        "organiser": "Academie voor Overheidsmanagement",
        "date": "2026-05-12",
        "hours": "12,5",
        "scheme": "",
        "points": "",
    }
    return {**data, **changes}


def pdf(name="certificaat.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def errors_of(response):
    assert response.status_code == 200
    return response.content.decode()


def test_the_form_asks_what_where_when_and_how_long(client, person):
    html = client.get(ADD).content.decode()
    for label in ["Wat heb je gedaan?", "Organisator", "Datum", "Studie-uren", "Bewijsstuk"]:
        assert label in html
    assert 'enctype="multipart/form-data"' in html
    assert 'accept=".pdf,.png,.jpg,.jpeg' in html


def test_a_course_added_is_on_the_record_of_its_year(client, person):
    response = client.post(ADD, course())
    assert response.status_code == 302
    assert response["Location"] == RECORD
    item = ExternalLearning.objects.get(user=person)
    assert (item.title, item.date, item.hours) == (
        "Cursus Agile projectmanagement",
        datetime.date(2026, 5, 12),
        Decimal("12.5"),
    )
    html = client.get(RECORD).content.decode()
    assert "‘Cursus Agile projectmanagement’ staat in je overzicht." in html
    assert "12,5 uur" in html


def test_a_course_of_an_earlier_year_returns_to_that_year(client, person):
    response = client.post(ADD, course(date="2025-11-03"))
    assert response["Location"] == f"{RECORD}?jaar=2025"


def test_points_are_kept_with_their_scheme(client, person):
    scheme = pmi("Leadership")
    client.post(ADD, course(scheme=scheme.pk, points="7,5"))
    item = ExternalLearning.objects.get(user=person)
    assert (item.scheme, item.points) == (scheme, Decimal("7.5"))
    assert "7,5 PDU (PMI – Leadership)" in client.get(RECORD).content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Vul in wat je hebt gedaan, bijvoorbeeld de naam van de cursus."),
        ({"organiser": ""}, "Vul in wie het organiseerde."),
        ({"date": ""}, "Vul de datum in."),
        ({"date": "31-02-2026"}, "Vul een bestaande datum in, bijvoorbeeld 15-03-2026."),
        ({"date": "2026-06-16"}, "Deze datum ligt in de toekomst."),
        ({"date": "1999-12-31"}, "Vul een datum in vanaf 2000."),
        ({"hours": ""}, "Vul het aantal studie-uren in."),
        ({"hours": "0"}, "Het aantal uren moet meer dan 0 zijn."),
        ({"hours": "-3"}, "Het aantal uren moet meer dan 0 zijn."),
        ({"hours": "1000,5"}, "Hooguit 1000 uur."),
        ({"hours": "veel"}, "Vul het aantal uren in als getal, bijvoorbeeld 8 of 5,5."),
        ({"hours": "1,125"}, "Hooguit twee cijfers achter de komma."),
        ({"points": "3"}, "Kies de regeling waarin je de punten haalde."),
        ({"scheme": "99999"}, "Kies een regeling uit de lijst."),
    ],
)
def test_bad_input_comes_back_with_a_dutch_message_and_nothing_typed_lost(
    client, person, changes, message
):
    html = errors_of(client.post(ADD, course(**changes)))
    assert message in html
    assert "Controleer wat je hebt ingevuld" in html
    assert 'value="Academie voor Overheidsmanagement"' in html or "organiser" in changes
    assert not ExternalLearning.objects.exists()


def test_a_scheme_without_points_is_refused(client, person):
    html = errors_of(client.post(ADD, course(scheme=SchemeFactory().pk)))
    assert "Vul in hoeveel punten je in deze regeling haalde." in html


def test_a_double_click_adds_the_course_once(client, person):
    first = client.post(ADD, course())
    second = client.post(ADD, course())
    assert first.status_code == second.status_code == 302
    assert ExternalLearning.objects.filter(user=person).count() == 1


def test_the_same_course_again_later_is_a_second_entry(client, person):
    client.post(ADD, course())
    with time_machine.travel(datetime.datetime(2026, 6, 15, 12, 5, tzinfo=datetime.UTC)):
        client.post(ADD, course())
    assert ExternalLearning.objects.filter(user=person).count() == 2


def test_editing_changes_the_entry_and_keeps_the_proof(client, person):
    client.post(ADD, {**course(), "proof": pdf()})
    item = ExternalLearning.objects.get()
    proof = item.proof.name
    url = f"/mijn-leerhuis/ontwikkeling/elders/{item.pk}/"
    html = client.get(url).content.decode()
    assert 'value="Cursus Agile projectmanagement"' in html
    assert 'value="12,5"' in html
    assert "certificaat.pdf" in html
    response = client.post(url, course(title="Cursus Agile, deel 2", hours="14"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.hours, item.proof.name) == ("Cursus Agile, deel 2", 14, proof)


def test_an_edit_with_bad_input_keeps_what_was_stored(client, person):
    item = ExternalLearningFactory(user=person, title="Congres Projectmanagement")
    url = f"/mijn-leerhuis/ontwikkeling/elders/{item.pk}/"
    html = errors_of(client.post(url, course(title="Nieuwe titel", hours="")))
    assert "‘Congres Projectmanagement’ wijzigen" in html
    assert 'value="Nieuwe titel"' in html
    item.refresh_from_db()
    assert item.title == "Congres Projectmanagement"


def test_deleting_asks_first_and_only_a_post_deletes(client, person):
    item = ExternalLearningFactory(user=person, title="Training Scrum")
    url = f"/mijn-leerhuis/ontwikkeling/elders/{item.pk}/verwijderen/"
    html = client.get(url).content.decode()
    assert "‘Training Scrum’ verwijderen?" in html
    assert ExternalLearning.objects.filter(pk=item.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not ExternalLearning.objects.filter(pk=item.pk).exists()
    assert (
        "‘Training Scrum’ is uit je overzicht gehaald."
        in client.get(response["Location"]).content.decode()
    )


def test_deleting_the_last_entry_of_an_earlier_year_returns_to_this_year(client, person):
    item = ExternalLearningFactory(user=person, date=datetime.date(2024, 4, 1))
    response = client.post(f"/mijn-leerhuis/ontwikkeling/elders/{item.pk}/verwijderen/")
    assert response["Location"] == RECORD


def test_the_pages_of_learning_elsewhere_answer_only_get_and_post(client, person):
    item = ExternalLearningFactory(user=person)
    for url in [ADD, f"/mijn-leerhuis/ontwikkeling/elders/{item.pk}/verwijderen/"]:
        assert client.put(url).status_code == 405
