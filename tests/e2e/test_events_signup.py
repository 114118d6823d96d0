"""Signing up in a browser: free as a member, a non-member's price, the waiting list, a leergang."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from events import services
from events.models import Registration, RegistrationStatus
from members.membership import membership_on
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import ONLINE_URL, browser_page, fill_login, log_in, path
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    guest,
    in_days,
    member,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def check_both_widths(page, label):
    """axe at 1280 px and at 375 px, where nothing may scroll sideways."""
    assert_accessible(page, f"{label} (1280 px)")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], label
    assert_accessible(page, f"{label} (375 px)")
    page.set_viewport_size(DESKTOP)


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def organisation_of(user):
    return membership_on(user).organisation.name


@pytest.fixture
def other_page(browser, live_server):
    """A second person's browser, beside the `page` of the first."""
    with browser_page(browser, live_server) as page:
        yield page


# --- 1. a member signs up free, gets the link, and cancels --------------------------------


# A whole journey with axe at two widths on each new page: more than the default budget.
@pytest.mark.timeout(300)
def test_a_member_signs_up_free_sees_the_online_link_and_cancels(page):
    user = member(full_name="Lieke de Lid")
    event = EventPageFactory(
        title="Webinar opgave-sturing",
        slug="webinar-opgave-sturing",
        event_type="webinar",
        form="online",
        venue="",
        address="",
        online_url=ONLINE_URL,
        online_details="Toegangscode 4821",
    )
    log_in(page, user.email)

    page.goto(path(event))
    box = page.locator(".signup")
    expect(box.locator(".price__amount")).to_have_text("Gratis voor leden")
    expect(box.locator(".price__why")).to_have_text(f"{organisation_of(user)} is lid.")
    expect(page.get_by_role("heading", name="Online meedoen")).to_have_count(0)
    assert ONLINE_URL not in page.content()
    assert_accessible(page, "activiteit (open, lid)")

    box.get_by_role("link", name="Aanmelden", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(path(event, "aanmelden/")) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden: Webinar opgave-sturing")
    expect(page.get_by_text("Factuurgegevens")).to_have_count(0)  # members get no invoice
    expect(page.get_by_label("Dieetwensen")).to_have_count(0)  # online: nobody eats here
    assert_accessible(page, "aanmelden (lid)")

    page.get_by_label("Wat heb je nodig om goed mee te kunnen doen?").fill("ondertiteling")
    page.get_by_label("Andere deelnemers mogen mijn naam en organisatie zien").check()
    page.get_by_role("button", name="Meld me aan").click()

    # Free: one step, then the receipt.
    expect(page).to_have_url(re.compile(re.escape(path(event, "aanmelden/klaar/")) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent aangemeld")
    expect(page.locator("main")).to_contain_text("ondertiteling")
    expect(page.locator("main")).to_contain_text("Gratis voor leden")
    check_both_widths(page, "ontvangstbewijs (lid)")

    page.get_by_role("link", name="Terug naar de activiteit").click()
    expect(page.locator(".signup__state")).to_have_text("Je bent aangemeld")
    expect(page.get_by_role("link", name="Naar de online bijeenkomst")).to_have_attribute(
        "href", ONLINE_URL
    )
    expect(page.get_by_text("Toegangscode 4821")).to_be_visible()
    assert_accessible(page, "activiteit (aangemeld)")

    registration = Registration.objects.get(event=event, user=user)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.price == 0 and registration.accessibility == "ondertiteling"
    (confirmation,) = mails_to(user)
    assert confirmation.subject == "Je bent aangemeld: Webinar opgave-sturing"
    assert path(event) in confirmation.body
    assert ONLINE_URL in confirmation.body and "Toegangscode 4821" in confirmation.body
    assert any(name.endswith(".ics") for name, *_rest in confirmation.attachments)

    page.goto("/mijn-leerhuis/")
    expect(page.get_by_role("link", name="Webinar opgave-sturing", exact=True)).to_be_visible()
    expect(page.locator(".registration-list")).to_contain_text("Aangemeld")
    assert_accessible(page, "mijn leerhuis (met aanmelding)")

    page.get_by_role("link", name="Afmelden voor Webinar opgave-sturing").click()
    expect(page).to_have_url(re.compile(re.escape(path(event, "afmelden/")) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Afmelden: Webinar opgave-sturing")
    expect(page.get_by_text("Weet je zeker dat je je afmeldt?")).to_be_visible()
    assert_accessible(page, "afmelden")

    page.get_by_role("button", name="Ja, meld me af").click()
    expect(page).to_have_url(re.compile(re.escape(path(event)) + "$"))
    expect(page.locator(".messages")).to_contain_text(
        "Je bent afgemeld voor Webinar opgave-sturing."
    )
    expect(page.get_by_role("link", name="Naar de online bijeenkomst")).to_have_count(0)
    expect(
        page.locator(".signup").get_by_role("link", name="Aanmelden", exact=True)
    ).to_be_visible()
    assert_accessible(page, "activiteit (na afmelden)")

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert [m.subject for m in mails_to(user)][-1] == "Je bent afgemeld: Webinar opgave-sturing"

    # The cancel link again (an old mail, a second click): said plainly, not a 404.
    answer = page.goto(path(event, "afmelden/"))
    assert answer.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent al afgemeld")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert_accessible(page, f"al afgemeld ({width} px)")

    # The receipt of a cancelled place says so, and that it costs nothing.
    page.goto(path(event, "aanmelden/klaar/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent afgemeld")
    expect(page.locator("main")).to_contain_text("Geen kosten")
    check_both_widths(page, "ontvangstbewijs (afgemeld)")


# --- 2. a non-member: the price, why, and the kostenplaats --------------------------------


# A whole journey with axe at two widths on each new page: more than the default budget.
@pytest.mark.timeout(300)
def test_a_non_member_sees_the_price_and_must_give_a_kostenplaats(page):
    user = guest(full_name="Gijs Gast")
    organisation = organisation_of(user)
    event = EventPageFactory(
        title="Bijeenkomst opdrachtgeverschap", slug="opdrachtgeverschap", price_non_member=95
    )

    # Anonymous: both prices, and signing up goes through logging in and back.
    page.goto(path(event))
    prices = page.locator(".signup .price__list")
    expect(prices).to_contain_text("Gratis voor leden")
    expect(prices).to_contain_text("€ 95,00 voor niet-leden (exclusief btw, factuur achteraf)")
    expect(page.get_by_text("Je logt eerst in; een account is gratis.")).to_be_visible()
    assert_accessible(page, "activiteit (anoniem)")

    page.locator(".signup").get_by_role("link", name="Aanmelden", exact=True).click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=.*aanmelden"))
    fill_login(page, user.email)
    expect(page).to_have_url(re.compile(re.escape(path(event, "aanmelden/")) + "$"))

    expect(page.locator(".price__amount")).to_have_text("€ 95,00 (exclusief btw)")
    expect(page.locator(".price__why")).to_have_text(
        f"{organisation} is geen lid van de vereniging. Je organisatie krijgt achteraf een factuur."
    )
    expect(page.get_by_role("group", name="Factuurgegevens")).to_be_visible()
    expect(page.get_by_label("Factuur aan (organisatie)")).to_have_value(organisation)
    assert_accessible(page, "aanmelden (niet-lid)")

    # Submitted without a kostenplaats: shown again, with the error, nothing lost or saved.
    page.get_by_label("Dieetwensen").fill("halal")
    page.get_by_role("button", name="Ga naar overzicht").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text("Controleer wat je hebt ingevuld")
    reference = page.get_by_label("Inkoopordernummer of kostenplaats")
    expect(reference).to_have_attribute("aria-invalid", "true")
    expect(reference).to_have_attribute(
        "aria-describedby", re.compile(r"\bid_billing_reference_error\b")
    )
    expect(page.locator("#id_billing_reference_error")).to_have_text(
        "Fout: Vul het inkoopordernummer of de kostenplaats in."
    )
    expect(page.get_by_label("Dieetwensen")).to_have_value("halal")
    assert not Registration.objects.filter(event=event).exists()
    assert_accessible(page, "aanmelden met fout")

    # The summary says what to fix, not the question again.
    summary.get_by_role("link", name="Vul het inkoopordernummer of de kostenplaats in.").click()
    expect(reference).to_be_focused()
    reference.fill("KP-4711")
    page.get_by_role("button", name="Ga naar overzicht").click()

    # The overview: what it costs and where the invoice goes, before it is final.
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer je aanmelding")
    main = page.locator("main")
    for shown in ("€ 95,00 (exclusief btw)", organisation, "KP-4711", user.email, "halal"):
        expect(main).to_contain_text(shown)
    assert not Registration.objects.filter(event=event).exists()
    check_both_widths(page, "overzicht (niet-lid)")

    # Back to change: nothing lost.
    page.get_by_role("button", name="Terug om te wijzigen").click()
    expect(reference).to_have_value("KP-4711")
    expect(page.get_by_label("Dieetwensen")).to_have_value("halal")
    page.get_by_role("button", name="Ga naar overzicht").click()
    page.get_by_role("button", name="Aanmelding bevestigen").click()

    # (The browser keeps the #fragment of the summary's link across the redirects.)
    expect(page).to_have_url(re.compile(re.escape(path(event, "aanmelden/klaar/")) + "(#.*)?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent aangemeld")
    expect(main).to_contain_text("€ 95,00 (exclusief btw)")
    expect(main).to_contain_text("KP-4711")
    check_both_widths(page, "ontvangstbewijs (niet-lid)")

    page.goto(path(event))
    expect(page.locator(".signup__state")).to_have_text("Je bent aangemeld")
    expect(page.locator(".signup .price__amount")).to_have_text("€ 95,00 (exclusief btw)")
    assert_accessible(page, "activiteit (aangemeld, niet-lid)")

    registration = Registration.objects.get(event=event, user=user)
    assert registration.price == 95 and not registration.is_member
    assert registration.billing_organisation == organisation
    assert registration.billing_reference == "KP-4711"
    assert registration.dietary == "halal"
    (confirmation,) = mails_to(user)
    assert "€\xa095,00" in confirmation.body and "KP-4711" in confirmation.body


# --- 3. full: the waiting list, and a place when someone cancels ----------------------------


# A whole journey with axe at two widths on each new page: more than the default budget.
@pytest.mark.timeout(300)
def test_a_full_meeting_puts_you_on_the_waiting_list_until_someone_cancels(page, other_page):
    event = EventPageFactory(title="Netwerkdag opgave-managers", slug="netwerkdag", capacity=1)
    holder, waiting = member(), member()
    services.register(event, holder, services.Answers())

    log_in(page, waiting.email)
    page.goto(path(event))
    box = page.locator(".signup")
    expect(box).to_contain_text("Deze activiteit is vol.")
    assert_accessible(page, "activiteit (vol)")

    box.get_by_role("link", name="Vol – meld je aan voor de wachtlijst").click()
    expect(page.get_by_text("Je komt op de wachtlijst.")).to_be_visible()
    assert_accessible(page, "aanmelden (wachtlijst)")
    page.get_by_role("button", name="Zet me op de wachtlijst").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Je staat op de wachtlijst, plek 1")
    check_both_widths(page, "ontvangstbewijs (wachtlijst)")
    page.get_by_role("link", name="Terug naar de activiteit").click()
    expect(page.locator(".signup__state")).to_have_text("Je staat op de wachtlijst (plaats 1)")
    assert_accessible(page, "activiteit (op de wachtlijst)")
    assert [m.subject for m in mails_to(waiting)] == [
        "Je staat op de wachtlijst: Netwerkdag opgave-managers"
    ]

    # The holder cancels in their own browser.
    log_in(other_page, holder.email)
    other_page.goto(path(event, "afmelden/"))
    other_page.get_by_role("button", name="Ja, meld me af").click()
    expect(other_page.locator(".messages")).to_contain_text("Je bent afgemeld")

    page.reload()
    expect(page.locator(".signup__state")).to_have_text("Je bent aangemeld")
    assert [m.subject for m in mails_to(waiting)][-1] == (
        "Er is een plaats voor je: Netwerkdag opgave-managers"
    )
    assert event.registrations.confirmed().get().user == waiting


# --- 4. a leergang, a colleague in my place, and all my registrations ----------------------


# A whole journey with axe at two widths on each new page: more than the default budget.
@pytest.mark.timeout(300)
def test_a_leergang_is_booked_and_a_colleague_is_sought_for_one_session(page):
    user = member(full_name="Lieke de Lid")
    track = LearningTrackPageFactory(title="Leergang opgave-sturing", price_non_member=450)
    first, second = (
        EventPageFactory(title=f"Module {n}", learning_track=track, start=in_days(days))
        for n, days in ((1, 10), (2, 17))
    )
    log_in(page, user.email)

    page.goto(track.url)
    expect(page.locator("h1")).to_have_text("Leergang opgave-sturing")
    assert_accessible(page, "leergang")
    page.get_by_role("link", name="Leergang boeken").click()
    assert_accessible(page, "leergang boeken")
    page.get_by_role("button", name="Boek de leergang").click()
    expect(page).to_have_url(re.compile(re.escape(track.url) + "aanmelden/klaar/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Je hebt de leergang geboekt")
    check_both_widths(page, "leergang geboekt")
    assert Registration.objects.filter(user=user, learning_track=track).count() == 2

    page.goto(path(first, "collega/"))
    assert_accessible(page, "collega")
    page.get_by_label("E-mailadres van je collega").fill("niemand@elders.example")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator("body")).to_contain_text("Dit is geen adres van")
    assert_accessible(page, "collega met fout")

    page.goto("/mijn-leerhuis/aanmeldingen/")
    expect(page.locator("main")).to_contain_text(second.title)
    assert_accessible(page, "mijn aanmeldingen")
