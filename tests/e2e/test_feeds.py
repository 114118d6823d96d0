"""Calendar feeds in a browser: "Zet in je agenda" on a meeting (the .ics download, Google,
Outlook; the online link only for a registrant), the calendar's cards and its subscription
address (following the filters), the personal feed made, renewed and stopped in Mijn
Leerhuis, and all of it at 320 px, with axe on every page and state on the way."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from events import services
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import ONLINE_URL, log_in, path, too_wide
from tests.events_factories import EventPageFactory, in_days, member
from tests.events_factories import themes as vocabulary

pytestmark = pytest.mark.django_db(transaction=True)

ADD_LINKS = ["Agendabestand (.ics)", "Google Agenda", "Outlook (werk of school)", "Outlook.com"]


def online_meeting(**kwargs):
    defaults = {
        "title": "Webinar opgave-sturing",
        "slug": "webinar-agenda",
        "event_type": "webinar",
        "form": "online",
        "venue": "",
        "address": "",
        "online_url": ONLINE_URL,
        "online_details": "Toegangscode 4821",
    }
    return EventPageFactory(**{**defaults, **kwargs})


def unfolded(ics):
    """RFC 5545 folds lines at 75 octets: join them again before looking for text."""
    return re.sub(r"\r?\n[ \t]", "", ics)


def download_ics(page, link):
    with page.expect_download() as info:
        link.click()
    download = info.value
    with open(download.path(), encoding="utf-8") as file:
        return download.suggested_filename, unfolded(file.read())


def hrefs(page):
    return page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")


def feed_path(address):
    """The path and query of a feed address: it is written with settings.BASE_URL, and the
    browser fetches it from the live server."""
    parts = urlsplit(address)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def assert_fits(page, label):
    wider = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert wider <= 0, f"{label}: {wider}px te breed: {too_wide(page)}"


# --- 1. anyone: the download and the links carry no online link ----------------------------


def test_an_anonymous_visitor_puts_a_meeting_in_the_diary_without_the_online_link(page):
    event = online_meeting()

    page.goto(path(event))
    section = page.get_by_role("region", name="Zet in je agenda")
    expect(section.get_by_role("heading", level=2)).to_have_text("Zet in je agenda")
    expect(section.get_by_role("link")).to_have_text(ADD_LINKS)
    assert_accessible(page, "activiteit (anoniem, zet in je agenda)")

    filename, ics = download_ics(page, section.get_by_role("link", name="Agendabestand (.ics)"))
    assert filename == f"{event.slug}.ics"
    assert "BEGIN:VCALENDAR" in ics
    assert "SUMMARY:Webinar opgave-sturing" in ics
    assert ONLINE_URL not in ics and "Toegangscode 4821" not in ics

    google = section.get_by_role("link", name="Google Agenda").get_attribute("href")
    assert google.startswith("https://calendar.google.com/")
    assert parse_qs(urlsplit(google).query)["text"] == ["Webinar opgave-sturing"]
    for office in ("Outlook (werk of school)", "Outlook.com"):
        outlook = section.get_by_role("link", name=office, exact=True).get_attribute("href")
        assert parse_qs(urlsplit(outlook).query)["subject"] == ["Webinar opgave-sturing"]
    assert not [href for href in hrefs(page) if ONLINE_URL in href]
    assert ONLINE_URL not in page.content()


# --- 2. a registrant: the download has the online link, Google and Outlook do not -----------


def test_a_registered_member_gets_the_online_link_in_the_download_only(page):
    user = member(full_name="Lieke de Lid")
    event = online_meeting()
    registration, _created = services.register(event, user, services.Answers())
    assert registration.is_confirmed
    log_in(page, user.email)

    page.goto(path(event))
    section = page.get_by_role("region", name="Zet in je agenda")
    expect(section).to_contain_text(
        "Het agendabestand bevat ook de link om online deel te nemen. "
        "Google en Outlook krijgen die link niet mee."
    )
    assert_accessible(page, "activiteit (aangemeld, zet in je agenda)")

    filename, ics = download_ics(page, section.get_by_role("link", name="Agendabestand (.ics)"))
    assert filename == f"{event.slug}.ics"
    assert "BEGIN:VCALENDAR" in ics and "SUMMARY:Webinar opgave-sturing" in ics
    assert ONLINE_URL in ics and "Toegangscode 4821" in ics
    for link in section.get_by_role("link").all()[1:]:
        assert ONLINE_URL not in (link.get_attribute("href") or "")


# --- 3. the calendar: a card's details, and the subscription that follows the filters -------


def test_the_calendar_offers_each_coming_meeting_and_a_subscription_that_follows_filters(page):
    coming = EventPageFactory(title="Netwerkdag Friesland", start=in_days(10))
    coming.themes.add(*vocabulary("Opgave-sturing"))
    coming.save()
    other = EventPageFactory(title="Bijeenkomst wonen", start=in_days(12))
    other.themes.add(*vocabulary("Wonen"))
    other.save()
    EventPageFactory(title="Leergang-dag Alphen", start=in_days(14), status="geannuleerd")
    EventPageFactory(title="Terugkomdag Zwolle", start=in_days(-7))
    cards = page.locator(".event-card")

    page.goto("/activiteiten/")
    card = cards.filter(has_text="Netwerkdag Friesland")
    details = card.locator("details.add-to-calendar")
    summary = details.locator("summary")
    expect(summary).to_have_text("Zet in je agenda: Netwerkdag Friesland")
    expect(details).not_to_have_attribute("open", re.compile(".*"))
    expect(details.get_by_role("link", name="Google Agenda (Netwerkdag Friesland)")).to_be_hidden()
    expect(cards.filter(has_text="Bijeenkomst wonen").locator("details")).to_have_count(1)
    expect(cards.filter(has_text="Leergang-dag Alphen").locator("details")).to_have_count(0)
    assert_accessible(page, "/activiteiten/ (dicht)")

    summary.focus()
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    # Each link names its meeting for screen readers (visually hidden).
    expect(details.get_by_role("link")).to_have_text(
        [f"{label} (Netwerkdag Friesland)" for label in ADD_LINKS]
    )
    download = details.get_by_role("link", name="Agendabestand (.ics) (Netwerkdag Friesland)")
    expect(download).to_have_attribute("href", path(coming, "agenda.ics"))
    assert_accessible(page, "/activiteiten/ (zet in je agenda open)")

    subscribe = page.get_by_role("region", name="Abonneer op deze kalender")
    button = subscribe.get_by_role("link", name="Abonneer in je agenda-app")
    address = subscribe.get_by_label("Of kopieer het adres van deze kalender")
    host = urlsplit(settings.BASE_URL).netloc
    expect(button).to_have_attribute("href", f"webcal://{host}/activiteiten/agenda.ics")
    expect(address).to_have_value(f"{settings.BASE_URL}/activiteiten/agenda.ics")
    expect(address).to_have_attribute("readonly", "")

    page.get_by_label("Thema").select_option(label="Opgave-sturing")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"thema=opgave-sturing"))
    expect(cards).to_have_count(1)
    expect(button).to_have_attribute(
        "href", f"webcal://{host}/activiteiten/agenda.ics?thema=opgave-sturing"
    )
    expect(address).to_have_value(
        f"{settings.BASE_URL}/activiteiten/agenda.ics?thema=opgave-sturing"
    )
    feed = page.request.get(feed_path(address.input_value()))
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")
    ics = unfolded(feed.text())
    assert "SUMMARY:Netwerkdag Friesland" in ics and "Bijeenkomst wonen" not in ics

    help_ = subscribe.locator("details.subscribe-help")
    help_.locator("summary", has_text="Zo voeg je een agenda-abonnement toe").click()
    expect(help_).to_have_attribute("open", "")
    expect(help_.get_by_text("Google Agenda", exact=True)).to_be_visible()
    assert_accessible(page, "/activiteiten/?thema=… (hulp bij abonneren open)")

    # The archive: a meeting that is over has nothing to put in a diary.
    page.goto("/activiteiten/?archief=1")
    past = cards.filter(has_text="Terugkomdag Zwolle")
    expect(past).to_have_count(1)
    expect(past.locator("details")).to_have_count(0)
    expect(page.get_by_text("Zet in je agenda")).to_have_count(0)


# --- 4. Mijn Leerhuis: the personal feed, made, renewed and stopped -------------------------


def test_a_member_makes_renews_and_stops_the_personal_calendar_link(page):
    user = member(full_name="Lieke de Lid")
    event = online_meeting()
    services.register(event, user, services.Answers())
    EventPageFactory(title="Bijeenkomst zonder mij")
    log_in(page, user.email)

    page.goto("/mijn-leerhuis/")
    section = page.locator("#agenda")
    expect(section.get_by_role("heading", level=2)).to_have_text(
        "Mijn activiteiten in je eigen agenda"
    )
    expect(page.get_by_role("region", name="Mijn activiteiten in je eigen agenda")).to_have_count(1)
    assert_accessible(page, "mijn leerhuis (geen agenda-link)")

    section.get_by_role("button", name="Maak mijn agenda-link").click()
    expect(page).to_have_url(re.compile(r"/mijn-leerhuis/#agenda$"))
    expect(page.locator(".messages")).to_contain_text("Je persoonlijke agenda-link staat klaar.")
    expect(section).to_be_in_viewport()
    address = section.get_by_label("Of kopieer het adres van je agenda-link")
    expect(address).to_have_value(
        re.compile(re.escape(settings.BASE_URL) + r"/mijn-leerhuis/agenda/[^/]+\.ics$")
    )
    expect(address).to_have_attribute("readonly", "")
    first = address.input_value()
    expect(section.get_by_role("link", name="Abonneer in je agenda-app")).to_have_attribute(
        "href", "webcal://" + first.split("://", 1)[1]
    )
    assert_accessible(page, "mijn leerhuis (agenda-link gemaakt)")

    feed = page.request.get(feed_path(first))
    assert feed.status == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    ics = unfolded(feed.text())
    assert "SUMMARY:Webinar opgave-sturing" in ics and ONLINE_URL in ics
    assert "Bijeenkomst zonder mij" not in ics

    section.locator("details.subscribe-help summary").click()
    expect(section.locator("details.subscribe-help")).to_have_attribute("open", "")
    assert_accessible(page, "mijn leerhuis (hulp bij abonneren open)")

    section.get_by_role("button", name="Vernieuw de link").click()
    expect(page.locator(".messages")).to_contain_text("Je agenda-link is vernieuwd.")
    expect(address).not_to_have_value(first)
    expect(section).to_be_in_viewport()
    second = address.input_value()
    assert second.startswith(f"{settings.BASE_URL}/mijn-leerhuis/agenda/")
    assert page.request.get(feed_path(first)).status == 404
    assert page.request.get(feed_path(second)).status == 200
    assert_accessible(page, "mijn leerhuis (agenda-link vernieuwd)")

    section.get_by_role("button", name="Stop de link").click()
    expect(page.locator(".messages")).to_contain_text(
        "Je agenda-link is ingetrokken en werkt niet meer."
    )
    expect(section.get_by_role("button", name="Maak mijn agenda-link")).to_be_visible()
    expect(section.get_by_label("Of kopieer het adres van je agenda-link")).to_have_count(0)
    expect(section).to_be_in_viewport()
    assert page.request.get(feed_path(second)).status == 404
    assert_accessible(page, "mijn leerhuis (agenda-link gestopt)")


# --- 5. a phone: the open details do not scroll sideways ------------------------------------


def test_add_to_calendar_and_subscribing_fit_a_phone_with_the_details_open(page):
    event = EventPageFactory(
        title="Opgave-sturing: het opdrachtgevende niveau versterken",
        slug="opgave-sturing-agenda-telefoon",
        venue="Cultuurhuis Súdwest-Fryslân, Gemeenteraadsvergaderzaal",
        address="Stadhuisplein 1\n8601 VE Sneek",
        form="hybride",
        online_url=ONLINE_URL,
    )
    event.themes.add(*vocabulary("Samenwerkingsverbandenopgavesturing"))
    event.save()
    page.set_viewport_size({"width": 320, "height": 800})

    page.goto(path(event))
    expect(page.get_by_role("region", name="Zet in je agenda")).to_be_visible()
    assert_fits(page, "activiteit op 320px")
    assert_accessible(page, "activiteit op 320px")

    # The whole calendar, then filtered: the subscription follows the filter, so a filtered
    # calendar is where people subscribe from.
    for address in ("/activiteiten/", "/activiteiten/?thema=samenwerkingsverbandenopgavesturing"):
        page.goto(address)
        for details in page.locator("details").all():
            details.locator("summary").click()
            expect(details).to_have_attribute("open", "")
        expect(page.get_by_label("Of kopieer het adres van deze kalender")).to_be_visible()
        assert_fits(page, f"{address} op 320px met alles open")
        assert_accessible(page, f"{address} op 320px met alles open")
