"""One conversation in a browser: a member reads a question, replies naming a colleague
("@Bram de Boer"), quotes a reply (a link, no script needed), and the asker, in a second
browser, chooses a reply as the answer, which then stands first. axe at 1280 and 375 px on
each state of the thread page: read-only, with the form, with a quote, with errors, answered."""

import re

import pytest
from playwright.sync_api import expect

from tests.community_factories import PostFactory, ThreadFactory
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page, log_in, too_wide
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def check_both_widths(page, label):
    assert_accessible(page, f"{label} (1280 px)")
    page.set_viewport_size(PHONE)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], too_wide(page)
    assert_accessible(page, f"{label} (375 px)")
    page.set_viewport_size(DESKTOP)


@pytest.fixture
def people(db):
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    return {
        "asker": UserFactory(email="petra@veenendaal.nl", full_name="Petra Mulder"),
        "replier": UserFactory(email="astrid@veenendaal.nl", full_name="Astrid van de Klift"),
        "colleague": UserFactory(email="bram@veenendaal.nl", full_name="Bram de Boer"),
    }


@pytest.fixture
def question(people):
    thread = ThreadFactory(
        title="Hoe mandateer je een opgave-manager?",
        slug="mandaat",
        soort="vraag",
        author=people["asker"],
        opening__body="<p>Wij zoeken een vorm voor het mandaat. Wie heeft een voorbeeld?</p>",
    )
    PostFactory(
        thread=thread,
        author=people["colleague"],
        body="<p>Bij ons krijgt de opgave-manager een mandaat van het college.</p>",
    )
    return thread


def test_a_member_replies_quotes_and_the_asker_chooses_the_answer(
    browser, live_server, page, people, question
):
    page.goto("/gesprekken/mandaat/")
    expect(page.get_by_role("heading", level=1)).to_have_text(question.title)
    expect(page.get_by_role("link", name="Inloggen om te reageren")).to_be_visible()
    check_both_widths(page, "gesprek, niet ingelogd")

    log_in(page, people["replier"].email)
    page.goto("/gesprekken/mandaat/")
    reply_box = page.get_by_label("Je reactie")
    expect(reply_box).to_be_visible()
    check_both_widths(page, "gesprek met reactieformulier")

    # An empty reply: the form again, with what to fix.
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.get_by_role("alert")).to_contain_text("Schrijf eerst wat je wilt zeggen.")
    check_both_widths(page, "gesprek met een fout in het formulier")

    page.get_by_label("Je reactie").fill("Goed punt, @Bram de Boer: hoe ging dat bij jullie?")
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.get_by_text("Je reactie is geplaatst.")).to_be_visible()
    mention = page.locator("strong", has_text="@Bram de Boer")
    expect(mention).to_be_visible()

    # Quote the colleague's reply: a link that fills the form's quote.
    bram = page.locator("article", has_text="een mandaat van het college").first
    bram.get_by_role("link", name="Citeren").click()
    expect(page.get_by_text("Je citeert")).to_be_visible()
    check_both_widths(page, "gesprek met een citaat in het formulier")
    page.get_by_label("Je reactie").fill("Dat sluit aan bij wat wij doen.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    quoted = page.locator("article", has_text="Dat sluit aan bij wat wij doen.")
    expect(quoted.locator("blockquote")).to_contain_text("Bram de Boer schreef")

    # Within the hour the author edits it, and is asked before deleting.
    quoted.get_by_role("link", name="Bewerken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijdrage bewerken")
    check_both_widths(page, "bijdrage bewerken")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    quoted = page.locator("article", has_text="Dat sluit aan bij wat wij doen.")
    quoted.get_by_role("link", name="Verwijderen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijdrage verwijderen?")
    check_both_widths(page, "bijdrage verwijderen")
    page.get_by_role("link", name="Nee, terug naar het gesprek").click()

    # The asker, in a browser of her own, chooses the reply that named Bram.
    with browser_page(browser, live_server) as asker_page:
        log_in(asker_page, people["asker"].email)
        asker_page.goto("/gesprekken/mandaat/")
        chosen = asker_page.locator("article", has_text="hoe ging dat bij jullie?").first
        chosen.get_by_role("button", name="Als antwoord kiezen").click()
        expect(asker_page.get_by_text("Je hebt deze reactie als antwoord gekozen.")).to_be_visible()
        answer = asker_page.get_by_role("region", name="Antwoord, gekozen door de vraagsteller")
        expect(answer).to_contain_text("hoe ging dat bij jullie?")
        expect(asker_page.get_by_text("Vraag · beantwoord")).to_be_visible()
        check_both_widths(asker_page, "beantwoorde vraag")

    # The member sees the answer first too.
    page.goto("/gesprekken/mandaat/")
    headings = page.get_by_role("heading", level=2).all_inner_texts()
    assert headings[0] == "Antwoord, gekozen door de vraagsteller"
    assert re.match(r"^\d+ reacties$", headings[1])
