"""Content negotiation on a begrip's own URI: a linked-data client that asks for Turtle or
JSON-LD by `Accept` gets RDF; a browser gets the page. Tested through `negotiate`, which
the page view of /begrippen/<slug>/ calls, and through the scheme's URI."""

import pytest
from django.test import RequestFactory
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from glossary.exports import negotiate
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


def ask(concept, accept=None, **headers):
    if accept is not None:
        headers["HTTP_ACCEPT"] = accept
    request = RequestFactory().get(concept.get_absolute_url(), **headers)
    return negotiate(request, concept)


@pytest.mark.parametrize(
    ("accept", "content_type", "rdf_format"),
    [
        ("text/turtle", "text/turtle; charset=utf-8", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("text/html;q=0.5, text/turtle", "text/turtle; charset=utf-8", "turtle"),
        ("text/turtle;q=0.8, application/ld+json", "application/ld+json", "json-ld"),
        ("application/ld+json;q=0.9, text/*;q=0.5", "application/ld+json", "json-ld"),
    ],
)
def test_a_linked_data_client_gets_the_begrip_as_rdf(accept, content_type, rdf_format):
    concept = begrip("opgave")
    response = ask(concept, accept)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert "Accept" in response["Vary"]
    assert "Content-Disposition" not in response
    graph = Graph().parse(data=response.content, format=rdf_format)
    assert (URIRef(concept.uri), SKOS.prefLabel, None) in graph


@pytest.mark.parametrize("accept", [BROWSER, None, "*/*", "text/html", "application/json"])
def test_a_browser_and_a_client_without_preference_get_the_page(accept):
    assert ask(begrip("opgave"), accept) is None


def test_a_negotiated_answer_is_a_conditional_get_too():
    concept = begrip("opgave")
    first = ask(concept, "text/turtle")
    again = ask(concept, "text/turtle", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert "Accept" in again["Vary"]


def test_the_schemes_uri_gives_rdf_to_clients_and_the_index_to_people(client):
    begrip("opgave")
    rdf = client.get("/begrippen/begrippenkader", HTTP_ACCEPT="text/turtle")
    assert rdf.status_code == 200
    assert rdf["Content-Type"] == "text/turtle; charset=utf-8"
    assert "Accept" in rdf["Vary"]
    page = client.get("/begrippen/begrippenkader", HTTP_ACCEPT=BROWSER)
    assert page.status_code == 303
    assert page["Location"] == "/begrippen/"
