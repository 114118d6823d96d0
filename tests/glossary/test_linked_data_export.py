"""The begrippenkader as linked data and as a spreadsheet: what a client downloading
/begrippen/begrippenkader.ttl (.jsonld, .csv) or /begrippen/<slug>.ttl gets, checked against
the NL-SBB rules with a SHACL shapes graph written here."""

import codecs
import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, SKOS

from glossary import scheme
from glossary.models import Concept, ConceptStatus
from tests.glossary.linked_data_scheme import full_scheme
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

# The NL-SBB rules the issue names, as SHACL: a definition is required, exactly one
# preferred term per language (here: Dutch), every begrip is in the scheme, and a top
# concept has no broader begrip.
NL_SBB_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

<urn:shapes:Begrip> a sh:NodeShape ;
    sh:targetClass skos:Concept ;
    sh:property [
        sh:path skos:definition ;
        sh:minCount 1 ;
        sh:message "Een begrip heeft een definitie." ;
    ] ;
    sh:property [
        sh:path skos:prefLabel ;
        sh:minCount 1 ;
        sh:uniqueLang true ;
        sh:message "Een begrip heeft precies één voorkeursterm per taal." ;
    ] ;
    sh:property [
        sh:path skos:prefLabel ;
        sh:qualifiedValueShape [ sh:languageIn ( "nl" ) ] ;
        sh:qualifiedMinCount 1 ;
        sh:qualifiedMaxCount 1 ;
    ] ;
    sh:property [
        sh:path skos:inScheme ;
        sh:minCount 1 ;
        sh:class skos:ConceptScheme ;
    ] .

<urn:shapes:Topbegrip> a sh:NodeShape ;
    sh:targetSubjectsOf skos:topConceptOf ;
    sh:property [
        sh:path skos:broader ;
        sh:maxCount 0 ;
        sh:message "Een topbegrip heeft geen bovenliggend begrip." ;
    ] .
