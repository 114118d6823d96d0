"""A member proposes a begrip in a browser: the form, its error summary, and the proposal in
Mijn Leerhuis; axe on each state."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import log_in
from tests.events_factories import member
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_fixes_the_errors_and_sends_a_proposal(page):
    begrip("Opgave-sturing", alt_labels="opgavesturing")
    log_in(page, member().email)
    page.goto("/begrippen/")
    page.get_by_role("link", name="Stel een begrip voor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een begrip voorstellen")
    assert_accessible(page, "begrip voorstellen")

    page.get_by_label("Term").fill("opgavesturing")
    page.get_by_role("button", name="Voorstel versturen").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("staat al in het begrippenkader")
    expect(summary).to_contain_text("Definitie")
    expect(page.get_by_label("Term")).to_have_value("opgavesturing")
    assert_accessible(page, "begrip voorstellen met fouten")

    summary.get_by_role("link", name="Definitie").first.click()
    expect(page.get_by_label("Definitie", exact=True)).to_be_focused()

    page.get_by_label("Term").fill("Wyberen")
    page.get_by_label("Definitie", exact=True).fill(
        "Een werkvorm waarin betrokkenen samen een opgave verkennen."
    )
    page.get_by_label("Toelichting op je voorstel").fill("Het komt vaak terug.")
    page.get_by_role("button", name="Voorstel versturen").click()

    expect(page.get_by_text("Wyberen").first).to_be_visible()
    page.goto("/mijn-leerhuis/")
    expect(page.get_by_text("Wyberen").first).to_be_visible()
    assert_accessible(page, "mijn leerhuis met een voorstel")
