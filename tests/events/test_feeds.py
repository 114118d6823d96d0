"""The calendar feeds over HTTP: addresses, the personal token, caching headers and queries."""

import datetime
import json
import re
import secrets
import string

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.log_actions import log

from events import ical, services
from events.agenda_link import feed_urls
from events.models import EventPage, EventSpeaker, PersonalFeed, RegistrationStatus
from leerhuis.core import conditional
from members import privacy
from members.models import Person
from tests.events.test_ical import (
    FEED,
    ONLINE,
    feed_path,
    items,
    meeting,
    uid,
)
from tests.events_factories import (
    LearningTrackPageFactory,
    RegistrationFactory,
    bulk_meetings,
    guest,
    in_days,
    member,
)
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
MANAGE = "/mijn-leerhuis/agenda/"


def download(event):
    return f"/activiteiten/{event.slug}/agenda.ics"


def personal(token):
    return f"/mijn-leerhuis/agenda/{token}.ics"


def flat(response):
    """The body with folded lines joined again, so a long value can be searched for."""
    return response.content.decode().replace("\r\n ", "")


# --- headers --------------------------------------------------------------------------------


def test_public_feeds_are_calendars_that_shared_caches_may_keep_briefly(client):
    """Public feed and anonymous download: text/calendar, public, a short max-age."""
    event = meeting()
    for url in [FEED, f"{FEED}?regio=utrecht", download(event)]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        control = response["Cache-Control"]
        assert "public" in control and "private" not in control
        max_age = int(re.search(r"max-age=(\d+)", control).group(1))
        assert 0 < max_age <= 3600
        assert response["ETag"] and response["Last-Modified"]


def test_the_personal_feed_is_private(client):
    """My feed is for me only: no shared cache keeps it, no search engine lists it."""
    user = member()
    RegistrationFactory(event=meeting(), user=user)

    response = client.get(feed_path(user))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]


def test_head_answers_without_a_body_and_post_is_refused(client):
    """Calendar apps may ask HEAD; nobody can POST to a feed."""
    user = member()
    event = meeting()
    RegistrationFactory(event=event, user=user)
    for url in [FEED, download(event), feed_path(user)]:
        head = client.head(url)
        assert head.status_code == 200, url
        assert head.content == b"" and head["ETag"] == client.get(url)["ETag"]
        assert client.post(url).status_code == 405, url


# --- one meeting as a download --------------------------------------------------------------


def test_a_meeting_downloads_as_an_attachment_named_after_its_slug(client):
    """The browser saves opgave-sturing.ics, holding that meeting only."""
    event = meeting("Opgave-sturing", slug="opgave-sturing")
    meeting("Een andere")

    response = client.get(download(event))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="opgave-sturing.ics"'
    assert list(items(response.content)) == [uid(event)]


