"""The activity calendar /activiteiten/ and the next meetings on the home page."""

import datetime
import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from events.models import EventPage, Registration
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    bulk_meetings,
    calendar_page,
    guest,
    in_days,
    member,
)
from tests.events_factories import themes as vocabulary
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

URL = "/activiteiten/"
CARD_TITLE = re.compile(r'class="event-card__title">\s*<a href="[^"]*">([^<]*)</a>')


def meeting(title, days=21, themes=(), **kwargs):
    """A live meeting `days` from today (10:00–16:00) carrying the given themes."""
    kwargs.setdefault("start", in_days(days, 10))
    kwargs.setdefault("end", kwargs["start"] + datetime.timedelta(hours=6))
    page = EventPageFactory(title=title, **kwargs)
    if themes:
        page.themes.add(*vocabulary(*themes))
        page.save()
    return page


def titles(response):
    assert response.status_code == 200
    return [unescape(t) for t in CARD_TITLE.findall(response.content.decode())]


def html(response):
    assert response.status_code == 200
    return unescape(response.content.decode())


def local(year, month, day, hour=10, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def month_ahead(months=3):
    """The first of a month some way ahead, so all its meetings are still to come."""
    first = timezone.localdate().replace(day=1)
    for _ in range(months):
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    return first


# --- the upcoming list ---------------------------------------------------------------


def test_anonymous_visitors_see_the_coming_meetings_in_order(client):
    meeting("Later", days=30)
    meeting("Eerst", days=5)
    meeting("Vandaag bezig", start=timezone.now() - datetime.timedelta(hours=1), days=0)
    meeting("Voorbij", days=-10)
    draft = meeting("Concept", days=8)
    draft.unpublish()

    response = client.get(URL)

    assert titles(response) == ["Vandaag bezig", "Eerst", "Later"]
    page = html(response)
    assert page.count("<h1") == 1
    assert "3 activiteiten gevonden" in page
    assert "css/calendar.css" in page


def test_the_filter_form_is_labelled_and_submits_by_get(client):
    meeting("Met thema", themes=["Opgave-sturing"])
    page = html(client.get(URL))

    assert '<form class="calendar-filters" method="get" action="/activiteiten/"' in page
    for name, label in [("thema", "Thema"), ("type", "Soort"), ("regio", "Regio")]:
        assert f'<label for="id_{name}">{label}</label>' in page
        assert f'<select name="{name}" id="id_{name}">' in page
    assert '<label for="id_vorm">Vorm</label>' in page
    assert '<option value="opgave-sturing">Opgave-sturing</option>' in page
    assert '<option value="fryslan">Fryslân</option>' in page
    assert '<option value="landelijk">Landelijk</option>' in page
    assert '<option value="op-locatie">Op locatie</option>' in page
    assert '<button class="button" type="submit">Filter</button>' in page
    assert ">Wis filters</a>" in page


def test_filters_combine_and_the_url_can_be_shared(client):
    meeting(
        "Raak",
        themes=["Opgave-sturing", "Sociaal domein"],
        event_type="workshop",
        region="utrecht",
        form="online",
        online_url="https://meet.example/raak",
    )
    meeting("Ander thema", themes=["Wonen"], event_type="workshop", region="utrecht")
    meeting("Andere soort", themes=["Opgave-sturing"], event_type="webinar", region="utrecht")
    meeting("Andere regio", themes=["Opgave-sturing"], event_type="workshop", region="zeeland")
    meeting("Op locatie", themes=["Opgave-sturing"], event_type="workshop", region="utrecht")

    url = f"{URL}?thema=opgave-sturing&type=workshop&regio=utrecht&vorm=online"
    response = client.get(url)
    assert titles(response) == ["Raak"]
    page = html(response)
    assert "1 activiteit gevonden" in page
    assert "Actieve filters:" in page
    for label, value in [
        ("Thema", "Opgave-sturing"),
        ("Soort", "Workshop"),
        ("Regio", "Utrecht"),
        ("Vorm", "Online"),
    ]:
        assert f"{label}: <strong>{value}</strong>" in page
    # Each filter can be dropped on its own; the others stay in the link.
    assert f'href="{URL}?thema=opgave-sturing&type=workshop&regio=utrecht"' in page
    assert f'href="{URL}?type=workshop&regio=utrecht&vorm=online"' in page
    # The select shows what is chosen.
    assert '<option value="workshop" selected>' in page

    # Shared: someone else, not logged in, opens the same link and sees the same.
    client.logout()
    assert titles(client.get(url)) == ["Raak"]
    # One filter at a time narrows as expected.
    assert titles(client.get(f"{URL}?regio=zeeland")) == ["Andere regio"]
    assert titles(client.get(f"{URL}?type=webinar")) == ["Andere soort"]
    assert titles(client.get(f"{URL}?thema=wonen")) == ["Ander thema"]
    assert set(titles(client.get(f"{URL}?vorm=op-locatie"))) == {
        "Ander thema",
        "Andere soort",
        "Andere regio",
        "Op locatie",
    }


def test_clearing_filters_keeps_the_view(client):
    meeting("Iets", themes=["Wonen"])
    page = html(client.get(f"{URL}?thema=wonen&archief=1"))
    assert f'<a href="{URL}?archief=1">Wis filters</a>' in page
    # The form carries the view along, so filtering in the archive stays in the archive.
    assert '<input type="hidden" name="archief" value="1">' in page


def test_theme_options_are_only_tags_of_live_meetings_the_visitor_may_see(client):
    meeting("Open", themes=["Wonen"])
    meeting("Voorbij", days=-30, themes=["Mobiliteit"])
    draft = meeting("Concept", themes=["Geheim concept"])
    draft.unpublish()
    meeting("Leden", themes=["Alleen leden"], visibility="members")

    page = html(client.get(URL))
    assert '<option value="wonen">Wonen</option>' in page
    assert '<option value="mobiliteit">Mobiliteit</option>' in page  # the archive has it
    assert "Geheim concept" not in page
    assert "Alleen leden" not in page

    client.force_login(member())
    assert '<option value="alleen-leden">Alleen leden</option>' in html(client.get(URL))


def test_pages_keep_the_filters_in_their_links(client):
    calendar = calendar_page()
    calendar.per_page = 2
    calendar.save()
    for n in range(5):
        meeting(f"Wonen {n}", days=10 + n, themes=["Wonen"])
    meeting("Zonder thema", days=9)

    first = client.get(f"{URL}?thema=wonen")
    assert titles(first) == ["Wonen 0", "Wonen 1"]
    page = html(first)
    assert "5 activiteiten gevonden" in page
    assert "(pagina 1 van 3)" in page
    assert f'href="{URL}?thema=wonen&page=2" rel="next"' in page
    assert 'aria-current="page"><span class="visually-hidden">Pagina </span>1</a>' in page

    second = client.get(f"{URL}?thema=wonen&page=2")
    assert titles(second) == ["Wonen 2", "Wonen 3"]
    assert f'href="{URL}?thema=wonen" rel="prev"' in html(second)


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


def test_a_logged_in_visitors_calendar_is_never_kept_by_a_shared_cache(client):
    meeting("Open bijeenkomst", days=10)
    assert "private" not in client.get(URL).get("Cache-Control", "")
    client.force_login(StaffFactory())
    assert "private" in client.get(URL)["Cache-Control"]
    assert "private" in client.get("/")["Cache-Control"]


# --- who sees what -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "sees"),
    [("anonymous", False), ("guest", False), ("member", True), ("staff", True)],
)
def test_members_only_meetings_are_listed_only_for_members_and_staff(client, who, sees):
    meeting("Voor iedereen", days=5)
    meeting("Alleen voor leden", days=6, visibility="members")
    users = {"guest": guest, "member": member, "staff": StaffFactory}
    if who != "anonymous":
        client.force_login(users[who]())

    expected = ["Voor iedereen", "Alleen voor leden"] if sees else ["Voor iedereen"]
    response = client.get(URL)
    assert titles(response) == expected
    page = html(response)
    assert bool(re.search(r"<dt>Voor</dt>\s*<dd>leden</dd>", page)) is sees
    assert ("Alleen voor leden" in html(client.get("/"))) is sees
    month = titles(client.get(f"{URL}?maand={in_days(6):%Y-%m}"))
    assert ("Alleen voor leden" in month) is sees


