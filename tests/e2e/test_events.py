"""Meetings in a browser: signing up free as a member and cancelling, a non-member's price
and billing details, the waiting list and its promotion, the calendar's filters, and the
409/403 answers, with axe on every page and form state on the way."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from events import services
from events.models import Registration, RegistrationStatus
from members.membership import membership_on
from tests.e2e.axe import assert_accessible
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    guest,
    in_days,
    member,
)
from tests.events_factories import themes as vocabulary
from tests.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)

ONLINE_URL = "https://meet.example.org/opgave-sturing-4821"


def path(event, route=""):
    return f"/activiteiten/{event.slug}/{route}"


def log_in(page, email):
    page.goto("/accounts/login/")
    fill_login(page, email)
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_be_visible()


def fill_login(page, email):
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def organisation_of(user):
    return membership_on(user).organisation.name


@pytest.fixture
def other_page(browser, live_server):
    """A second person's browser, beside the `page` of the first."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", bypass_csp=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


# --- 1. a member signs up free, gets the link, and cancels --------------------------------


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
    page.get_by_role("button", name="Aanmelden").click()

    expect(page).to_have_url(re.compile(re.escape(path(event)) + "$"))
    expect(page.locator(".messages")).to_contain_text(
        "Je bent aangemeld. De bevestiging staat in je mail."
    )
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


# --- 2. a non-member: the price, why, and the kostenplaats --------------------------------


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
    page.get_by_role("button", name="Aanmelden").click()
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

    summary.get_by_role(
        "link", name="Inkoopordernummer of kostenplaats: Vul het inkoopordernummer"
    ).click()
    expect(reference).to_be_focused()
    reference.fill("KP-4711")
    page.get_by_role("button", name="Aanmelden").click()

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
    page.get_by_role("button", name="Op de wachtlijst").click()

    expect(page.locator(".messages")).to_contain_text("Je staat op de wachtlijst.")
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


# --- 4. the calendar's filters, the empty state and the month view -------------------------


def meeting(title, days, themes, **kwargs):
    start = in_days(days, 10)
    event = EventPageFactory(
        title=title, start=start, end=start + datetime.timedelta(hours=6), **kwargs
    )
    event.themes.add(*vocabulary(*themes))
    event.save()
    return event


def test_the_calendar_filters_narrow_the_list_and_the_url_carries_them(page):
    # The first meeting on the 3rd of next month, so the month view always has to move on.
    today = timezone.localdate()
    first_day = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=3)
    days = (first_day - today).days
    meeting("Netwerkdag Friesland", days, ["Opgave-sturing"], event_type="netwerkdag")
    meeting(
        "Webinar sociaal domein",
        days + 9,
        ["Sociaal domein"],
        event_type="webinar",
        form="online",
        online_url=ONLINE_URL,
    )
    meeting("Bijeenkomst wonen", days + 17, ["Wonen"], form="hybride", online_url=ONLINE_URL)
    meeting("Workshop opgave-manager", days + 37, ["Opgave-sturing"], event_type="workshop")
    cards = page.locator(".event-card__title a")

    page.goto("/activiteiten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Activiteiten")
    expect(cards).to_have_text(
        [
            "Netwerkdag Friesland",
            "Webinar sociaal domein",
            "Bijeenkomst wonen",
            "Workshop opgave-manager",
        ]
    )
    assert_accessible(page, "/activiteiten/")

    page.get_by_label("Thema").select_option(label="Opgave-sturing")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?(.*&)?thema=opgave-sturing(&|$)"))
    expect(cards).to_have_text(["Netwerkdag Friesland", "Workshop opgave-manager"])
    expect(page.locator(".active-filters")).to_contain_text("Thema: Opgave-sturing")
    expect(page.locator(".calendar-count")).to_contain_text("2 activiteiten gevonden")
    assert_accessible(page, "/activiteiten/?thema=…")

    page.get_by_label("Soort").select_option(label="Workshop")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"thema=opgave-sturing.*type=workshop"))
    expect(cards).to_have_text(["Workshop opgave-manager"])

    # The filtered URL is shareable: opened afresh it shows the same.
    shared = page.url
    page.goto(shared)
    expect(cards).to_have_text(["Workshop opgave-manager"])

    page.get_by_label("Vorm").select_option(label="Online")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"vorm=online"))
    expect(cards).to_have_count(0)
    expect(page.get_by_text("Geen activiteiten gevonden.")).to_be_visible()
    assert_accessible(page, "/activiteiten/ (geen resultaten)")

    page.get_by_role("link", name="bekijk alle activiteiten").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/$"))
    expect(cards).to_have_count(4)

    # The month view: this month (nothing yet), then on to the next.
    with translation.override("nl"):
        this_month = date_format(today, "F Y")
        label = date_format(first_day, "F Y")
        day = date_format(first_day, "l j F")
    page.get_by_role("link", name="Per maand").click()
    expect(page).to_have_url(re.compile(rf"maand={today:%Y-%m}"))
    expect(
        page.get_by_role("heading", level=2, name=f"Activiteiten in {this_month}")
    ).to_be_visible()
    expect(page.get_by_text("Geen activiteiten gevonden.")).to_be_visible()
    # By keyboard: a mouse click from Playwright aims at the link's first box, which is the
    # 1-px visually hidden "Volgende maand:" just outside it (people click the text itself).
    page.get_by_role("link", name=f"Volgende maand: {label}").press("Enter")
    expect(page).to_have_url(re.compile(rf"maand={first_day:%Y-%m}"))
    expect(page.get_by_role("heading", level=2, name=f"Activiteiten in {label}")).to_be_visible()
    expect(cards).to_have_text(
        ["Netwerkdag Friesland", "Webinar sociaal domein", "Bijeenkomst wonen"]
    )
    day_section = page.get_by_role("region", name=day)
    expect(day_section.locator(".event-card__title a").first).to_have_text("Netwerkdag Friesland")
    assert_accessible(page, "/activiteiten/?maand=…")


