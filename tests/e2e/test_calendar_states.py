"""The calendar in a browser: cards that say what a member needs to decide, the month grid,
and filter addresses without empty parameters; axe at a phone's and a desktop's width."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events import services
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import log_in, too_wide
from tests.events_factories import EventPageFactory, guest, member

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (1280, 375)


def next_month_day(day):
    first = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return timezone.make_aware(datetime.datetime(first.year, first.month, day, 10))


def meeting(title, day, **kwargs):
    start = next_month_day(day)
    return EventPageFactory(
        title=title, start=start, end=start + datetime.timedelta(hours=6), **kwargs
    )


def fits(page, width):
    wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wider <= 0, f"{page.url}: {wider}px te breed op {width}px: {too_wide(page)}"


def test_a_member_reads_prices_places_and_their_own_state_on_the_cards_and_in_the_month(page):
    user = member()
    mine = meeting("Studiedag opgave-sturing", 4)
    queue = meeting("Intervisie programmamanagement", 11, capacity=1)
    meeting("Ledenbijeenkomst Utrecht", 11, visibility="members", price_member=25)
    meeting("Webinar wyberen", 18, capacity=30)
    services.register(mine, user)
    services.register(queue, guest())
    services.register(queue, user)
    log_in(page, user.email)

    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/activiteiten/")
        cards = page.locator("article.event-card")
        expect(cards.nth(0)).to_contain_text("Je bent aangemeld")
        expect(cards.nth(1)).to_contain_text("Plek 1 op de wachtlijst")
        expect(cards.nth(2)).to_contain_text("Alleen voor leden")
        expect(cards.nth(2)).to_contain_text("€ 25,00 (lid)")
        expect(cards.nth(3)).to_contain_text("Nog 30 plaatsen")
        expect(cards.nth(3)).to_contain_text("Gratis (lid)")
        assert_accessible(page, f"/activiteiten/ met states ({width}px)")
        fits(page, width)

    # "Per maand" opens at next month, where the meetings are; a day links to its cards.
    page.get_by_role("link", name="Per maand").click()
    expect(page).to_have_url(re.compile(rf"maand={next_month_day(1):%Y-%m}"))
    grid = page.get_by_role("table")
    expect(grid.locator("thead th")).to_have_count(7)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        expect(grid).to_be_visible()
        assert_accessible(page, f"maandoverzicht ({width}px)")
        fits(page, width)
    page.set_viewport_size({"width": 320, "height": 800})
    fits(page, 320)
    day = grid.get_by_role("link", name=re.compile(r"^11 .*: 2 activiteiten$"))
    day.press("Enter")
    expect(page).to_have_url(re.compile(r"#dag-\d{4}-\d{2}-11$"))
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(grid.get_by_role("link", name="Webinar wyberen")).to_be_visible()


def test_an_anonymous_visitor_sees_both_prices_and_filters_without_empty_parameters(page):
    meeting("Studiedag opgave-sturing", 4, event_type="netwerkdag")
    meeting(
        "Webinar wyberen", 18, event_type="webinar", form="online", online_url="https://x.example/w"
    )

    page.goto("/activiteiten/")
    expect(page.locator("article.event-card").first).to_contain_text("€ 95,00, gratis voor leden")
    page.get_by_label("Soort").select_option(label="Webinar")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/activiteiten/\?type=webinar$"))
    expect(page.locator(".event-card__title a")).to_have_text(["Webinar wyberen"])
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page, f"/activiteiten/?type=webinar ({width}px)")

    # Without the script (a hand-made or old link) the server cleans the address.
    page.goto("/activiteiten/?thema=&type=webinar&regio=")
    expect(page).to_have_url(re.compile(r"/activiteiten/\?type=webinar$"))
