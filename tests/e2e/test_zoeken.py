"""Site search in a browser: from the header on any page to marked results, a type filter,
the empty state; axe on each, and nothing wider than a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import too_wide
from tests.events_factories import EventPageFactory
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def content(db):
    EventPageFactory(
        title="Studiedag opgave-sturing", intro="Een dag over sturen op maatschappelijke opgaven."
    )
    begrip("Opgave-sturing", "Sturen op een maatschappelijke opgave.", alt_labels="opgavesturing")


def header_search(page):
    return page.get_by_role("search", name="Site doorzoeken")


def test_a_visitor_searches_from_the_header_and_filters_by_type(page, content):
    page.goto("/begrippen/")
    header_search(page).get_by_label("Zoek op de site").fill("opgave")
    header_search(page).get_by_role("button", name="Zoek", exact=True).click()
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=opgave$"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Zoeken")
    expect(page.get_by_role("status")).to_have_text("1 resultaat")
    result = page.get_by_role("link", name="Studiedag opgave-sturing")
    expect(result).to_be_visible()
    expect(page.locator(".zoekresultaat mark").first).to_have_text("opgave")
    expect(page.get_by_role("link", name="Opgave-sturing", exact=True)).to_be_visible()
    assert_accessible(page, "zoeken: resultaten")

    page.get_by_role("navigation", name="Soort resultaten").get_by_role(
        "link", name="Begrippen"
    ).click()
    expect(page.get_by_role("status")).to_have_text("Begrippen: 1 resultaat")
    expect(page.get_by_role("link", name="Studiedag opgave-sturing")).to_have_count(0)
    assert_accessible(page, "zoeken: begrippen")


def test_nothing_found_offers_a_begrip_and_ways_on(page, content):
    page.goto("/zoeken/?q=opgavesturring")
    expect(page.get_by_text("Niets gevonden bij ‘opgavesturring’")).to_be_visible()
    expect(page.get_by_role("link", name="Opgave-sturing")).to_be_visible()
    expect(page.get_by_role("link", name="Activiteiten")).to_be_visible()
    assert_accessible(page, "zoeken: niets gevonden")


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("path", ["/", "/zoeken/?q=opgave"])
def test_the_header_search_and_results_fit_a_narrow_phone(page, content, width, path):
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(path)
    expect(header_search(page).get_by_label("Zoek op de site")).to_be_visible()
    assert too_wide(page) == []