# --- 5. bad input: a cancelled meeting (409) and a members-only one (403) ------------------


def test_signing_up_for_a_cancelled_meeting_is_refused_in_dutch(page):
    user = member()
    event = EventPageFactory(
        title="Leergang-dag Alphen", status="geannuleerd", status_note="De spreker is ziek."
    )
    log_in(page, user.email)

    page.goto(path(event))
    expect(page.get_by_text("Geannuleerd: deze activiteit gaat niet door.")).to_be_visible()
    expect(page.locator(".signup__state")).to_have_text("Deze activiteit gaat niet door.")
    expect(page.locator(".signup").get_by_role("link", name="Aanmelden")).to_have_count(0)
    assert_accessible(page, "activiteit (geannuleerd)")

    response = page.goto(path(event, "aanmelden/"))
    assert response.status == 409
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Deze activiteit gaat niet door.")
    expect(alert).to_contain_text("Je bent niet aangemeld; er is niets opgeslagen.")
    assert_accessible(page, "aanmelden (409)")
    page.get_by_role("link", name="Terug naar de activiteit").click()
    expect(page).to_have_url(re.compile(re.escape(path(event)) + "$"))
    assert not Registration.objects.filter(event=event).exists()


def test_nobody_cancels_someone_elses_registration(page):
    user, other = member(), member()
    event = EventPageFactory(title="Bijeenkomst Veenendaal")
    theirs, _created = services.register(event, other, services.Answers())
    log_in(page, user.email)

    response = page.goto(path(event, "afmelden/"))
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina bestaat niet (meer)")
    assert_accessible(page, "afmelden zonder aanmelding (404)")

    # A hand-made POST with the other person's registration: refused, nothing changes.
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        path(event, "afmelden/"),
        form={"csrfmiddlewaretoken": token, "registration": str(theirs.pk)},
    )
    assert response.status == 404
    assert "Deze pagina bestaat niet (meer)" in response.text()
    theirs.refresh_from_db()
    assert theirs.status == RegistrationStatus.CONFIRMED


def test_a_members_only_meeting_refuses_a_guest(page):
    user = guest()
    event = EventPageFactory(
        title="Intervisie voor leden", intro="Alleen tussen lidgemeenten.", visibility="members"
    )
    log_in(page, user.email)

    for url in (path(event), path(event, "aanmelden/")):
        response = page.goto(url)
        assert response.status == 403
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Deze pagina is alleen voor leden"
        )
        expect(page.get_by_text("Alleen tussen lidgemeenten.")).to_have_count(0)
        assert_accessible(page, f"403 ({url})")
    assert not Registration.objects.filter(event=event).exists()


# --- 6. a phone: nothing scrolls sideways --------------------------------------------------


def test_a_meeting_and_the_calendar_fit_a_phone_without_sideways_scrolling(page):
    """Long Dutch compounds, an address and an e-mail address wrap inside 320 px."""
    contact = PersonFactory(
        name="Mirjam de Contactpersoon",
        role="Secretariaat",
        email="secretariaat.opgavesturing@gemeentelijkeprojectbureaus.example",
    )
    event = EventPageFactory(
        title="Opgave-sturing: het opdrachtgevende niveau versterken",
        slug="opgave-sturing-telefoon",
        venue="Cultuurhuis Súdwest-Fryslân, Gemeenteraadsvergaderzaal",
        address="Stadhuisplein 1\n8601 VE Sneek",
        venue_accessibility="Rolstoeltoegankelijkheidsvoorzieningen en een ringleiding aanwezig.",
        form="hybride",
        online_url=ONLINE_URL,
        registration_closes=in_days(14, 17),
        cancellation_deadline=in_days(18, 17),
        contact_person=contact,
    )
    event.themes.add(*vocabulary("Samenwerkingsverbandenopgavesturing", "Opgave-sturing"))
    event.save()

    for width in (320, 390):
        page.set_viewport_size({"width": width, "height": 800})
        for address in (path(event), "/activiteiten/"):
            page.goto(address)
            wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert wider <= 0, f"{address}: {wider}px te breed op {width}px: {too_wide(page)}"


def too_wide(page):
    """The innermost elements that stick out on the right: where to look when this fails."""
    return page.evaluate(
        """() => {
            const out = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
            return [...document.querySelectorAll("body *")]
                .filter(e => out(e) && ![...e.children].some(out))
                .slice(0, 5)
                .map(e => e.outerHTML.slice(0, 100));
        }"""
    )


# --- 6. a leergang, a colleague in my place, and all my registrations ----------------------


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
    page.get_by_role("button", name="Leergang boeken").click()
    expect(page).to_have_url(re.compile(re.escape(track.url) + "$"))
    assert_accessible(page, "leergang geboekt")
    assert Registration.objects.filter(user=user, learning_track=track).count() == 2

    page.goto(path(first, "collega/"))
    assert_accessible(page, "collega")
    page.get_by_label("E-mailadres van je collega").fill("niemand@elders.example")
    page.get_by_role("button", name="Plaats overdragen").click()
    expect(page.locator("body")).to_contain_text("Geen collega van")
    assert_accessible(page, "collega met fout")

    page.goto("/mijn-leerhuis/aanmeldingen/")
    expect(page.locator("main")).to_contain_text(second.title)
    assert_accessible(page, "mijn aanmeldingen")
