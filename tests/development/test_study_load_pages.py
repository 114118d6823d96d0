"""What a meeting is worth, as visitors read it: "Studiebelasting: 5,5 uur" and the points per
scheme on the meeting page, a short line on the calendar card, and the leergang's hours and
points for all its sessions; written the Dutch way everywhere."""

import datetime
from decimal import Decimal
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.development.formatting import hours_text, points_text
from events.models import AccreditationScheme, EventAccreditation, ProgrammeSlot
from tests.development_factories import SchemeFactory, accredit, pmi
from tests.events.helpers.calendar_page import URL, meeting, titles
from tests.events.helpers.event_page import html_of
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    calendar_page,
    in_days,
    member,
)

pytestmark = pytest.mark.django_db


def facts(page_html):
    """The meeting's facts as {term: description}."""
    soup = BeautifulSoup(page_html, "html.parser")
    return {
        dt.get_text(" ", strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dl in soup.select("dl.facts")
        for dt in dl.select("dt")
    }


def cards(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        card.select_one(".event-card__title a").get_text(strip=True): card
        for card in soup.select("article.event-card")
    }


# --- the Dutch way of writing them -------------------------------------------------------


def test_hours_and_points_are_written_the_dutch_way():
    assert hours_text(Decimal("5.5")) == "5,5 uur"
    assert hours_text(Decimal("0.75")) == "0,75 uur"
    assert hours_text(Decimal("8.00")) == "8 uur"
    assert hours_text(Decimal("1")) == "1 uur"
    ipma = AccreditationScheme(name="IPMA", unit="PE-punten")
    leadership = AccreditationScheme(name="PMI", unit="PDU", category="Leadership")
    assert points_text(ipma, Decimal("3")) == "3 PE-punten (IPMA)"
    assert points_text(leadership, Decimal("3")) == "3 PDU (PMI – Leadership)"
    assert points_text(leadership, Decimal("2.50")) == "2,5 PDU (PMI – Leadership)"


# --- the meeting page ----------------------------------------------------------------------


def test_the_meeting_page_says_its_hours_and_points_per_scheme(client):
    event = EventPageFactory(study_hours=Decimal("5.5"))
    EventAccreditation.objects.create(
        page=event, scheme=SchemeFactory(), points=Decimal("5"), reference="IPMA-NL 2026-114"
    )
    accredit(event, pmi("Leadership"), points="2.5")

    shown = facts(html_of(client, event))

    assert shown["Studiebelasting"].startswith("5,5 uur")
    assert "aanwezig bent gemeld" in shown["Studiebelasting"]
    assert shown["IPMA"] == "5 PE-punten (kenmerk IPMA-NL 2026-114)"
    assert shown["PMI – Leadership"] == "2,5 PDU"


def test_without_a_figure_the_page_counts_the_programme_without_lunch(client):
    event = EventPageFactory(start=in_days(14, 10), end=in_days(14, 15, 30))
    for clock, title, is_break in [
        (datetime.time(10), "Presentaties", False),
        (datetime.time(12, 30), "Lunch", True),
        (datetime.time(13, 15), "Workshops", False),
    ]:
        ProgrammeSlot.objects.create(page=event, starts_at=clock, title=title, is_break=is_break)

    shown = facts(html_of(client, event))

    assert shown["Studiebelasting"].startswith("4,75 uur")
    assert "IPMA" not in shown  # no scheme, no points


def test_a_cancelled_meeting_promises_no_study_load(client):
    event = EventPageFactory(status="geannuleerd", status_note="De zaal is dicht.")
    accredit(event)
    shown = facts(html_of(client, event))
    assert "Studiebelasting" not in shown and "IPMA" not in shown


def test_the_page_costs_the_same_queries_for_one_or_five_schemes(client):
    one, five = EventPageFactory(), EventPageFactory()
    accredit(one)
    for n in range(5):
        accredit(five, pmi(f"Categorie {n}"))
    html_of(client, one)  # warm the caches (site root, content types)

    with CaptureQueriesContext(connection) as few:
        html_of(client, one)
    with CaptureQueriesContext(connection) as many:
        html_of(client, five)

    assert len(few) == len(many)


# --- the calendar card ---------------------------------------------------------------------


def test_the_card_gives_the_study_load_in_one_line(client):
    event = meeting("Studiedag", days=10, study_hours=Decimal("5.5"))
    accredit(event, points="5")
    accredit(event, pmi("Leadership"), points="2")
    meeting("Middag", days=12, start=in_days(12, 13), end=in_days(12, 16, 30))
    meeting("Afgelast", days=13, status="geannuleerd")

    shown = cards(client.get(URL))

    line = shown["Studiedag"].select_one(".event-card__study-load").get_text(strip=True)
    assert line == "5,5 studie-uren · 5 PE-punten (IPMA) · 2 PDU (PMI – Leadership)"
    middag = shown["Middag"].select_one(".event-card__study-load").get_text(strip=True)
    assert middag == "3,5 studie-uren"
    assert shown["Afgelast"].select_one(".event-card__study-load") is None


def _queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_one_or_twenty_accredited_cards_cost_the_same_queries(client):
    calendar = calendar_page()
    calendar.per_page = 20
    calendar.save()
    client.force_login(member())
    schemes = [SchemeFactory(), pmi("Leadership"), pmi("Business Acumen")]
    first = meeting("Eén", days=3, study_hours=Decimal("2"))
    accredit(first, schemes[0])
    ProgrammeSlot.objects.create(page=first, starts_at=datetime.time(10), title="Start")
    one = {url: _queries(client, url) for url in [URL, "/"]}

    for n in range(19):
        event = meeting(f"Meer {n}", days=4 + n)
        for scheme in schemes[: 1 + n % 3]:
            accredit(event, scheme, points=str(1 + n % 4))
        ProgrammeSlot.objects.create(page=event, starts_at=datetime.time(10), title="Start")
        ProgrammeSlot.objects.create(
            page=event, starts_at=datetime.time(12), title="Lunch", is_break=True
        )
    assert len(titles(client.get(URL))) == 20
    twenty = {url: _queries(client, url) for url in [URL, "/"]}

    assert twenty == one


# --- the leergang --------------------------------------------------------------------------


def test_the_leergang_sums_its_sessions_and_says_they_count_one_by_one(client):
    track = LearningTrackPageFactory(title="Leergang opgave-sturing")
    ipma, power = SchemeFactory(), pmi("Power Skills")
    for week in (3, 5, 7):
        session = EventPageFactory(
            learning_track=track, start=in_days(7 * week, 13), end=in_days(7 * week, 17)
        )
        accredit(session, ipma, points="4")
        if week == 3:
            accredit(session, power, points="1.5")
    cancelled = EventPageFactory(
        learning_track=track, start=in_days(70, 13), end=in_days(70, 17), status="geannuleerd"
    )
    accredit(cancelled, ipma, points="4")

    page = unescape(html_of(client, track))
    shown = facts(page)

    assert shown["Studiebelasting"].startswith("12 uur voor alle sessies samen")
    assert "per sessie waar je aanwezig bent gemeld" in shown["Studiebelasting"]
    assert shown["IPMA"] == "12 PE-punten voor alle sessies samen"
    assert shown["PMI – Power Skills"] == "1,5 PDU voor alle sessies samen"
