"""Which meetings our iCalendar holds and for whom, and how a change shows in it."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from events import services
from events.ical import event_attachment
from events.models import EventPage, EventStatus, RegistrationStatus
from leerhuis.core import page_cache
from tests.events.helpers.feeds import (
    FEED,
    ONLINE,
    as_text,
    attachment_of,
    feed_path,
    get_ics,
    items,
    meeting,
    parsed,
    uid,
)
from tests.events_factories import LearningTrackPageFactory, RegistrationFactory, in_days, member

pytestmark = pytest.mark.django_db


# --- changes ----------------------------------------------------------------------------------


def test_sequence_rises_after_a_move_and_stays_after_a_publish_that_changes_nothing_relevant(
    client, publish
):
    """A moved meeting replaces the old item in the calendar; a new title does not count."""
    event = meeting("Opgave-sturing", start=in_days(30, 10))
    publish(event)

    def sequences():
        body = get_ics(client, FEED)
        new, old = items(body)[uid(event)]
        download = get_ics(client, f"/activiteiten/{event.slug}/agenda.ics")
        [(from_download, _other)] = items(download).values()
        return new["SEQUENCE"], old.sequence, from_download["SEQUENCE"]

    assert sequences() == (0, 0, 0)

    moved = publish(event, start=in_days(31, 13), end=in_days(31, 17))
    assert moved.sequence == 1
    assert sequences() == (1, 1, 1)

    publish(event, title="Opgave-sturing (nieuwe titel)", intro="Anders gezegd.")
    assert sequences() == (1, 1, 1)

    publish(event, venue="Provinciehuis Utrecht")
    assert sequences() == (2, 2, 2)


def test_a_cancelled_meeting_says_so_and_stays_four_weeks_after_the_cancellation(client, publish):
    """Subscribers see "GEANNULEERD" for a while; once the cancellation is old it goes."""
    event = meeting("Opgave-sturing", start=in_days(60, 10))
    publish(event, status=EventStatus.GEANNULEERD, status_note="De spreker is ziek.")

    new, old = items(get_ics(client, FEED))[uid(event)]
    assert new["STATUS"] == "CANCELLED" and old.status == "CANCELLED"
    assert "GEANNULEERD" in new["SUMMARY"] and "GEANNULEERD" in old.summary
    assert new["SEQUENCE"] == 1

    with time_machine.travel(timezone.now() + datetime.timedelta(weeks=3, days=6)):
        assert uid(event) in items(get_ics(client, FEED))

    EventPage.objects.filter(pk=event.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(weeks=4, days=1)
    )
    page_cache.changed()  # the site never writes this itself: the test moves time back
    assert uid(event) not in items(get_ics(client, FEED))
    # Still on its page and as its own download: only the subscription lets it go.
    assert uid(event) in items(get_ics(client, f"/activiteiten/{event.slug}/agenda.ics"))


def test_the_feed_holds_the_future_and_the_past_four_weeks(client):
    """A meeting of three weeks ago is still there, one of five weeks ago is gone."""
    recent = meeting("Drie weken geleden", start=in_days(-21, 10))
    old = meeting("Vijf weken geleden", start=in_days(-35, 10))
    future = meeting("Volgend jaar", start=in_days(400, 10))
    yesterday = meeting("Gisteren", start=in_days(-1, 10))

    found = items(get_ics(client, FEED))

    assert uid(recent) in found and uid(future) in found and uid(yesterday) in found
    assert uid(old) not in found


# --- who sees what ---------------------------------------------------------------------------


def test_members_only_and_logged_in_meetings_stay_out_of_the_public_feed(client):
    """Even a member fetching the public feed gets only public meetings; their own feed
    has the restricted meeting they registered for."""
    public = meeting("Voor iedereen")
    members_only = meeting("Alleen leden", visibility="members")
    logged_in = meeting("Alleen ingelogd", visibility="logged_in")
    user = member()
    RegistrationFactory(event=members_only, user=user)
    RegistrationFactory(event=logged_in, user=user)

    anonymous = get_ics(client, FEED)
    client.force_login(user)
    as_member = get_ics(client, FEED)

    assert list(items(anonymous)) == [uid(public)]
    assert as_member == anonymous
    assert "Alleen leden" not in anonymous and "Alleen ingelogd" not in anonymous
    personal = items(get_ics(client, feed_path(user)))
    assert set(personal) == {uid(members_only), uid(logged_in)}


def test_the_online_link_is_only_for_a_confirmed_registrant(client, mails):
    """The meeting link never leaks into the public feed, a download or a waiting list mail."""
    event = meeting("Webinar opgave-sturing", form="online", online_url=ONLINE, capacity=1)
    confirmed, waiting = member(), member()
    services.register(event, confirmed)
    services.register(event, waiting)
    assert event.registrations.get(user=waiting).status == RegistrationStatus.WAITLISTED

    public = get_ics(client, FEED)
    download = get_ics(client, f"/activiteiten/{event.slug}/agenda.ics")
    personal = get_ics(client, feed_path(confirmed))
    [confirmation] = [m for m in mails if m.to == [confirmed.email]]
    mail_ics = attachment_of(confirmation)
    waiting_mails = [m for m in mails if m.to == [waiting.email]]
    waiting_ics = as_text(event_attachment(event, event.registrations.get(user=waiting))["content"])

    for text in [public, download, waiting_ics]:
        assert ONLINE not in text.replace("\r\n ", "")
        [(new, old)] = items(text).values()
        assert "CONFERENCE" not in new and old.conference == []
    for message in waiting_mails:
        calendars = [a for a in message.attachments if a[2] == "text/calendar"]
        assert all(ONLINE not in as_text(a[1]).replace("\r\n ", "") for a in calendars)
    for text in [personal, mail_ics]:
        [(new, old)] = items(text).values()
        assert ONLINE in str(new["DESCRIPTION"]) and ONLINE in old.description
        assert str(new["CONFERENCE"]) == ONLINE
        assert [str(c.uri) for c in old.conference] == [ONLINE]


def test_the_personal_feed_of_someone_waiting_or_cancelled_has_no_item(client):
    """Only confirmed places are in my calendar."""
    user = member()
    confirmed = meeting("Bevestigd")
    RegistrationFactory(
        event=meeting("Wachtlijst"), user=user, status=RegistrationStatus.WAITLISTED
    )
    RegistrationFactory(event=meeting("Afgemeld"), user=user, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=confirmed, user=user)

    assert list(items(get_ics(client, feed_path(user)))) == [uid(confirmed)]


# --- filters --------------------------------------------------------------------------------


def test_a_theme_feed_holds_only_meetings_with_that_theme(client):
    """?thema=wonen subscribes to housing meetings only."""
    housing = meeting("Wonen", themes=["Wonen"])
    both = meeting("Wonen en zorg", themes=["Wonen", "Zorg"])
    meeting("Zorg", themes=["Zorg"])
    meeting("Zonder thema")

    body = get_ics(client, f"{FEED}?thema=wonen")

    assert set(items(body)) == {uid(housing), uid(both)}
    assert "(Wonen)" in str(parsed(body)[0]["X-WR-CALNAME"])


def test_a_type_feed_holds_only_that_type_and_leergang_takes_its_sessions(client):
    """?type=webinar gives webinars; ?type=leergang the sessions of every leergang."""
    webinar = meeting("Webinar", event_type="webinar")
    meeting("Workshop", event_type="workshop")
    track = LearningTrackPageFactory(title="Leergang opgave-sturing")
    session = meeting("Sessie 1", event_type="bijeenkomst", learning_track=track)
    typed = meeting("Soort leergang", event_type="leergang")

    assert set(items(get_ics(client, f"{FEED}?type=webinar"))) == {uid(webinar)}
    assert set(items(get_ics(client, f"{FEED}?type=leergang"))) == {uid(session), uid(typed)}


def test_region_and_form_narrow_the_feed_and_combine(client):
    """?regio=utrecht&vorm=online: online meetings in Utrecht only."""
    wanted = meeting("Utrecht online", region="utrecht", form="online", online_url=ONLINE)
    meeting("Utrecht op locatie", region="utrecht", form="op-locatie")
    meeting("Zeeland online", region="zeeland", form="online", online_url=ONLINE)

    assert set(items(get_ics(client, f"{FEED}?regio=utrecht&vorm=online"))) == {uid(wanted)}


# --- stable bytes ---------------------------------------------------------------------------


def test_an_unchanged_feed_is_the_same_bytes_also_minutes_later(client, publish):
    """Nothing changed, nothing to download again: the body does not depend on the clock."""
    event = meeting("Opgave-sturing", themes=["Wonen"], form="hybride", online_url=ONLINE)
    publish(event)
    user = member()
    RegistrationFactory(event=event, user=user)
    personal = feed_path(user)
    download = f"/activiteiten/{event.slug}/agenda.ics"

    first = {url: get_ics(client, url) for url in (FEED, download, personal)}
    second = {url: get_ics(client, url) for url in (FEED, download, personal)}
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=17)):
        later = {url: get_ics(client, url) for url in (FEED, download, personal)}

    assert first == second == later
