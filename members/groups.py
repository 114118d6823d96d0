"""The verbs of groups: who gets in, who leaves, who manages.

Each verb has the shape of events' register(): in one transaction it locks the group's row
(select_for_update), decides, and writes; a double click or a second tab finds what the
first one wrote and changes nothing; a refusal is a GroepError with a Dutch message and a
code. The database constraints (one row per person per group, one open invitation per
address) are the last guard, caught and answered with the row that won.

members/ knows nothing of mail or content: a verb returns what happened, and the
community's view layer (leerhuis.community.group_mail) queues the mails in the same
transaction.
"""

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Groep, Groepslid, GroepUitnodiging, Toegang

MOTIVATION_MAX = 1000

left_group = Signal()
"""Sent with groep and user (and `by`: who did it) after someone left or was removed; the
floors above withdraw what was for the group's members (events: places at the group's
meetings).

Sent inside the verb's transaction, after the row went: what the receivers withdraw (and
the mail they queue in the outbox) commits or rolls back together with the leaving, so a
person is never out of the group while still holding its places. Only for a member: a
request withdrawn or refused held nothing of the group's.
"""


class GroepError(Exception):
    """A verb that cannot go ahead; `message` is Dutch, for the person, `code` says why
    (forbidden, closed, last_manager, wrong_address, used, too_long, …)."""

    def __init__(self, message, code="invalid"):
        super().__init__(message)
        self.message = str(message)
        self.code = code


def _logged_in(user):
    return user is not None and user.is_authenticated


def may_manage(user, groep) -> bool:
    """Accept, refuse, invite, remove and appoint: the group's managers, and staff."""
    if not _logged_in(user):
        return False
    return user.is_staff or groep.has_manager(user)


def _lock(groep):
    return Groep.objects.select_for_update().get(pk=groep.pk)


def _require_manager(user, groep):
    if not may_manage(user, groep):
        raise GroepError(_("Alleen de beheerders van deze groep kunnen dit doen."), "forbidden")


def _require_login(user):
    if not _logged_in(user):
        raise GroepError(_("Log in om mee te doen met een groep."), "login")


def _activate(lid, now, role=None):
    lid.status = Groepslid.Status.ACTIEF
    lid.joined_at = lid.joined_at or now
    if role:
        lid.role = role
    lid.save(update_fields=["status", "joined_at", "role"])
    return lid


def _row_of(groep, user):
    """The person's row in the group (member or asked), read under the group's lock."""
    return groep.leden.filter(user=user).first()


def _settled(groep, user):
    """After an IntegrityError: the row a parallel request wrote."""
    found = Groepslid.objects.filter(groep=groep, user=user).first()
    if found is None:
        raise GroepError(_("Dat lukte niet. Probeer het nog eens."), "conflict")
    return found


def join(groep, user, *, now=None):
    """Join an open group at once. Returns (lid, created)."""
    _require_login(user)
    now = now or timezone.now()
    try:
        with transaction.atomic():
            groep = _lock(groep)
            existing = _row_of(groep, user)
            if existing is not None and existing.is_active:
                return existing, False
            if groep.toegang != Toegang.OPEN:
                raise GroepError(
                    _("Bij deze groep kun je niet zelf aansluiten: %(way)s.")
                    % {"way": groep.get_toegang_display()},
                    "closed",
                )
            if existing is not None:  # asked before the group opened its doors
                return _activate(existing, now), True
            lid = Groepslid.objects.create(
                groep=groep, user=user, status=Groepslid.Status.ACTIEF, joined_at=now
            )
    except IntegrityError:
        return _settled(groep, user), False
    return lid, True


def request_to_join(groep, user, motivation=""):
    """Ask the managers of an on-request group to let you in. Returns (lid, created);
    asking again (or being a member already) changes nothing."""
    _require_login(user)
    motivation = (motivation or "").strip()
    if len(motivation) > MOTIVATION_MAX:
        raise GroepError(
            _("Je toelichting is te lang: hooguit %(max)d tekens.") % {"max": MOTIVATION_MAX},
            "too_long",
        )
    try:
        with transaction.atomic():
            groep = _lock(groep)
            existing = _row_of(groep, user)
            if existing is not None:
                return existing, False
            if groep.toegang != Toegang.OP_VERZOEK:
                raise GroepError(
                    _("Bij deze groep kun je geen verzoek indienen: %(way)s.")
                    % {"way": groep.get_toegang_display()},
                    "closed",
                )
            lid = Groepslid.objects.create(
                groep=groep, user=user, status=Groepslid.Status.AANGEVRAAGD, motivation=motivation
            )
    except IntegrityError:
        return _settled(groep, user), False
    return lid, True


def _locked_lid(lid):
    groep = _lock(lid.groep)
    found = Groepslid.objects.select_related("user").filter(pk=lid.pk).first()
    if found is not None:
        found.groep = groep
    return groep, found


