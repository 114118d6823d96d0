"""One item of our iCalendar: one UID everywhere, dates, place, description, names, organizer."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date
from wagtail.models import Site

from events import services
from events.models import EventPage, EventSpeaker, RegistrationStatus
from leerhuis.core.association import association_name
from leerhuis.core.models import SiteSettings
from tests.events.helpers.feeds import (
    FEED,
    ONLINE,
    UTC,
    as_text,
    attachment_of,
    feed_path,
    get_ics,
    items,
    meeting,
    parsed,
    uid,
)
from tests.events_factories import in_days, member
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def calendar_lines(text):
    """The calendar's own properties (before its first component) as {name: raw value},
    with folded lines joined again."""
    lines = as_text(text).replace("\r\n ", "").split("\r\n")
    own = lines[1 : next(n for n, line in enumerate(lines) if line.startswith("BEGIN:") and n)]
    return dict(line.split(":", 1) for line in own)


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
