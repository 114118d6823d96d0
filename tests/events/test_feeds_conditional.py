"""Conditional GET of the feeds: cheap 304s, and every change reaching a calendar that polls."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.log_actions import log
from wagtail.models import Site

from events import ical, services
from events.models import EventPage, EventSpeaker
from tests.events.helpers.feeds import FEED, ONLINE, download, feed_path, flat, items, meeting, uid
from tests.events_factories import RegistrationFactory, in_days, member
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


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
    """A subscriber polling an unchanged feed gets 304 in at most two queries (three for the
    personal feed), and the calendar is not even built."""
    url = dict(
        zip(["feed", "theme", "download", "personal"], _conditional_urls(client), strict=True)
    )[kind]
    first = client.get(url)
    assert first.status_code == 200

    monkeypatch.setattr(ical, "calendar", _refuse)
    # The personal feed asks one more: the meetings of my groups (events.feeds).
    with django_assert_max_num_queries(3 if kind == "personal" else 2):
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


def test_a_new_contact_address_in_the_site_settings_reaches_subscribers(
    client, admin_client_with_mfa
):
    """Every item names the association's contact address as its ORGANIZER."""
    meeting("Met organisator")
    before = client.get(FEED)
    site = Site.objects.get(is_default_site=True)

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        saved = admin_client_with_mfa.post(
            reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk]),
            {"contact_email": "bureau@leerhuis.example", "footer_text": ""},
        )
    assert saved.status_code == 302

    after = client.get(FEED, headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200
    [item] = Calendar.from_ical(after.content).walk("VEVENT")
    assert str(item["ORGANIZER"]) == "mailto:bureau@leerhuis.example"
