"""Stopping mail from the mail itself, without logging in: the page with one button (GET
never stops: mail scanners open links), RFC 8058 one-click from the mail program, and a
Dutch 404 for any address the site did not make."""

import pytest
from django.test import Client

from leerhuis.community import notify
from leerhuis.community.models import Frequency
from leerhuis.community.services import following
from tests.community.follow_helpers import ONE_CLICK, follows, mails_to, member, reload
from tests.community_factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsider():
    """A mail program or a browser without the site's cookies or CSRF token."""
    return Client(enforce_csrf_checks=True)


def stop_path(token):
    return f"/mijn-leerhuis/volgen/stop/{token}/"


def test_the_link_shows_a_page_and_only_its_button_stops(outsider):
    reader = member()
    thread = ThreadFactory(title="Mandaat van de opgave-manager")
    follow, other = follows(reader, thread), follows(reader, ThreadFactory())

    response = outsider.get(stop_path(follow.token))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Geen e-mail meer hierover</h1>" in html
    assert "Mandaat van de opgave-manager" in html and '<form method="post">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-cache" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"
    assert reload(follow).frequency == Frequency.DIRECT  # looking is not stopping

    response = outsider.post(stop_path(follow.token))
    assert response.status_code == 200
    assert "Je krijgt hierover geen e-mail meer" in response.content.decode()
    assert reload(follow).frequency == Frequency.NOOIT
    assert reload(other).frequency == Frequency.DIRECT

    again = outsider.get(stop_path(follow.token)).content.decode()
    assert "Je krijgt hierover al geen e-mail meer" in again
    assert '<form method="post">' not in again
    assert outsider.post(stop_path(follow.token)).status_code == 200  # twice is still fine


def test_one_click_from_the_mail_program_stops_the_next_mail(outsider):
    reader, thread = member(), ThreadFactory()
    follows(reader, thread)
    notify.post_published(PostFactory(thread=thread))
    [first] = mails_to(reader)
    address = first.headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")

    response = outsider.post(address, ONE_CLICK, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200

    notify.post_published(PostFactory(thread=thread))
    assert mails_to(reader) == [first]


def test_the_summary_link_stops_the_daily_summary(outsider):
    reader = member()
    daily = follows(reader, ThreadFactory(), Frequency.DAGELIJKS)

    outsider.post(
        stop_path(following.summary_token(reader)),
        ONE_CLICK,
        content_type="application/x-www-form-urlencoded",
    )

    assert reload(daily).frequency == Frequency.NOOIT


@pytest.mark.parametrize("token", ["verzonnen", "a" * 32, "1:abc:def"])
def test_an_unknown_token_is_a_dutch_404_and_changes_nothing(outsider, token):
    follow = follows(member(), ThreadFactory())

    for response in (outsider.get(stop_path(token)), outsider.post(stop_path(token))):
        assert response.status_code == 404
        html = response.content.decode()
        assert "Deze link werkt niet" in html and "Mijn Leerhuis" in html
    assert reload(follow).frequency == Frequency.DIRECT


def test_a_stopped_follow_that_was_removed_has_a_link_that_no_longer_works(outsider):
    reader, thread = member(), ThreadFactory()
    token = follows(reader, thread).token
    following.unfollow(reader, thread)

    assert outsider.get(stop_path(token)).status_code == 404


def test_a_forwarded_stop_link_names_only_what_its_person_may_still_see(outsider):
    from tests.community.follow_helpers import group_thread, group_with

    reader = member()
    open_thread = ThreadFactory(title="Openbaar gesprek over mandaat")
    groep = group_with(reader)
    secret = group_thread(groep, title="Notities van de intervisie")
    follows(reader, open_thread, Frequency.DAGELIJKS)
    follows(reader, secret, Frequency.DAGELIJKS)
    groep.leden.filter(user=reader).delete()  # they left the group

    html = outsider.get(stop_path(following.summary_token(reader))).content.decode()

    assert "Openbaar gesprek over mandaat" in html
    assert "Notities van de intervisie" not in html
