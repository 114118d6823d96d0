"""The mails of signing up, each queued once per cause in the outbox (leerhuis.core.outbox).

Every function runs inside the transaction that caused it: if that rolls back, no mail.
Keys name the cause, so the same cause never mails twice.

The online link and dial-in details go only to people with a confirmed place, and only in
the mails that are about taking part (confirmation, promotion, reminder, a change); never to
the waiting list.
"""

import datetime
import functools

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.models import EventStatus
from events.models.rules import PLACE_KEYS, describe_place, schedule_of
from leerhuis.core.association import contact_email
from leerhuis.core.formatting import absolute_url, money, page_url, subpage_url
from leerhuis.core.outbox import queue, queue_recipe

ATTENDEE_MESSAGE = "events/admin/bericht_mail"


def when(start, end):
    """'dinsdag 9 juni 2026, 10:00–16:00 uur', in Amsterdam time."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s uur") % {
            "day": date_format(start, "l j F Y"),
            "start": date_format(start, "H:i"),
            "end": date_format(end, "H:i"),
        }
    return _("%(start)s uur tot %(end)s uur") % {
        "start": date_format(start, "l j F Y, H:i"),
        "end": date_format(end, "l j F Y, H:i"),
    }


def _price_note(registration, *, price=None, waiting=False):
    """What this person pays and why, and how: non-members are invoiced afterwards.
    `price` overrides the registration's own (a leergang is charged as a whole)."""
    price = registration.price if price is None else price
    basis = registration.membership_basis
    if not price:
        if registration.is_member:
            return " ".join(filter(None, [_("Voor leden is deelname gratis."), basis]))
        return _("Deelname is gratis.")
    invoice = _("Je ontvangt na afloop een factuur")
    if registration.billing_organisation:
        invoice += " " + _("voor %(org)s") % {"org": registration.billing_organisation}
    if registration.billing_reference:
        invoice += " " + _("met kenmerk %(ref)s") % {"ref": registration.billing_reference}
    invoice += "."
    if waiting:
        cost = _("Krijg je een plaats, dan kost deelname %(price)s (exclusief btw).")
    else:
        cost = _("Deelname kost voor jou %(price)s (exclusief btw).")
    return " ".join(filter(None, [cost % {"price": money(price)}, basis, invoice]))


def _event_context(event, registration=None, *, online=False):
    """What every mail about one meeting shows: when, where, the page; the online link
    only when asked for and the registration may join online."""
    now = timezone.now()
    return {
        "event": event,
        "page_url": page_url(event),
        "when": when(event.start, event.end),
        "place": event.place,
        "cancel_url": subpage_url(event, "afmelden")
        if registration and registration.may_cancel(now)
        else "",
        "colleague_url": subpage_url(event, "collega")
        if registration and registration.may_transfer(now)
        else "",
        "online": online and registration is not None and registration.may_join_online,
    }


def _attachments(registration, *, cancel=False, sequence=None):
    from events import ical

    attachment = ical.cancel_attachment if cancel else ical.event_attachment
    return [attachment(registration.event, registration, sequence)]


RENDERER = "events.registration"  # events.mail_render.render


def _send(key, registration, subject, kind, *, calendar_item=False, **params):
    """Queue a mail about `registration` as a recipe (events.mail_render draws it after the
    commit): a sign-up holds the meeting's lock while it writes this row, and every sign-up
    waiting for that lock would pay for templates, the calendar item and the QR code.
    `params` are what only the cause knows (JSON): the colleague's registration, what changed,
    and with `calendar_item` the item's SEQUENCE as it is now, so a mail drawn after a later
    change still ranks below that change's mail in a calendar."""
    if not registration.email:
        return None
    from events import ical

    subject = subject % {"title": registration.event.title}
    if calendar_item:
        params["sequence"] = ical.personal_sequence(registration.event, registration)
    params = {"kind": kind, "registration": registration.pk, **params}
    return queue_recipe(key, registration.email, subject, RENDERER, params)


def _pk(registration):
    return registration.pk if registration is not None else None


def _dutch(function):
    """Mails are written in the site's language, also from a command or a worker."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return wrapper


@_dutch
def confirmation(registration, predecessor=None):
    """A confirmed place, with the meeting as .ics. `predecessor`: the colleague who passed
    the place on."""
    return _send(
        f"bevestiging:{registration.pk}",
        registration,
        _("Je bent aangemeld: %(title)s"),
        "bevestiging",
        calendar_item=True,
        predecessor=_pk(predecessor),
    )


@_dutch
def waitlisted(registration, predecessor=None):
    """On the waiting list: the place in the queue, no online link, no calendar item."""
    return _send(
        f"wachtlijst:{registration.pk}",
        registration,
        _("Je staat op de wachtlijst: %(title)s"),
        "wachtlijst",
        predecessor=_pk(predecessor),
    )


@_dutch
def promoted(registration):
    return _send(
        f"plaats:{registration.pk}",
        registration,
        _("Er is een plaats voor je: %(title)s"),
        "plaats",
        calendar_item=True,
    )


@_dutch
def cancelled(registration):
    """The receipt of a cancellation, by the person themselves or by the organisation.
    Whoever had a place (and so a calendar item) gets the item's cancellation."""
    return _send(
        f"afgemeld:{registration.pk}",
        registration,
        _("Je bent afgemeld: %(title)s"),
        "afgemeld",
        calendar_item=registration.confirmed_at is not None,  # its cancellation
    )


@_dutch
def transferred(original, successor):
    _send(
        f"overgedragen:{original.pk}",
        original,
        _("Je plaats is overgedragen: %(title)s"),
        "overgedragen",
        calendar_item=original.confirmed_at is not None,  # the colleague's mail brings theirs
        successor=successor.pk,
    )
    if successor.is_confirmed:
        return confirmation(successor, predecessor=original)
    return waitlisted(successor, predecessor=original)


