"""An editor makes a meeting in the Wagtail admin from an empty form: what it is, when and
where, a programme with a break, speakers chosen with the chooser; previews it, publishes
it, and a visitor finds it on /activiteiten/ with its programme and speakers. axe on the
public pages it produces."""

import datetime
import re

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from events.models import EventPage
from leerhuis.staff import roles
from leerhuis.staff import setup as roles_setup
from tests.e2e.admin import log_in_staff
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page
from tests.events_factories import calendar_page
from tests.factories import PersonFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Studiedag sturen op maatschappelijke opgaven"
INTRO = "Een dag over opgave-sturing in de praktijk: wat vraagt het van gemeenten?"
BODY = "We verkennen samen hoe je een opgave organiseert rond het resultaat in de wijk."
VENUE = "Stadskantoor Amersfoort"
PLACES = 60
SLOTS = [
    ("09:30", "10:30", "Opening: waar staan we met opgave-sturing?", False),
    ("10:30", "11:00", "Koffiepauze", True),
]
SLOTS_SHOWN = [title for _start, _end, title, _break in SLOTS]


def editor():
    """Who makes the meeting: staff with only the role Evenementen (leerhuis/staff/roles.py),
    whose page rights are on the calendar; call it once the calendar is there."""
    roles_setup.apply(django_apps)  # a live-server test before this one flushed the roles
    user = StaffFactory(
        full_name="Eva Zwanenburg", email="eva@leerhuis-beheer.nl", is_superuser=False
    )
    user.groups.add(Group.objects.get(name=roles.EVENEMENTEN))
    return user


def at(day, hour, minute=0):
    """A moment as the admin's date-time field takes it."""
    return f"{day:%Y-%m-%d} {hour:02d}:{minute:02d}"


def fill_content(page, day):
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill(INTRO)
    page.locator("#id_start").fill(at(day, 9, 30))
    page.locator("#id_end").fill(at(day, 16))
    page.locator("#id_venue").fill(VENUE)
    page.locator("#id_address").fill("Stadhuisplein 1, 3811 LM Amersfoort")
    page.get_by_role("button", name="Blok invoegen").first.click()
    page.get_by_role("option", name="Tekst").click()
    page.locator("[data-contentpath=body] [contenteditable=true]").first.fill(BODY)


def fill_programme(page, speakers):
    page.get_by_role("tab", name="Programma").click()
    for n, (start, end, title, is_break) in enumerate(SLOTS):
        page.get_by_role("button", name="Voeg onderdeel toe").click()
        page.locator(f"#id_programme-{n}-starts_at").fill(start)
        page.locator(f"#id_programme-{n}-ends_at").fill(end)
        page.locator(f"#id_programme-{n}-title").fill(title)
        if is_break:
            page.locator(f"#id_programme-{n}-is_break").check()
    for n, person in enumerate(speakers):
        page.get_by_role("button", name="Voeg spreker toe").click()
        chooser = page.locator(f"#id_speakers-{n}-person-chooser")
        chooser.get_by_role("button", name="Kies persoon").click()
        page.get_by_role("dialog").get_by_role("link", name=person.name).click()
        expect(chooser.locator("[data-chooser-title]")).to_have_text(person.name)
        expect(page.get_by_role("dialog")).to_be_hidden()


def fill_registration(page):
    page.get_by_role("tab", name="Aanmelden").click()
    page.get_by_label("Aantal plaatsen").fill(str(PLACES))


def saved_by_itself(page):
    """Wagtail 8 saves a draft while you type; the first one turns the new page into one to
    edit. Wait for that, so the preview panel is not swapped for a new one while in use."""
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/(#[\w-]*)?$"), timeout=15_000)
    expect(page.locator("header").get_by_text("Opgeslagen", exact=True)).to_be_visible()


def preview(page):
    """Wagtail's preview panel beside the form: the page as filled in, then as cancelled."""
    page.get_by_role("button", name="Toon/verberg voorvertoning").click()
    shown = page.frame_locator("#w-preview-iframe")
    # The first render of a whole page can take a while on a busy machine.
    expect(shown.get_by_role("heading", level=1)).to_have_text(TITLE, timeout=15_000)
    programme = shown.get_by_role("region", name="Programma")
    expect(programme.get_by_role("heading", level=3)).to_have_text(SLOTS_SHOWN)
    page.get_by_label("Voorbeeldmodus").select_option(label="Geannuleerd")
    cancelled = shown.get_by_text("Geannuleerd: deze activiteit gaat niet door.")
    expect(cancelled).to_be_visible(timeout=15_000)
    page.get_by_role("button", name="Toon/verberg voorvertoning").click()


def publish(page):
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)


def test_an_editor_builds_previews_and_publishes_a_meeting_a_visitor_finds_it(
    page, browser, live_server
):
    speakers = [
        PersonFactory(name="Marieke Oudeboer", role="Opgave-manager, gemeente Zeewolde"),
        PersonFactory(name="Jurre van Lieshout", role="Lector publiek management"),
    ]
    calendar = calendar_page()
    log_in_staff(page, editor())
    day = timezone.localdate() + datetime.timedelta(days=42)

    page.goto(reverse("wagtailadmin_pages:add", args=["events", "eventpage", calendar.pk]))
    fill_content(page, day)
    fill_programme(page, speakers)
    fill_registration(page)
    saved_by_itself(page)
    preview(page)
    publish(page)
    meeting = EventPage.objects.get(title=TITLE)
    assert meeting.live and meeting.capacity == PLACES
    assert [slot.is_break for slot in meeting.programme.all()] == [False, True]
    assert [speaker.person for speaker in meeting.speakers.all()] == speakers

    with browser_page(browser, live_server) as visitor:
        visitor.goto("/activiteiten/")
        expect(visitor.get_by_role("link", name=TITLE)).to_be_visible()
        assert_accessible(visitor, "activiteiten met de nieuwe bijeenkomst")
        visitor.get_by_role("link", name=TITLE).click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
        programme = visitor.get_by_role("region", name="Programma")
        expect(programme.get_by_role("heading", level=3)).to_have_text(SLOTS_SHOWN)
        people = visitor.get_by_role("region", name="Sprekers")
        expect(people.get_by_role("heading", level=3)).to_have_text([p.name for p in speakers])
        expect(people).to_contain_text(speakers[0].role)
        expect(visitor.get_by_text(BODY)).to_be_visible()
        assert_accessible(visitor, "de nieuwe bijeenkomst")
