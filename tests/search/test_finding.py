"""What a visitor finds at /zoeken/: meetings, leergangen, standard pages and begrippen, with
the words they searched for marked, a count per type, and help when nothing is found."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from tests.events_factories import EventPageFactory, LearningTrackPageFactory
from tests.glossary_factories import begrip
from tests.search.factories import standard_page

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [" ".join(h.get_text().split()) for h in soup.select(".zoekresultaat__titel")]


def box_titles(soup):
    return [a.get_text() for a in soup.select(".zoeken-kader__lijst li > a")]


def type_counts(soup):
    return {
        a.contents[0].strip(): a.select_one(".zoeken-soorten__aantal").get_text(strip=True)
        for a in soup.select(".zoeken-soorten a")
    }


@pytest.fixture
def site():
    EventPageFactory(
        title="Studiedag opgave-sturing",
        intro="Een dag over sturen op maatschappelijke opgaven.",
        body=[("paragraph", "<p>Met een workshop over wyberen in Súdwest-Fryslân.</p>")],
    )
    EventPageFactory(title="Netwerkdag programmamanagers", intro="Elkaar ontmoeten.")
    LearningTrackPageFactory(title="Leergang opgave-manager", intro="Vijf modules.")
    standard_page("Over ons", intro="De vereniging van gemeentelijke projectbureaus.")
    begrip(
        "Opgave-sturing",
        "Sturen op een maatschappelijke opgave over de grenzen van afdelingen heen.",
        alt_labels="opgavesturing",
    )
    begrip("Súdwest-Fryslân-model", "Hoe een gemeente haar opgave-managers mandateert.")


def test_a_meeting_is_found_by_its_title_with_the_words_marked(client, site):
    soup = search(client, q="studiedag")
    assert titles(soup) == ["Studiedag opgave-sturing"]
    assert [m.get_text() for m in soup.select(".zoekresultaat__titel mark")] == ["Studiedag"]
    assert soup.select_one(".zoekresultaat__soort").get_text(strip=True) == "Activiteit"


def test_a_meeting_is_found_by_a_word_in_its_body(client, site):
    assert titles(search(client, q="wyberen")) == ["Studiedag opgave-sturing"]


def test_a_standard_page_and_a_leergang_are_found(client, site):
    assert titles(search(client, q="projectbureaus")) == ["Over ons"]
    assert titles(search(client, q="modules")) == ["Leergang opgave-manager"]


def test_a_begrip_is_found_by_its_alternative_label_and_without_accents(client, site):
    assert box_titles(search(client, q="opgavesturing")) == ["Opgave-sturing"]
    soup = search(client, q="sudwest", type="begrip")
    assert titles(soup) == ["Súdwest-Fryslân-model"]
    assert [m.get_text() for m in soup.select(".zoekresultaat__titel mark")] == ["Súdwest"]


def test_each_type_shows_its_count_and_the_filter_lists_only_that_type(client, site):
    soup = search(client, q="opgave")
    assert type_counts(soup) == {
        "Alles": "(4)",
        "Activiteiten": "(1)",
        "Leergangen": "(1)",
        "Begrippen": "(2)",
    }  # no page says "opgave": "Pagina's" is left out
    only_meetings = search(client, q="opgave", type="activiteit")
    assert titles(only_meetings) == ["Studiedag opgave-sturing"]
    assert only_meetings.select(".zoeken-kader") == []
    assert titles(search(client, q="opgave", type="begrip")) == [
        "Opgave-sturing",
        "Súdwest-Fryslân-model",
    ]


def test_an_unknown_type_says_so_and_shows_everything(client, site):
    soup = search(client, q="opgave", type="recept")
    assert "Die soort resultaten kennen we niet" in soup.get_text()
    assert sorted(titles(soup)) == ["Leergang opgave-manager", "Studiedag opgave-sturing"]


def test_content_html_is_never_trusted_in_a_snippet(client):
    standard_page("Waarschuwing", intro="<script>alert('opgave')</script> & <b>opgave</b>")
    soup = search(client, q="opgave")
    snippet = soup.select_one(".zoekresultaat__tekst")
    assert snippet.select("script, b") == []
    assert [m.get_text() for m in snippet.select("mark")] == ["opgave", "opgave"]


def test_nothing_found_suggests_a_begrip_and_where_to_look(client, site):
    soup = search(client, q="opgavesturring")
    assert "Niets gevonden bij ‘opgavesturring’" in soup.get_text()
    suggestions = [a.get_text() for a in soup.select(".zoeken-leeg ul")[0].select("a")]
    assert "Opgave-sturing" in suggestions
    links = {a.get_text(): a["href"] for a in soup.select(".zoeken-leeg ul")[-1].select("a")}
    assert links["Begrippen"] == "/begrippen/"
    assert links["Activiteiten"] == "/activiteiten/"


def test_the_header_of_every_page_has_a_labelled_search_field(client, site):
    soup = BeautifulSoup(client.get("/begrippen/").content, "html.parser")
    form = soup.select_one("header form[role=search]")
    assert form["action"] == "/zoeken/" and form.get("method", "get").lower() == "get"
    field = form.select_one("input[name=q]")
    assert form.select_one(f"label[for={field['id']}]").get_text() == "Zoek op de site"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's full text has no stemmer")
def test_on_postgresql_another_form_of_a_dutch_word_is_found(client):
    standard_page("Verslag", intro="De vergaderingen van het bestuur.")
    assert titles(search(client, q="vergadering")) == ["Verslag"]


def test_an_article_of_the_kennisbank_is_found_as_an_article(client, site):
    from tests.knowledge_factories import article

    article(title="Sturen op de warmtetransitie", intro="Hoe Alphen de opgave organiseert.")

    everything = search(client, q="warmtetransitie")
    articles = search(client, q="warmtetransitie", type="artikel")

    assert titles(everything) == ["Sturen op de warmtetransitie"]
    assert everything.select_one(".zoekresultaat__soort").get_text(strip=True) == "Artikel"
    assert titles(articles) == ["Sturen op de warmtetransitie"]
    assert titles(search(client, q="warmtetransitie", type="activiteit")) == []