def test_a_leergang_downloads_as_all_its_sessions_the_visitor_may_see(client):
    """One file with every live session; a members-only session only for members."""
    track = LearningTrackPageFactory(title="Leergang opgave-sturing", slug="leergang-opgave")
    first = meeting("Sessie 1", start=in_days(10), learning_track=track)
    second = meeting("Sessie 2", start=in_days(40), learning_track=track)
    closed = meeting("Sessie 3", start=in_days(70), learning_track=track, visibility="members")
    draft = meeting("Sessie 4", start=in_days(100), learning_track=track)
    draft.unpublish()
    meeting("Los")

    response = client.get("/activiteiten/leergang-opgave/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="leergang-opgave.ics"'
    assert set(items(response.content)) == {uid(first), uid(second)}

    client.force_login(member())
    as_member = client.get("/activiteiten/leergang-opgave/agenda.ics")
    assert set(items(as_member.content)) == {uid(first), uid(second), uid(closed)}
    assert "private" in as_member["Cache-Control"]


def test_a_members_only_meeting_is_refused_to_anonymous_visitors(client):
    """403 with the explanation page, and the calendar item is not given away."""
    event = meeting("Alleen leden", visibility="members", online_url=ONLINE, form="hybride")

    response = client.get(download(event))

    assert response.status_code == 403
    assert b"BEGIN:VCALENDAR" not in response.content
    assert "private" in response["Cache-Control"]
    client.force_login(guest())
    assert client.get(download(event)).status_code == 403
    client.force_login(member())
    assert client.get(download(event)).status_code == 200


def test_an_unknown_or_unpublished_meeting_is_not_found(client):
    """A wrong or withdrawn address gives 404, not an empty calendar."""
    draft = meeting("Concept")
    draft.unpublish()

    assert client.get("/activiteiten/bestaat-niet/agenda.ics").status_code == 404
    assert client.get(download(draft)).status_code == 404


def test_a_confirmed_registrant_downloads_the_online_link_privately(client):
    """Logged in with a place: the link is in the file, and no shared cache keeps it."""
    event = meeting("Webinar", form="online", online_url=ONLINE, capacity=1)
    registrant, waiting, other = member(), member(), member()
    RegistrationFactory(event=event, user=registrant)
    RegistrationFactory(event=event, user=waiting, status=RegistrationStatus.WAITLISTED)

    anonymous = client.get(download(event))
    assert ONLINE not in flat(anonymous)
    for user in [waiting, other]:
        client.force_login(user)
        response = client.get(download(event))
        assert response.status_code == 200
        assert ONLINE not in flat(response)
        assert "public" not in response["Cache-Control"]
    client.force_login(registrant)
    mine = client.get(download(event))

    assert ONLINE in flat(mine) and "CONFERENCE" in flat(mine)
    assert "private" in mine["Cache-Control"] and "public" not in mine["Cache-Control"]
    assert mine["ETag"] != anonymous["ETag"]


# --- the public feed's filters -----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=concert", "Onbekende soort ‘concert’"),
        ("regio=atlantis", "Onbekende regio ‘atlantis’"),
        ("vorm=telepathie", "Onbekende vorm ‘telepathie’"),
    ],
)
def test_an_unknown_filter_is_a_400_with_a_dutch_explanation(client, query, message):
    """A mistyped subscription address says what is wrong and what is possible."""
    response = client.get(f"{FEED}?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert message in text and "Kies uit:" in text


def test_an_unknown_theme_is_not_found(client):
    """?thema= with a slug that is no tag: 404."""
    meeting(themes=["Wonen"])

    assert client.get(f"{FEED}?thema=bestaat-niet").status_code == 404
    assert client.get(f"{FEED}?thema=wonen").status_code == 200


# --- the personal feed and its token --------------------------------------------------------


def test_the_token_is_long_and_random(client):
    """At least 128 bits of secret, different every time, safe in a URL."""
    user = member()
    tokens = [PersonalFeed.issue(user).token for _ in range(20)]

    assert len(set(tokens)) == 20
    for token in tokens:
        selector, verifier = token[:16], token[16:]
        assert re.fullmatch(r"[0-9a-f]{16}", selector)
        assert set(verifier) <= set(string.ascii_letters + string.digits + "-_")
        assert len(verifier) * 6 >= 128 and len(verifier) >= len(secrets.token_urlsafe(24))
    assert PersonalFeed.objects.filter(user=user).count() == 1


def test_a_wrong_or_malformed_token_is_not_found(client):
    """Guessing, cutting off or garbling the address gives 404, never a 500."""
    user = member()
    RegistrationFactory(event=meeting(), user=user)
    token = PersonalFeed.issue(user).token
    assert client.get(personal(token)).status_code == 200
    selector = token[:16]
    wrong = [
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # one character off
        token[:-1],  # too short
        token + "x",  # too long
        selector,  # the selector alone
        "abc",
        "0" * 48,
        selector + "é" * 32,
        "ééééééééééééééééééééééééééééééééééééééééééééééé",
        selector + "\u202e" + token[17:],
        "x" * 2000,
    ]

    for bad in wrong:
        assert client.get(personal(bad)).status_code == 404, bad


def test_rotating_the_address_kills_the_old_one(client):
    """Vernieuwen: the old subscription stops with 404, the new one works."""
    user = member()
    RegistrationFactory(event=meeting(), user=user)
    client.force_login(user)
    assert client.post(MANAGE, {"actie": "maak"}).status_code == 302
    old = PersonalFeed.objects.get(user=user).token
    assert client.get(personal(old)).status_code == 200

    response = client.post(MANAGE, {"actie": "vernieuw"})

    assert response.status_code == 302 and response["Location"].endswith("#agenda")
    new = PersonalFeed.objects.get(user=user).token
    assert new != old and new[:16] != old[:16]
    assert client.get(personal(old)).status_code == 404
    assert client.get(personal(new)).status_code == 200


def test_stopping_revokes_the_address(client):
    """Stop: the address answers 404 and there is no feed any more."""
    user = member()
    client.force_login(user)
    client.post(MANAGE, {"actie": "maak"})
    token = PersonalFeed.objects.get(user=user).token

    assert client.post(MANAGE, {"actie": "stop"}).status_code == 302

    assert not PersonalFeed.objects.filter(user=user).exists()
    assert client.get(personal(token)).status_code == 404


def test_managing_the_address_needs_a_post_a_known_action_and_a_login(client):
    """A GET (back from logging in) shows Mijn Leerhuis, an unknown action is a 400, an
    anonymous POST goes to the login page."""
    anonymous = client.post(MANAGE, {"actie": "maak"})
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert not PersonalFeed.objects.exists()

    user = member()
    client.force_login(user)
    back = client.get(MANAGE)
    assert back.status_code == 302 and back["Location"] == "/mijn-leerhuis/#agenda"
    unknown = client.post(MANAGE, {"actie": "verwijder-alles"})
    assert unknown.status_code == 400 and "text/plain" in unknown["Content-Type"]
    assert client.post(MANAGE).status_code == 400
    assert not PersonalFeed.objects.exists()


def test_deleting_the_account_kills_the_address(client):
    """After "verwijder mijn account" the old subscription answers 404."""
    user = member()
    RegistrationFactory(event=meeting(), user=user)
    token = PersonalFeed.issue(user).token

    privacy.delete_account(user)

    assert client.get(personal(token)).status_code == 404
    assert not PersonalFeed.objects.exists()


def test_deleting_the_user_in_the_admin_kills_the_address_too(client):
    """However the user row goes, the feed goes with it."""
    user = member()
    token = PersonalFeed.issue(user).token

    get_user_model().objects.filter(pk=user.pk).delete()

    assert client.get(personal(token)).status_code == 404


def test_my_feed_never_holds_anyone_elses_registrations(client):
    """Two people, two feeds, each with only their own meetings."""
    me, colleague = member(), member()
    mine = meeting("Mijn bijeenkomst", form="hybride", online_url=ONLINE)
    theirs = meeting("Hun bijeenkomst", form="hybride", online_url="https://meet.example/hun")
    shared = meeting("Samen")
    RegistrationFactory(event=mine, user=me)
    RegistrationFactory(event=theirs, user=colleague)
    RegistrationFactory(event=shared, user=me)
    RegistrationFactory(event=shared, user=colleague)

    my_feed = client.get(feed_path(me))
    their_feed = client.get(feed_path(colleague))

    assert set(items(my_feed.content)) == {uid(mine), uid(shared)}
    assert set(items(their_feed.content)) == {uid(theirs), uid(shared)}
    assert "meet.example/hun" not in flat(my_feed)
    assert my_feed["ETag"] != their_feed["ETag"]


def test_the_personal_feed_keeps_only_live_meetings_in_the_window(client):
    """Withdrawn and long-past meetings leave my calendar."""
    user = member()
    current = meeting("Binnenkort")
    withdrawn = meeting("Teruggetrokken")
    withdrawn.unpublish()
    old = meeting("Lang geleden", start=in_days(-50))
    for event in (current, withdrawn, old):
        RegistrationFactory(event=event, user=user)

    assert set(items(client.get(feed_path(user)).content)) == {uid(current)}


# --- Mijn Leerhuis and "mijn gegevens" ---------------------------------------------------------


def test_mijn_leerhuis_shows_my_feed_address_to_me_only(client):
    """The owner sees the https and webcal addresses; anonymous must log in; nobody else
    sees my token."""
    anonymous = client.get("/mijn-leerhuis/")
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]

    owner, other = member(), member()
    client.force_login(owner)
    before = client.get("/mijn-leerhuis/")
    assert before.status_code == 200
    client.post(MANAGE, {"actie": "maak"})
    token = PersonalFeed.objects.get(user=owner).token
    urls = feed_urls(token)

    page = client.get("/mijn-leerhuis/")
    assert page.status_code == 200
    html = page.content.decode()
    assert urls["https"] in html and urls["webcal"] in html
    assert "private" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]

    client.force_login(other)
    theirs = client.get("/mijn-leerhuis/").content.decode()
    assert token not in theirs and token[16:] not in theirs