@_dutch
def reminder(registration):
    """Two days before; a meeting that moves gets a new reminder for its new date."""
    stamp = registration.event.start.astimezone(datetime.UTC).strftime("%Y%m%d%H%M")
    return _send(
        f"herinnering:{registration.pk}:{stamp}",
        registration,
        _("Herinnering: %(title)s"),
        "herinnering",
        calendar_item=True,
    )


def _changes(event, previous):
    """Dutch sentences saying what moved, from the schedule registrants knew before."""
    if not previous:
        return []
    changes = []
    try:
        old_start = datetime.datetime.fromisoformat(previous["start"])
        old_end = datetime.datetime.fromisoformat(previous["end"])
    except (KeyError, TypeError, ValueError):
        old_start = old_end = None
    if old_start and (old_start, old_end) != (event.start, event.end):
        changes.append(
            _("Nieuwe datum en tijd: %(new)s (was: %(old)s).")
            % {"new": when(event.start, event.end), "old": when(old_start, old_end)}
        )
    if previous.get("status") == EventStatus.GEANNULEERD and not event.is_cancelled:
        changes.append(_("De activiteit gaat toch door."))
    # Whether the place moved is decided on the values registrants were told, written the
    # same way (schedule_of); only then is it described in words.
    now = schedule_of(event)
    if any(previous.get(key, now[key]) != now[key] for key in PLACE_KEYS):
        old_place = describe_place(*(previous.get(key, "") for key in PLACE_KEYS))
        changes.append(
            _("Nieuwe plaats: %(new)s (was: %(old)s).") % {"new": event.place, "old": old_place}
        )
    if previous.get("online_url", event.online_url) != event.online_url and event.online_url:
        # The link itself only in the details below, and only for a confirmed place.
        changes.append(_("Er is een nieuwe link om online deel te nemen."))
    return changes


@_dutch
def event_changed(registration, sequence, previous=None):
    """The meeting was cancelled or moved: everyone registered hears it, once per change.

    `previous` is the schedule registrants knew (see events.signals), to say what changed.
    Only a confirmed place gets the updated calendar item (its cancellation, when the
    meeting does not go ahead) and the online link.
    """
    event = registration.event
    if event.is_cancelled:
        subject, template = _("Gaat niet door: %(title)s"), "geannuleerd"
    else:
        subject, template = _("Gewijzigd: %(title)s"), "gewijzigd"
    return _send(
        f"{template}:{event.pk}:{sequence}:{registration.pk}",
        registration,
        subject,
        template,
        calendar_item=registration.is_confirmed,  # updated, or cancelled with the meeting
        changes=_changes(event, previous),
    )


TRACK_RENDERER = "events.track"  # events.mail_render.render_track


@_dutch
def track_booked(track, user, registrations):
    """One mail for booking a leergang: every session with its state, the confirmed ones
    as calendar items. Queued as a recipe too: book_track holds every session's lock."""
    if not registrations:
        return None
    from events import ical

    first = registrations[0]
    total = sum(registration.price for registration in registrations)
    subject = _("Je bent aangemeld voor de leergang %(title)s") % {"title": track.title}
    sequences = {
        str(registration.pk): ical.personal_sequence(registration.event, registration)
        for registration in registrations
        if registration.is_confirmed
    }
    params = {
        "track": track.pk,
        "user": user.pk,
        "registrations": [registration.pk for registration in registrations],
        "total": str(total),
        "sequences": sequences,
    }
    return queue_recipe(
        f"leergang:{track.pk}:{first.pk}", user.email, subject, TRACK_RENDERER, params
    )


@_dutch
def promotion_needs_organiser(event, now):
    """Within 24 hours of the start nobody is promoted automatically: tell the organiser,
    once per day that it happens."""
    contact = event.contact_person
    to = contact.email if contact and contact.email else ""
    if not to:
        to = contact_email()
    subject = _("Plaats vrij binnen 24 uur: %(title)s") % {"title": event.title}
    confirmed, waiting = event.registration_counts()
    return queue(
        f"wachtlijst-organisator:{event.pk}:{timezone.localtime(now):%Y%m%d}",
        to,
        subject,
        "events/mail/organisator_wachtlijst",
        {
            "subject": subject,
            **_event_context(event),
            "contact": contact if contact and contact.email else None,
            "confirmed": confirmed,
            "waiting": waiting,
            "free": event.places_left(),
            "admin_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[event.pk])),
        },
    )


def attendee_message_context(event, subject, body):
    """What every copy of an organiser's message shares; each adds its `registration`
    (the name in the greeting). The admin's preview renders the same."""
    return {
        "event": event,
        "subject": subject,
        "body": body,
        "page_url": page_url(event),
        "when": when(event.start, event.end),
    }


@_dutch
def attendee_message(message, registration):
    """One copy of an organiser's message (services.message_attendees), once per person."""
    context = attendee_message_context(message.event, message.subject, message.body)
    return queue(
        f"bericht:{message.pk}:{registration.pk}",
        registration.email,
        message.subject,
        ATTENDEE_MESSAGE,
        {**context, "registration": registration},
    )


@_dutch
def render_attendee_message(event, subject, body, registration):
    """(text, html) of a message as one attendee would get it, for the preview."""
    context = {**attendee_message_context(event, subject, body), "registration": registration}
    return (
        render_to_string(f"{ATTENDEE_MESSAGE}.txt", context),
        render_to_string(f"{ATTENDEE_MESSAGE}.html", context),
    )
