"""The test "Project, proces of programma?" in a browser, with and without JavaScript: axe
on the questions, the error state and the result, and nothing wider than a phone."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import too_wide
from tests.glossary_factories import begrip
from tests.quiz_factories import quiz_page

pytestmark = pytest.mark.django_db(transaction=True)

URL = "/kennisbank/doe-de-test/"


@pytest.fixture
def quiz(db):
    return quiz_page(begrippen=[("programma", begrip("programma"))])


def choose(page, question, answer):
    page.get_by_role("group", name=question).get_by_label(answer).check()


def test_a_visitor_with_javascript_sees_progress_and_gets_a_result(page, quiz):
    page.goto(URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Project, proces of programma?")
    expect(page.get_by_text("0 van 3 vragen beantwoord")).to_be_visible()
    assert_accessible(page, "test: vragen")

    choose(page, "Vraag 1 Staat het resultaat vooraf vast?", "Het effect wel, de weg niet")
    expect(page.get_by_text("1 van 3 vragen beantwoord")).to_be_visible()
    page.get_by_role("button", name="Bekijk de uitslag").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Kies een antwoord op vraag 2.")
    assert_accessible(page, "test: foutmelding")
    summary.get_by_role("link", name="Kies een antwoord op vraag 2.").click()
    expect(page.get_by_label("Ja, met een einddatum")).to_be_focused()

    page.get_by_label("Meerdere jaren").check()
    choose(page, "Vraag 3 Zijn er meerdere inspanningen nodig?", "Ja, meerdere")
    page.get_by_role("button", name="Bekijk de uitslag").click()
    expect(page.get_by_role("heading", name="Jouw uitslag: programma")).to_be_visible()
    expect(page.get_by_role("link", name="programma", exact=True)).to_be_visible()
    assert_accessible(page, "test: uitslag")

    shared = page.url
    page.goto(URL)
    page.goto(shared)
    expect(page.get_by_role("heading", name="Jouw uitslag: programma")).to_be_visible()


def test_a_visitor_without_javascript_and_on_a_phone_takes_the_test(browser, live_server, quiz):
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        bypass_csp=True,
        java_script_enabled=False,
        viewport={"width": 320, "height": 800},
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(URL)
        expect(page.get_by_text("van 3 vragen beantwoord")).to_have_count(0)
        assert too_wide(page) == []
        page.get_by_role("button", name="Bekijk de uitslag").click()
        expect(page.get_by_role("heading", name="Controleer wat je hebt ingevuld")).to_be_visible()
        assert too_wide(page) == []

        choose(page, "Vraag 1 Staat het resultaat vooraf vast?", "Ja, helemaal")
        choose(page, "Vraag 2 Is de inspanning tijdelijk?", "Meerdere jaren")
        choose(page, "Vraag 3 Zijn er meerdere inspanningen nodig?", "Ja, meerdere")
        page.get_by_role("button", name="Bekijk de uitslag").click()
        expect(
            page.get_by_role("heading", name="Jouw uitslag: tussen project en programma")
        ).to_be_visible()
        assert too_wide(page) == []
    finally:
        context.close()
