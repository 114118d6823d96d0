"""Organisers in the admin, in a browser: a meeting's registrations with their counts,
check-in, cancelling for someone, a place given by hand within 24 hours, the
presentielijst, a message to the attendees, the yearly overview, and the dashboard's panels
(with "Te modereren" and "Onbekende e-maildomeinen"); axe on every page and state."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from events import services
from events.models import RegistrationStatus
from tests.community_factories import ReportFactory
from tests.development_factories import accredit
from tests.e2e.admin import STAFF_NAME, check_admin_accessible, log_in_staff
from tests.e2e.axe import assert_accessible
from tests.events_factories import EventPageFactory, LearningTrackPageFactory, in_days, member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def staff_page(page):
    return log_in_staff(page)


check_accessible = check_admin_accessible


def signed_up(event, name):
    registration, _created = services.register(event, member(full_name=name), services.Answers())
    return registration


def per_person(action, name):
    """A row's button: "Aanwezig" with the person's name for screen readers. Wagtail's
    w-sr-only span is absolutely positioned, so its name reads "Aanwezig : Anna"."""
    return re.compile(rf"^{action}\s?: {name}$")


def subjects():
    return [message.subject for message in mail.outbox]


def test_check_in_cancel_and_a_place_by_hand_within_24_hours(page):
    # The morning of the meeting day, twelve hours before it starts: check-in is open, and
    # a freed place is the organiser's to give, not automatic (within 24 hours). Logged in
    # that morning: a staff login from the day before would have ended (idle limit).
    start = in_days(1, 20)
    with time_machine.travel(in_days(1, 8), tick=True):
        morning_of_the_meeting(log_in_staff(page), start)


def morning_of_the_meeting(page, start):
    event = EventPageFactory(
        title="Studiedag opgave-sturing",
        start=start,
        end=start + datetime.timedelta(hours=5),
        capacity=2,
    )
    signed_up(event, "Anna Aanwezig")
    cancelling = signed_up(event, "Bram Afmelder")
    waiting = signed_up(event, "Cor Wachter")
    assert waiting.status == RegistrationStatus.WAITLISTED

    page.goto(reverse("aanmeldingen:index"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aanmeldingen")
    check_accessible(page, "aanmeldingen: activiteiten")
    page.get_by_role("link", name="Studiedag opgave-sturing", exact=True).click()

    summary = page.locator(".w-summary")
    expect(summary).to_contain_text("2 bevestigd")
    expect(summary).to_contain_text("1 wachtlijst")
    expect(page.locator("main table.listing tbody tr")).to_have_count(3)
    check_accessible(page, "aanmeldingen van een activiteit")

    page.get_by_role("button", name=per_person("Aanwezig", "Anna Aanwezig")).click()
    # Without a reload (static/js/inchecken.js): the message is in the report's status line.
    expect(page.locator("[data-checkin-status]")).to_contain_text(
        "Anna Aanwezig is aanwezig gemeld."
    )
    expect(summary).to_contain_text("1 aanwezig")
    check_accessible(page, "aanmeldingen na aanwezig melden")

    page.get_by_role("link", name=per_person("Afmelden", "Bram Afmelder")).click()
    expect(page.get_by_text("Wil je de aanmelding van")).to_contain_text("Bram Afmelder")
    check_accessible(page, "afmelden door de organisatie")
    page.get_by_label("Reden").fill("belde af wegens ziekte")
    page.get_by_role("button", name="Ja, afmelden").click()
    expect(page.locator(".messages")).to_contain_text(
        "De aanmelding van Bram Afmelder is afgemeld."
    )
    expect(summary).to_contain_text("1 bevestigd")
    expect(summary).to_contain_text("1 wachtlijst")  # not promoted by itself this close
    cancelling.refresh_from_db()
    assert cancelling.cancel_reason == "belde af wegens ziekte"
    assert "Plaats vrij binnen 24 uur: Studiedag opgave-sturing" in subjects()

    page.get_by_role("button", name=per_person("Plaats geven", "Cor Wachter")).click()
    expect(page.locator(".messages")).to_contain_text(
        "Cor Wachter heeft een plaats gekregen en krijgt daarover een mail."
    )
    expect(summary).to_contain_text("2 bevestigd")
    expect(summary).to_contain_text("0 wachtlijst")
    check_accessible(page, "aanmeldingen na plaats geven")
    assert "Er is een plaats voor je: Studiedag opgave-sturing" in subjects()

    page.get_by_role("link", name="Presentielijst").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Presentielijst")
    names = page.locator("table.presentielijst tbody tr:not(.presentielijst__leeg) td:nth-child(2)")
    expect(names).to_have_text(["Anna Aanwezig", "Cor Wachter"])
    assert_accessible(page, "presentielijst")


def test_a_message_to_the_attendees_is_previewed_then_sent_once(staff_page):
    page = staff_page
    event = EventPageFactory(title="Netwerkdag Utrecht")
    signed_up(event, "Anna Aanwezig")
    signed_up(event, "Cor Deelnemer")
    mail.outbox.clear()

    page.goto(reverse("aanmeldingen:registrations", args=[event.pk]))
    page.get_by_role("link", name="Bericht aan deelnemers").first.click()
    expect(page.get_by_text("Dit bericht gaat naar de 2 bevestigde deelnemers")).to_be_visible()
    check_accessible(page, "bericht aan deelnemers")

    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_text("Vul een onderwerp in.")).to_be_visible()
    expect(page.get_by_text("Schrijf het bericht.")).to_be_visible()
    check_accessible(page, "bericht aan deelnemers met fouten")

    page.get_by_label("Onderwerp").fill("Parkeren bij het stadhuis")
    page.get_by_label("Bericht").fill("Parkeer in de garage aan de Kerkewijk.")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("heading", name="Onderwerp: Parkeren bij het stadhuis")).to_be_visible()
    assert mail.outbox == []  # a preview sends nothing
    check_accessible(page, "voorbeeld van het bericht")

    page.get_by_role("button", name="Versturen aan 2 deelnemers").click()
    expect(page.locator(".messages")).to_contain_text("Het bericht is verstuurd naar 2 deelnemers.")
    sent = page.locator("section[aria-labelledby=berichten-kop] tbody tr")
    expect(sent).to_have_count(1)
    expect(sent).to_contain_text("Parkeren bij het stadhuis")
    expect(sent).to_contain_text(STAFF_NAME)
    check_accessible(page, "aanmeldingen na het bericht")
    assert len(mail.outbox) == 2
    assert all("Parkeer in de garage" in message.body for message in mail.outbox)


def test_the_finance_list_badges_reports_and_dashboard_panels_are_accessible(staff_page):
    page = staff_page
    event = EventPageFactory(title="Studiedag opgave-sturing", start=in_days(10))
    accredit(event, points="5")
    signed_up(event, "Anna Aanwezig")

    page.goto(reverse("aanmeldingen:badges", args=[event.pk]))
    expect(page.locator("body")).to_contain_text("Anna Aanwezig")
    assert_accessible(page, "naambadges")

    page.goto(reverse("aanmeldingen:finance"))
    expect(page.locator("h1")).to_contain_text("Facturatie")
    check_accessible(page, "facturatie")

    page.goto(f"{reverse('aanmeldingen:yearly')}?jaar={event.start.year}")
    expect(page.locator("h1")).to_contain_text("Jaaroverzicht")
    expect(page.get_by_role("link", name="Studiedag opgave-sturing")).to_be_visible()
    expect(page.locator("body")).to_contain_text("5 PE-punten")
    check_accessible(page, "jaaroverzicht")

    LearningTrackPageFactory(title="Leergang opgavegericht werken")
    page.goto(reverse("aanmeldingen:tracks"))
    expect(page.get_by_role("link", name="Leergang opgavegericht werken")).to_be_visible()
    check_accessible(page, "leergangen")

    ReportFactory()  # a reported post, for "Te modereren"
    UserFactory(email="iemand@nieuw-bureau.nl")  # a domain no organisation claims
    page.goto(reverse("wagtailadmin_home"))
    expect(page.locator("#komende-activiteiten-content")).to_contain_text(
        "Studiedag opgave-sturing"
    )
    expect(page.locator("#recente-aanmeldingen-content")).to_contain_text("Anna Aanwezig")
    expect(page.locator("#te-modereren-content")).to_contain_text(
        "1 gemelde bijdrage wacht op een moderator"
    )
    expect(page.locator("#onbekende-domeinen-content")).to_contain_text("nieuw-bureau.nl")
    check_accessible(page, "dashboard met de panelen voor organisatoren en moderatoren")


def test_the_registrations_report_fits_at_1280_and_becomes_cards_on_a_phone(staff_page):
    page = staff_page
    title = "Programmamanagement: sturen op effecten in een regionale samenwerking"
    event = EventPageFactory(title=title, start=in_days(20, 10), capacity=30)
    for name in ("Marieke Jansen", "Joost van der Meer"):
        signed_up(event, name)
    report = reverse("aanmeldingen:registrations", args=[event.pk])

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(report)
    # The header shortens a long title; the page shows it whole once.
    expect(page.get_by_role("heading", level=2, name=title)).to_be_visible()
    # Why check-in waits is said once, not in every row.
    expect(page.get_by_text("Aanwezigheid registreren kan vanaf")).to_have_count(1)
    cancel = page.get_by_role("link", name=per_person("Afmelden", "Marieke Jansen"))
    box = cancel.bounding_box()
    assert box["x"] + box["width"] <= 1280, "the actions column is cut off"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    check_accessible(page, "aanmeldingen (1280 px)")

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(report)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    row = page.locator("tr", has_text="Joost van der Meer")
    # Each value carries its column's name on a phone.
    assert row.locator("td").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content)"
    )[:3] == ['"Naam en e-mail"', '"Organisatie"', '"Status"']
    box = row.get_by_role("link", name=per_person("Afmelden", "Joost van der Meer")).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    check_accessible(page, "aanmeldingen (375 px)")