def test_logged_in_only_meetings_need_an_account(client):
    meeting("Ingelogd", visibility="logged_in")
    assert titles(client.get(URL)) == []
    client.force_login(guest())
    assert titles(client.get(URL)) == ["Ingelogd"]


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


# --- nothing found, bad input ------------------------------------------------------------


def test_empty_result_says_so_with_a_way_back(client):
    meeting("Wonen voorbij", days=-5, themes=["Wonen"])
    meeting("Iets anders", days=5)
    page = html(client.get(f"{URL}?thema=wonen"))
    assert "Geen activiteiten gevonden." in page
    assert (
        f'Probeer het met minder filters, of <a href="{URL}">bekijk alle activiteiten</a>.' in page
    )
    assert "0 activiteiten gevonden" in page
    assert page.count("<h1") == 1


def test_an_empty_calendar_says_so(client):
    calendar_page()
    page = html(client.get(URL))
    assert "Geen activiteiten gevonden." in page
    assert "Probeer het met minder filters" not in page
    assert "bekijk alle" not in page.lower()  # no link to the very list that is empty


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


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=concert", "Deze soort activiteit kennen we niet."),
        ("regio=mars", "Deze regio kennen we niet."),
        ("vorm=te-paard", "Kies op locatie, online of hybride."),
        ("thema=bestaat-niet", "Dit thema komt bij geen enkele activiteit voor."),
        ("maand=2026-13", "Onbekende maand ‘2026-13’: schrijf jaar en maand als 2026-12."),
        ("maand=december", "Onbekende maand ‘december’"),
        ("maand=9999-12", "Onbekende maand ‘9999-12’"),
        ("maand=%00", "Null"),
        ("maand=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-12", "Onbekende maand"),
        ("archief=ja", "Het archief open je met archief=1."),
        ("page=abc", "Dat paginanummer bestaat niet; je ziet de eerste pagina."),
        ("page=0", "Dat paginanummer bestaat niet; je ziet de eerste pagina."),
        ("page=-3", "Dat paginanummer bestaat niet; je ziet de eerste pagina."),
        ("page=%C2%B2", "Dat paginanummer bestaat niet; je ziet de eerste pagina."),
        ("page=99", "Pagina 99 bestaat niet (meer); je ziet pagina 1."),
        ("page=99999999999999999999999", "bestaat niet (meer); je ziet pagina 1."),
    ],
)
def test_bad_input_is_explained_and_the_rest_still_works(client, query, message):
    meeting("Gewone bijeenkomst", themes=["Wonen"])
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    page = html(response)
    assert message in page or (message == "Null" and "Controleer wat je hebt ingevuld" in page)
    assert titles(response) == ["Gewone bijeenkomst"]  # the bad value is left out
    if not query.startswith("page="):
        assert "Controleer wat je hebt ingevuld" in page
        assert "Actieve filters:" not in page


