"""Stuur een collega: an invitation to take over a confirmed place.

The colleague may have no account yet, so the place cannot pass at once: the sender keeps it
until the colleague, logged in with the invited address verified, accepts. The link in the
mail is the key (256 random bits); the invitation keeps only its hash, so this table, its
admin and its exports never show a working link. An invitation ends when it is accepted,
declined, withdrawn, replaced by a newer one, or when it expires (a week, or the start of
the meeting if that comes first).
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Long enough to arrange a replacement, short enough that a forgotten link dies.
VALID_FOR = datetime.timedelta(days=7)


def new_token():
    """256 random bits for the link; never stored as such."""
    return secrets.token_urlsafe(32)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationStatus(models.TextChoices):
    OPEN = "open", _("open")
    ACCEPTED = "aangenomen", _("aangenomen")
    DECLINED = "afgeslagen", _("afgeslagen")
    WITHDRAWN = "ingetrokken", _("ingetrokken")
    REPLACED = "vervangen", _("vervangen")


class PlaceInvitationQuerySet(models.QuerySet):
    def open(self, now=None):
        """Invitations a colleague can still accept (as far as the invitation goes: the
        place and the meeting are checked again on accepting)."""
        return self.filter(status=InvitationStatus.OPEN, expires_at__gt=now or timezone.now())


class PlaceInvitation(models.Model):
    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("aanmelding"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mailadres van de collega"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("stand van de uitnodiging"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.OPEN,
    )
    created_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    expires_at = models.DateTimeField(_("geldig tot"))
    decided_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    objects = PlaceInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitnodiging voor een collega")
        verbose_name_plural = _("uitnodigingen voor een collega")
        constraints = [
            # A new invitation replaces the old one: never two open for one place.
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(status="open"),
                name="one_open_invitation_per_place",
            )
        ]

    def __str__(self):
        return f"{self.email} – {self.registration}"

    @staticmethod
    def expiry_for(event, now):
        """A week, or until the meeting begins (when a place can no longer pass on)."""
        return min(now + VALID_FOR, event.start)

    def is_open(self, now=None):
        return self.status == InvitationStatus.OPEN and (now or timezone.now()) < self.expires_at

    def closed_reason(self, now=None):
        """Why this link no longer gives the place, in Dutch; '' while it may."""
        if self.status == InvitationStatus.ACCEPTED:
            return _("Deze uitnodiging is al aangenomen.")
        if self.status == InvitationStatus.DECLINED:
            return _("Deze uitnodiging is afgeslagen.")
        if self.status == InvitationStatus.WITHDRAWN:
            return _("Je collega heeft deze uitnodiging ingetrokken.")
        if self.status == InvitationStatus.REPLACED:
            return _("Deze uitnodiging is vervangen door een nieuwere. Kijk in je mail.")
        if not self.is_open(now):
            return _("Deze uitnodiging is verlopen.")
        # The invitation is open; the place itself may have gone since.
        if not self.registration.is_active:
            return _("Je collega heeft zich inmiddels afgemeld; de plaats is niet meer vrij.")
        meeting = self.registration.event.transfer_block(now)
        if meeting:
            return meeting
        if self.registration.transfer_block(now):
            return _("Deze plaats kan niet meer worden overgenomen.")
        return ""

    def matches(self, address):
        return address.strip().lower() == self.email.strip().lower()
