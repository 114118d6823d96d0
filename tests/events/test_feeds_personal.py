"""The personal feed over HTTP: its secret address, made, renewed and stopped, and Mijn Leerhuis."""

import json
import re
import secrets
import string

import pytest
from django.contrib.auth import get_user_model

from events.agenda_link import feed_urls
from events.models import PersonalFeed
from members import privacy
from tests.events.helpers.feeds import ONLINE, feed_path, flat, items, meeting, uid
from tests.events_factories import RegistrationFactory, in_days, member

pytestmark = pytest.mark.django_db
MANAGE = "/mijn-leerhuis/agenda/"


def personal(token):
    return f"/mijn-leerhuis/agenda/{token}.ics"


# --- the personal feed and its token --------------------------------------------------------


def test_the_personal_feed_is_private(client):
    """My feed is for me only: no shared cache keeps it, no search engine lists it."""
    user = member()
    RegistrationFactory(event=meeting(), user=user)

    response = client.get(feed_path(user))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]


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
