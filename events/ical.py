"""iCalendar for meetings (RFC 5545): the attachment of mails, later the feeds.

Times are written in UTC, which every calendar reads right on both sides of a DST change.
One UID per meeting, the same wherever it appears.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent


def uid(event):
    return f"event-{event.pk}@{urlsplit(settings.BASE_URL).hostname or 'leerhuis'}"


def location(event):
    parts = [event.venue, " ".join(event.address.split())] if event.venue else []
    if event.form != "op-locatie" and not parts:
        parts = ["Online"]
    return ", ".join(p for p in parts if p)


def vevent(event, registration=None):
    item = VEvent()
    item.add("uid", uid(event))
    changed = event.last_published_at or event.latest_revision_created_at or timezone.now()
    item.add("dtstamp", changed.astimezone(datetime.UTC))
    item.add("dtstart", event.start.astimezone(datetime.UTC))
    item.add("dtend", event.end.astimezone(datetime.UTC))
    item.add("summary", event.title)
    item.add("sequence", event.sequence)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if location(event):
        item.add("location", location(event))
    url = event.full_url or ""
    if url:
        item.add("url", url)
    description = [event.intro, url]
    if registration is not None and registration.is_confirmed and event.online_url:
        description.insert(1, f"Online: {event.online_url}")
    item.add("description", "\n\n".join(d for d in description if d))
    return item


def calendar(events, registration=None):
    cal = Calendar()
    cal.add("prodid", "-//Digitale Leerhuis//NL")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    for event in events:
        cal.add_component(vevent(event, registration))
    return cal.to_ical().decode()


def event_attachment(event, registration=None):
    """For a mail: the meeting with, for a confirmed registrant, the online link."""
    return {
        "filename": f"{event.slug}.ics",
        "mimetype": "text/calendar",
        "content": calendar([event], registration),
    }
