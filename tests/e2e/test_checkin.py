"""Check-in at the door on a phone (375 px): an organiser finds a person and marks them
present without a reload, undoes it, takes a typed code, and is refused another meeting's
code; a member's code read by someone else reveals nothing; the owner's printable ticket;
the report's presence column without a reload. axe at 375 and 1280 px."""

import datetime
import re

import pytest
import time_machine
from playwright.sync_api import expect

from events import services
from events.models.tickets import grouped
from tests.e2e.admin import check_admin_accessible, log_in_staff
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page, log_in
from tests.events_factories import EventPageFactory, in_days, member

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


def signed_up(event, name, **kwargs):
    person = member(full_name=name, **kwargs)
    registration, _created = services.register(event, person, services.Answers())
    return registration


def meeting(title, start):
    return EventPageFactory(title=title, start=start, end=start + datetime.timedelta(hours=5))


def per_person(action, name):
    return re.compile(rf"^{action}\s?: {name}$")


def mark(page):
    """Something only this page load carries: gone after a reload."""
    page.evaluate("window.zonderHerladen = true")


def not_reloaded(page):
    assert page.evaluate("window.zonderHerladen === true")


def fits(page):
    return page.evaluate(
        "() => [...document.querySelectorAll('.inchecken *')]"
        ".every(e => e.getBoundingClientRect().right <= window.innerWidth + 0.5)"
    )


@pytest.fixture
def morning():
    """The morning of the meeting day: the door is open."""
    start = in_days(1, 13)  # before travelling: in_days counts from the (travelled) today
    with time_machine.travel(in_days(1, 8), tick=True):
        yield start


def test_an_organiser_checks_people_in_on_a_phone_without_a_reload(page, morning):
    event = meeting("Studiedag opgave-sturing", morning)
    anna = signed_up(event, "Anna Aanwezig")
    signed_up(event, "Bram Bezoeker")
    signed_up(event, "Cor Collega")
    elsewhere = signed_up(meeting("Netwerkdag Zwolle", morning), "Eva Elders")

    log_in_staff(page)
    page.set_viewport_size(PHONE)
    page.goto(f"/admin/aanmeldingen/{event.pk}/inchecken/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inchecken")
    # Which meeting this is, visible at the door (the header has no room for it).
    expect(page.get_by_role("heading", level=2, name=event.title)).to_be_visible()
    counts = page.locator(".inchecken__tellers")
    expect(counts).to_have_text(re.compile(r"0\s+van\s+3\s+bevestigd aanwezig"))
    check_admin_accessible(page, "inchecken op een telefoon")
    assert fits(page)
    mark(page)

    # Find a person by a part of their name and tap once.
    page.get_by_label("Zoek op naam of organisatie").fill("bram")
    rows = page.locator("[data-checkin-row]:visible")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Bram Bezoeker")
    page.get_by_role("button", name=per_person("Aanwezig", "Bram Bezoeker")).click()
    status = page.locator("[data-checkin-status]")
    expect(status).to_have_text("Bram Bezoeker is aanwezig gemeld.")
    expect(counts).to_have_text(re.compile(r"1\s+van\s+3"))
    expect(rows).to_contain_text("aanwezig om")
    not_reloaded(page)
    # Judge the page at rest: not mid-way through the tapped button's hover transition.
    expect(
        page.get_by_role("button", name=per_person("Ongedaan maken", "Bram Bezoeker"))
    ).to_be_visible()
    page.mouse.move(0, 0)
    page.emulate_media(reduced_motion="reduce")
    check_admin_accessible(page, "inchecken: iemand aanwezig gemeld")

    # Undo, with the same button.
    page.get_by_role("button", name=per_person("Ongedaan maken", "Bram Bezoeker")).click()
    expect(status).to_have_text("Bram Bezoeker staat weer als niet aanwezig.")
    expect(counts).to_have_text(re.compile(r"0\s+van\s+3"))
    expect(rows).to_contain_text("nog niet aanwezig")

    # A code typed from a printed ticket, in lower case with its dashes.
    page.get_by_label("Code van het ticket").fill(grouped(anna.ticket_code).lower())
    page.get_by_role("button", name="Inchecken", exact=True).click()
    expect(page.locator("[data-checkin-status]")).to_have_text("Anna Aanwezig is aanwezig gemeld.")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Anna Aanwezig")
    expect(page.get_by_role("button", name=per_person("Ongedaan maken", "Anna Aanwezig")))
    expect(counts).to_have_text(re.compile(r"1\s+van\s+3"))

    # Another meeting's code: refused, said why, nobody marked present.
    page.get_by_label("Code van het ticket").fill(elsewhere.ticket_code)
    page.get_by_role("button", name="Inchecken", exact=True).click()
    expect(page.locator("[data-checkin-status]")).to_contain_text(
        "Deze code hoort bij een andere activiteit (Netwerkdag Zwolle"
    )
    expect(counts).to_have_text(re.compile(r"1\s+van\s+3"))
    check_admin_accessible(page, "inchecken: code van een andere activiteit")
    not_reloaded(page)
    elsewhere.refresh_from_db()
    anna.refresh_from_db()
    assert elsewhere.checked_in_at is None and anna.checked_in_at is not None
    assert fits(page)

    page.set_viewport_size(DESKTOP)
    check_admin_accessible(page, "inchecken op een breed scherm")


