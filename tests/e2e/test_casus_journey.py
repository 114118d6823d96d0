"""A praktijkcasus from a member's form to the kennisbank, in a browser: the member writes,
saves a draft, fixes what is missing and submits; a Moderator (staff, no superuser, logged in
with MFA) decides in Wagtail's admin; the published case is in the kennisbank and in search.
axe on every page of ours (the admin is Wagtail's), the member's pages also at 375 px."""

import importlib
import re
from contextlib import contextmanager

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import expect

from leerhuis.knowledge import cases
from leerhuis.knowledge.models import CasePage
from members.membership import membership_on
from tests.e2e.admin import log_in_staff
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import log_in, too_wide
from tests.events_factories import member, themes
from tests.knowledge.case_helpers import FORM, moderator, restore_moderator_rights, submitted_case
from tests.knowledge_factories import kennisbank_page

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = FORM["title"]
# A word only the approach holds: search must find the case by its body, not by its title.
APPROACH_WORD = "kwartiermaker"
PARTS = {
    "Samenvatting": "Hoe Veenendaal de wijkaanpak in Zuid als één opgave organiseerde.",
    "De opgave": "De wijk Zuid vroeg om meer dan losse projecten van losse afdelingen.",
    "Aanpak": f"Een {APPROACH_WORD} met mandaat.\n\n- een kernteam\n- een bestuurlijk trekker",
    "Resultaten": "Minder overleg, meer resultaat in de straat.",
    "Lessen": "Regel het mandaat vooraf, schriftelijk.",
}
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(autouse=True)
def _case_review(db):
    """What the migrations made and a live-server test's flush took away: the workflow
    "Praktijkcasussen beoordelen" for Moderatie and the roles' access to the admin."""
    importlib.import_module(
        "leerhuis.knowledge.migrations.0004_case_review_workflow"
    ).create_case_workflow(django_apps)
    importlib.import_module("glossary.migrations.0004_editor_permissions").grant_permissions(
        django_apps
    )
    restore_moderator_rights()
    kennisbank_page()
    themes("Wonen", "Bestuur")


def check_both_widths(page, label):
    """axe at 1280 px and at 375 px, where nothing may scroll sideways."""
    assert_accessible(page, f"{label} (1280 px)")
    page.set_viewport_size(PHONE)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], too_wide(page)
    assert_accessible(page, f"{label} (375 px)")
    page.set_viewport_size(DESKTOP)


def fill_case(page):
    page.get_by_label("Titel").fill(TITLE)
    for label, text in PARTS.items():
        page.get_by_label(label).fill(text)
    # Themes and readers are groups of options, each named by its question (a legend).
    page.get_by_role("group", name=re.compile(r"^Thema's")).get_by_label("Wonen").check()
    readers = page.get_by_role("group", name="Wie mag de casus lezen?")
    expect(readers.get_by_label("iedereen")).to_be_checked()
    page.get_by_label("Toon mijn naam en organisatie").check()


