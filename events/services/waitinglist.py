"""The waiting list: places that come free go to whoever waited longest, or, close to the
start, to whomever the organiser chooses."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events import mail
from events.models import RegistrationStatus
from events.permissions import may_manage_attendees

from . import audit, locking
from .base import RegistrationError

# Within this time before the start, nobody is promoted automatically: someone who gets a
# place at the last minute may not read the mail in time, so the organiser decides.
PROMOTION_CUTOFF = datetime.timedelta(hours=24)


def promote_waitlist(event, *, now=None):
    """Fill free places from the waiting list, first come first served.

    Called after a cancellation and when an organiser raises the capacity. Within 24 hours
    of the start the organiser is told instead. Returns the promoted registrations.
    """
    now = now or timezone.now()
    with transaction.atomic():
        return promote_locked(locking.lock_event(event.pk), now)


def promote_locked(event, now):
    """The body of promote_waitlist, for callers that hold the meeting's lock."""
    if event.is_cancelled or event.has_begun(now):
        return []
    waiting = event.registrations.waiting_order()
    free = event.places_left()
    if free is not None:
        if free <= 0:
            return []
        waiting = waiting[:free]
    waiting = list(waiting)
    if not waiting:
        return []
    if event.start - now <= PROMOTION_CUTOFF:
        mail.promotion_needs_organiser(event, now)
        return []
    for registration in waiting:
        registration.event = event
        _confirm(registration, now)
        audit.record(registration, audit.PROMOTED)
    return waiting


def _confirm(registration, now):
    registration.status = RegistrationStatus.CONFIRMED
    registration.confirmed_at = now
    registration.save(update_fields=["status", "confirmed_at"])
    mail.promoted(registration)


def promote(registration, by, *, now=None):
    """An organiser gives one person on the waiting list a free place (also within 24 h)."""
    now = now or timezone.now()
    if not may_manage_attendees(by):
        raise RegistrationError(
            _("Alleen de organisatie kan iemand een plaats geven."), "forbidden"
        )
    with transaction.atomic():
        event = locking.lock_event(registration.event_id)
        registration = locking.lock_registration(registration.pk)
        registration.event = event
        if not registration.is_waitlisted:
            raise RegistrationError(_("Deze persoon staat niet op de wachtlijst."), "state")
        if not event.has_room():
            raise RegistrationError(
                _("Er is geen plaats vrij. Verhoog eerst het aantal plaatsen."), "full"
            )
        _confirm(registration, now)
        audit.record(registration, audit.PLACE_GIVEN, by)
    return registration