"""


def shapes():
    return Graph().parse(data=NL_SBB_SHAPES, format="turtle")


def conforms(graph):
    result, _report_graph, report = validate(graph, shacl_graph=shapes())
    return result, report


def download(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.status_code
    return response


def turtle(client, url="/begrippen/begrippenkader.ttl"):
    response = download(client, url)
    assert response["Content-Type"] == "text/turtle; charset=utf-8"
    return Graph().parse(data=response.content, format="turtle")


def uri(concept):
    return URIRef(concept.uri)


def test_the_scheme_in_turtle_parses_back_and_says_everything_an_editor_entered(client):
    made = full_scheme()
    graph = turtle(client)
    opgave = uri(made["opgave"])
    scheme_node = URIRef(scheme.scheme_uri())

    assert (scheme_node, DCTERMS.title, Literal(scheme.TITLE, lang="nl")) in graph
    assert graph.value(opgave, SKOS.prefLabel) == Literal("opgave", lang="nl")
    assert set(graph.objects(opgave, SKOS.example)) == {
        Literal("Een wijk energieneutraal maken.", lang="nl"),
        Literal("De jeugdzorg dichter bij huis brengen.", lang="nl"),
    }
    source = graph.value(opgave, DCTERMS.source)
    assert str(graph.value(source, DCTERMS.bibliographicCitation)) == "Van der Meer (2024), p. 12"
    assert (opgave, SKOS.narrower, uri(made["sturing"])) in graph
    assert (uri(made["sturing"]), SKOS.broader, opgave) in graph
    assert (uri(made["project"]), SKOS.related, uri(made["programma"])) in graph
    assert (scheme_node, SKOS.hasTopConcept, opgave) in graph
    assert (uri(made["sturing"]), SKOS.topConceptOf, scheme_node) not in graph
    assert (uri(made["oud"]), DCTERMS.isReplacedBy, uri(made["sturing"])) in graph
    assert (uri(made["vervallen"]), OWL.deprecated, Literal(True)) in graph


def test_the_scheme_meets_the_nl_sbb_rules(client):
    full_scheme()
    ok, report = conforms(turtle(client))
    assert ok, report


def test_the_nl_sbb_check_fails_on_a_begrip_without_a_definition(client):
    made = full_scheme()
    graph = turtle(client)
    graph.remove((uri(made["programma"]), SKOS.definition, None))
    ok, report = conforms(graph)
    assert not ok
    assert "Een begrip heeft een definitie." in report


def test_the_nl_sbb_check_fails_on_a_top_concept_with_a_broader_begrip(client):
    made = full_scheme()
    graph = turtle(client)
    graph.add((uri(made["project"]), SKOS.broader, uri(made["opgave"])))
    assert not conforms(graph)[0]


def test_the_nl_sbb_check_fails_on_two_dutch_preferred_terms(client):
    made = full_scheme()
    graph = turtle(client)
    graph.add((uri(made["project"]), SKOS.prefLabel, Literal("projectje", lang="nl")))
    assert not conforms(graph)[0]


def test_one_begrip_in_turtle_meets_the_rules_and_names_its_neighbours(client):
    made = full_scheme()
    graph = turtle(client, "/begrippen/programma.ttl")
    assert conforms(graph)[0]
    programma = uri(made["programma"])
    assert set(graph.subjects(predicate=SKOS.prefLabel)) == {programma}
    assert (programma, SKOS.broader, uri(made["opgave"])) in graph
    assert (programma, SKOS.related, uri(made["project"])) in graph


def test_json_ld_holds_the_same_triples_as_turtle(client):
    full_scheme()
    for url in ("/begrippen/begrippenkader", "/begrippen/opgave"):
        response = download(client, url + ".jsonld")
        assert response["Content-Type"] == "application/ld+json"
        from_json = Graph().parse(data=response.content, format="json-ld")
        assert len(from_json) > 10
        assert isomorphic(from_json, turtle(client, url + ".ttl"))


def csv_rows(response):
    raw = response.content
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_the_spreadsheet_opens_in_dutch_excel_with_one_row_per_begrip(client):
    full_scheme()
    response = download(client, "/begrippen/begrippenkader.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="begrippenkader.csv"' in response["Content-Disposition"]
    assert response.content.decode("utf-8-sig").splitlines()[0].startswith("slug;voorkeursterm;")
    rows = {row["slug"]: row for row in csv_rows(response)}
    assert set(rows) == {
        "opgave",
        "opgave-sturing",
        "programma",
        "project",
        "opgavegericht-sturen",
        "stuurgroepmodel",
    }
    assert rows["programma"]["gerelateerd"] == "opgave-sturing | project"
    assert rows["programma"]["bovenliggend"] == "opgave"
    assert rows["opgavegericht-sturen"]["vervangen_door"] == "opgave-sturing"
    assert rows["opgave"]["themas"] == "Opgave-sturing"
    assert "Van der Meer (2024), p. 12" in rows["opgave"]["bronnen"]


def test_drafts_and_unpublished_begrippen_never_appear_nor_do_relations_to_them(client):
    made = full_scheme()
    hidden = begrip("wyberen", related=[made["project"]])
    hidden.unpublish()
    draft = made["draft"]
    for url in ("/begrippen/begrippenkader.ttl", "/begrippen/project.ttl"):
        text = download(client, url).content.decode()
        assert draft.uri not in text
        assert hidden.uri not in text
        assert "wyberen" not in text
    csv_text = download(client, "/begrippen/begrippenkader.csv").content.decode("utf-8-sig")
    assert "kanteling" not in csv_text and "wyberen" not in csv_text
    for slug in ("kanteling", "wyberen", "bestaat-niet"):
        for fmt in ("ttl", "jsonld"):
            assert client.get(f"/begrippen/{slug}.{fmt}").status_code == 404


def test_an_old_address_of_a_renamed_begrip_redirects_to_its_new_file(client):
    concept = begrip("projectmatig werken")
    concept.slug = "projectmatig"
    concept.save_revision().publish()
    response = client.get("/begrippen/projectmatig-werken.jsonld")
    assert response.status_code == 301
    assert response["Location"] == "/begrippen/projectmatig.jsonld"


EXPORTS = [
    "/begrippen/begrippenkader.ttl",
    "/begrippen/begrippenkader.jsonld",
    "/begrippen/begrippenkader.csv",
    "/begrippen/opgave.ttl",
    "/begrippen/opgave.jsonld",
]


@pytest.mark.parametrize("url", EXPORTS)
def test_every_export_answers_a_conditional_get_with_304_until_a_begrip_changes(client, url):
    made = full_scheme()
    first = download(client, url)
    assert "public" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304

    made["project"].definition = "Een tijdelijke organisatie met een vast resultaat."
    made["project"].save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_unpublishing_a_begrip_changes_the_scheme_version(client):
    made = full_scheme()
    first = download(client, "/begrippen/begrippenkader.ttl")
    made["project"].unpublish()
    response = client.get("/begrippen/begrippenkader.ttl", HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert made["project"].uri not in response.content.decode()


def more_begrippen(count, start=0):
    """Begrippen under one top begrip, each related to the one before."""
    top = begrip("opgave") if start == 0 else Concept.objects.get(slug="opgave")
    previous = top
    for number in range(start, start + count):
        previous = begrip(f"begrip {number}", broader=[top], related=[previous])


@pytest.mark.parametrize("url", EXPORTS[:3])
def test_the_scheme_export_costs_as_many_queries_for_30_begrippen_as_for_3(client, url):
    def queries():
        # Each count is a new version (a new ETag), so the body is built, not taken from
        # the shared cache.
        with CaptureQueriesContext(connection) as context:
            download(client, url)
        return len(context.captured_queries)

    more_begrippen(2)
    few = queries()
    more_begrippen(27, start=2)
    assert queries() == few


def test_a_replaced_begrip_keeps_its_status_in_the_export(client):
    made = full_scheme()
    graph = turtle(client)
    status = graph.value(uri(made["oud"]), URIRef("http://www.w3.org/ns/adms#status"))
    assert str(status).endswith("#status-" + ConceptStatus.VERVANGEN)
