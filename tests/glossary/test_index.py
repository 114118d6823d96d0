"""/begrippen/: the A–Z index, search over every label and the definition, the status
filter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.models import Concept, ConceptStatus
from tests.glossary_factories import begrip, store_begrippen

pytestmark = pytest.mark.django_db


def terms(response):
    return [c.pref_label for c in response.context["listing"].page_obj.object_list]


def test_the_index_lists_published_begrippen_from_a_to_z(client):
    begrip("Programma")
    begrip("Opgave")
    begrip("Besturingsmodel")
    begrip("Kladje", publish=False)

    response = client.get("/begrippen/")

    assert response.status_code == 200
    assert terms(response) == ["Besturingsmodel", "Opgave", "Programma"]
    assert "Kladje" not in response.text


def test_a_letter_shows_only_begrippen_starting_with_it(client):
    begrip("Opgave")
    begrip("Opgave-sturing")
    begrip("Programma")

    response = client.get("/begrippen/?letter=o")

    assert terms(response) == ["Opgave", "Opgave-sturing"]
    assert 'aria-current="page"><span class="visually-hidden">Begrippen met de letter </span>O' in (
        response.text
    )


def test_letters_without_begrippen_are_not_links(client):
    begrip("Opgave")

    letters = {
        item["letter"]: item for item in client.get("/begrippen/").context["listing"].letters
    }

    assert letters["o"]["url"] == "/begrippen/?letter=o"
    assert letters["p"]["url"] is None


def test_a_begrip_that_starts_with_an_accent_or_digit_has_its_letter(client):
    begrip("Één overheid")
    begrip("3D-model")

    assert terms(client.get("/begrippen/?letter=e")) == ["Één overheid"]
    assert terms(client.get("/begrippen/?letter=%23")) == ["3D-model"]


def test_search_finds_the_start_of_any_word_of_a_term(client):
    begrip("Opgave-sturing")
    begrip("Programmamanagement")

    assert terms(client.get("/begrippen/?q=opgave")) == ["Opgave-sturing"]
    assert terms(client.get("/begrippen/?q=sturing")) == ["Opgave-sturing"]
    assert terms(client.get("/begrippen/?q=management")) == []


def test_search_ignores_accents_and_case(client):
    begrip("Súdwest-Fryslân-model", "Hoe Súdwest-Fryslân zijn opgaven stuurt.")

    assert terms(client.get("/begrippen/?q=sudwest")) == ["Súdwest-Fryslân-model"]
    assert terms(client.get("/begrippen/?q=FRYSLAN")) == ["Súdwest-Fryslân-model"]


def test_search_looks_in_alternative_and_hidden_terms_and_the_definition(client):
    begrip("Opgave-sturing", alt_labels="opgavesturing", hidden_labels="opgavestuuring")
    begrip("Mandaat", "De bevoegdheid om namens het bestuur besluiten te nemen.")

    assert terms(client.get("/begrippen/?q=opgavestu")) == ["Opgave-sturing"]
    assert terms(client.get("/begrippen/?q=opgavestuuring")) == ["Opgave-sturing"]
    assert terms(client.get("/begrippen/?q=bevoegdheid")) == ["Mandaat"]


def test_every_word_of_a_search_must_be_found(client):
    begrip("Opgave-sturing", "Sturen op een maatschappelijke opgave.")
    begrip("Opgave", "Een maatschappelijk vraagstuk dat om samenwerking vraagt.")

    assert terms(client.get("/begrippen/?q=opgave+samenwerking")) == ["Opgave"]


def test_search_puts_the_term_that_starts_with_the_words_first(client):
    begrip("Besturingsmodel", "Hoe een organisatie opgave en lijn verbindt.")
    begrip("Opgave")

    assert terms(client.get("/begrippen/?q=opgave")) == ["Opgave", "Besturingsmodel"]


def test_the_status_filter_narrows_the_list_and_the_letters(client):
    begrip("Opgave")
    begrip("Kanteling", status=ConceptStatus.VOORGESTELD)

    response = client.get("/begrippen/?status=voorgesteld")

    assert terms(response) == ["Kanteling"]
    letters = {item["letter"]: item["url"] for item in response.context["listing"].letters}
    assert letters["k"] == "/begrippen/?status=voorgesteld&letter=k"
    assert letters["o"] is None


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=geheim", "Kies een status uit de lijst."),
        ("letter=%C3%A9%C3%A9n", "Kies een letter van A tot Z."),
        ("letter=ab", "Kies een letter van A tot Z."),
        ("page=x", "Dat paginanummer bestaat niet"),
        ("q=" + "a" * 101, "Zoek met hoogstens 100 tekens."),
    ],
)
def test_a_hand_edited_address_gets_a_dutch_message_not_an_error(client, query, message):
    begrip("Opgave")

    response = client.get("/begrippen/?" + query)

    assert response.status_code == 200
    assert message in response.text


def test_a_withdrawn_begrip_is_listed_with_its_status(client):
    begrip("Kaderbrief", status=ConceptStatus.VERVALLEN)

    response = client.get("/begrippen/")

    assert "Kaderbrief" in response.text
    assert "vervallen" in response.text


def test_the_index_is_paginated(client):
    Concept.objects.bulk_create(
        Concept(pref_label=f"Begrip {i:03}", slug=f"begrip-{i:03}", definition="x", live=True)
        for i in range(60)
    )
    for concept in Concept.objects.all():
        concept.refresh_derived()
        concept.save()

    first, second = client.get("/begrippen/"), client.get("/begrippen/?page=2")

    assert len(terms(first)) == 50
    assert terms(second)[0] == "Begrip 050"


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("query", ["", "?letter=t", "?q=term"])
def test_the_index_costs_the_same_queries_for_30_and_2000_begrippen(client, query):
    store_begrippen(30)
    client.get("/begrippen/" + query)  # warm the site lookups
    with CaptureQueriesContext(connection) as few:
        client.get("/begrippen/" + query)
    store_begrippen(1970, start=30)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/begrippen/" + query)

    assert response.context["listing"].paginator.count == 2000
    assert len(many) == len(few)