def test_my_data_export_says_there_is_an_address_but_not_what_it_is(client):
    """ "Download mijn gegevens" lists the calendar link's existence, never the key itself."""
    user = member()
    feed = PersonalFeed.issue(user)

    data = privacy.export_data(user)
    assert data["agenda_link"]["actief"] is True
    client.force_login(user)
    response = client.get("/mijn-leerhuis/mijn-gegevens/")
    assert response.status_code == 200
    exported = response.content.decode()

    assert "agenda_link" in json.loads(exported)
    for text in (exported, json.dumps(data)):
        assert feed.token not in text and feed.verifier not in text and feed.selector not in text


# --- conditional GET ------------------------------------------------------------------------


def _conditional_urls(client):
    """The four kinds of feed a subscriber polls, each with something in it."""
    user = member()
    event = meeting("Opgave-sturing", themes=["Wonen"], form="hybride", online_url=ONLINE)
    meeting("Nog een", themes=["Zorg"])
    RegistrationFactory(event=event, user=user)
    return [FEED, f"{FEED}?thema=wonen", download(event), feed_path(user)]


@pytest.mark.parametrize("kind", ["feed", "theme", "download", "personal"])
def test_a_conditional_get_with_the_etag_is_a_cheap_304(
    client, kind, django_assert_max_num_queries, monkeypatch
):
    """A subscriber polling an unchanged feed gets 304 in at most two queries, and the
    calendar is not even built."""
    url = dict(
        zip(["feed", "theme", "download", "personal"], _conditional_urls(client), strict=True)
    )[kind]
    first = client.get(url)
    assert first.status_code == 200

    monkeypatch.setattr(ical, "calendar", _refuse)
    with django_assert_max_num_queries(2):
        again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def _refuse(*args, **kwargs):
    raise AssertionError("the calendar was built for a conditional GET")


