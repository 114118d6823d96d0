"""Stuur een collega: invite a colleague by their work address; the place passes when they
accept, logged in with that address verified. Until then the sender keeps it.

Who counts as a colleague: an address at a domain of the sender's own organisation, as the
members' register matches domains to organisations (members.affiliations, subdomains only
where allowed, merged organisations through their successor). The colleague need not have
an account yet, so the check is on the address; proof that they own it comes with
verifying it before they accept. A domain shared by several organisations (a
werkorganisatie) counts for each of them.

Every verb locks the meeting, then the registration, then the invitation (the order
`register` and `cancel` use), so an accept racing a second accept, a withdrawal or the
sender's cancellation ends in exactly one outcome.
"""

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events import colleague_mail, mail
from events.models import InvitationStatus, PlaceInvitation, Registration, RegistrationStatus
from events.models.invitations import hash_token, new_token
from members.affiliations import organisations_for_domain
from members.membership import membership_on
from members.models.organisations import normalise_domain

from . import audit, locking
from .base import RegistrationError, person_fields
from .registration import _mark_cancelled


def find(token):
    """The invitation behind a link, or None (a mistyped or made-up link)."""
    if not token or len(token) > 100:
        return None
    return (
        PlaceInvitation.objects.select_related("registration__event", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def open_invitation(registration, now=None):
    return registration.invitations.open(now).first()


def owns_address(user, invitation):
    """The account has the invited address, verified (upper or lower case alike)."""
    return EmailAddress.objects.filter(
        user=user, verified=True, email__iexact=invitation.email.strip()
    ).exists()


def address_block(registration, email, by):
    """Why `email` cannot be invited for this place; '' when it can."""
    email = email.strip()
    mine = EmailAddress.objects.filter(user=by, email__iexact=email).exists()
    if mine or email.lower() == (registration.email or "").lower():
        return _("Vul het adres van een collega in, niet je eigen.")
    organisation = membership_on(by, registration.event.price_day()).organisation
    domain = normalise_domain(email.rpartition("@")[2])
    found = [o.pk for o in organisations_for_domain(domain)]
    if organisation is None or organisation.successor().pk not in found:
        return _(
            "Dit is geen adres van %(org)s. Je kunt je plaats alleen aan een collega van je "
            "eigen organisatie geven; gebruik het e-mailadres van het werk."
        ) % {"org": organisation or _("je organisatie")}
    holders = EmailAddress.objects.filter(email__iexact=email).values("user")
    taken = registration.event.registrations.active().filter(
        Q(email__iexact=email) | Q(user__in=holders)
    )
    if taken.exists():
        return _("Je collega is al aangemeld voor deze activiteit.")
    return ""


def _lock(registration_id, invitation_id=None):
    """The meeting, the registration and (if given) the invitation, locked in that order."""
    registration = Registration.objects.only("event_id").get(pk=registration_id)
    event = locking.lock_event(registration.event_id)
    registration = locking.lock_registration(registration_id)
    registration.event = event
    invitation = None
    if invitation_id is not None:
        invitation = PlaceInvitation.objects.select_for_update().get(pk=invitation_id)
        invitation.registration = registration
    return registration, invitation


def invite_colleague(registration, email, by, *, now=None):
    """Invite `email` to take over `by`'s place; returns (invitation, token).

    A newer invitation replaces an open one (its link stops working). The token is in the
    mail and returned once; only its hash is kept.
    """
    now = now or timezone.now()
    email = email.strip()
    with transaction.atomic():
        registration, _none = _lock(registration.pk)
        if by is None or registration.user_id != by.pk:
            raise RegistrationError(_("Dit is niet jouw aanmelding."), "forbidden")
        refusal = registration.transfer_block(now)
        if refusal:
            raise RegistrationError(refusal, "closed")
        refusal = address_block(registration, email, by)
        if refusal:
            raise RegistrationError(refusal, "address")
        for old in registration.invitations.select_for_update().filter(
            status=InvitationStatus.OPEN
        ):
            live = old.is_open(now)  # an expired link needs no word of withdrawal
            _decide(old, InvitationStatus.REPLACED, now)
            if live and not old.matches(email):
                colleague_mail.withdrawn(old)
        token = new_token()
        invitation = PlaceInvitation.objects.create(
            registration=registration,
            email=email,
            token_hash=hash_token(token),
            invited_by=by,
            created_at=now,
            expires_at=PlaceInvitation.expiry_for(registration.event, now),
        )
        colleague_mail.invited(invitation, token)
        audit.record(registration, audit.COLLEAGUE_INVITED, by, invitation=invitation.pk)
    return invitation, token


def withdraw_invitation(registration, by, *, now=None):
    """The sender takes the open invitation back; None when there was none (a second click)."""
    now = now or timezone.now()
    with transaction.atomic():
        registration, _none = _lock(registration.pk)
        if by is None or registration.user_id != by.pk:
            raise RegistrationError(_("Dit is niet jouw aanmelding."), "forbidden")
        invitation = registration.invitations.select_for_update().filter(
            status=InvitationStatus.OPEN
        )
        invitation = invitation.first()
        if invitation is None:
            return None
        _decide(invitation, InvitationStatus.WITHDRAWN, now)
        colleague_mail.withdrawn(invitation)
        audit.record(registration, audit.COLLEAGUE_WITHDRAWN, by, invitation=invitation.pk)
    return invitation


def decline_invitation(invitation, *, now=None):
    """The colleague says no: the sender hears it and keeps the place. Only an open
    invitation can be declined; whoever has the link may do so."""
    now = now or timezone.now()
    with transaction.atomic():
        registration, invitation = _lock(invitation.registration_id, invitation.pk)
        if invitation.status == InvitationStatus.DECLINED:
            return invitation
        refusal = invitation.closed_reason(now)
        if refusal:
            raise RegistrationError(refusal, "closed")
        _decide(invitation, InvitationStatus.DECLINED, now)
        colleague_mail.declined(invitation)
        audit.record(registration, audit.COLLEAGUE_DECLINED, invitation=invitation.pk)
    return invitation


def accept_invitation(invitation, user, *, now=None):
    """The colleague takes the place over; returns their new registration.

    Checked again under the locks: the invitation still open, the place still confirmed
    and passable, the account owning the invited address, no place of their own yet. The
    price is decided for the colleague as at sign-up (their membership on the day of the
    meeting). A second accept of the same invitation by the same person (a double click)
    returns the registration the first one made.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            registration, invitation = _lock(invitation.registration_id, invitation.pk)
            if invitation.status == InvitationStatus.ACCEPTED:
                successor = registration.replaced_by
                if successor is not None and successor.user_id == user.pk:
                    return successor
            refusal = invitation.closed_reason(now)
            if refusal:
                raise RegistrationError(refusal, "closed")
            if not owns_address(user, invitation):
                raise RegistrationError(
                    _("Deze uitnodiging is voor %(email)s. Log in met dat adres.")
                    % {"email": invitation.email},
                    "address",
                )
            if registration.event.registrations.active().filter(user=user).exists():
                raise RegistrationError(_("Je bent al aangemeld voor deze activiteit."), "double")
            successor = _hand_over(registration, user, now)
            _decide(invitation, InvitationStatus.ACCEPTED, now)
    except IntegrityError as error:
        # The one-place-per-person constraint caught a sign-up that slipped past the lock.
        raise RegistrationError(
            _("Je bent al aangemeld voor deze activiteit."), "double"
        ) from error
    return successor


def _decide(invitation, status, now):
    invitation.status = status
    invitation.decided_at = now
    invitation.save(update_fields=["status", "decided_at"])


def _hand_over(registration, colleague, now):
    """The sender's place ends, the colleague's begins; both hear it, the log keeps it."""
    event = registration.event
    sender = registration.user
    _mark_cancelled(
        registration,
        sender,
        now,
        _("overgedragen aan %(name)s") % {"name": colleague.get_full_name() or colleague.email},
    )
    fields = person_fields(event, colleague)
    if fields["price"]:
        # Paid after all (a meeting members pay for too): the invoice goes where the
        # sender's would have gone, the same organisation.
        fields.update(
            billing_organisation=registration.billing_organisation,
            billing_reference=registration.billing_reference,
            billing_email=registration.billing_email,
        )
    # The colleague takes this one meeting, not the leergang it may belong to.
    successor = Registration.objects.create(
        **fields,
        status=RegistrationStatus.CONFIRMED,
        confirmed_at=now,
        workshop=registration.workshop,
    )
    registration.replaced_by = successor
    registration.save(update_fields=["replaced_by"])
    mail.transferred(registration, successor)
    audit.record(successor, audit.HANDED_OVER, colleague, predecessor=registration.pk)
    return successor
