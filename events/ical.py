"""iCalendar for meetings (RFC 5545, RFC 7986): feeds, downloads and mail attachments.

One UID per meeting (`event-<pk>@<host>`), the same wherever it appears, so a calendar
that got the meeting by mail and by subscription keeps one item. Times are written in
Europe/Amsterdam with a VTIMEZONE built from yearly rules (the last Sunday of March and
of October): icalendar's generated zones list every change as RDATEs, which some readers
put an hour off in summer. A local time that the October change repeats (or the March
change skips) is written in UTC instead: readers disagree on which moment it means.
DTSTAMP and LAST-MODIFIED are the meeting's last change, never the time of the request,
so an unchanged feed is the same bytes every time.

Calendar-level texts (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC) go out without
`, ; \\`: vobject cuts a name at its first comma, and other readers show an escaped `\\,`
as is. Every VEVENT has the association as ORGANIZER, which METHOD:PUBLISH needs in
libical's iTIP check.

The online link is a secret for confirmed registrants: only `online=True` (the personal
feed, the attachment of a confirmed registration) writes it.
"""

import datetime
import re
import zoneinfo
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from icalendar import (
    Calendar,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vDuration,
)
from icalendar import Event as VEvent

from events.models import EventSpeaker, EventStatus, EventType, Registration, RegistrationStatus
from leerhuis.core.association import association_name, contact_email
from leerhuis.core.formatting import page_url
from leerhuis.core.themes import live_themes

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# Past meetings stay this long, and so does a cancelled one after its last change, so every
# subscriber sees the cancellation before the item goes.
WINDOW = datetime.timedelta(weeks=4)
# How often subscribers should look again (a 304 makes it cheap).
REFRESH = datetime.timedelta(hours=1)
PRODID = "-//Digitale Leerhuis//Activiteiten//NL"
# Part of every ETag: raise it when the output changes, so no client keeps an old copy.
FORMAT_VERSION = "3"
# What a feed never shows; StreamField JSON can be large.
FEED_DEFERRED = ("body", "questions", "materials", "schedule", "venue_accessibility")
# A meeting made live in code without a publish date still needs a fixed DTSTAMP.
EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def host():
    return urlsplit(settings.BASE_URL).hostname or "leerhuis"


def uid(event):
    return f"event-{event.pk}@{host()}"


def changed_at(event):
    """The meeting's last change as subscribers know it: its last publish (the same rule
    in SQL: events.fingerprints._changed)."""
    return event.last_published_at or event.first_published_at or EPOCH


# --- which meetings --------------------------------------------------------------------


def window(since, prefix=""):
    """The feed window as a Q on EventPage (or through `prefix` from a related model):
    meetings that end after `since`, less cancellations older than `since`."""
    return Q(**{f"{prefix}end__gte": since}) & (
        ~Q(**{f"{prefix}status": EventStatus.GEANNULEERD})
        | Q(**{f"{prefix}last_published_at__isnull": True})
        | Q(**{f"{prefix}last_published_at__gte": since})
    )


def in_window(meetings, now=None):
    """All future meetings and those of the last four weeks; a cancelled one only until
    four weeks after its last change (the cancellation)."""
    return meetings.filter(window((now or timezone.now()) - WINDOW))


def feed_prefetches():
    speakers = EventSpeaker.objects.filter(person__live=True).select_related("person__organisation")
    return (live_themes(), Prefetch("speakers", queryset=speakers.order_by("sort_order", "pk")))


def for_feed(meetings):
    """What an item shows, in a fixed number of queries however many meetings."""
    return (
        meetings.defer(*FEED_DEFERRED).prefetch_related(*feed_prefetches()).order_by("start", "pk")
    )


# --- one meeting ----------------------------------------------------------------------


def location(event):
    """One line, as EventPage.place writes it ("Online" for an online meeting)."""
    return capfirst(event.place)


def summary(event):
    if event.is_cancelled:
        return _("GEANNULEERD: %(title)s") % {"title": event.title}
    return event.title


def speaker_lines(event):
    lines = []
    for speaker in event.speakers.all():
        person = speaker.person
        if not person.live:  # a mail's attachment reads them unprefetched
            continue
        about = ", ".join(p for p in (speaker.role_display, person.organisation_display) if p)
        lines.append(f"- {person.name} ({about})" if about else f"- {person.name}")
    return lines