def test_the_public_feed_is_built_once_per_version_for_everyone(client, monkeypatch, publish):
    """Apps that fetch without a conditional header get the same bytes from the shared
    cache; a published change is a new version, built anew."""
    event = meeting("Eerste versie", start=in_days(5))
    first = client.get(FEED)
    monkeypatch.setattr(ical, "calendar", _refuse)

    again = client.get(FEED)
    assert again.status_code == 200
    assert again.content == first.content

    monkeypatch.undo()
    publish(event, title="Tweede versie")
    changed = client.get(FEED)
    assert "Tweede versie" in flat(changed)
    assert changed["ETag"] != first["ETag"]


def test_if_modified_since_with_the_last_modified_is_a_304_too(client, monkeypatch):
    """Apps that only remember the date are spared the download as well."""
    for url in _conditional_urls(client):
        first = client.get(url)
        monkeypatch.setattr(ical, "calendar", _refuse)
        again = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
        monkeypatch.undo()
        assert again.status_code == 304, url


def test_a_stale_etag_gets_the_whole_calendar(client):
    """An ETag from before is no reason for a 304."""
    for url in _conditional_urls(client):
        response = client.get(url, headers={"if-none-match": '"niet-deze"'})
        assert response.status_code == 200 and b"BEGIN:VCALENDAR" in response.content


