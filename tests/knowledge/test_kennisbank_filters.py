"""The kennisbank lists its articles newest first and narrows them by soort, thema and
organisatie, alone or together; a wrong value in the address is explained in Dutch and
left out, never an error page."""

import pytest

from leerhuis.knowledge.models import ArticleKind
from tests.factories import OrganisationFactory
from tests.knowledge.helpers import html_of, listed
from tests.knowledge_factories import article, days_ago, kennisbank_page

pytestmark = pytest.mark.django_db

URL = "/kennisbank/"


@pytest.fixture
def shelf():
    kennisbank_page()
    veenendaal = OrganisationFactory(name="Gemeente Veenendaal")
    ede = OrganisationFactory(name="Gemeente Ede")
    article(title="Oud nieuws", kind=ArticleKind.NIEUWS, date=days_ago(30), theme_names=["Wonen"])
    article(
        title="Methode Wonen",
        kind=ArticleKind.METHODE,
        date=days_ago(10),
        theme_names=["Wonen"],
        organisation=veenendaal,
    )
    article(
        title="Artikel Zorg",
        kind=ArticleKind.ARTIKEL,
        date=days_ago(5),
        theme_names=["Zorg"],
        organisation=veenendaal,
    )
    article(
        title="Methode Zorg",
        kind=ArticleKind.METHODE,
        date=days_ago(1),
        theme_names=["Zorg"],
        organisation=ede,
    )
    return {"veenendaal": veenendaal, "ede": ede}


def test_the_kennisbank_lists_its_articles_newest_first(client, shelf):
    html = html_of(client, URL)
    assert listed(html) == ["Methode Zorg", "Artikel Zorg", "Methode Wonen", "Oud nieuws"]
    assert "4 artikelen gevonden" in html


def test_a_type_shows_only_articles_of_that_kind(client, shelf):
    assert listed(html_of(client, URL + "?type=methode")) == ["Methode Zorg", "Methode Wonen"]


def test_a_theme_shows_only_articles_about_it(client, shelf):
    assert listed(html_of(client, URL + "?thema=zorg")) == ["Methode Zorg", "Artikel Zorg"]


def test_an_organisation_is_found_by_number_or_by_its_name(client, shelf):
    by_number = listed(html_of(client, f"{URL}?organisatie={shelf['veenendaal'].pk}"))
    by_name = listed(html_of(client, URL + "?organisatie=gemeente-veenendaal"))
    assert by_number == by_name == ["Artikel Zorg", "Methode Wonen"]


def test_filters_combine(client, shelf):
    html = html_of(client, f"{URL}?type=methode&thema=zorg&organisatie={shelf['ede'].pk}")
    assert listed(html) == ["Methode Zorg"]
    assert "1 artikel gevonden" in html
    html = html_of(client, f"{URL}?type=artikel&thema=wonen")
    assert listed(html) == []
    assert "Geen artikelen gevonden." in html


def test_the_filter_offers_only_themes_and_organisations_that_find_something(client, shelf):
    OrganisationFactory(name="Gemeente Zonder Artikelen")
    html = html_of(client, URL)
    assert '<option value="zorg">Zorg</option>' in html
    assert "Gemeente Veenendaal</option>" in html
    assert "Gemeente Zonder Artikelen" not in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=podcast", "Deze soort kennen we niet in de kennisbank."),
        ("thema=bestaat-niet", "Dit thema komt bij geen enkel artikel voor."),
        ("organisatie=99999", "Van deze organisatie staat niets in de kennisbank."),
        ("organisatie=gemeente-nergens", "Van deze organisatie staat niets in de kennisbank."),
    ],
)
def test_a_wrong_filter_value_is_explained_and_the_whole_list_shown(client, shelf, query, message):
    html = html_of(client, f"{URL}?{query}")
    assert message in html
    assert len(listed(html)) == 4


def test_a_wrong_value_leaves_the_other_filters_in_force(client, shelf):
    html = html_of(client, URL + "?type=podcast&thema=wonen")
    assert "Deze soort kennen we niet in de kennisbank." in html
    assert listed(html) == ["Methode Wonen", "Oud nieuws"]


def test_a_page_number_past_the_end_shows_the_last_page_and_says_so(client, shelf):
    page = kennisbank_page()
    page.per_page = 3
    page.save()
    html = html_of(client, URL + "?page=9")
    assert "Pagina 9 bestaat niet (meer); je ziet pagina 2." in html
    assert listed(html) == ["Oud nieuws"]


def test_an_active_filter_can_be_removed_on_its_own(client, shelf):
    html = html_of(client, URL + "?type=methode&thema=zorg")
    assert 'href="/kennisbank/?thema=zorg"' in html  # drops the type, keeps the theme
    assert 'href="/kennisbank/?type=methode"' in html


@pytest.mark.parametrize(
    "asked, clean",
    [
        ("?type=&thema=wonen", "?thema=wonen"),
        ("?type=&thema=&organisatie=", ""),
        ("?type=methode&page=", "?type=methode"),
    ],
)
def test_an_address_with_empty_filters_leads_to_the_clean_one(client, shelf, asked, clean):
    response = client.get(URL + asked)
    assert response.status_code == 302
    assert response["Location"] == URL + clean
    assert client.get(URL + clean).status_code == 200


def test_the_filter_form_leaves_empty_fields_out_with_its_script(client, shelf):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(html_of(client, URL), "html.parser")
    form = page.select_one("form.calendar-filters")
    assert form.has_attr("data-drop-empty") and form["method"] == "get"
    assert page.select_one('script[src$="js/filters.js"]')
