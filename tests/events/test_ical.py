"""What a calendar app reads from our iCalendar: the feeds, the downloads and the mail attachment.

Every feed is parsed twice, with icalendar and with the independent `ical` package, so a
mistake that one library forgives still shows.
"""

import datetime
import uuid
import zoneinfo

import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar
from wagtail.models import Site

from events import services
from events.ical import event_attachment, local_or_utc
from events.models import (
    EventPage,
    EventSpeaker,
    EventStatus,
    PersonalFeed,
    RegistrationStatus,
)
from leerhuis.core.association import association_name
from leerhuis.core.models import SiteSettings
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    in_days,
    member,
)
from tests.events_factories import themes as vocabulary
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
UTC = datetime.UTC
FEED = "/activiteiten/agenda.ics"
ONLINE = "https://meet.example/opgave-geheim-4711"


# --- helpers (test_feeds.py uses them too) ------------------------------------------------


def meeting(title="Bijeenkomst", start=None, hours=6, themes=(), **kwargs):
    """A live meeting (default three weeks from today, 10:00–16:00 Amsterdam)."""
    start = start or in_days(21, 10)
    kwargs.setdefault("end", start + datetime.timedelta(hours=hours))
    page = EventPageFactory(title=title, start=start, **kwargs)
    if themes:
        page.themes.add(*vocabulary(*themes))
        page.save()
    return page


def amsterdam(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def last_sunday(year, month):
    """The last Sunday of `month`: where EU summer time starts (March) or ends (October)."""
    day = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() - 6) % 7)


def next_year():
    return timezone.localdate().year + 1


def feed_path(user):
    return f"/mijn-leerhuis/agenda/{PersonalFeed.issue(user).token}.ics"


def get_ics(client, url, **headers):
    """The body of a feed answered 200 with the calendar's content type, as text."""
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode()


def as_text(content):
    return content.decode() if isinstance(content, bytes) else content


def parsed(text):
    """(icalendar's calendar, ical's calendar) of one body."""
    text = as_text(text)
    return Calendar.from_ical(text), IcsCalendarStream.calendar_from_ics(text)


def items(text):
    """{uid: (icalendar VEVENT, ical Event)}, with both parsers agreeing on the UIDs."""
    first, second = parsed(text)
    a = {str(item["UID"]): item for item in first.walk("VEVENT")}
    b = {event.uid: event for event in second.events}
    assert a.keys() == b.keys()
    return {key: (a[key], b[key]) for key in a}


def uid(event):
    return f"event-{event.pk}@testserver"


def only_vtimezone(text):
    """The same calendar with the zone renamed to a name no library knows, so both parsers
    must read the times from our VTIMEZONE rather than from their own tz database."""
    return as_text(text).replace("Europe/Amsterdam", f"Leerhuis-{uuid.uuid4().hex}")


def times(text, event):
    """[(start, end)] as each parser reads them (aware datetimes)."""
    new, old = items(text)[uid(event)]
    return [
        (new.decoded("DTSTART"), new.decoded("DTEND")),
        (old.dtstart, old.dtend),
    ]


def calendar_lines(text):
    """The calendar's own properties (before its first component) as {name: raw value},
    with folded lines joined again."""
    lines = as_text(text).replace("\r\n ", "").split("\r\n")
    own = lines[1 : next(n for n, line in enumerate(lines) if line.startswith("BEGIN:") and n)]
    return dict(line.split(":", 1) for line in own)


def attachment_of(message):
    [attachment] = message.attachments
    return as_text(attachment[1])


# --- one UID everywhere ------------------------------------------------------------------