def test_the_etag_changes_when_a_meeting_is_published_with_a_change(client, publish):
    """A moved meeting reaches every subscriber: public feed, theme feed and download."""
    event = meeting("Opgave-sturing", themes=["Wonen"])
    publish(event)
    urls = [FEED, f"{FEED}?thema=wonen", download(event)]
    before = {url: client.get(url) for url in urls}

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)):
        publish(event, start=in_days(22, 13), end=in_days(22, 17))
        for url, old in before.items():
            response = client.get(url, headers={"if-none-match": old["ETag"]})
            assert response.status_code == 200, url
            assert response["ETag"] != old["ETag"]
            assert "T130000" in response.content.decode()
            stale = client.get(url, headers={"if-modified-since": old["Last-Modified"]})
            assert stale.status_code == 200, url


def test_the_personal_etag_changes_with_a_registration_and_a_cancellation(client, mails):
    """Signing up or cancelling shows in my calendar at the next poll."""
    user = member()
    first_event, second_event = meeting("Eerste"), meeting("Tweede")
    services.register(first_event, user)
    url = feed_path(user)
    before = client.get(url)

    registration, _created = services.register(second_event, user)
    signed_up = client.get(url, headers={"if-none-match": before["ETag"]})
    assert signed_up.status_code == 200
    assert set(items(signed_up.content)) == {uid(first_event), uid(second_event)}

    services.cancel(registration, user)
    cancelled = client.get(url, headers={"if-none-match": signed_up["ETag"]})
    assert cancelled.status_code == 200
    assert set(items(cancelled.content)) == {uid(first_event)}


def test_a_cancellation_reaches_a_calendar_that_only_sends_if_modified_since(client, mails):
    """Apps that poll with If-Modified-Since alone must not keep a cancelled place."""
    user = member()
    first_event, second_event = meeting("Eerste"), meeting("Tweede")
    start = timezone.now()
    with time_machine.travel(start - datetime.timedelta(minutes=10)):
        first, _created = services.register(first_event, user)
    with time_machine.travel(start - datetime.timedelta(minutes=5)):
        services.register(second_event, user)
    url = feed_path(user)
    before = client.get(url)
    assert set(items(before.content)) == {uid(first_event), uid(second_event)}

    services.cancel(first, user)

    after = client.get(url, headers={"if-modified-since": before["Last-Modified"]})
    assert after.status_code == 200
    assert set(items(after.content)) == {uid(second_event)}


def test_an_unpublished_meeting_reaches_a_calendar_that_only_sends_if_modified_since(
    client, publish
):
    """A meeting taken offline leaves the public feed also for If-Modified-Since pollers."""
    kept = meeting("Blijft")
    gone = meeting("Gaat offline")
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(hours=2)):
        publish(gone)
    with time_machine.travel(now - datetime.timedelta(hours=1)):
        publish(kept)  # the newest change, before and after
    before = client.get(FEED)
    assert set(items(before.content)) == {uid(kept), uid(gone)}

    EventPage.objects.get(pk=gone.pk).unpublish()

    after = client.get(FEED, headers={"if-modified-since": before["Last-Modified"]})
    assert after.status_code == 200
    assert set(items(after.content)) == {uid(kept)}


