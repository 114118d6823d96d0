"""import_begrippen: an editor reads an exported (or prepared) CSV or Turtle file back in.
An export followed by an import into an empty database gives the same scheme; a bad file is
refused with Dutch reasons and changes nothing."""

import codecs

import pytest
from django.core.management import CommandError, call_command
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from glossary.models import Concept, ConceptStatus
from leerhuis.core.themes import Thema
from tests.glossary.linked_data_scheme import full_scheme
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

HEADER = "slug;voorkeursterm;definitie;bovenliggend;gerelateerd;status;vervangen_door\r\n"


def export(client, fmt):
    response = client.get(f"/begrippen/begrippenkader.{fmt}")
    assert response.status_code == 200
    return response.content


def run_import(path, *args):
    from io import StringIO

    out = StringIO()
    call_command("import_begrippen", str(path), *args, stdout=out)
    return out.getvalue()


def empty_database():
    Concept.objects.all().delete()
    Thema.objects.all().delete()


def without_dates(data, fmt):
    graph = Graph().parse(data=data, format=fmt)
    graph.remove((None, DCTERMS.modified, None))
    return graph


def csv_without_dates(data):
    lines = data.decode("utf-8-sig").split("\r\n")
    # the last column, `gewijzigd`, is the moment of publishing: it differs by nature
    return [line.rsplit(";", 1)[0] for line in lines]


def test_a_turtle_export_imported_into_an_empty_database_gives_the_same_scheme(client, tmp_path):
    full_scheme()
    before = export(client, "ttl")
    path = tmp_path / "begrippenkader.ttl"
    path.write_bytes(before)
    empty_database()

    output = run_import(path)

    assert "Nieuw (6)" in output
    after = export(client, "ttl")
    assert isomorphic(without_dates(after, "turtle"), without_dates(before, "turtle"))


def test_a_csv_export_imported_into_an_empty_database_gives_the_same_scheme(client, tmp_path):
    full_scheme()
    before = export(client, "csv")
    path = tmp_path / "begrippenkader.csv"
    path.write_bytes(before)
    turtle_before = export(client, "ttl")
    empty_database()

    run_import(path)

    assert csv_without_dates(export(client, "csv")) == csv_without_dates(before)
    assert isomorphic(
        without_dates(export(client, "ttl"), "turtle"), without_dates(turtle_before, "turtle")
    )
    opgave = Concept.objects.get(slug="opgave")
    assert opgave.live and opgave.revisions.exists()
    assert opgave.examples == (
        "Een wijk energieneutraal maken.\n\nDe jeugdzorg dichter bij huis brengen."
    )
    assert [s.citation for s in opgave.sources.all()] == ["Van der Meer (2024), p. 12"]
    oud = Concept.objects.get(slug="opgavegericht-sturen")
    assert oud.status == ConceptStatus.VERVANGEN
    assert oud.replaced_by.slug == "opgave-sturing"


def test_a_text_excel_would_run_as_a_formula_is_quoted_in_the_csv_and_read_back_exactly(
    client, tmp_path
):
    begrip("+plus", definition="=SOM(A1:A3) telt de cellen op.")
    begrip("min", definition="-5 graden is koud.")
    before = export(client, "csv")
    cells = [line.split(";") for line in before.decode("utf-8-sig").split("\r\n")]
    # What a member proposed is never run by the editor's Excel.
    assert cells[1][:5] == ["plus", "'+plus", "", "", "'=SOM(A1:A3) telt de cellen op."]
    assert cells[2][:5] == ["min", "min", "", "", "'-5 graden is koud."]
    path = tmp_path / "begrippenkader.csv"
    path.write_bytes(before)
    empty_database()

    run_import(path)

    assert dict(Concept.objects.values_list("pref_label", "definition")) == {
        "+plus": "=SOM(A1:A3) telt de cellen op.",
        "min": "-5 graden is koud.",
    }
    assert csv_without_dates(export(client, "csv")) == csv_without_dates(before)