def test_a_meeting_has_one_uid_in_feed_download_personal_feed_and_mail(client, mails):
    """A subscriber who also got the confirmation mail sees one item, not two."""
    event = meeting("Opgave-sturing", form="hybride", online_url=ONLINE)
    user = member()
    registration, _created = services.register(event, user)
    assert registration.status == RegistrationStatus.CONFIRMED

    [confirmation] = [m for m in mails if m.to == [user.email]]
    bodies = {
        "feed": get_ics(client, FEED),
        "download": get_ics(client, f"/activiteiten/{event.slug}/agenda.ics"),
        "personal": get_ics(client, feed_path(user)),
        "mail": attachment_of(confirmation),
    }

    for where, body in bodies.items():
        assert list(items(body)) == [uid(event)], where
    assert uid(event) == f"event-{event.pk}@testserver"


# --- times and the time zone ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "utc_start", "utc_end"),
    [(7, 8, 14), (1, 9, 15)],
    ids=["summer", "winter"],
)
@pytest.mark.parametrize("zone", ["by-name", "vtimezone-only"])
def test_summer_and_winter_meetings_are_at_ten_to_four_in_amsterdam(
    client, month, utc_start, utc_end, zone
):
    """Both parsers put a 10:00–16:00 meeting at 10:00–16:00, in summer and in winter."""
    day = amsterdam(next_year(), month, 15)
    event = meeting(start=day, end=day.replace(hour=16))
    body = get_ics(client, FEED)
    assert f"DTSTART;TZID=Europe/Amsterdam:{day:%Y%m%d}T100000" in body
    assert f"DTEND;TZID=Europe/Amsterdam:{day:%Y%m%d}T160000" in body
    if zone == "vtimezone-only":
        body = only_vtimezone(body)

    for start, end in times(body, event):
        assert start.tzinfo is not None
        assert (start.astimezone(AMSTERDAM).hour, end.astimezone(AMSTERDAM).hour) == (10, 16)
        assert start.astimezone(UTC) == datetime.datetime(
            day.year, month, 15, utc_start, tzinfo=UTC
        )
        assert end.astimezone(UTC) == datetime.datetime(day.year, month, 15, utc_end, tzinfo=UTC)


@pytest.mark.parametrize("zone", ["by-name", "vtimezone-only"])
def test_meetings_on_either_side_of_the_clock_changes_keep_their_time(client, zone):
    """The Saturday before and the Monday after both DST changes: every meeting at 10:00."""
    year = next_year()
    moments = {}
    for month, offset_before, offset_after in [(3, 1, 2), (10, 2, 1)]:
        sunday = last_sunday(year, month)
        for delta, offset in [(-1, offset_before), (1, offset_after)]:
            date = sunday + datetime.timedelta(days=delta)
            start = amsterdam(date.year, date.month, date.day)
            moments[meeting(start=start, hours=2)] = (start, offset)
    body = get_ics(client, FEED)
    if zone == "vtimezone-only":
        body = only_vtimezone(body)

    for event, (start, offset) in moments.items():
        for parsed_start, parsed_end in times(body, event):
            assert parsed_start.astimezone(AMSTERDAM).replace(tzinfo=None) == start.replace(
                tzinfo=None
            ), start
            assert parsed_start.utcoffset() == datetime.timedelta(hours=offset), start
            assert parsed_start.astimezone(UTC) == start.astimezone(UTC)
            assert parsed_end - parsed_start == datetime.timedelta(hours=2)


OCTOBER_CHANGE = [
    pytest.param(
        amsterdam(2026, 10, 25, 0, 30),
        amsterdam(2026, 10, 25, 2, 30).replace(fold=1),
        datetime.datetime(2026, 10, 24, 22, 30, tzinfo=UTC),
        datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
        ["DTSTART;TZID=Europe/Amsterdam:20261025T003000", "DTEND:20261025T013000Z"],
        id="summer-time-to-the-second-half-past-two",
    ),
    pytest.param(
        amsterdam(2026, 10, 25, 2, 15),
        amsterdam(2026, 10, 25, 2, 45).replace(fold=1),
        datetime.datetime(2026, 10, 25, 0, 15, tzinfo=UTC),
        datetime.datetime(2026, 10, 25, 1, 45, tzinfo=UTC),
        ["DTSTART:20261025T001500Z", "DTEND:20261025T014500Z"],
        id="first-quarter-past-two-to-the-second-quarter-to-three",
    ),
]