def test_the_etag_changes_when_a_meeting_drops_out_of_the_window(client):
    """Four weeks after a meeting ended it leaves the feed, and the ETag says so."""
    ending = meeting("Bijna weg", start=in_days(-26, 10))
    meeting("Blijft")
    user = member()
    RegistrationFactory(event=ending, user=user)
    RegistrationFactory(event=meeting("Ook mijn"), user=user)
    urls = [FEED, feed_path(user)]
    before = {url: client.get(url) for url in urls}
    for response in before.values():
        assert uid(ending) in items(response.content)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=4)):
        for url, old in before.items():
            response = client.get(url, headers={"if-none-match": old["ETag"]})
            assert response.status_code == 200, url
            assert uid(ending) not in items(response.content)
            stale = client.get(url, headers={"if-modified-since": old["Last-Modified"]})
            assert stale.status_code == 200, url


# --- queries ---------------------------------------------------------------------------------


def _store(count, offset=0):
    """`count` more meetings from two months back to a year ahead, some members-only or
    cancelled, of three types, with up to two speakers each."""
    pages = bulk_meetings(
        count,
        offset,
        lambda n: {
            "start": in_days((n * 7) % 420 - 60, 10),
            "status": "geannuleerd" if n % 7 == 0 else "gepland",
            "region": ["utrecht", "landelijk", "zeeland"][n % 3],
            "event_type": ["bijeenkomst", "webinar", "workshop"][n % 3],
            "visibility": "members" if n % 6 == 0 else "public",
        },
    )
    people = Person.objects.bulk_create(
        Person(name=f"Spreker {offset}-{k}", role="Projectleider") for k in range(5)
    )
    EventSpeaker.objects.bulk_create(
        EventSpeaker(page=page, person=people[(n + k) % 5], sort_order=k)
        for n, page in enumerate(pages)
        for k in range(n % 3)
    )
    return pages


@pytest.fixture
def building(monkeypatch):
    """Every request builds its calendar: the shared cache of built public feeds would
    otherwise answer the measured request without a query."""
    monkeypatch.setattr(conditional, "shared_body", lambda namespace, etag, build: build())


def _queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def test_the_public_feed_costs_the_same_queries_for_10_and_1000_meetings(client, building):
    """However full the calendar, the feed is a fixed handful of queries."""
    meeting("Met thema", themes=["Wonen"], start=in_days(5))
    _store(9)
    urls = [FEED, f"{FEED}?thema=wonen", f"{FEED}?regio=zeeland"]
    few = {}
    for url in urls:
        few[url], response = _queries(client, url)
        assert items(response.content)

    _store(990, offset=9)
    assert EventPage.objects.live().count() == 1000
    many = {}
    for url in urls:
        many[url], response = _queries(client, url)
    assert len(items(response.content)) > 50

    assert many == few
    assert max(few.values()) <= 7


def test_the_personal_feed_costs_the_same_queries_for_1_and_20_registrations(client):
    """My feed does not get slower per meeting I sign up for."""
    user = member()
    upcoming = _store(30)[9:29]  # all in the window
    RegistrationFactory(event=upcoming[0], user=user)
    url = feed_path(user)
    one, response = _queries(client, url)
    assert len(items(response.content)) == 1

    for page in upcoming[1:]:
        RegistrationFactory(event=page, user=user)
    twenty, response = _queries(client, url)

    assert len(items(response.content)) == 20
    assert twenty == one
    assert one <= 6


def test_speakers_and_themes_in_the_feed_are_fetched_once(client, building):
    """The description names each meeting's speakers without a query per meeting."""
    pages = _store(12)
    person = PersonFactory(name="Astrid van de Klift")
    EventSpeaker.objects.create(page=pages[10], person=person, sort_order=9)

    count, response = _queries(client, FEED)

    assert "Astrid van de Klift" in flat(response)
    assert count <= 6


