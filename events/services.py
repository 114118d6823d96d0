"""The verbs of signing up: register, cancel, promote, transfer, book a leergang, check in.

Each runs in one transaction that first locks the meeting row (select_for_update), then
counts: two people racing for the last place queue on that lock, and the second one sees
the first one's registration. SQLite has no row locks; its IMMEDIATE transactions queue
writers for the whole database instead (settings.SQLITE_OPTIONS).
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events import mail
from events.models import EventPage, EventStatus, Registration, RegistrationStatus

# Within this time before the start, nobody is promoted automatically: someone who gets a
# place at the last minute may not read the mail in time, so the organiser decides.
PROMOTION_CUTOFF = datetime.timedelta(hours=24)

# Tests switch the lock off to show that the race is real without it.
LOCK_EVENT = True


class RegistrationError(Exception):
    """A sign-up or cancellation that cannot go ahead; the message is Dutch, for the user."""

    def __init__(self, message, code="invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Answers:
    dietary: str = ""
    accessibility: str = ""
    workshop: object = None  # a Workshop of this meeting, or None
    on_attendee_list: bool = False
    billing_organisation: str = ""
    billing_reference: str = ""
    billing_email: str = ""


def _locked(event):
    """The meeting, re-read under a row lock held until the transaction ends."""
    return _locked_pk(event.pk)


def _locked_pk(pk):
    queryset = EventPage.objects.all()
    if LOCK_EVENT:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.get(pk=pk)


def _may_manage(user):
    return user is not None and user.has_perm("events.manage_attendees")


def person_fields(event, user):
    """Who signs up and what they pay, as the registration keeps it: the price and its
    basis are decided by membership on the day of the meeting and never change after."""
    amount, status = event.price_for(user)
    organisation = status.organisation
    return {
        "event": event,
        "user": user,
        "name": user.get_full_name() or user.email,
        "email": user.email,
        "organisation": organisation,
        "organisation_name": organisation.name if organisation else "",
        "price": amount,
        "is_member": status.is_member,
        "membership_basis": status.message,
    }


def register(event, user, answers=None, *, now=None, learning_track=None):
    """Sign `user` up: confirmed while there is room, else on the waiting list.

    Returns (registration, created). Signing up twice (a double click, a second tab)
    returns the registration that exists, and sends nothing again.
    """
    answers = answers or Answers()
    now = now or timezone.now()
    try:
        with transaction.atomic():
            event = _locked(event)
            existing = event.registrations.active().filter(user=user).first()
            if existing:
                return existing, False
            reason = event.registration_block(now)
            if reason:
                raise RegistrationError(reason, "closed")
            if answers.workshop is not None and answers.workshop.page_id != event.pk:
                raise RegistrationError(_("Kies een workshop van deze activiteit."), "workshop")
            registration = _create(event, user, answers, now, learning_track)
    except IntegrityError:
        # The database constraint caught a second active registration that slipped past
        # the lock (SQLite without IMMEDIATE transactions, say): answer with the first one.
        existing = event.registrations.active().filter(user=user).first()
        if existing is None:
            raise
        return existing, False
    return registration, True


def _create(event, user, answers, now, learning_track=None, *, price=None):
    confirmed = not event.is_full()
    fields = person_fields(event, user)
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

    The person themselves may cancel until the meeting's deadline; organisers always, and
    the site itself (`by_system`, when an account is deleted). Cancelling what is
    cancelled already changes nothing.
    """
    now = now or timezone.now()
    organiser = by_system or _may_manage(by)
    with transaction.atomic():
        event = _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not organiser and (by is None or registration.user_id != by.pk):
            raise RegistrationError(_("Dit is niet jouw aanmelding."), "forbidden")
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        if not organiser and not event.can_cancel(now):
            raise RegistrationError(
                _(
                    "Afmelden via de site kan niet meer. Neem contact op met de organisatie, "
                    "of stuur een collega in je plaats."
                ),
                "deadline",
            )
        freed = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.cancelled_by = by
        registration.cancel_reason = reason
        registration.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason"])
        _carry_track_price(registration)
        mail.cancelled(registration)
        if freed:
            _promote_waiting(event, now)
    return registration


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


def promote_waitlist(event, *, now=None):
    """Fill free places from the waiting list, first come first served.

    Called after a cancellation and when an organiser raises the capacity. Within 24 hours
    of the start the organiser is told instead. Returns the promoted registrations.
    """
    now = now or timezone.now()
    with transaction.atomic():
        return _promote_waiting(_locked(event), now)


def _promote_waiting(event, now):
    """The body of promote_waitlist, for callers that hold the lock already."""
    if event.is_cancelled or event.start <= now:
        return []
    waiting = event.registrations.waiting_order()
    if event.capacity is not None:
        free = event.capacity - event.registrations.confirmed().count()
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
        _confirm(registration, now)
    return waiting


def _confirm(registration, now):
    registration.status = RegistrationStatus.CONFIRMED
    registration.confirmed_at = now
    registration.save(update_fields=["status", "confirmed_at"])
    mail.promoted(registration)


def promote(registration, by, *, now=None):
    """An organiser gives one person on the waiting list a free place (also within 24 h)."""
    now = now or timezone.now()
    if not _may_manage(by):
        raise RegistrationError(
            _("Alleen de organisatie kan iemand een plaats geven."), "forbidden"
        )
    with transaction.atomic():
        event = _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.WAITLISTED:
            raise RegistrationError(_("Deze persoon staat niet op de wachtlijst."), "state")
        if not event.has_room():
            raise RegistrationError(
                _("Er is geen plaats vrij. Verhoog eerst het aantal plaatsen."), "full"
            )
        _confirm(registration, now)
    return registration


