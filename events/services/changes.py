"""Publishing a changed meeting: registrants hear what moved, calendars get a new SEQUENCE,
and places that came free (a capacity raised) go to whoever waits.

`EventPage.schedule` holds what registrants were last told (time, place, form, status,
online link); `EventPage.sequence` counts the changes, for calendar items and the
"changed" mails. Only these functions move them, always with a queryset update so no
signal fires again.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from events import mail
from events.models import EventPage
from events.models.rules import schedule_of
from leerhuis.core import page_cache

from . import locking
from .waitinglist import promote_waitlist


def has_changed(current, previous):
    """A value registrants were told differs now. A key the record does not have yet (a
    schedule written before the key existed) is no change: nobody was told otherwise."""
    return any(previous.get(key, value) != value for key, value in current.items())


def _still_ahead(event, previous, now):
    """Correcting the record of a meeting long past mails nobody."""
    try:
        old_end = datetime.datetime.fromisoformat(previous["end"])
    except (KeyError, TypeError, ValueError):
        old_end = event.end
    return max(event.end, old_end) > now


def publish_changes(event, *, now=None):
    """After a publish: tell registrants what changed, then fill freed places.

    A new start, end, venue, address, form, status or online link raises `sequence` once
    and queues a "changed" (or "gaat niet door") mail for every active registration;
    publishing the same again mails nobody. The first publish only records the schedule.
    Returns the meeting as it is now (sequence and schedule up to date).
    """
    now = now or timezone.now()
    with transaction.atomic():
        # The lock orders two publishes of the same meeting: one bump, one round of mail.
        event = locking.lock_event(event.pk)
        current, previous = schedule_of(event), event.schedule or {}
        if not previous:
            EventPage.objects.filter(pk=event.pk).update(schedule=current)
        elif has_changed(current, previous):
            event.sequence += 1
            EventPage.objects.filter(pk=event.pk).update(sequence=event.sequence, schedule=current)
            if _still_ahead(event, previous, now):
                for registration in event.registrations.active().order_by("pk"):
                    registration.event = event
                    mail.event_changed(registration, event.sequence, previous=previous)
        elif current != previous:
            EventPage.objects.filter(pk=event.pk).update(schedule=current)  # a new key only
        event.schedule = current
        # The SEQUENCE and schedule are written by update(): no save signal tells the cache.
        page_cache.changed()
    promote_waitlist(event, now=now)
    return event


def record_schedule(event):
    """A meeting made live in code (demo, import) starts with its schedule recorded, so
    its first change in the admin reaches the registrants."""
    if event.live and not event.schedule:
        event.schedule = schedule_of(event)
        EventPage.objects.filter(pk=event.pk).update(schedule=event.schedule)
