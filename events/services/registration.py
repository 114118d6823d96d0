"""Signing up and cancelling (passing a place to a colleague: colleague.py)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events import mail
from events.models import Registration, RegistrationStatus
from events.permissions import may_manage_attendees

from . import locking
from .base import Answers, RegistrationError, person_fields
from .waitinglist import promote_locked


def register(event, user, answers=None, *, now=None, learning_track=None):
    """Sign `user` up: confirmed while there is room, else on the waiting list.

    Returns (registration, created). Signing up twice (a double click, a second tab)
    returns the registration that exists, and sends nothing again.
    """
    answers = answers or Answers()
    now = now or timezone.now()
    # Who signs up and at what price depends on the person, not on the places left: worked
    # out before the lock, so the sign-ups queued behind it do not wait for it.
    fields = person_fields(event, user)
    try:
        with transaction.atomic():
            event = locking.lock_event(event.pk)
            existing = event.registrations.active().filter(user=user).first()
            if existing:
                return existing, False
            reason = event.registration_block(now)
            if reason:
                raise RegistrationError(reason, "closed")
            if answers.workshop is not None and answers.workshop.page_id != event.pk:
                raise RegistrationError(_("Kies een workshop van deze activiteit."), "workshop")
            registration = create(event, user, answers, now, learning_track, fields=fields)
    except IntegrityError:
        # The database constraint caught a second active registration that slipped past
        # the lock (SQLite without IMMEDIATE transactions, say): answer with the first one.
        existing = event.registrations.active().filter(user=user).first()
        if existing is None:
            raise
        return existing, False
    return registration, True


def create(event, user, answers, now, learning_track=None, *, price=None, fields=None):
    """The registration row and its mail, for a caller that holds the meeting's lock.

    `fields`: person_fields worked out before the lock. The mail is queued as a recipe,
    drawn after the commit (events.mail_render), so the lock is not held while it renders.
    """
    confirmed = not event.is_full()
    fields = {**(fields or person_fields(event, user)), "event": event}
    if price is not None:
        fields["price"] = price
    registration = Registration.objects.create(
        **fields,
        status=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITLISTED,
        confirmed_at=now if confirmed else None,
        learning_track=learning_track,
        billing_organisation=answers.billing_organisation,
        billing_reference=answers.billing_reference,
        billing_email=answers.billing_email,
        dietary=answers.dietary,
        accessibility=answers.accessibility,
        workshop=answers.workshop,
        on_attendee_list=answers.on_attendee_list,
    )
    if learning_track is None:
        (mail.confirmation if confirmed else mail.waitlisted)(registration)
    return registration


def cancel(registration, by, *, now=None, reason="", by_system=False):
    """Cancel a registration; a freed place goes to the first person waiting.

    The person themselves may cancel while Registration.cancel_block says so; organisers
    always, and the site itself (`by_system`, when an account is deleted). Cancelling what
    is cancelled already changes nothing.
    """
    now = now or timezone.now()
    organiser = by_system or may_manage_attendees(by)
    with transaction.atomic():
        event = locking.lock_event(registration.event_id)
        registration = locking.lock_registration(registration.pk)
        registration.event = event
        if not organiser and (by is None or registration.user_id != by.pk):
            raise RegistrationError(_("Dit is niet jouw aanmelding."), "forbidden")
        if not registration.is_active:
            return registration
        refusal = "" if organiser else registration.cancel_block(now)
        if refusal:
            raise RegistrationError(refusal, "deadline")
        freed = registration.is_confirmed
        _mark_cancelled(registration, by, now, reason)
        mail.cancelled(registration)
        if freed:
            promote_locked(event, now)
    return registration


def _mark_cancelled(registration, by, now, reason):
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.cancelled_by = by
    registration.cancel_reason = reason
    registration.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason"])
    _carry_track_price(registration)


def _carry_track_price(registration):
    """A leergang is invoiced once, on one of its sessions: when that registration goes,
    the price moves to the person's next active session of the leergang."""
    if not registration.learning_track_id or not registration.price:
        return
    heir = (
        Registration.objects.active()
        .filter(learning_track_id=registration.learning_track_id, user_id=registration.user_id)
        .exclude(pk=registration.pk)
        .order_by("status", "event__start", "pk")  # a confirmed place first
        .first()
    )
    if heir is not None:
        heir.price, registration.price = registration.price, 0
        heir.save(update_fields=["price"])
        registration.save(update_fields=["price"])