def accept(lid, by, *, now=None):
    """Let someone who asked in. Returns (lid, changed); accepting twice changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        groep, found = _locked_lid(lid)
        _require_manager(by, groep)
        if found is None:
            raise GroepError(_("Dit verzoek is er niet meer."), "gone")
        if found.is_active:
            return found, False
        return _activate(found, now), True


def refuse(lid, by):
    """Say no to a request: the row goes. Returns (lid, changed); the returned lid keeps
    its person and group so the answer can be mailed."""
    with transaction.atomic():
        groep, found = _locked_lid(lid)
        _require_manager(by, groep)
        if found is None:
            return lid, False
        if found.is_active:
            raise GroepError(_("Dit is al een lid van de groep; verwijder het lid."), "active")
        found.delete()
        return found, True


def _normalise(email):
    return (email or "").strip().lower()


def invite(groep, email, by):
    """Invite an address by mail (any way in: hidden and invitation-only groups need it).
    Returns (invitation, created); one open invitation per address."""
    from allauth.account.models import EmailAddress

    email = _normalise(email)
    try:
        with transaction.atomic():
            groep = _lock(groep)
            _require_manager(by, groep)
            members = groep.leden.active().values("user")
            if EmailAddress.objects.filter(
                email__iexact=email, verified=True, user__in=members
            ).exists():
                raise GroepError(
                    _("%(email)s is al lid van deze groep.") % {"email": email}, "member"
                )
            existing = groep.uitnodigingen.filter(email=email, accepted_at__isnull=True).first()
            if existing is not None and not existing.is_expired():
                return existing, False
            if existing is not None:
                existing.delete()  # expired: a new invitation, with a new link and mail
            invitation = GroepUitnodiging.objects.create(groep=groep, email=email, invited_by=by)
    except IntegrityError:
        return groep.uitnodigingen.get(email=email, accepted_at__isnull=True), False
    return invitation, True


def withdraw_invitation(invitation, by):
    """A manager takes back an invitation that is still open (a wrong address, say).
    Returns whether there was one to take back."""
    with transaction.atomic():
        groep = _lock(invitation.groep)
        _require_manager(by, groep)
        deleted, _rows = groep.uitnodigingen.filter(
            pk=invitation.pk, accepted_at__isnull=True
        ).delete()
    return deleted > 0


def accept_invitation(invitation, user, *, now=None):
    """Accept after logging in, with one of your own verified addresses. Returns
    (lid, changed)."""
    from allauth.account.models import EmailAddress

    _require_login(user)
    now = now or timezone.now()
    try:
        with transaction.atomic():
            groep = _lock(invitation.groep)
            invitation = GroepUitnodiging.objects.select_for_update().get(pk=invitation.pk)
            existing = _row_of(groep, user)
            if invitation.accepted_at is not None:
                if invitation.accepted_by_id == user.pk and existing is not None:
                    return existing, False
                raise GroepError(_("Deze uitnodiging is al gebruikt."), "used")
            if invitation.is_expired(now):
                raise GroepError(
                    _(
                        "Deze uitnodiging is verlopen. Vraag een beheerder van de groep om een "
                        "nieuwe."
                    ),
                    "expired",
                )
            if not EmailAddress.objects.filter(
                user=user, email__iexact=invitation.email, verified=True
            ).exists():
                raise GroepError(
                    _(
                        "Deze uitnodiging is voor %(email)s, en dat is geen bevestigd adres van "
                        "jouw account. Log in met dat adres, of voeg het toe bij je "
                        "e-mailadressen en bevestig het."
                    )
                    % {"email": invitation.email},
                    "wrong_address",
                )
            invitation.accepted_at = now
            invitation.accepted_by = user
            invitation.save(update_fields=["accepted_at", "accepted_by"])
            if existing is not None and existing.is_active:
                return existing, False
            if existing is not None:
                return _activate(existing, now), True
            lid = Groepslid.objects.create(
                groep=groep, user=user, status=Groepslid.Status.ACTIEF, joined_at=now
            )
    except IntegrityError:
        return _settled(invitation.groep, user), False
    return lid, True


def _last_manager_with_others(groep, lid):
    if not lid.is_manager:
        return False
    others = groep.leden.active().exclude(pk=lid.pk)
    return others.exists() and not others.filter(role=Groepslid.Rol.BEHEERDER).exists()


def _delete(lid, groep, user, by):
    """The row goes; a member's leaving is announced (left_group) in the same transaction."""
    was_member = lid.is_active
    lid.delete()
    if was_member:
        left_group.send(sender=Groep, groep=groep, user=user, by=by)


LAST_MANAGER = _(
    "Je bent de laatste beheerder van deze groep. Maak eerst een ander lid beheerder; "
    "daarna kun je de groep verlaten."
)


def leave(groep, user):
    """Leave (or withdraw a request) whenever you want, except as the last manager while
    others remain. Returns the row that went, or None when there was none."""
    _require_login(user)
    with transaction.atomic():
        groep = _lock(groep)
        lid = _row_of(groep, user)
        if lid is None:
            return None
        if _last_manager_with_others(groep, lid):
            raise GroepError(LAST_MANAGER, "last_manager")
        _delete(lid, groep, user, by=user)
        return lid


def remove(lid, by):
    """A manager takes someone out of the group. Returns (lid, changed)."""
    with transaction.atomic():
        groep, found = _locked_lid(lid)
        _require_manager(by, groep)
        if found is None:
            return lid, False
        if found.user_id == by.pk:
            raise GroepError(_("Wil je zelf weg? Kies dan 'Groep verlaten'."), "self")
        if _last_manager_with_others(groep, found):
            raise GroepError(
                _("Dit is de laatste beheerder; maak eerst een ander lid beheerder."),
                "last_manager",
            )
        _delete(found, groep, found.user, by=by)
        return found, True


def make_manager(lid, by):
    """Make a member a manager too. Returns (lid, changed)."""
    with transaction.atomic():
        groep, found = _locked_lid(lid)
        _require_manager(by, groep)
        if found is None or not found.is_active:
            raise GroepError(_("Alleen een lid van de groep kan beheerder worden."), "not_member")
        if found.role == Groepslid.Rol.BEHEERDER:
            return found, False
        found.role = Groepslid.Rol.BEHEERDER
        found.save(update_fields=["role"])
        return found, True