@pytest.mark.parametrize(("start", "end", "utc_start", "utc_end", "lines"), OCTOBER_CHANGE)
@pytest.mark.parametrize("zone", ["by-name", "vtimezone-only"])
def test_a_meeting_in_the_hour_the_october_change_repeats_is_read_at_the_right_moment(
    client, start, end, utc_start, utc_end, lines, zone
):
    """02:00–03:00 on the last Sunday of October happens twice: such a time goes out in
    UTC, so no parser has to guess which; the rest of the meeting keeps its TZID."""
    event = meeting(start=start, end=end)
    body = get_ics(client, f"/activiteiten/{event.slug}/agenda.ics")
    for line in lines:
        assert line in body.splitlines()
    if zone == "vtimezone-only":
        body = only_vtimezone(body)

    for parsed_start, parsed_end in times(body, event):
        assert parsed_start.astimezone(UTC) == utc_start
        assert parsed_end.astimezone(UTC) == utc_end
        assert parsed_end - parsed_start == utc_end - utc_start


@pytest.mark.parametrize(
    ("wall_time", "utc"),
    [
        (amsterdam(2026, 10, 25, 2, 30), datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        (
            amsterdam(2026, 10, 25, 2, 30).replace(fold=1),
            datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
        ),
        (amsterdam(2026, 3, 29, 2, 30), datetime.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        (amsterdam(2027, 3, 28, 2, 0), datetime.datetime(2027, 3, 28, 1, 0, tzinfo=UTC)),
    ],
    ids=["october-first", "october-second", "march-skipped", "march-skipped-2027"],
)
def test_a_wall_time_the_clock_change_repeats_or_skips_is_written_in_utc(wall_time, utc):
    """Ambiguous or non-existent in Amsterdam: UTC, the moment Python means by it."""
    written = local_or_utc(wall_time)

    assert written.tzinfo is UTC and written == utc


@pytest.mark.parametrize(
    "wall_time",
    [
        amsterdam(2026, 10, 25, 1, 59),
        amsterdam(2026, 10, 25, 3, 0),
        amsterdam(2026, 3, 29, 1, 59),
        amsterdam(2026, 3, 29, 3, 0),
        amsterdam(2027, 7, 15, 2, 30),
        amsterdam(2027, 1, 15, 2, 30),
    ],
    ids=["before-october", "after-october", "before-march", "after-march", "summer", "winter"],
)
def test_every_other_time_keeps_amsterdam_time_and_its_zone(wall_time):
    """Just before and after the changes, and half past two on any other day."""
    written = local_or_utc(wall_time.astimezone(UTC))

    assert written.tzinfo is AMSTERDAM
    assert written.replace(tzinfo=None) == wall_time.replace(tzinfo=None)


def test_the_time_zone_is_written_as_yearly_rules_without_rdates(client):
    """Readers such as vobject (Radicale) get summer time right only from RRULEs."""
    meeting()
    body = get_ics(client, FEED)
    cal, _other = parsed(body)

    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    rules = {sub.name: sub for sub in zone.subcomponents}
    assert set(rules) == {"DAYLIGHT", "STANDARD"}
    assert rules["DAYLIGHT"]["RRULE"]["BYMONTH"] == [3]
    assert rules["STANDARD"]["RRULE"]["BYMONTH"] == [10]
    for rule in rules.values():
        assert rule["RRULE"]["FREQ"] == ["YEARLY"] and rule["RRULE"]["BYDAY"] == ["-1SU"]
    assert "RDATE" not in body


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
        assert all(ONLINE not in as_text(a[1]).replace("\r\n ", "") for a in message.attachments)
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


# --- the fields of one item ---------------------------------------------------------------


def test_dtstamp_and_last_modified_are_the_last_publish_not_the_request(client, publish):
    """An unchanged meeting looks unchanged to a calendar app, whenever it asks."""
    event = meeting("Opgave-sturing", start=in_days(40, 10))
    published_at = (timezone.now() - datetime.timedelta(days=3)).replace(microsecond=0)
    with time_machine.travel(published_at, tick=False):
        publish(event, intro="Bijgewerkt.")
    assert EventPage.objects.get(pk=event.pk).last_published_at == published_at

    body = get_ics(client, FEED)
    new, old = items(body)[uid(event)]
    assert new.decoded("DTSTAMP") == published_at.astimezone(UTC)
    assert new.decoded("LAST-MODIFIED") == published_at.astimezone(UTC)
    assert old.dtstamp == published_at and old.last_modified == published_at
    assert "DTSTAMP:" + published_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") in body
    response = client.get(f"/activiteiten/{event.slug}/agenda.ics")
    assert response["Last-Modified"] == http_date(published_at.timestamp())


def test_an_item_carries_themes_one_line_location_url_and_a_plain_description(client):
    """Categories, place, page address and a readable description with the speakers."""
    event = meeting(
        "Opgave-sturing in de praktijk",
        themes=["Wonen", "Opgave-sturing"],
        intro="Een middag over opgave-sturing.\nMet praktijkvoorbeelden.",
        venue="Stadhuis Veenendaal",
        address="Raadhuisplein 1\n3901 GA  Veenendaal\r\n",
        form="op-locatie",
    )
    astrid = PersonFactory(name="Astrid van de Klift", role="Gemeentesecretaris")
    ruud = PersonFactory(name="Ruud de Smit", role="Opgave-manager")
    EventSpeaker.objects.create(page=event, person=ruud, sort_order=2)
    EventSpeaker.objects.create(page=event, person=astrid, role="Dagvoorzitter", sort_order=1)
    page_url = f"http://testserver/activiteiten/{event.slug}/"

    for url in [FEED, f"/activiteiten/{event.slug}/agenda.ics"]:
        new, old = items(get_ics(client, url))[uid(event)]
        assert sorted(new["CATEGORIES"].cats) == ["Opgave-sturing", "Wonen"]
        assert sorted(old.categories) == ["Opgave-sturing", "Wonen"]
        for location in (str(new["LOCATION"]), old.location):
            assert "\n" not in location and "\r" not in location
            assert location.startswith("Stadhuis Veenendaal, Raadhuisplein 1")
            assert location.endswith("3901 GA Veenendaal") and "  " not in location
        assert str(new["URL"]) == page_url and str(old.url) == page_url
        for text in (str(new["DESCRIPTION"]), old.description):
            assert "Een middag over opgave-sturing." in text
            assert "Astrid van de Klift" in text and "Ruud de Smit" in text
            assert text.index("Astrid van de Klift") < text.index("Ruud de Smit")
            assert "Dagvoorzitter" in text
            assert page_url in text
            assert "<" not in text and "&amp;" not in text
        assert str(new["SUMMARY"]) == "Opgave-sturing in de praktijk"


def test_an_online_meeting_says_online_as_its_location(client):
    """Without a venue the calendar shows "Online", never an empty place."""
    event = meeting("Webinar", form="online", venue="", address="", online_url=ONLINE)

    new, old = items(get_ics(client, FEED))[uid(event)]

    assert str(new["LOCATION"]) == "Online" == old.location


def test_the_calendar_names_itself_and_asks_to_be_refreshed_hourly(client):
    """Name, description, refresh hint and METHOD:PUBLISH for the subscribing app."""
    meeting()
    body = get_ics(client, FEED)
    cal, other = parsed(body)

    assert cal["METHOD"] == "PUBLISH" and other.method == "PUBLISH"
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == "Digitale Leerhuis: activiteiten"
    assert other.name == ["Digitale Leerhuis: activiteiten"]
    assert "Digitale Leerhuis" in str(cal["X-WR-CALDESC"])
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in body
    assert other.refresh_interval == datetime.timedelta(hours=1)
    assert str(cal["X-PUBLISHED-TTL"]) == "PT1H"
    assert {(x.name.upper(), x.value) for x in other.extras} >= {
        ("X-PUBLISHED-TTL", "PT1H"),
        ("X-WR-CALNAME", "Digitale Leerhuis: activiteiten"),
    }


TRICKY = "Wonen, zorg; en meer\\"


def test_calendar_names_hold_no_comma_semicolon_or_backslash_for_any_reader(client):
    """vobject cuts a calendar's name at its first comma and other readers show an escaped
    comma as is: a download named after such a meeting, and a feed filtered on such a
    theme, write their names without them. The meeting's own title keeps them."""
    event = meeting(
        TRICKY, themes=["Wonen, zorg"], region="utrecht", form="online", online_url=ONLINE
    )
    download = get_ics(client, f"/activiteiten/{event.slug}/agenda.ics")
    feed = get_ics(client, f"{FEED}?thema=wonen-zorg&regio=utrecht&vorm=online")
    names = {
        download: "Wonen – zorg – en meer/",
        feed: "Digitale Leerhuis: activiteiten (Wonen – zorg · Utrecht · online)",
    }

    for body, name in names.items():
        own = calendar_lines(body)
        texts = {
            key: own[key]
            for key in ("NAME", "X-WR-CALNAME", "X-WR-CALDESC", "DESCRIPTION")
            if key in own
        }
        assert texts["NAME"] == texts["X-WR-CALNAME"] == name
        for value in texts.values():
            assert not {",", ";", "\\"} & set(value), value
        cal, other = parsed(body)
        assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == name and other.name == [name]
        new, old = items(body)[uid(event)]
        assert str(new["SUMMARY"]) == TRICKY == old.summary
        assert "SUMMARY:Wonen\\, zorg\\; en meer\\\\" in body
    feed_texts = calendar_lines(feed)
    assert feed_texts["DESCRIPTION"] == feed_texts["X-WR-CALDESC"]
    assert "Digitale Leerhuis" in feed_texts["X-WR-CALDESC"]


def _set_contact_email(address):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults={"contact_email": address})


def test_every_item_has_the_association_as_organizer_at_the_contact_address(client, mails):
    """METHOD:PUBLISH without ORGANIZER fails libical's iTIP check: feed, download,
    personal feed and mail attachment all name the association and its address."""
    _set_contact_email("agenda@leerhuis.example")
    event = meeting("Opgave-sturing", form="hybride", online_url=ONLINE)
    other_event = meeting("Nog een")
    user = member()
    services.register(event, user)
    [confirmation] = [m for m in mails if m.to == [user.email]]
    bodies = {
        "feed": get_ics(client, FEED),
        "download": get_ics(client, f"/activiteiten/{event.slug}/agenda.ics"),
        "personal": get_ics(client, feed_path(user)),
        "mail": attachment_of(confirmation),
    }

    assert uid(other_event) in items(bodies["feed"])
    for where, body in bodies.items():
        for new, old in items(body).values():
            assert str(new["ORGANIZER"]) == "mailto:agenda@leerhuis.example", where
            assert new["ORGANIZER"].params["CN"] == association_name(), where
            assert old.organizer.uri == "mailto:agenda@leerhuis.example", where
            assert old.organizer.common_name == association_name(), where


def test_without_site_settings_the_organizer_is_the_default_contact_address(client):
    """A fresh site without saved settings still has an ORGANIZER."""
    SiteSettings.objects.all().delete()
    meeting()

    for new, old in items(get_ics(client, FEED)).values():
        assert str(new["ORGANIZER"]) == "mailto:info@leerhuis.example"
        assert old.organizer.uri == "mailto:info@leerhuis.example"


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
