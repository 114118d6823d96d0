"""Checking people in at the door, and undoing it; each step goes into the log."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.permissions import may_manage_attendees

from . import audit, locking
from .base import RegistrationError


def check_in(registration, by, *, present=True, now=None):
    """Mark someone present (or undo it), from the meeting's own day on.

    Setting what is set already changes nothing and logs nothing: a double click is one
    check-in. Undoing clears the mark; the log keeps both steps.
    """
    now = now or timezone.now()
    if not may_manage_attendees(by):
        raise RegistrationError(_("Alleen de organisatie registreert aanwezigheid."), "forbidden")
    with transaction.atomic():
        registration = locking.lock_registration(registration.pk)
        if present:
            if not registration.is_confirmed:
                raise RegistrationError(
                    _("Alleen bevestigde aanmeldingen kunnen aanwezig zijn."), "state"
                )
            refusal = registration.event.check_in_block(now)
            if refusal:
                raise RegistrationError(refusal, "too_early")
            if registration.checked_in_at is None:
                registration.checked_in_at = now
                registration.save(update_fields=["checked_in_at"])
                audit.record(registration, audit.CHECK_IN, by)
        elif registration.checked_in_at is not None:
            was = registration.checked_in_at
            registration.checked_in_at = None
            registration.save(update_fields=["checked_in_at"])
            audit.record(registration, audit.CHECK_IN_UNDONE, by, was=was.isoformat())
    return registration
