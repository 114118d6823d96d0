"""The calendar's other views: a month, the archive and the leergangen; an empty one says so."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.formats import date_format

from tests.events.helpers.calendar_page import URL, html, local, meeting, titles
from tests.events_factories import LearningTrackPageFactory, calendar_page, in_days
from tests.events_factories import themes as vocabulary
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def month_ahead(months=3):
    """The first of a month some way ahead, so all its meetings are still to come."""
    first = timezone.localdate().replace(day=1)
    for _ in range(months):
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    return first


# --- month view ------------------------------------------------------------------------


def test_month_view_lists_every_meeting_touching_the_month_by_day(client):
    first = month_ahead()
    last_day = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    y, m = first.year, first.month
    meeting("Nachtsessie", start=local(y, m, last_day.day, 22), end=local(y, m, last_day.day, 23))
    over_midnight = meeting(
        "Over de grens",
        start=local(y, m, last_day.day, 21),
        end=timezone.make_aware(
            datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(2))
        ),
    )
    meeting("Net na middernacht", start=local(y, m, 1, 0, 30), end=local(y, m, 1, 2))
    meeting("Midden", start=local(y, m, 15), end=local(y, m, 15, 12))
    before = (first - datetime.timedelta(days=1)).replace(day=1)
    meeting("Maand ervoor", start=local(before.year, before.month, 10))

    maand = f"{y:04d}-{m:02d}"
    response = client.get(f"{URL}?maand={maand}")
    assert titles(response) == ["Net na middernacht", "Midden", "Over de grens", "Nachtsessie"]
    page = html(response)
    assert f"Activiteiten in {date_format(first, 'F Y')}" in page
    assert page.count('class="calendar-day"') == 3
    assert f'<time datetime="{first.isoformat()}">' in page
    assert f'<time datetime="{last_day.isoformat()}">' in page
    assert 'aria-current="page">Per maand</a>' in page
    # Previous and next month, with the filters kept.
    after = last_day + datetime.timedelta(days=1)
    assert f'href="{URL}?maand={before:%Y-%m}" rel="prev"' in page
    assert f'href="{URL}?maand={after:%Y-%m}" rel="next"' in page

    # Half past midnight on the 1st (the evening before in UTC) is not in the month before.
    assert "Net na middernacht" not in titles(client.get(f"{URL}?maand={before:%Y-%m}"))
    # The meeting that runs past midnight into the next month is there too, on the 1st.
    next_month = client.get(f"{URL}?maand={after:%Y-%m}")
    assert titles(next_month) == [over_midnight.title]
    assert f'<time datetime="{after.isoformat()}">' in html(next_month)


def test_month_view_shows_a_month_gone_by_too(client):
    before = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    meeting("Vorige maand", start=local(before.year, before.month, 12))
    assert titles(client.get(URL)) == []

    response = client.get(f"{URL}?maand={before:%Y-%m}")
    assert titles(response) == ["Vorige maand"]
    assert f"Activiteiten in {date_format(before, 'F Y')}" in html(response)


def test_the_month_view_starts_at_this_month(client):
    calendar_page()
    page = html(client.get(URL))
    assert f'<a href="{URL}?maand={timezone.localdate():%Y-%m}">Per maand</a>' in page
    assert 'aria-current="page">Komend</a>' in page


def test_month_view_filters_combine(client):
    first = month_ahead()
    y, m = first.year, first.month
    meeting("Wonen", start=local(y, m, 3), themes=["Wonen"])
    meeting("Zorg", start=local(y, m, 4), themes=["Zorg"])
    response = client.get(f"{URL}?thema=zorg&maand={y:04d}-{m:02d}")
    assert titles(response) == ["Zorg"]
    assert f'href="{URL}?thema=zorg&maand=' in html(response)


# --- archive -----------------------------------------------------------------------------


def test_archive_lists_past_meetings_newest_first_in_pages(client):
    calendar = calendar_page()
    calendar.per_page = 2
    calendar.save()
    meeting("Lang geleden", days=-60)
    meeting("Vorige maand", days=-30)
    meeting("Gisteren", days=-1)
    meeting("Nog niet", days=3)

    response = client.get(f"{URL}?archief=1")
    assert titles(response) == ["Gisteren", "Vorige maand"]
    page = html(response)
    assert "Afgelopen activiteiten" in page
    assert 'aria-current="page">Archief</a>' in page
    assert titles(client.get(f"{URL}?archief=1&page=2")) == ["Lang geleden"]


# --- leergangen --------------------------------------------------------------------------


def test_type_leergang_lists_the_tracks_with_sessions_and_dates(client):
    track = LearningTrackPageFactory(title="Leergang opgave-sturing")
    track.themes.add(*vocabulary("Opgave-sturing"))
    track.save()
    for days in (10, 40, 70):
        meeting(f"Module {days}", days=days, learning_track=track, event_type="leergang")
    LearningTrackPageFactory(title="Leergang in voorbereiding")
    old = LearningTrackPageFactory(title="Leergang van vorig jaar")
    meeting("Oude module", days=-100, learning_track=old)

    response = client.get(f"{URL}?type=leergang")
    page = html(response)
    assert page.count('class="event-card track-card"') == 2
    assert "Leergang opgave-sturing" in page
    assert "3 sessies" in page
    first, last = in_days(10), in_days(70, 16)
    assert f'<time datetime="{timezone.localtime(first):%Y-%m-%d}">' in page
    assert f'<time datetime="{timezone.localtime(last):%Y-%m-%d}">' in page
    assert "Leergang in voorbereiding" in page
    assert "De data volgen nog." in page
    assert "Leergang van vorig jaar" not in page
    assert "Module 10" not in page  # tracks, not their sessions
    assert "2 leergangen gevonden" in page
    # The themes offered include the tracks' own.
    assert '<option value="opgave-sturing">Opgave-sturing</option>' in page

    archive = html(client.get(f"{URL}?type=leergang&archief=1"))
    assert "Leergang van vorig jaar" in archive
    assert "1 sessie" in archive
    assert "Leergang opgave-sturing" not in archive

    themed = html(client.get(f"{URL}?type=leergang&thema=opgave-sturing"))
    assert themed.count('class="event-card track-card"') == 1


def test_a_leergang_card_counts_only_the_sessions_the_visitor_may_see(client):
    track = LearningTrackPageFactory(title="Leergang opgave-sturing")
    meeting("Open module", days=10, learning_track=track)
    meeting("Ledenmodule", days=40, learning_track=track, visibility="members")

    assert "1 sessie" in html(client.get(f"{URL}?type=leergang"))
    client.force_login(StaffFactory())
    assert "2 sessies" in html(client.get(f"{URL}?type=leergang"))


# --- nothing found ---------------------------------------------------------------------


def test_an_empty_month_or_archive_says_where_to_look_in_one_sentence(client):
    meeting("Later", days=5)
    month = html(client.get(f"{URL}?maand=2031-02"))
    assert "Geen activiteiten gevonden." in month
    assert (
        f'Kies een andere maand, of <a href="{URL}">bekijk alle komende activiteiten</a>.' in month
    )
    archive = html(client.get(f"{URL}?archief=1"))
    assert f'<p><a href="{URL}">Bekijk de komende activiteiten</a>.</p>' in archive
    # Every sentence starts with a capital, as it is read (not a lower-case link text).
    for page in (month, archive):
        empty = " ".join(
            BeautifulSoup(page, "html.parser").select_one(".calendar-empty").stripped_strings
        )
        sentences = [part.strip() for part in empty.split(".") if part.strip()]
        assert all(sentence[0].isupper() for sentence in sentences), empty
