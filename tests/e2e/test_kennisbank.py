"""The kennisbank in a browser: filter the list, open an article; axe on each, and nothing
wider than a phone."""

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from leerhuis.knowledge.models import ArticleKind
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import too_wide
from tests.factories import OrganisationFactory, PersonFactory
from tests.glossary_factories import begrip
from tests.knowledge_factories import article, days_ago

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def kennisbank(db):
    opgave = begrip("Opgave", "Een maatschappelijk vraagstuk dat een gemeente met anderen aanpakt.")
    article(
        title="Sturen op de opgave",
        slug="sturen-op-de-opgave",
        kind=ArticleKind.METHODE,
        date=days_ago(2),
        author=PersonFactory(name="Astrid van de Klift"),
        organisation=OrganisationFactory(name="Gemeente Veenendaal"),
        theme_names=["Opgave-sturing"],
        begrippen=[opgave],
        body=[
            ("heading", {"text": "Van project naar opgave", "level": "h2"}),
            ("paragraph", RichText("<p>Elke opgave vraagt om een eigenaar.</p>")),
            ("kader", {"heading": "Drie vragen", "text": RichText("<p>Wie beslist?</p>")}),
        ],
    )
    article(title="Nieuws uit de regio", kind=ArticleKind.NIEUWS, date=days_ago(1))


def test_a_visitor_filters_the_kennisbank_and_reads_an_article(page, kennisbank):
    page.goto("/kennisbank/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kennisbank")
    assert_accessible(page, "kennisbank")

    page.get_by_label("Soort").select_option("methode")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("1 artikel gevonden")).to_be_visible()
    expect(page.get_by_role("link", name="Nieuws uit de regio")).to_have_count(0)
    assert_accessible(page, "kennisbank: gefilterd")

    page.get_by_role("link", name="Sturen op de opgave").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sturen op de opgave")
    expect(page.get_by_text("Astrid van de Klift")).to_be_visible()
    expect(page.get_by_role("heading", name="Drie vragen")).to_be_visible()
    assert_accessible(page, "artikel")


@pytest.mark.parametrize("path", ["/kennisbank/", "/kennisbank/sturen-op-de-opgave/"])
def test_the_kennisbank_fits_a_narrow_phone(page, kennisbank, path):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(path)
    assert too_wide(page) == []
