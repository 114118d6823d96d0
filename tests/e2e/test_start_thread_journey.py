"""A member in the conversations, in a browser: filters the index by a theme, starts a
question with that theme and lands on it; then replies under an article. axe at 1280 px
and at 375 px on every page of ours along the way, and nothing scrolls sideways on a phone."""

import pytest
from playwright.sync_api import expect

from leerhuis.community.models import Post, Thread
from tests.community_factories import ThreadFactory
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import log_in, too_wide
from tests.events_factories import member, themes
from tests.knowledge_factories import article

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def check_both_widths(page, label):
    page.set_viewport_size(DESKTOP)
    assert_accessible(page, f"{label} (1280 px)")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], too_wide(page)
    assert_accessible(page, f"{label} (375 px)")
    page.set_viewport_size(DESKTOP)


def test_a_member_asks_a_question_on_a_theme_and_replies_under_an_article(page):
    wonen, _bestuur = themes("Wonen", "Bestuur")
    ThreadFactory(title="Woningbouw versnellen", slug="woningbouw").themes.set([wonen])
    ThreadFactory(title="Over iets anders", slug="iets-anders")
    reading = article(title="Sturen op de woonopgave", slug="sturen-op-de-woonopgave")
    user = member(full_name="Petra Mulder")
    log_in(page, user.email)

    page.goto("/gesprekken/")
    expect(page.get_by_role("heading", level=1, name="Gesprekken")).to_be_visible()
    check_both_widths(page, "gesprekken")

    page.get_by_label("Thema").select_option(label="Wonen")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(f"{page.url.split('/gesprekken/')[0]}/gesprekken/?thema=wonen")
    expect(page.get_by_role("link", name="Woningbouw versnellen")).to_be_visible()
    expect(page.get_by_role("link", name="Over iets anders")).to_have_count(0)
    check_both_widths(page, "gesprekken, thema Wonen")

    page.get_by_role("link", name="Nieuw gesprek").click()
    expect(page.get_by_role("heading", level=1, name="Nieuw gesprek")).to_be_visible()
    check_both_widths(page, "nieuw gesprek")
    # Nothing filled in: the form again with what to fix, and axe on that state too.
    page.get_by_role("button", name="Plaatsen").click()
    expect(page.get_by_role("heading", name="Controleer wat je hebt ingevuld")).to_be_visible()
    check_both_widths(page, "nieuw gesprek met fouten")

    page.get_by_label("Titel").fill("Wie bouwt er met een opgave-manager?")
    page.get_by_label("Een vraag", exact=False).check()
    page.get_by_label("Wonen").check()
    page.get_by_label("Tekst").fill("Wij zoeken voorbeelden.\n\nHoe is het mandaat geregeld?")
    page.get_by_role("button", name="Plaatsen").click()

    thread = Thread.objects.get(title="Wie bouwt er met een opgave-manager?")
    expect(page).to_have_url(f"{page.url.split('/gesprekken/')[0]}{thread.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1, name=thread.title)).to_be_visible()
    expect(page.get_by_text("Je vraag staat online.")).to_be_visible()
    assert thread.is_question and list(thread.themes.all()) == [wonen]

    page.goto(reading.url)
    section = page.get_by_role("region", name="Gesprek over dit artikel")
    expect(section).to_be_visible()
    check_both_widths(page, "artikel met gesprek")
    section.get_by_label("Je reactie").fill("Bij ons zit de opgave-manager bij de wethouder.")
    section.get_by_role("button", name="Reageren").click()
    expect(page.get_by_text("Je reactie staat onder het artikel.")).to_be_visible()
    expect(page.get_by_text("Bij ons zit de opgave-manager bij de wethouder.")).to_be_visible()
    assert Post.objects.filter(thread__page=reading).count() == 1
    check_both_widths(page, "artikel met reactie")
