"""Stuur een collega in a browser: a member invites a colleague who has no account yet; the
colleague signs up, verifies the address, comes back and takes the place over. Axe at 375
and 1280 px on the send form and the colleague's page, in each state met on the way."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from events.models import Registration, RegistrationStatus
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page, log_in, path, too_wide
from tests.events_factories import EventPageFactory
from tests.factories import PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (375, 1280)


def accessible_at_both_widths(page, label):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page, f"{label} ({width} px)")
        if width == 375:
            assert too_wide(page) == [], label


@pytest.fixture
def colleague_page(browser, live_server):
    """The colleague's own browser: a phone."""
    with browser_page(browser, live_server, viewport={"width": 375, "height": 800}) as page:
        yield page


def link_in(message, pattern):
    return re.search(rf"https?://\S+?({pattern})", message.body).group(1)


def test_a_colleague_without_an_account_takes_over_the_place(page, colleague_page):
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    sender = UserFactory(email="astrid@veenendaal.nl", full_name="Astrid de Vries")
    event = EventPageFactory(title="Studiedag opgave-sturing", slug="studiedag")
    Registration.objects.create(event=event, user=sender, name=sender.full_name, email=sender.email)
    log_in(page, sender.email)

    # The sender: the link on the meeting page, a refused address, then the right one.
    page.goto(path(event))
    page.get_by_role("link", name="Stuur een collega in je plaats").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stuur een collega: Studiedag opgave-sturing"
    )
    accessible_at_both_widths(page, "collega sturen")
    page.get_by_label("E-mailadres van je collega").fill("ruud@gmail.com")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_role("heading", name="Controleer wat je hebt ingevuld")).to_be_visible()
    expect(page.locator(".error-summary")).to_contain_text("Dit is geen adres van Gemeente")
    accessible_at_both_widths(page, "collega sturen met fout")
    page.get_by_label("E-mailadres van je collega").fill("ruud@veenendaal.nl")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page).to_have_url(re.compile(re.escape(path(event)) + "$"))
    expect(page.locator(".messages")).to_contain_text("We hebben ruud@veenendaal.nl uitgenodigd")

    page.goto("/mijn-leerhuis/")
    expect(page.locator(".registration-list")).to_contain_text(
        "Uitnodiging verstuurd aan ruud@veenendaal.nl, geldig tot"
    )
    page.get_by_role("link", name="Bekijken of intrekken voor Studiedag opgave-sturing").click()
    expect(page.get_by_role("button", name="Uitnodiging intrekken")).to_be_visible()
    accessible_at_both_widths(page, "collega sturen, uitnodiging open")

    # The colleague: the link from the mail, on a phone, without an account.
    [invitation] = [m for m in mail.outbox if m.to == ["ruud@veenendaal.nl"]]
    accept = link_in(invitation, r"/activiteiten/studiedag/collega/[^/\s]+/")
    colleague_page.goto(accept)
    expect(colleague_page.get_by_role("heading", level=1)).to_have_text(
        "Uitnodiging: Studiedag opgave-sturing"
    )
    expect(colleague_page.locator("main")).to_contain_text("Astrid de Vries kan niet komen")
    accessible_at_both_widths(colleague_page, "uitnodiging, niet ingelogd")

    colleague_page.locator("main").get_by_role("link", name="Account aanmaken").click()
    colleague_page.get_by_label("Volledige naam").fill("Ruud Smit")
    colleague_page.get_by_label("E-mail").fill("ruud@veenendaal.nl")
    colleague_page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    colleague_page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    colleague_page.get_by_role("button", name="Account aanmaken").click()
    expect(colleague_page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    verify = [m for m in mail.outbox if "/accounts/confirm-email/" in m.body][-1]
    colleague_page.goto(link_in(verify, r"/accounts/confirm-email/\S+/"))
    colleague_page.get_by_role("button", name="Bevestig", exact=True).click()

    # Back by way of logging in, to the invitation: the price, and taking the place over.
    expect(colleague_page).to_have_url(re.compile(r"/accounts/login/\?next="))
    colleague_page.get_by_label("E-mail").fill("ruud@veenendaal.nl")
    colleague_page.get_by_label("Wachtwoord").fill(PASSWORD)
    colleague_page.get_by_role("button", name="Inloggen").click()
    expect(colleague_page).to_have_url(re.compile(re.escape(accept) + "$"))
    expect(colleague_page.locator(".price__amount")).to_have_text("Gratis voor leden")
    accessible_at_both_widths(colleague_page, "uitnodiging, klaar om over te nemen")
    colleague_page.get_by_role("button", name="Plaats overnemen").click()

    expect(colleague_page).to_have_url(re.compile(re.escape(path(event)) + "$"))
    expect(colleague_page.locator(".messages")).to_contain_text(
        "Je hebt de plaats van Astrid de Vries overgenomen"
    )
    expect(colleague_page.locator(".signup__state")).to_have_text("Je bent aangemeld")
    colleague_page.goto(accept)
    expect(colleague_page.locator("main")).to_contain_text("Je hebt deze plaats overgenomen.")
    accessible_at_both_widths(colleague_page, "uitnodiging, overgenomen")

    mine = Registration.objects.get(event=event, user=sender)
    assert mine.status == RegistrationStatus.CANCELLED and mine.replaced_by.user.full_name == (
        "Ruud Smit"
    )


def test_an_unknown_or_refused_link_reads_well_at_both_widths(page):
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    event = EventPageFactory(title="Studiedag opgave-sturing", slug="studiedag")
    page.goto(path(event, "collega/bestaat-niet/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet")
    accessible_at_both_widths(page, "onbekende uitnodiging")

    # A place on the waiting list is not one to give: the form explains instead.
    waiting = UserFactory(email="wacht@veenendaal.nl")
    Registration.objects.create(
        event=event, user=waiting, name="Wacht", status=RegistrationStatus.WAITLISTED
    )
    log_in(page, waiting.email)
    page.goto(path(event))
    expect(page.get_by_role("link", name="Stuur een collega in je plaats")).to_have_count(0)
    page.goto(path(event, "collega/"))
    expect(page.get_by_role("alert")).to_contain_text("Een plaats op de wachtlijst")
    expect(page.get_by_label("E-mailadres van je collega")).to_have_count(0)
    accessible_at_both_widths(page, "collega sturen geweigerd")
