"""Booking a leergang: a place at every session still to come, in one transaction."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events import mail
from events.models import Registration

from . import locking
from .base import Answers, RegistrationError
from .registration import create


def book_track(track, user, answers=None, *, now=None):
    """Book a leergang: a registration for every bookable session, in one transaction.

    Sessions lock in a fixed order (by pk), so two bookings never deadlock. A session
    without room puts the person on that session's waiting list. Returns the new
    registrations.
    """
    answers = answers or Answers()
    now = now or timezone.now()
    with transaction.atomic():
        seen = track.sessions_for(user).values_list("pk", flat=True).order_by("pk")
        sessions = [locking.lock_event(pk) for pk in seen]
        # Decided on the rows as they are under the lock.
        bookable = sorted(
            (s for s in sessions if s.bookable_in_track(now)), key=lambda s: (s.start, s.pk)
        )
        mine = set(
            Registration.objects.active()
            .filter(user=user, event__in=bookable)
            .values_list("event_id", flat=True)
        )
        if bookable and all(session.pk in mine for session in bookable):
            raise RegistrationError(_("Je bent al aangemeld voor deze leergang."), "double")
        refusal = track.booking_block(bookable, now)
        if refusal:
            raise RegistrationError(refusal, "closed")
        amount, _status = track.price_for(user)
        session_answers = Answers(**{**answers.__dict__, "workshop": None})
        created = [
            create(session, user, session_answers, now, learning_track=track, price=0)
            for session in bookable
            if session.pk not in mine
        ]
        if created and amount:
            # The leergang is invoiced once: on the first session with a place.
            priced = next((r for r in created if r.is_confirmed), created[0])
            priced.price = amount
            priced.save(update_fields=["price"])
        mail.track_booked(track, user, created)
    return created