def member_writes_and_submits(page, author):
    log_in(page, author.email)
    page.goto("/mijn-leerhuis/")
    page.get_by_role("link", name="Een praktijkcasus indienen").click()
    expect(page).to_have_url(re.compile(r"/kennisbank/casus-indienen/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Een praktijkcasus indienen")
    check_both_widths(page, "casus indienen")

    fill_case(page)
    page.get_by_role("button", name="Concept opslaan").click()
    expect(page).to_have_url(re.compile(r"/kennisbank/casus-indienen/\d+/$"))
    expect(page.get_by_text("Je concept is opgeslagen.")).to_be_visible()
    expect(page.locator(".case-state")).to_contain_text("Concept, nog niet ingediend")
    expect(page.get_by_label("Aanpak")).to_have_value(PARTS["Aanpak"])

    # Submitting asks for the lessons: shown again, the summary focused, nothing lost.
    page.get_by_label("Lessen").fill("")
    page.get_by_label("Resultaten").fill("Minder overleg, meer resultaat; en sneller.")
    page.get_by_role("button", name="Indienen bij de redactie").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Controleer wat je hebt ingevuld")
    expect(summary.get_by_role("link")).to_have_text(
        ["Lessen: Vul 'Lessen' in voordat je de casus indient."]
    )
    expect(page.get_by_label("Resultaten")).to_have_value(
        "Minder overleg, meer resultaat; en sneller."
    )
    expect(page.get_by_label("Aanpak")).to_have_value(PARTS["Aanpak"])
    expect(page.get_by_label("Lessen")).to_have_attribute("aria-invalid", "true")
    check_both_widths(page, "casus indienen met fout")

    summary.get_by_role("link").click()
    expect(page.get_by_label("Lessen")).to_be_focused()
    page.get_by_label("Lessen").fill(PARTS["Lessen"])
    page.get_by_role("button", name="Indienen bij de redactie").click()

    expect(page).to_have_url(re.compile(r"/mijn-leerhuis/#praktijkcasussen$"))
    expect(page.get_by_text("Je casus ligt bij de redactie")).to_be_visible()
    mine = page.locator(".case-list li")
    expect(mine).to_have_count(1)
    expect(mine).to_contain_text(TITLE)
    expect(mine).to_contain_text("Ingediend, wacht op beoordeling")
    check_both_widths(page, "mijn leerhuis: casus ingediend")
    return CasePage.objects.get(title=TITLE)


@contextmanager
def moderator_in_admin(browser, base_url):
    """A Moderator's own browser context, in /admin/ after password and TOTP code."""
    context = browser.new_context(base_url=base_url, locale="nl-NL", viewport=DESKTOP)
    context.set_default_timeout(15_000)
    try:
        yield log_in_staff(context.new_page(), moderator())
    finally:
        context.close()


def awaiting_review(page):
    return page.get_by_role("region", name="In afwachting van jouw beoordeling")


def moderator_approves(browser, base_url, case):
    with moderator_in_admin(browser, base_url) as page:
        awaiting_review(page).get_by_role("link", name=TITLE).click()
        expect(page).to_have_url(re.compile(rf"/admin/pages/{case.pk}/edit/$"))
        page.get_by_role("button", name="Meer acties").click()
        page.get_by_role("button", name="Goedkeuren en publiceren").click()
        expect(page.locator(".messages")).to_contain_text(TITLE)


def test_a_member_submits_a_case_an_editor_approves_it_and_readers_find_it(
    page, browser, live_server
):
    author = member(full_name="Fenna de Vries")
    case = member_writes_and_submits(page, author)
    assert not case.live

    moderator_approves(browser, live_server.url, case)
    case.refresh_from_db()
    assert case.live

    page.goto("/kennisbank/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(page, "kennisbank")
    page.get_by_label("Soort").select_option("praktijkcasus")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/kennisbank/\?.*type=praktijkcasus"))
    card = page.locator(".article-card")
    expect(card).to_have_count(1)
    expect(card.locator(".article-card__kicker")).to_contain_text("Praktijkcasus")
    expect(card.get_by_role("link", name="Wonen")).to_be_visible()
    assert_accessible(page, "kennisbank: praktijkcasussen")

    card.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    for heading in ("De opgave", "Aanpak", "Resultaten", "Lessen"):
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="een kernteam")).to_be_visible()
    facts = page.locator(".article__facts")
    expect(facts).to_contain_text("Fenna de Vries")  # the author agreed to be named
    expect(facts).to_contain_text(membership_on(author).organisation.name)
    assert_accessible(page, "praktijkcasus")

    page.goto(f"/zoeken/?q={APPROACH_WORD}")
    types = page.get_by_role("navigation", name="Soort resultaten")
    types.get_by_role("link", name=re.compile(r"^Praktijkcasussen \(1\)")).click()
    expect(page.get_by_role("status")).to_have_text("Praktijkcasussen: 1 resultaat")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(page, "zoeken: praktijkcasus")


def test_the_redactie_asks_for_changes_and_the_member_revises_and_resubmits(
    page, browser, live_server
):
    author = member(full_name="Fenna de Vries")
    case = submitted_case(author, themes("Wonen")[0])
    comment = "Noem ook wat het kostte, en wie het betaalde."

    with moderator_in_admin(browser, live_server.url) as admin:
        awaiting_review(admin).get_by_role("link", name=TITLE).click()
        admin.get_by_role("button", name="Meer acties").click()
        admin.get_by_role("button", name="Wijzigingsverzoek").click()
        dialog = admin.get_by_role("dialog")
        dialog.get_by_label("Opmerking").fill(comment)
        dialog.get_by_role("button", name="Wijzigingsverzoek").click()
        expect(admin.locator(".messages")).to_contain_text(TITLE)
        admin.goto("/admin/")
        expect(awaiting_review(admin)).to_have_count(0)
    assert cases.state_of(case).code == "wijzigingen"

    log_in(page, author.email)
    page.goto("/mijn-leerhuis/")
    mine = page.locator(".case-list li")
    expect(mine).to_contain_text("De redactie vraagt om wijzigingen")
    expect(mine).to_contain_text(f"Opmerking van de redactie: {comment}")
    check_both_widths(page, "mijn leerhuis: wijzigingen gevraagd")

    # The title is in a visually hidden span, absolutely positioned: Chromium reads a space
    # before it ("indienen : Wijkaanpak ...").
    mine.get_by_role(
        "link", name=re.compile(rf"^Wijzigen en opnieuw indienen\s?: {TITLE}$")
    ).click()
    expect(page.locator(".case-state")).to_contain_text(comment)
    check_both_widths(page, "casus wijzigen na een opmerking")
    page.get_by_label("Resultaten").fill("Minder overleg; het kostte twee jaar en één fte.")
    page.get_by_role("button", name="Opnieuw indienen").click()

    expect(mine).to_contain_text("Ingediend, wacht op beoordeling")
    assert cases.state_of(case).code == "ingediend"
    assert "één fte" in CasePage.objects.get(pk=case.pk).get_latest_revision_as_object().results
