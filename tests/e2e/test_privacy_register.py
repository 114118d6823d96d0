"""/privacy/ with the privacy register in a browser: the table reads as a table with row
headers, fits a phone (a card per row there) without sideways scrolling, and axe finds
nothing."""

import pytest
from playwright.sync_api import expect

from leerhuis.core.models import HomePage
from leerhuis.demo.management.commands.load_demo import Command as LoadDemo
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page, too_wide

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = {"320": 320, "375": 375, "1280": 1280}


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_the_register_on_the_privacy_page(browser, live_server, width):
    assert HomePage.objects.exists()
    LoadDemo().load_pages()
    viewport = {"width": WIDTHS[width], "height": 800}
    with browser_page(browser, live_server, viewport=viewport) as page:
        page.goto("/privacy/")
        table = page.get_by_role("table", name="Welke gegevens we bewaren, waarom en hoe lang")
        expect(table).to_be_visible()
        expect(
            table.get_by_role("rowheader", name="Dieetwensen en toegankelijkheid")
        ).to_be_visible()
        expect(table).to_contain_text("Tot 30 dagen na afloop van de activiteit.")
        assert too_wide(page) == []
        assert_accessible(page, f"privacy ({width})")
