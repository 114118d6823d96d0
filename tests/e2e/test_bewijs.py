"""The public check of a statement's line in a browser: a confirmed line and an unknown
code, read by someone without an account, on a phone and a desktop, with axe."""

import datetime

import pytest
from playwright.sync_api import expect

from events.development.codes import code_for
from tests.development_factories import accredit, attended, pmi
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page, too_wide
from tests.events_factories import EventPageFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = {"telefoon": {"width": 375, "height": 800}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def code():
    start = in_days(-14, 10)
    event = EventPageFactory(
        title="Studiedag opgave-sturing: het opdrachtgevende niveau versterken",
        start=start,
        end=start + datetime.timedelta(hours=5, minutes=30),
    )
    accredit(event, points="5")
    accredit(event, pmi("Leadership"), points="4.5")
    return code_for(attended(UserFactory(full_name="Jan de Vries"), event))


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_an_employer_checks_a_line_and_a_mistyped_code(browser, live_server, code, width):
    with browser_page(browser, live_server, viewport=WIDTHS[width]) as page:
        page.goto(f"/bewijs/{code.lower()}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Deze regel is echt")
        expect(page.locator("dl.facts")).to_contain_text("J. de V.")
        expect(page.locator("dl.facts")).to_contain_text("4,5 PDU (PMI – Leadership)")
        assert "Jan de Vries" not in page.content()
        assert too_wide(page) == []
        assert_accessible(page, f"bewijs ({width})")

        response = page.goto(f"/bewijs/{code[:-1]}0/" if code[-1] != "0" else "/bewijs/1-X/")
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Deze code kennen we niet")
        assert too_wide(page) == []
        assert_accessible(page, f"bewijs onbekend ({width})")