def test_the_check_in_page_works_without_javascript(browser, live_server, morning):
    with browser_page(browser, live_server, viewport=PHONE, java_script_enabled=False) as page:
        event = meeting("Studiedag opgave-sturing", morning)
        signed_up(event, "Anna Aanwezig")
        bram = signed_up(event, "Bram Bezoeker")
        log_in_staff(page)
        page.goto(f"/admin/aanmeldingen/{event.pk}/inchecken/")
        page.get_by_label("Code van het ticket").fill(bram.ticket_code)
        page.get_by_role("button", name="Inchecken", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Bram Bezoeker is aanwezig gemeld.")
        expect(page.locator("[data-checkin-row]")).to_have_count(1)
        page.get_by_role("button", name=per_person("Ongedaan maken", "Bram Bezoeker")).click()
        expect(page.locator(".messages")).to_contain_text("staat weer als niet aanwezig")
        bram.refresh_from_db()
        assert bram.checked_in_at is None


def test_a_code_read_by_someone_else_reveals_nothing_and_the_owner_sees_the_ticket(page):
    event = meeting("Studiedag opgave-sturing", in_days(10))
    anna = signed_up(event, "Anna Aanwezig")
    signed_up(event, "Nieuwsgierige Collega", email="collega@nieuwsgierig.example")

    page.set_viewport_size(PHONE)
    page.goto(f"/activiteiten/ticket/{anna.ticket_code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ticket voor een activiteit")
    assert "Anna" not in page.content() and "Studiedag" not in page.content()
    assert_accessible(page, "ticketadres, niet ingelogd")

    log_in(page, anna.user.email)
    page.goto(f"/activiteiten/ticket/{anna.ticket_code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Studiedag opgave-sturing")
    expect(page.get_by_role("img", name="QR-code van je ticket")).to_be_visible()
    expect(page.locator(".ticket__code")).to_have_text(grouped(anna.ticket_code))
    assert_accessible(page, "ticket op een telefoon")
    page.set_viewport_size(DESKTOP)
    assert_accessible(page, "ticket op een breed scherm")
    page.emulate_media(media="print")
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.get_by_role("img", name="QR-code van je ticket")).to_be_visible()


def test_the_report_checks_in_without_a_reload(page, morning):
    event = meeting("Studiedag opgave-sturing", morning)
    signed_up(event, "Anna Aanwezig")
    log_in_staff(page)
    page.goto(f"/admin/aanmeldingen/{event.pk}/")
    mark(page)
    page.get_by_role("button", name=per_person("Aanwezig", "Anna Aanwezig")).click()
    expect(page.locator("[data-checkin-status]")).to_have_text("Anna Aanwezig is aanwezig gemeld.")
    expect(page.locator(".w-summary")).to_contain_text("1 aanwezig")
    expect(page.locator("[data-checkin-state]")).to_contain_text("ja, ")
    page.get_by_role("button", name=per_person("Ongedaan maken", "Anna Aanwezig")).click()
    expect(page.locator(".w-summary")).to_contain_text("0 aanwezig")
    not_reloaded(page)
    check_admin_accessible(page, "aanmeldingen na aanwezig melden zonder herladen")
