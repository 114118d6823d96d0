"""The public feed and the downloads over HTTP: headers, a meeting or a leergang, filters."""

import re

import pytest

from events.models import RegistrationStatus
from tests.events.helpers.feeds import FEED, ONLINE, download, feed_path, flat, items, meeting, uid
from tests.events_factories import (
    LearningTrackPageFactory,
    RegistrationFactory,
    guest,
    in_days,
    member,
)

pytestmark = pytest.mark.django_db


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
        ("type=concert", "Onbekende soort."),
        ("regio=atlantis", "Onbekende regio."),
        ("vorm=telepathie", "Onbekende vorm."),
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


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"/mijn-leerhuis/agenda/{'%00' * 16}{'a' * 32}.ics", 400),
        ("/mijn-leerhuis/agenda/%00.ics", 400),
        ("/activiteiten/a%00b/agenda.ics", 400),
        (f"{FEED}?thema=%00", 400),
        (f"{FEED}?thema=wonen%00", 400),
    ],
)
def test_a_nul_byte_is_refused_not_a_500(client, url, status):
    """PostgreSQL refuses NUL in text; the site refuses it before any feed asks
    (leerhuis/core/bad_input.py)."""
    assert client.get(url).status_code == status
