"""What happens when an organiser publishes a meeting (wired by EventsConfig.ready()).

`EventPage.schedule` holds what registrants were last told (time, place, form, status);
`EventPage.sequence` counts the changes, for calendar items and the "changed" mails. Only
these receivers move them, always with a queryset update so no signal fires again.
"""

import datetime

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.signals import page_published

from events.models import EventPage


def schedule_of(event):
    """The part of a meeting that registrants must hear about when it changes."""
    return {
        "start": event.start.astimezone(datetime.UTC).isoformat(),
        "end": event.end.astimezone(datetime.UTC).isoformat(),
        "venue": event.venue.strip(),
        "address": " ".join(event.address.split()),
        "form": event.form,
        "status": event.status,
        # For an online meeting the link is the place; calendars and mails carry it.
        "online_url": event.online_url,
    }


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


def publish_event(sender, instance, **kwargs):
    """page_published for EventPage: tell registrants what changed, fill freed places.

    A new start, end, venue, address, form, status or online link raises `sequence` once
    and queues a "changed" (or "gaat niet door") mail for every active registration;
    publishing the same again mails nothing. The first publish only records the schedule. Then the
    waiting list is promoted, so a capacity raised by the organiser gives people a place.
    """
    from events import mail, services

    now = timezone.now()
    with transaction.atomic():
        # The lock orders two publishes of the same meeting: one bump, one round of mail.
        event = EventPage.objects.select_for_update(of=("self",)).get(pk=instance.pk)
        current, previous = schedule_of(event), event.schedule or {}
        if not previous:
            EventPage.objects.filter(pk=event.pk).update(schedule=current)
        elif has_changed(current, previous):
            sequence = event.sequence + 1
            EventPage.objects.filter(pk=event.pk).update(sequence=sequence, schedule=current)
            event.sequence = sequence
            if _still_ahead(event, previous, now):
                for registration in event.registrations.active().order_by("pk"):
                    registration.event = event
                    mail.event_changed(registration, sequence, previous=previous)
        elif current != previous:
            EventPage.objects.filter(pk=event.pk).update(schedule=current)  # a new key only
        instance.sequence, instance.schedule = event.sequence, current
    services.promote_waitlist(instance, now=now)


def record_schedule(sender, instance, created, raw=False, **kwargs):
    """post_save for EventPage: a meeting made live in code (demo, import) starts with its
    schedule recorded, so its first change in the admin reaches the registrants."""
    if created and not raw and instance.live and not instance.schedule:
        instance.schedule = schedule_of(instance)
        EventPage.objects.filter(pk=instance.pk).update(schedule=instance.schedule)


def connect():
    """Wire the signals of events/ (called from EventsConfig.ready)."""
    page_published.connect(publish_event, sender=EventPage, dispatch_uid="events.publish")
    post_save.connect(record_schedule, sender=EventPage, dispatch_uid="events.record_schedule")