def description(event, url, *, online=False):
    """Plain text: status, intro, speakers, (the online link,) the page."""
    parts = []
    if event.is_cancelled:
        parts.append(_("Deze activiteit gaat niet door.") + _note(event))
    elif event.status == EventStatus.VERPLAATST:
        parts.append(_("Deze activiteit is verplaatst.") + _note(event))
    if event.intro:
        parts.append(event.intro.strip())
    speakers = speaker_lines(event)
    if speakers:
        parts.append("\n".join([_("Sprekers:"), *speakers]))
    if online and event.online_link_open:
        link = _("Online deelnemen: %(url)s") % {"url": event.online_url}
        lines = [link if event.online_url else "", event.online_details.strip()]
        parts.append("\n".join(line for line in lines if line))
    if url:
        parts.append(_("Meer informatie en aanmelden: %(url)s") % {"url": url})
    return "\n\n".join(part for part in parts if part)


def _note(event):
    return f" {event.status_note.strip()}" if event.status_note.strip() else ""


def local_or_utc(moment):
    """`moment` in Amsterdam time, or in UTC when that wall time is ambiguous (the hour the
    October change repeats) or does not exist (the hour March skips): there, readers
    differ on which moment a TZID time means. The two folds disagree on the offset exactly
    then."""
    local = moment.astimezone(AMSTERDAM)
    if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
        return local.astimezone(datetime.UTC)
    return local


def vevent(event, url, *, organizer, online=False, sequence=None, cancelled=False, attendee=None):
    """One meeting; `sequence` (default the meeting's own), `cancelled` and `attendee` (a
    vCalAddress) for the items of one person's mail (see personal_sequence)."""
    changed = changed_at(event).astimezone(datetime.UTC)
    cancelled = cancelled or event.is_cancelled
    item = VEvent()
    item.add("uid", uid(event))
    item.add("dtstamp", changed)
    item.add("last-modified", changed)
    item.add("created", (event.first_published_at or changed).astimezone(datetime.UTC))
    item.add("sequence", event.sequence if sequence is None else sequence)
    item.add("dtstart", local_or_utc(event.start))
    item.add("dtend", local_or_utc(event.end))
    item.add("summary", summary(event))
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    item.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    item.add("class", "PRIVATE" if online else "PUBLIC")
    item.add("location", location(event))
    item.add("organizer", organizer)
    if attendee is not None:
        item.add("attendee", attendee)
    if url:
        item.add("url", url)
    themes = [thema.name for thema in event.themes.all() if thema.live]
    if themes:
        item.add("categories", sorted(themes, key=str.lower))
    item.add("description", description(event, url, online=online))
    if online and event.online_link_open and event.online_url:
        item.add(
            "conference",
            event.online_url,
            parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": _("Online deelnemen")},
        )
    return item


# --- the calendar around them ------------------------------------------------------------


def _change(kind, name, month, day, hour, before, after):
    """One yearly change of Europe/Amsterdam: the last Sunday of `month` at `hour` local
    time (1970 is only where the rule starts counting), from UTC+`before` to UTC+`after`."""
    change = kind()
    change.add("tzname", name)
    change.add("dtstart", datetime.datetime(1970, month, day, hour, 0, 0))
    change.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
    change.add("tzoffsetfrom", datetime.timedelta(hours=before))
    change.add("tzoffsetto", datetime.timedelta(hours=after))
    return change


def amsterdam():
    """Europe/Amsterdam as yearly rules, valid for every date since 1996 (EU summer time)."""
    zone = Timezone()
    zone.add("tzid", "Europe/Amsterdam")
    zone.add("x-lic-location", "Europe/Amsterdam")
    zone.add_component(_change(TimezoneDaylight, "CEST", 3, 29, 2, 1, 2))
    zone.add_component(_change(TimezoneStandard, "CET", 10, 25, 3, 2, 1))
    return zone


# What a calendar-level text may not hold (see the module's docstring), and in its place.
UNSAFE = re.compile(r"\s*[,;]\s*")


def calendar_text(text):
    """`text` on one line without `, ; \\`: a comma or semicolon becomes a dash and a
    backslash a slash (a line break would be written as the escape `\\n`)."""
    plain = " ".join(str(text).replace("\\", "/").split())
    return UNSAFE.sub(" – ", plain).strip(" –")


def organizer():
    """The association at the site's contact address: one query, so once per calendar."""
    address = vCalAddress(f"mailto:{contact_email()}")
    # A parameter value is written in double quotes, so it cannot hold one itself.
    address.params["CN"] = calendar_text(association_name()).replace('"', "'")
    return address