def test_importing_the_same_file_again_changes_nothing(client, tmp_path):
    full_scheme()
    path = tmp_path / "begrippenkader.csv"
    path.write_bytes(export(client, "csv"))
    revisions = {c.slug: c.revisions.count() for c in Concept.objects.all()}

    output = run_import(path)

    assert "Ongewijzigd: 6." in output
    assert "Nieuw" not in output and "Gewijzigd" not in output
    assert {c.slug: c.revisions.count() for c in Concept.objects.all()} == revisions


def test_a_changed_row_updates_and_publishes_that_begrip_only(tmp_path):
    opgave = begrip("opgave")
    begrip("project", definition="Oud.", broader=[opgave])
    path = tmp_path / "wijziging.csv"
    path.write_bytes(
        codecs.BOM_UTF8
        + (HEADER + "project;project;Een tijdelijke organisatie.;opgave;;vastgesteld;\r\n").encode()
    )

    output = run_import(path)

    assert "Gewijzigd (1): project" in output
    project = Concept.objects.get(slug="project")
    assert project.definition == "Een tijdelijke organisatie."
    assert project.live and project.has_unpublished_changes is False
    assert [c.slug for c in project.broader.all()] == ["opgave"]


def test_a_draft_waiting_for_review_is_unknown_to_the_file_and_stays_a_draft(tmp_path):
    begrip("opgave")
    wyberen = begrip("wyberen", publish=False, status=ConceptStatus.VOORGESTELD)
    path = tmp_path / "opgave.csv"
    path.write_text(HEADER + "opgave;opgave;Iets.;;wyberen;vastgesteld;\r\n", encoding="utf-8")

    message = refused(path)

    assert "gerelateerd: er is geen begrip 'wyberen'" in message
    wyberen.refresh_from_db()
    assert not wyberen.live and not wyberen.revisions.exists()


def test_a_draft_the_file_does_not_name_is_not_published_when_its_relation_changes(tmp_path):
    opgave = begrip("opgave")
    wyberen = begrip("wyberen", publish=False, status=ConceptStatus.VOORGESTELD)
    wyberen.related.set([opgave])  # as the editor's draft stored it
    wyberen.save()
    path = tmp_path / "opgave.csv"
    path.write_text(HEADER + "opgave;opgave;Iets.;;;vastgesteld;\r\n", encoding="utf-8")

    output = run_import(path)

    assert "Gewijzigd (1): opgave" in output
    wyberen.refresh_from_db()
    assert not wyberen.live and not wyberen.revisions.exists()


def test_an_import_that_would_break_the_rules_of_a_begrip_outside_the_file_is_refused(tmp_path):
    a = begrip("a", definition="Blijft zo.")
    begrip("b", broader=[a])
    # Related holds both ways: b would get its own broader begrip as related begrip too.
    path = tmp_path / "a.csv"
    path.write_text(HEADER + "a;a;Anders.;;b;vastgesteld;\r\n", encoding="utf-8")

    message = refused(path)

    assert "b: Een bovenliggend begrip hoeft niet ook als gerelateerd begrip te staan." in message
    a.refresh_from_db()
    assert a.definition == "Blijft zo." and not a.related.exists()


def test_a_file_may_name_a_begrip_before_the_row_that_defines_it(tmp_path):
    path = tmp_path / "volgorde.csv"
    path.write_text(
        HEADER
        + "oud;oud;Vroeger.;;;vervangen;nieuw\r\n"
        + "kind;kind;Onder.;nieuw;ander;;\r\n"
        + "ander;ander;Ernaast.;;;;\r\n"
        + "nieuw;nieuw;Nu.;;;vastgesteld;\r\n",
        encoding="utf-8",
    )
    run_import(path)
    kind = Concept.objects.get(slug="kind")
    assert [c.slug for c in kind.broader.all()] == ["nieuw"]
    assert [c.slug for c in Concept.objects.get(slug="ander").related.all()] == ["kind"]
    assert Concept.objects.get(slug="oud").replaced_by.slug == "nieuw"


def refused(path, *args):
    with pytest.raises(CommandError) as raised:
        run_import(path, *args)
    message = str(raised.value)
    assert message.startswith("Niets geïmporteerd")
    return message


