"""/begrippen/<slug>/: one begrip with everything a reader needs to use it the same way."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.models import Concept, ConceptSource, ConceptStatus
from leerhuis.core.themes import Thema
from tests.glossary_factories import begrip, store_begrippen

pytestmark = pytest.mark.django_db


def test_a_begrip_page_shows_definition_explanation_note_and_examples(client):
    begrip(
        "Opgave-sturing",
        "Sturen op een maatschappelijke opgave over de grenzen van afdelingen heen.",
        explanation="Je kijkt eerst naar wat de stad nodig heeft.",
        scope_note="Niet hetzelfde als projectmatig werken.",
        examples="De warmtetransitie in Alphen.\n\nDe woningbouwopgave in Veenendaal.",
        alt_labels="opgavesturing",
    )

    response = client.get("/begrippen/opgave-sturing/")

    assert response.status_code == 200
    text = response.text
    assert "<h1" in text and text.count("<h1") == 1
    for expected in (
        "Sturen op een maatschappelijke opgave",
        "Je kijkt eerst naar wat de stad nodig heeft.",
        "Niet hetzelfde als projectmatig werken.",
        "De warmtetransitie in Alphen.",
        "De woningbouwopgave in Veenendaal.",
        "opgavesturing",
    ):
        assert expected in text


def test_the_page_links_broader_narrower_and_related_begrippen(client):
    opgave = begrip("Opgave")
    sturing = begrip("Opgave-sturing", broader=[opgave])
    begrip("Opgave-management", broader=[sturing])
    begrip("Programma", related=[sturing])

    text = client.get("/begrippen/opgave-sturing/").text

    assert re.search(r"Valt onder.*href=\"/begrippen/opgave/\"", text, re.S)
    assert re.search(r"Omvat.*href=\"/begrippen/opgave-management/\"", text, re.S)
    assert re.search(r"Hangt samen met.*href=\"/begrippen/programma/\"", text, re.S)
    # related is symmetric: the other side says so too
    assert 'href="/begrippen/opgave-sturing/"' in client.get("/begrippen/programma/").text


def test_relations_to_drafts_are_not_shown(client):
    opgave = begrip("Opgave")
    begrip("Geheim concept", broader=[opgave], publish=False)

    assert "Geheim concept" not in client.get("/begrippen/opgave/").text


def test_sources_and_themes_are_shown(client):
    concept = begrip("Mandaat")
    ConceptSource.objects.create(
        concept=concept,
        title="Gemeentewet",
        url="https://wetten.overheid.nl/",
        citation="art. 10:1",
    )
    concept.themes.set(Thema.objects.named("Opgave-sturing"))
    concept.save_revision().publish()

    text = client.get("/begrippen/mandaat/").text

    assert 'href="https://wetten.overheid.nl/"' in text and "art. 10:1" in text
    assert "<li>Opgave-sturing</li>" in text


def test_a_replaced_begrip_stays_online_and_points_to_its_successor(client):
    nieuw = begrip("Opgave-gericht werken")
    begrip("Integraal werken", status=ConceptStatus.VERVANGEN, replaced_by=nieuw)

    response = client.get("/begrippen/integraal-werken/")

    assert response.status_code == 200
    assert "Dit begrip is vervangen" in response.text
    assert 'href="/begrippen/opgave-gericht-werken/"' in response.text
    assert "Integraal werken" in client.get("/begrippen/opgave-gericht-werken/").text  # Vervangt


def test_a_withdrawn_begrip_stays_online_and_says_so(client):
    begrip("Kaderbrief", status=ConceptStatus.VERVALLEN)

    response = client.get("/begrippen/kaderbrief/")

    assert response.status_code == 200
    assert "Dit begrip is vervallen" in response.text


def test_a_draft_or_unknown_begrip_is_not_found(client):
    begrip("Kladje", publish=False)

    assert client.get("/begrippen/kladje/").status_code == 404
    assert client.get("/begrippen/bestaat-niet/").status_code == 404


def test_an_old_address_redirects_after_a_rename(client):
    concept = begrip("Opgavesturing")
    concept.pref_label, concept.slug = "Opgave-sturing", "opgave-sturing"
    concept.save_revision().publish()

    response = client.get("/begrippen/opgavesturing/")

    assert response.status_code == 301
    assert response["Location"] == "/begrippen/opgave-sturing/"


def test_a_new_begrip_may_take_an_old_address_back(client):
    concept = begrip("Sturing")
    concept.slug = "sturing-nieuw"
    concept.save_revision().publish()
    begrip("Sturing oud", slug="sturing")

    assert client.get("/begrippen/sturing/").status_code == 200


def test_the_history_shows_each_published_version_and_earlier_definitions(client):
    concept = begrip("Mandaat", "Eerste definitie.", status=ConceptStatus.VOORGESTELD)
    concept.definition, concept.status = "Tweede definitie.", ConceptStatus.VASTGESTELD
    concept.save_revision().publish()

    text = client.get("/begrippen/mandaat/").text
    history = text[text.index("Geschiedenis") :]

    assert "gepubliceerd als vastgesteld" in history
    assert "gepubliceerd als voorgesteld" in history
    assert "Definitie toen: Eerste definitie." in history


def test_the_page_carries_a_schema_org_defined_term(client):
    begrip("Mandaat", "Bevoegdheid <om> te besluiten & te handelen.", alt_labels="volmacht")

    text = client.get("/begrippen/mandaat/").text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1)
    data = json.loads(block)

    assert data["@type"] == "DefinedTerm"
    assert data["name"] == "Mandaat"
    assert data["description"] == "Bevoegdheid <om> te besluiten & te handelen."
    assert data["alternateName"] == ["volmacht"]
    assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    assert data["@id"].endswith("/begrippen/mandaat/")
    assert "<om>" not in block  # escaped inside the script element


def test_the_page_names_its_stable_uri(client, settings):
    settings.BASE_URL = "https://leerhuis.example"
    begrip("Mandaat")

    text = client.get("/begrippen/mandaat/").text

    assert '<link rel="canonical" href="https://leerhuis.example/begrippen/mandaat/">' in text
    assert "<code>https://leerhuis.example/begrippen/mandaat/</code>" in text


def _related_web(count):
    hub = begrip("Spil")
    for i in range(count):
        begrip(f"Rand {i:03}", broader=[hub], related=[hub])
    return hub


def test_a_begrip_page_costs_the_same_queries_with_few_and_many_relations(client):
    _related_web(2)
    client.get("/begrippen/spil/")
    with CaptureQueriesContext(connection) as few:
        client.get("/begrippen/spil/")
    for i in range(2, 25):
        begrip(f"Rand {i:03}", broader=[Concept.objects.get(slug="spil")])

    with CaptureQueriesContext(connection) as many:
        response = client.get("/begrippen/spil/")

    assert "Rand 024" in response.text
    assert len(many) == len(few)


def test_a_begrip_page_costs_the_same_queries_for_30_and_2000_begrippen_stored(client):
    begrip("Mandaat", related=[begrip("Opgave")])
    store_begrippen(28)
    client.get("/begrippen/mandaat/")
    with CaptureQueriesContext(connection) as few:
        client.get("/begrippen/mandaat/")
    store_begrippen(1970, start=28)
    with CaptureQueriesContext(connection) as many:
        client.get("/begrippen/mandaat/")

    assert Concept.objects.count() == 2000
    assert len(many) == len(few)


def test_the_sitemap_lists_published_begrippen_and_not_drafts(client):
    begrip("Mandaat")
    begrip("Kaderbrief", status=ConceptStatus.VERVALLEN)
    begrip("Kladje", publish=False)

    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/begrippen/mandaat/</loc>" in body
    assert "/begrippen/kaderbrief/" in body
    assert "/begrippen/kladje/" not in body


def test_the_begrip_address_answers_turtle_to_a_linked_data_client(client):
    begrip("Mandaat")

    turtle = client.get("/begrippen/mandaat/", HTTP_ACCEPT="text/turtle")
    browser = client.get(
        "/begrippen/mandaat/",
        HTTP_ACCEPT="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    )

    assert turtle["Content-Type"].startswith("text/turtle")
    assert "skos:prefLabel" in turtle.content.decode()
    assert browser["Content-Type"].startswith("text/html")
    assert "Accept" in turtle["Vary"] and "Accept" in browser["Vary"]


def test_the_pages_link_their_linked_data(client):
    begrip("Mandaat")

    page = client.get("/begrippen/mandaat/").text
    index = client.get("/begrippen/").text

    assert 'href="/begrippen/mandaat.ttl"' in page and 'href="/begrippen/mandaat.jsonld"' in page
    assert 'type="text/turtle" href="/begrippen/mandaat.ttl"' in page
    for fmt in ("ttl", "jsonld", "csv"):
        assert f'href="/begrippen/begrippenkader.{fmt}"' in index


def test_the_page_invites_a_proposal(client):
    begrip("Mandaat")

    assert (
        'href="/begrippen/mandaat/wijziging-voorstellen/"' in client.get("/begrippen/mandaat/").text
    )
    assert 'href="/begrippen/voorstellen/"' in client.get("/begrippen/").text


def test_examples_typed_in_the_admin_are_one_per_paragraph_on_the_page_and_in_turtle(client):
    begrip("Mandaat", examples="De wethouder mandateert.\r\n\r\nDe opgave-manager besluit.")

    page = client.get("/begrippen/mandaat/").text
    turtle = client.get("/begrippen/mandaat.ttl").content.decode()

    assert page.count("<li>De wethouder mandateert.</li>") == 1
    assert "<li>De opgave-manager besluit.</li>" in page
    assert turtle.count("skos:example") == 1 and "De opgave-manager besluit." in turtle


def test_a_draft_that_wants_an_old_address_leaves_the_redirect_until_it_is_published(
    client,
):
    renamed = begrip("Alfa")
    renamed.slug = "alfa-nieuw"
    renamed.save_revision().publish()
    other = begrip("Beta")
    other.slug = "alfa"
    other.save_revision()  # a draft only

    assert client.get("/begrippen/alfa/")["Location"] == "/begrippen/alfa-nieuw/"

    other.latest_revision.publish()

    assert client.get("/begrippen/alfa/").context["concept"].pref_label == "Beta"


def test_the_breadcrumb_of_a_begrip_under_hash_links_to_its_letter(client):
    begrip("3D-model")

    assert 'href="/begrippen/?letter=%23"' in client.get("/begrippen/3d-model/").text