def calendar(events, *, name, about="", url_of=None, online=False, method="PUBLISH", **item):
    """The VCALENDAR as bytes. `url_of(event)` gives each meeting's page address;
    `online` writes the online link (only ever for a confirmed registrant's own items): a
    bool for all items, or a function of the meeting (the personal feed, where a group's
    meeting may be there without a place); `item` goes to every vevent (sequence, cancelled:
    one person's mail)."""
    url_of = url_of or page_url
    name, about = calendar_text(name), calendar_text(about)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    if about:
        cal.add("description", about)
        cal.add("x-wr-caldesc", about)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    cal.add_component(amsterdam())
    by = organizer()
    for event in events:
        link = online(event) if callable(online) else online
        cal.add_component(vevent(event, url_of(event), organizer=by, online=link, **item))
    return cal.to_ical()


def personal_sequence(event, registration):
    """The SEQUENCE of the items in one person's mails: the meeting's own, plus two for
    every place of theirs at it cancelled before this one. A cancellation goes out one
    above what the person had, so calendars drop the item; a new place after it must be
    above the cancellation again, or a calendar keeps the item cancelled."""
    earlier = 0
    if registration.user_id is not None:
        earlier = (
            Registration.objects.filter(
                event_id=event.pk, user_id=registration.user_id, status=RegistrationStatus.CANCELLED
            )
            .exclude(pk=registration.pk)
            .count()
        )
    return event.sequence + 2 * earlier + (0 if registration.is_active else 1)


def event_attachment(event, registration=None, sequence=None):
    """For a mail: the meeting, with the online link for a confirmed registrant.
    `sequence`: personal_sequence as it was when the mail was queued, for a mail drawn
    later (events.mail_render)."""
    if registration is None:
        content = calendar([event], name=event.title)
    else:
        if sequence is None:
            sequence = personal_sequence(event, registration)
        online = registration.may_join_online
        content = calendar([event], name=event.title, online=online, sequence=sequence)
    return _attachment(event, content)


def cancel_attachment(event, registration, sequence=None):
    """For the mail that ends a place (the person's, or the whole meeting's): the same UID
    with METHOD:CANCEL and STATUS:CANCELLED at a higher SEQUENCE, so a calendar that
    imported the item removes it."""
    content = calendar(
        [event],
        name=event.title,
        method="CANCEL",
        sequence=personal_sequence(event, registration) if sequence is None else sequence,
        cancelled=True,
        attendee=_attendee(registration) if registration.email else None,
    )
    return _attachment(event, content)


def _attendee(registration):
    """The person whose place ends, as iTIP's CANCEL names those it concerns."""
    address = vCalAddress(f"mailto:{registration.email}")
    address.params["CN"] = calendar_text(registration.name).replace('"', "'")
    return address


def _attachment(event, content):
    return {
        "filename": f"{event.slug}.ics",
        "mimetype": "text/calendar",
        "content": content.decode(),
    }


# --- "Zet in je agenda" on the web --------------------------------------------------------


def _utc(moment, separators=True):
    value = moment.astimezone(datetime.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ" if separators else "%Y%m%dT%H%M%SZ")


def _short_description(event, url):
    # Links carry the description in their address: the intro and the page, no more.
    return "\n\n".join(p for p in (event.intro.strip(), url) if p)


def google_url(event, url):
    query = {
        "action": "TEMPLATE",
        "text": summary(event),
        "dates": f"{_utc(event.start, False)}/{_utc(event.end, False)}",
        "details": _short_description(event, url),
        "location": location(event),
        "ctz": "Europe/Amsterdam",
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_url(event, url, *, office=True):
    """Outlook on the web: office=True for work accounts (Microsoft 365), else Outlook.com."""
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": summary(event),
        "startdt": _utc(event.start),
        "enddt": _utc(event.end),
        "body": _short_description(event, url),
        "location": location(event),
    }
    domain = "outlook.office.com" if office else "outlook.live.com"
    return f"https://{domain}/calendar/deeplink/compose?" + urlencode(query)


def add_links(event, url, download_url):
    """The "Zet in je agenda" choices for one meeting, in the order the page shows them."""
    return [
        {"label": _("Agendabestand (.ics)"), "url": download_url, "download": True},
        {"label": _("Google Agenda"), "url": google_url(event, url)},
        {"label": _("Outlook (werk of school)"), "url": outlook_url(event, url)},
        {"label": _("Outlook.com"), "url": outlook_url(event, url, office=False)},
    ]


def feed_type(value):
    """The ?type= of a feed: a meeting type; leergang also finds the leergang sessions."""
    if value == EventType.LEERGANG:
        return Q(event_type=value) | Q(learning_track__isnull=False)
    return Q(event_type=value)
