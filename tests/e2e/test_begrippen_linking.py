"""A begrip linked in a meeting's text, as a keyboard and a mouse user meet it: the link is
reached with Tab, its short definition shows on focus and on hover, stays while the pointer
moves onto it, and Escape closes it (WCAG 1.4.13)."""

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from tests.e2e.axe import assert_accessible
from tests.events_factories import EventPageFactory
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db(transaction=True)

DEFINITION = "Een maatschappelijk vraagstuk dat de gemeente met anderen wil oplossen."


def test_a_linked_begrip_is_reached_by_keyboard_and_explains_itself(page):
    begrip("opgave", DEFINITION)
    event = EventPageFactory(
        body=[("paragraph", RichText("<p>Wat is een opgave, en wie is de eigenaar?</p>"))]
    )
    page.goto(event.url)
    link = page.locator("a.begrip-link")
    explanation = page.locator(".begrip-uitleg")
    expect(link).to_have_accessible_description(DEFINITION)
    expect(explanation).to_be_hidden()

    for _step in range(60):  # Tab through the page until the begrip has focus
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    expect(link).to_be_focused()
    expect(explanation).to_be_visible()
    page.keyboard.press("Escape")
    expect(explanation).to_be_hidden()
    expect(link).to_be_focused()

    page.keyboard.press("Tab")  # focus moves on: the explanation closes with it
    link.hover()
    expect(explanation).to_be_visible()
    assert_accessible(page, "een bijeenkomst met de uitleg van een begrip open")
    explanation.hover()  # the pointer moves onto the explanation: it stays
    expect(explanation).to_be_visible()
    page.mouse.move(0, 0)
    expect(explanation).to_be_hidden()
    assert link.get_attribute("href") == "/begrippen/opgave/"
