"""Drawing the registration mails that events.mail queued as recipes: after the commit, in
the task that sends them (leerhuis.core.outbox.deliver), never under the meeting's lock.

Each kind of mail says what goes with it: the calendar item (or its cancellation), the
online link, the ticket's code and QR code, what the person pays. Whether a place is
confirmed (the ticket) is read now, as the row is drawn; what only the cause knew came along
in the recipe: the colleague who passed a place on, what changed in a meeting, whether a
calendar item goes along and its SEQUENCE then.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.urls import reverse

from events.mail import _attachments, _event_context, _price_note
from events.models import LearningTrackPage, Registration
from leerhuis.core.formatting import absolute_url, page_url


@dataclass(frozen=True)
class Kind:
    ics: str = ""  # "item": the meeting for a confirmed place; "cancel": its cancellation
    online: bool = False  # the online link, for a confirmed place
    ticket: bool = False  # the ticket's code and QR code, for a confirmed place
    price: str = ""  # "place" or "waiting": the price note, worded for either


CONFIRMED_PLACE = Kind(ics="item", online=True, ticket=True, price="place")
KINDS = {
    "bevestiging": CONFIRMED_PLACE,
    "plaats": CONFIRMED_PLACE,  # promoted from the waiting list
    "herinnering": CONFIRMED_PLACE,
    "wachtlijst": Kind(price="waiting"),
    "afgemeld": Kind(ics="cancel"),
    "overgedragen": Kind(ics="cancel"),  # the colleague's own mail brings their item
    "gewijzigd": Kind(ics="item", online=True),
    "geannuleerd": Kind(ics="cancel", online=True),
}


def _registration(pk):
    if pk is None:
        return None
    return Registration.objects.select_related("event", "user").get(pk=pk)


def render(
    subject, kind, registration, predecessor=None, successor=None, changes=(), sequence=None
):
    """{"text", "html", "attachments"} of one registration mail (outbox renderer); the
    subject was written with the cause, and the templates show it as their title."""
    from events import tickets

    spec = KINDS[kind]
    registration = _registration(registration)
    event = registration.event
    context = {}
    attachments = []
    if sequence is not None:  # the cause decided there is an item, and its SEQUENCE
        attachments = _attachments(registration, cancel=spec.ics == "cancel", sequence=sequence)
    if spec.ticket and registration.is_confirmed:
        context.update(tickets.mail_context(registration))
        attachments.append(tickets.mail_attachment(registration))
    if spec.price:
        context["price_note"] = _price_note(registration, waiting=spec.price == "waiting")
    if kind == "wachtlijst":
        context["position"] = registration.waiting_position()
    if kind == "afgemeld":
        context["by_organiser"] = bool(registration.cancelled_by_id) and (
            registration.cancelled_by_id != registration.user_id
        )
    if kind in ("bevestiging", "wachtlijst"):
        context["predecessor"] = _registration(predecessor)
    if kind == "overgedragen":
        context["successor"] = _registration(successor)
    if kind in ("gewijzigd", "geannuleerd"):
        context["changes"] = list(changes)
    context = {
        "subject": subject,
        "registration": registration,
        "dashboard_url": absolute_url(reverse("mijn_leerhuis")),
        "contact": event.contact_person,
        **_event_context(event, registration, online=spec.online),
        **context,
    }
    template = f"events/mail/{kind}"
    return {
        "text": render_to_string(f"{template}.txt", context),
        "html": render_to_string(f"{template}.html", context),
        "attachments": attachments,
    }


def render_track(subject, track, user, registrations, total, sequences):
    """The one mail of booking a leergang (outbox renderer): every session with its state,
    the confirmed ones (then) as calendar items."""
    from django.contrib.auth import get_user_model

    from events import tickets

    track = LearningTrackPage.objects.get(pk=track)
    found = Registration.objects.select_related("event").in_bulk(registrations)
    registrations = [found[pk] for pk in registrations if pk in found]
    first = registrations[0]
    sessions = [
        {
            "registration": registration,
            **_event_context(registration.event, registration, online=True),
            # Each confirmed session has its own ticket; the reminders carry its QR code.
            **tickets.mail_context(registration),
        }
        for registration in registrations
    ]
    context = {
        "subject": subject,
        "track": track,
        "track_url": page_url(track),
        "sessions": sessions,
        "registration": first,
        "user": get_user_model().objects.get(pk=user),
        "dashboard_url": absolute_url(reverse("mijn_leerhuis")),
        "contact": track.contact_person,
        "price_note": _price_note(first, price=Decimal(total)),
    }
    attachments = [
        attachment
        for registration in registrations
        if str(registration.pk) in sequences
        for attachment in _attachments(registration, sequence=sequences[str(registration.pk)])
    ]
    return {
        "text": render_to_string("events/mail/leergang.txt", context),
        "html": render_to_string("events/mail/leergang.html", context),
        "attachments": attachments,
    }
