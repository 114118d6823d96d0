"""Phones first (issue 17): no page of the demo scrolls sideways on a 320 px phone, the meeting
page tells when and where before it asks you to sign up, and the main menu folds behind a
button that opens from the keyboard and without JavaScript.

The width check walks the demo as its visitors do, with the addresses taken from the site
and the demo's own data, so a new page or begrip is checked without touching a test: it is
part of the site-wide browser crawl (tests/e2e/test_crawl_axe.py), which loads every page
once at 320 px for it before running axe.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page
from tests.events_factories import EventPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def test_the_meeting_page_says_when_and_where_before_the_sign_up_box(page):
    event = EventPageFactory(title="Programmamanagement: sturen op effecten")
    page.set_viewport_size(PHONE)
    page.goto(event.url)
    when = page.get_by_text("Wanneer", exact=True)
    where = page.get_by_text("Waar", exact=True)
    signup = page.get_by_role("heading", name="Aanmelden", exact=True)
    # First in reading order (screen readers, no CSS) and first on the screen.
    assert page.evaluate(
        """([when, where, box]) => [when, where].every(
            e => e.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING
        )""",
        [when.element_handle(), where.element_handle(), signup.element_handle()],
    )
    assert where.bounding_box()["y"] < signup.bounding_box()["y"]
    # The other facts (type, region, places) wait until after the box on a phone.
    kind = page.get_by_text("Soort", exact=True)
    assert signup.bounding_box()["y"] < kind.bounding_box()["y"]
    assert_accessible(page, "activiteit op 375 px, menu dicht")
    menu(page).locator("summary", has_text="Menu").click()
    expect(menu(page).get_by_role("link", name="Begrippen")).to_be_visible()
    assert_accessible(page, "activiteit op 375 px, menu open")

    # Wide: the box in its side column, beside Wanneer.
    page.set_viewport_size(DESKTOP)
    assert signup.bounding_box()["x"] > when.bounding_box()["x"] + 400
    assert abs(signup.bounding_box()["y"] - when.bounding_box()["y"]) < 60
    assert_accessible(page, "activiteit op 1280 px")


def menu(page):
    return page.get_by_role("navigation", name="Hoofdmenu")


def test_the_menu_folds_behind_a_button_that_the_keyboard_opens(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto("/")
    button = menu(page).locator("summary", has_text="Menu")
    link = menu(page).get_by_role("link", name="Begrippen")
    expect(button).to_be_visible()
    expect(link).to_be_hidden()

    button.focus()
    page.keyboard.press("Enter")
    expect(link).to_be_visible()
    page.keyboard.press("Space")
    expect(link).to_be_hidden()
    page.keyboard.press("Space")
    expect(link).to_be_visible()
    # From the button straight into the links, each with the house's yellow focus.
    page.keyboard.press("Tab")
    first = menu(page).get_by_role("link").first
    expect(first).to_be_focused()
    focus = page.evaluate("() => getComputedStyle(document.activeElement).backgroundColor")
    assert focus == "rgb(255, 221, 0)"

    # The skip link still comes first and lands on the content.
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()

    # Wide: no button, the links as a bar.
    page.set_viewport_size(DESKTOP)
    expect(button).to_be_hidden()
    expect(link).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_menu_works_without_javascript(browser, live_server, viewport):
    with browser_page(browser, live_server, viewport=viewport, java_script_enabled=False) as page:
        page.goto("/")
        link = menu(page).get_by_role("link", name="Begrippen")
        if viewport is PHONE:
            expect(link).to_be_hidden()
            menu(page).locator("summary", has_text="Menu").click()
        link.click()
        expect(page).to_have_url(f"{live_server.url}/begrippen/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