def write(tmp_path, text, name="begrippen.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ("b;b;;;;;\r\n", "regel 3 (b): definitie:"),
        ("b;b;Iets.;bestaat-niet;;;\r\n", "er is geen begrip 'bestaat-niet'"),
        ("b;b;Iets.;b;;;\r\n", "Een begrip kan niet boven zichzelf staan."),
        ("b;b;Iets.;c;;;\r\nc;c;Iets.;b;;;\r\n", "Dit maakt een kring"),
        ("b;b;Iets.;a;a;;\r\n", "hoeft niet ook als gerelateerd begrip te staan"),
        ("b;b;Iets.;;;vervangen;\r\n", "Kies het begrip dat dit begrip vervangt."),
        ("b;b;Iets.;;;gevonden;\r\n", "onbekende status 'gevonden'"),
        ("b;A;Iets.;;;;\r\n", "voorkeursterm: 'A' is al een term van het begrip 'a'."),
        ("b;b;Iets.;;;;\r\nb;b;Nog eens.;;;;\r\n", "meer dan eens in het bestand"),
        ("b;b;Iets.;;;vervangen;c\r\nc;c;Iets.;;;vervangen;b\r\n", "vormen een kring"),
    ],
)
def test_a_bad_row_is_refused_in_dutch_and_nothing_is_imported(tmp_path, rows, reason):
    begrip("a", definition="Blijft zo.")
    path = write(tmp_path, HEADER + "nieuw;nieuw;Goed.;;;;\r\n" + rows)

    assert reason in refused(path)

    assert list(Concept.objects.values_list("slug", "definition")) == [("a", "Blijft zo.")]


def test_a_bad_source_is_refused(tmp_path):
    path = write(
        tmp_path,
        "slug;voorkeursterm;definitie;bronnen\r\n"
        'b;b;Iets.;"[{""titel"": ""Boek"", ""url"": ""geen adres""}]"\r\n'
        "c;c;Iets.;niet json\r\n",
    )
    message = refused(path)
    assert "regel 3: de bronnen zijn geen lijst" in message
    assert not Concept.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("b.csv", "naam;definitie\r\nb;Iets.\r\n", "Onbekende kolom(men) in de kopregel: naam"),
        ("b.csv", "slug;definitie\r\nb;Iets.\r\n", "Verplichte kolom(men) ontbreken"),
        ("b.csv", "", "Het bestand is leeg."),
        ("b.ttl", "dit is geen turtle <", "Het bestand is geen leesbare Turtle"),
        ("b.ttl", "@prefix x: <urn:x#> . x:a x:b x:c .", "geen begrippen (skos:Concept)"),
        ("b.xlsx", "", "Onbekend soort bestand 'b.xlsx'"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_in_dutch(tmp_path, name, content, reason):
    assert reason in refused(write(tmp_path, content, name))
    assert not Concept.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_with_a_hint_for_excel(tmp_path):
    path = tmp_path / "begrippen.csv"
    path.write_bytes("slug;voorkeursterm;definitie\r\nb;één;Iets.\r\n".encode("cp1252"))
    assert "CSV UTF-8" in refused(path)


def test_a_turtle_begrip_with_two_dutch_preferred_terms_is_refused(tmp_path):
    path = write(
        tmp_path,
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<http://elders.example/begrippen/b/> a skos:Concept ;\n"
        '  skos:prefLabel "b"@nl, "bee"@nl ; skos:definition "Iets."@nl .\n',
        "elders.txt",
    )
    message = refused(path, "--format", "turtle")
    assert "precies één voorkeursterm" in message


def test_a_turtle_file_from_another_host_names_the_same_begrippen(tmp_path):
    path = write(
        tmp_path,
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://elders.example/begrippen/kind/> a skos:Concept ;\n"
        '  skos:prefLabel "kind"@nl ; skos:definition "Onder."@nl .\n'
        "<https://elders.example/begrippen/ouder/> a skos:Concept ;\n"
        '  skos:prefLabel "ouder"@nl ; skos:definition "Boven."@nl ;\n'
        "  skos:narrower <https://elders.example/begrippen/kind/> .\n",
        "elders.ttl",
    )
    run_import(path)
    kind = Concept.objects.get(slug="kind")
    assert [c.slug for c in kind.broader.all()] == ["ouder"]
    assert kind.status == ConceptStatus.IN_BEWERKING