def test_what_was_typed_is_shown_escaped(client):
    calendar_page()
    raw = client.get(f"{URL}?maand=%3Cb%3Evet%3C/b%3E").content.decode()
    assert "Onbekende maand ‘&lt;b&gt;vet&lt;/b&gt;’" in raw
    assert "<b>vet</b>" not in raw


def test_a_page_past_the_end_shows_the_last_page(client):
    calendar = calendar_page()
    calendar.per_page = 2
    calendar.save()
    for n in range(3):
        meeting(f"B{n}", days=n + 1)
    response = client.get(f"{URL}?page=7")
    assert titles(response) == ["B2"]
    assert "Pagina 7 bestaat niet (meer); je ziet pagina 2." in html(response)


def test_a_bad_filter_does_not_drop_the_good_ones(client):
    meeting("Wonen", themes=["Wonen"], region="utrecht")
    meeting("Wonen elders", themes=["Wonen"], region="zeeland")
    response = client.get(f"{URL}?thema=wonen&regio=utrecht&type=concert&maand=foo")
    assert titles(response) == ["Wonen"]
    page = html(response)
    assert "Deze soort activiteit kennen we niet." in page
    assert "Onbekende maand ‘foo’" in page
    # Links and the form carry only what was accepted.
    assert f'href="{URL}?thema=wonen"' in page  # remove the region filter
    assert 'name="maand"' not in page


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
    assert max(few.values()) <= 20


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