def test_the_contact_address_is_read_once_per_calendar_not_per_meeting(
    django_assert_num_queries,
):
    """Every item's ORGANIZER comes from one look-up of the site settings."""
    pages = _store(12)
    events = list(ical.for_feed(EventPage.objects.filter(pk__in=[p.pk for p in pages])))

    with django_assert_num_queries(1):
        body = ical.calendar(events, name="Alles", url_of=lambda e: "https://leerhuis.example/")

    assert body.count(b"\r\nORGANIZER;CN=") == len(events) == 12


def test_making_the_address_twice_keeps_the_first_working(client):
    """A double click or a second tab does not break an address already subscribed to."""
    user = member()
    client.force_login(user)
    client.post(MANAGE, {"actie": "maak"})
    token = PersonalFeed.objects.get(user=user).token

    again = client.post(MANAGE, {"actie": "maak"}, follow=True)

    assert "Je hebt al een agenda-link" in again.content.decode()
    assert PersonalFeed.objects.get(user=user).token == token
    assert client.get(personal(token)).status_code == 200


def test_a_switched_off_account_gets_no_feed(client):
    """An account made inactive (left the organisation, blocked) stops receiving links."""
    user = member()
    RegistrationFactory(event=meeting("Geheim", online_url=ONLINE, form="hybride"), user=user)
    url = feed_path(user)
    assert client.get(url).status_code == 200

    get_user_model().objects.filter(pk=user.pk).update(is_active=False)

    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"/mijn-leerhuis/agenda/{'%00' * 16}{'a' * 32}.ics", 404),
        ("/mijn-leerhuis/agenda/%00.ics", 404),
        ("/activiteiten/a%00b/agenda.ics", 404),
        (f"{FEED}?thema=%00", 400),
        (f"{FEED}?thema=wonen%00", 400),
    ],
)
def test_a_nul_byte_is_refused_not_a_500(client, url, status):
    """PostgreSQL refuses NUL in text; the feeds answer before asking it."""
    assert client.get(url).status_code == status


def test_signing_up_revalidates_the_download_with_the_online_link(client, mails):
    """Who downloaded before signing up gets the file with the link at the next check, also
    when the app sends only If-Modified-Since."""
    user = member()
    event = meeting("Hybride", online_url=ONLINE, form="hybride")
    client.force_login(user)
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=5)):
        before = client.get(download(event))
    assert ONLINE not in flat(before)

    services.register(event, user)

    after = client.get(download(event), headers={"if-modified-since": before["Last-Modified"]})
    assert after.status_code == 200
    assert ONLINE in flat(after)


def test_a_meeting_made_members_only_leaves_the_feed_for_every_poller(client, publish):
    """A publish that takes a meeting out of the public feed is a change for the feed,
    even when another meeting was published later."""
    closed, kept = meeting("Wordt besloten"), meeting("Blijft open")
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(hours=2)):
        publish(closed)
    with time_machine.travel(now - datetime.timedelta(hours=1)):
        publish(kept)
    before = client.get(FEED)
    assert set(items(before.content)) == {uid(closed), uid(kept)}

    publish(closed, visibility="members")

    for headers in (
        {"if-none-match": before["ETag"]},
        {"if-modified-since": before["Last-Modified"]},
    ):
        after = client.get(FEED, headers=headers)
        assert after.status_code == 200
        assert set(items(after.content)) == {uid(kept)}


def test_a_speaker_edited_in_the_admin_reaches_subscribers(client):
    """The speaker's name is in the description; editing the person changes the feed."""
    event = meeting("Met spreker")
    person = PersonFactory(name="Astrid van de Klift")
    EventSpeaker.objects.create(page=event, person=person, sort_order=0)
    before = client.get(FEED)
    assert "Astrid van de Klift" in flat(before)

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        person.name = "Astrid van der Klift"
        person.save()
        log(instance=person, action="wagtail.edit")  # what the snippet editor records

    after = client.get(FEED, headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200
    assert "Astrid van der Klift" in flat(after)
