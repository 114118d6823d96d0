"""The meeting cards on the calendar and the home page, and what they cost in queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventPage, Registration
from tests.events.helpers.calendar_page import URL, html, local, meeting, titles
from tests.events_factories import (
    LearningTrackPageFactory,
    RegistrationFactory,
    bulk_meetings,
    calendar_page,
    in_days,
    member,
)

pytestmark = pytest.mark.django_db


# --- status on the cards -----------------------------------------------------------------


def test_cards_say_cancelled_moved_and_full(client):
    cancelled = meeting("Afgelast", days=5, status="geannuleerd", status_note="De zaal is dicht.")
    meeting("Verzet", days=6, status="verplaatst")
    full = meeting("Volle zaal", days=7, capacity=2)
    half = meeting("Halfvol", days=8, capacity=2)
    for _ in range(2):
        RegistrationFactory(event=full)
        RegistrationFactory(event=cancelled)
    RegistrationFactory(event=half)
    cancelled.capacity = 2
    cancelled.save()

    response = client.get(URL)
    assert titles(response) == ["Afgelast", "Verzet", "Volle zaal", "Halfvol"]
    page = html(response)
    cards = page.split('<article class="event-card')[1:]
    assert '<span class="badge badge--cancelled">Geannuleerd</span>' in cards[0]
    assert "De zaal is dicht." in cards[0]
    assert "Vol – wachtlijst" not in cards[0]  # cancelled: nothing to wait for
    assert '<span class="badge badge--moved">Verplaatst</span>' in cards[1]
    assert "Vol – wachtlijst" in cards[2]
    assert "Vol – wachtlijst" not in cards[3]  # one of two places taken


def test_the_card_and_the_page_agree_when_a_place_frees_up_within_24_hours(client):
    """A cancellation on the eve leaves a place that waits for the organiser: whoever signs
    up now joins the queue, so the card says full just as the meeting page does."""
    from events import services

    event = meeting("Straks vol", start=timezone.now() + datetime.timedelta(hours=6), capacity=2)
    first, second, waiting = member(), member(), member()
    [services.register(event, person) for person in (first, second, waiting)]
    services.cancel(event.registrations.get(user=first), first)
    assert event.registrations.confirmed().count() == 1  # nobody moved up: under 24 hours

    card = html(client.get(URL)).split('<article class="event-card')[1]
    assert "Vol – wachtlijst" in card
    page = html(client.get(event.url))
    assert "Deze activiteit is vol." in page


def test_card_shows_date_type_form_region_and_linked_themes(client):
    meeting(
        "Studiedag",
        start=local(2031, 3, 12, 10),
        end=local(2031, 3, 12, 16),
        event_type="netwerkdag",
        region="fryslan",
        themes=["Opgave-sturing"],
    )
    meeting("Tweedaags", start=local(2031, 3, 20, 9), end=local(2031, 3, 21, 17))
    page = html(client.get(URL))
    assert "woensdag 12 maart 2031, 10:00</time>–<time" in page
    assert "16:00</time> uur" in page
    assert "donderdag 20 maart 2031, 09:00</time> tot <time" in page
    assert "vrijdag 21 maart 2031, 17:00</time> uur" in page
    assert "<dd>Netwerkdag</dd>" in page
    assert "<dd>Op locatie, Stadhuis Veenendaal</dd>" in page
    assert "<dd>Fryslân</dd>" in page
    assert f'<a href="{URL}?thema=opgave-sturing">Opgave-sturing</a>' in page
    assert re.search(r'<a href="/activiteiten/bijeenkomst-\d+/">Studiedag</a>', page)


# --- home page ---------------------------------------------------------------------------


def test_home_page_shows_the_next_three_meetings_and_links_to_the_calendar(client):
    meeting("Voorbij", days=-2)
    meeting("Derde", days=9)
    meeting("Eerste", days=2)
    meeting("Afgelast", days=3, status="geannuleerd")
    meeting("Tweede", days=4)
    meeting("Vierde", days=20)

    response = client.get("/")
    assert titles(response) == ["Eerste", "Tweede", "Derde"]
    page = html(response)
    assert "Komende activiteiten" in page
    assert f'<a href="{URL}">Bekijk de hele activiteitenkalender</a>' in page
    assert "css/calendar.css" in page
    assert page.count("<h1") == 1


def test_home_page_without_meetings_or_calendar(client, home_page):
    page = html(client.get("/"))
    assert "Er staan op dit moment geen activiteiten gepland." in page
    assert "Bekijk de hele activiteitenkalender" not in page


# --- queries -----------------------------------------------------------------------------


def _queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _store(count, offset=0):
    """`count` more meetings over a year back and a year ahead, some members-only, themed,
    full (two places, both taken), cancelled or moved."""
    statuses = ["gepland", "gepland", "geannuleerd", "verplaatst"]
    pages = bulk_meetings(
        count,
        offset,
        lambda n: {
            "start": in_days((n * 7) % 730 - 365, 10),
            "capacity": 2 if n % 5 == 0 else 20,
            "status": statuses[n % 4],
            "region": ["utrecht", "landelijk", "zeeland"][n % 3],
            "visibility": "members" if n % 6 == 0 else "public",
        },
    )
    Registration.objects.bulk_create(
        Registration(event=page, name=f"Deelnemer {n}-{i}")
        for n, page in enumerate(pages)
        if page.capacity == 2
        for i in range(2)
    )


CHECKED = [
    "/",
    URL,
    f"{URL}?archief=1",
    f"{URL}?type=leergang",
    f"{URL}?thema=opgave-sturing&regio=utrecht",
]


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_queries_do_not_grow_with_stored_meetings(client, who):
    """10 and 500 stored meetings: the calendar and the home page cost the same."""
    if who == "member":
        client.force_login(member())
    track = LearningTrackPageFactory()
    meeting("Sessie", days=3, learning_track=track, themes=["Opgave-sturing"], region="utrecht")
    _store(9)
    month = f"{URL}?maand={in_days(3):%Y-%m}"
    urls = [*CHECKED, month]
    few = {url: _queries(client, url) for url in urls}

    _store(490, offset=9)
    LearningTrackPageFactory()
    assert EventPage.objects.count() == 500
    many = {url: _queries(client, url) for url in urls}

    assert many == few
    # 20, and two for the cards' study load (programme, accreditations with their scheme).
    assert max(few.values()) <= 22


def test_queries_do_not_grow_with_meetings_listed(client):
    """1 and 20 meetings on one page: no query per card."""
    calendar = calendar_page()
    calendar.per_page = 20
    calendar.save()
    client.force_login(member())
    meeting("Eén", days=3, themes=["Wonen"], capacity=1)
    one = {url: _queries(client, url) for url in [URL, "/"]}
    for n in range(19):
        meeting(f"Meer {n}", days=4 + n, themes=["Wonen", f"T{n}"], capacity=1)
        if n % 3 == 0:
            RegistrationFactory(event=EventPage.objects.get(title=f"Meer {n}"))
    assert len(titles(client.get(URL))) == 20
    twenty = {url: _queries(client, url) for url in [URL, "/"]}
    assert twenty == one
