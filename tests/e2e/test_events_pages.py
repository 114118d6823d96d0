"""The calendar and meeting pages in a browser: filters, month view, refusals, a phone's width."""

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from events import services
from events.models import Registration, RegistrationStatus
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import ONLINE_URL, log_in, path, too_wide
from tests.events_factories import EventPageFactory, guest, in_days, member
from tests.events_factories import themes as vocabulary
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


# --- 1. the calendar's filters, the empty state and the month view -------------------------


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

    # The month view opens at the first month with meetings (the next), then back a month.
    with translation.override("nl"):
        this_month = date_format(today, "F Y")
        label = date_format(first_day, "F Y")
        day = date_format(first_day, "l j F")
    page.get_by_role("link", name="Per maand").click()
    expect(page).to_have_url(re.compile(rf"maand={first_day:%Y-%m}"))
    expect(page.get_by_role("heading", level=2, name=f"Activiteiten in {label}")).to_be_visible()
    expect(cards).to_have_text(
        ["Netwerkdag Friesland", "Webinar sociaal domein", "Bijeenkomst wonen"]
    )
    day_section = page.get_by_role("region", name=day)
    expect(day_section.locator(".event-card__title a").first).to_have_text("Netwerkdag Friesland")
    assert_accessible(page, "/activiteiten/?maand=…")
    # By keyboard: a mouse click from Playwright aims at the link's first box, which is the
    # 1-px visually hidden "Vorige maand:" just outside it (people click the text itself).
    page.get_by_role("link", name=f"Vorige maand: {this_month}").press("Enter")
    expect(page).to_have_url(re.compile(rf"maand={today:%Y-%m}"))
    expect(
        page.get_by_role("heading", level=2, name=f"Activiteiten in {this_month}")
    ).to_be_visible()
    expect(page.get_by_text("Geen activiteiten gevonden.")).to_be_visible()


# --- 2. bad input: a cancelled meeting (409) and a members-only one (403) ------------------


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


# --- 3. a phone: nothing scrolls sideways --------------------------------------------------


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