def transfer(registration, colleague, by, *, now=None):
    """Stuur een collega: a colleague of the same organisation takes over the place.

    The place (or the spot on the waiting list) passes on unchanged; the colleague pays
    what their own membership decides.
    """
    from members.membership import membership_on

    now = now or timezone.now()
    with transaction.atomic():
        event = _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if by is None or registration.user_id != by.pk:
            raise RegistrationError(_("Dit is niet jouw aanmelding."), "forbidden")
        if not registration.is_active:
            raise RegistrationError(_("Deze aanmelding is al afgemeld."), "state")
        if event.is_cancelled or event.start <= now:
            raise RegistrationError(
                _("Deze activiteit is al begonnen of gaat niet door."), "closed"
            )
        if colleague.pk == by.pk:
            raise RegistrationError(_("Vul het adres van een collega in, niet je eigen."), "self")
        mine = membership_on(by).organisation
        theirs = membership_on(colleague).organisation
        if mine is None or theirs is None or mine.pk != theirs.pk:
            raise RegistrationError(
                _("Je kunt je plaats alleen overdragen aan een collega van %(org)s.")
                % {"org": mine or _("je eigen organisatie")},
                "organisation",
            )
        if event.registrations.active().filter(user=colleague).exists():
            raise RegistrationError(_("Je collega is al aangemeld voor deze activiteit."), "double")
        previous = registration.status
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.cancelled_by = by
        registration.cancel_reason = _("overgedragen aan %(name)s") % {
            "name": colleague.get_full_name() or colleague.email
        }
        registration.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason"])
        _carry_track_price(registration)
        # The colleague takes this one meeting, not the leergang it may belong to.
        successor = Registration.objects.create(
            **person_fields(event, colleague),
            status=previous,
            confirmed_at=now if previous == RegistrationStatus.CONFIRMED else None,
            billing_organisation=registration.billing_organisation,
            billing_reference=registration.billing_reference,
            billing_email=registration.billing_email,
            workshop=registration.workshop,
        )
        # Keeps the place in the queue: the waiting list is ordered by created_at.
        Registration.objects.filter(pk=successor.pk).update(created_at=registration.created_at)
        successor.created_at = registration.created_at
        registration.replaced_by = successor
        registration.save(update_fields=["replaced_by"])
        mail.transferred(registration, successor)
    return successor


def book_track(track, user, answers=None, *, now=None):
    """Book a leergang: a registration for every session still to come, in one transaction.

    Sessions lock in a fixed order, so two bookings never deadlock. A session without room
    puts the person on that session's waiting list. Returns the new registrations.
    """
    from members.access import visible_to

    answers = answers or Answers()
    now = now or timezone.now()
    with transaction.atomic():
        # Only sessions this person may see, and none that are called off.
        bookable = visible_to(user, track.session_pages()).filter(start__gt=now)
        bookable = bookable.exclude(status=EventStatus.GEANNULEERD)
        ids = list(bookable.values_list("pk", flat=True).order_by("pk"))
        sessions = [_locked_pk(pk) for pk in ids]
        if not sessions:
            raise RegistrationError(
                _("Deze leergang heeft geen sessies meer om te boeken."), "closed"
            )
        if all(event.registrations.active().filter(user=user).exists() for event in sessions):
            raise RegistrationError(_("Je bent al aangemeld voor deze leergang."), "double")
        blocked = [(event, event.registration_block(now)) for event in sessions]
        blocked = [(event, reason) for event, reason in blocked if reason]
        if blocked:
            event, reason = blocked[0]
            raise RegistrationError(f"{event.title}: {reason}", "closed")
        amount, _status = track.price_for(user)
        created = []
        for event in sorted(sessions, key=lambda e: (e.start, e.pk)):
            if event.registrations.active().filter(user=user).exists():
                continue
            session_answers = Answers(**{**answers.__dict__, "workshop": None})
            created.append(
                _create(event, user, session_answers, now, learning_track=track, price=0)
            )
        if created and amount:
            # The leergang is invoiced once: on the first session with a place.
            priced = next((r for r in created if r.is_confirmed), created[0])
            priced.price = amount
            priced.save(update_fields=["price"])
        mail.track_booked(track, user, created)
    return created


def attended_sessions(track, user):
    """The sessions of a leergang someone was checked in at, with a place of their own."""
    return Registration.objects.filter(
        event__learning_track=track,
        user=user,
        status=RegistrationStatus.CONFIRMED,
        checked_in_at__isnull=False,
    ).select_related("event")


def track_progress(track, user):
    """(attended, needed, completed) for one person in a leergang."""
    attended = attended_sessions(track, user).count()
    return attended, track.min_attendance, attended >= track.min_attendance


def check_in(registration, by, *, present=True, now=None):
    """Mark someone present (or undo it). Only confirmed registrations can be present."""
    if not _may_manage(by):
        raise RegistrationError(_("Alleen de organisatie registreert aanwezigheid."), "forbidden")
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if present and registration.status != RegistrationStatus.CONFIRMED:
            raise RegistrationError(_("Alleen bevestigde aanmeldingen kunnen aanwezig zijn."))
        registration.checked_in_at = (now or timezone.now()) if present else None
        registration.save(update_fields=["checked_in_at"])
    return registration
