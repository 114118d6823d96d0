"""Our iCalendar as calendar apps read it, for test_ical_*.py and test_feeds_*.py."""

import datetime

from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from events.models import PersonalFeed
from tests.events_factories import EventPageFactory, in_days
from tests.events_factories import themes as vocabulary

UTC = datetime.UTC
FEED = "/activiteiten/agenda.ics"
ONLINE = "https://meet.example/opgave-geheim-4711"


def meeting(title="Bijeenkomst", start=None, hours=6, themes=(), **kwargs):
    """A live meeting (default three weeks from today, 10:00–16:00 Amsterdam)."""
    start = start or in_days(21, 10)
    kwargs.setdefault("end", start + datetime.timedelta(hours=hours))
    page = EventPageFactory(title=title, start=start, **kwargs)
    if themes:
        page.themes.add(*vocabulary(*themes))
        page.save()
    return page


def feed_path(user):
    return f"/mijn-leerhuis/agenda/{PersonalFeed.issue(user).token}.ics"


def download(event):
    return f"/activiteiten/{event.slug}/agenda.ics"


def get_ics(client, url, **headers):
    """The body of a feed answered 200 with the calendar's content type, as text."""
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode()


def as_text(content):
    return content.decode() if isinstance(content, bytes) else content


def flat(response):
    """The body with folded lines joined again, so a long value can be searched for."""
    return response.content.decode().replace("\r\n ", "")


# Every feed is parsed twice, with icalendar and with the independent `ical` package, so
# a mistake that one library forgives still shows.
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


def attachment_of(message):
    """The calendar item of a mail (a confirmed place also carries its ticket's QR code)."""
    [attachment] = [a for a in message.attachments if a[2] == "text/calendar"]
    return as_text(attachment[1])
