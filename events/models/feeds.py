"""The secret address of someone's personal calendar feed (/mijn-leerhuis/agenda/<token>.ics)."""

import hmac
import re
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

SELECTOR_LENGTH = 16  # hex: 64 bits, only to find the row
VERIFIER_BYTES = 24  # 192 bits of secret, well above the 128 asked of a bearer token
# What issue() writes: 16 hex digits, then token_urlsafe(24), 32 characters of base64url.
TOKEN = re.compile(r"[0-9a-f]{16}[A-Za-z0-9_-]{32}", re.ASCII)


class PersonalFeed(models.Model):
    """One per person at most; rotating replaces both halves, so the old address is gone.

    The token in the address is `selector + verifier`. The row is found by the selector
    alone and the verifier is compared in constant time, so the lookup's timing says
    nothing about the secret. The verifier is kept as is (not hashed) so Mijn Leerhuis can
    show the address again: whoever can read it here can read the registrations anyway.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="personal_feed",
    )
    selector = models.CharField(max_length=SELECTOR_LENGTH, unique=True, editable=False)
    verifier = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now=True)

    class Meta:
        verbose_name = _("persoonlijke agenda-link")
        verbose_name_plural = _("persoonlijke agenda-links")

    def __str__(self):
        return str(_("agenda-link van %(user)s") % {"user": self.user})

    @property
    def token(self):
        return f"{self.selector}{self.verifier}"

    @classmethod
    def issue(cls, user):
        """A new address for `user`, replacing any earlier one."""
        with transaction.atomic():
            feed, _created = cls.objects.update_or_create(
                user=user,
                defaults={
                    "selector": secrets.token_hex(SELECTOR_LENGTH // 2),
                    "verifier": secrets.token_urlsafe(VERIFIER_BYTES),
                },
            )
        return feed

    @classmethod
    def find(cls, token):
        """The feed for `token`, or None; the secret half is compared in constant time."""
        if not TOKEN.fullmatch(token):
            return None  # also keeps NUL and other odd input away from the database
        selector, verifier = token[:SELECTOR_LENGTH], token[SELECTOR_LENGTH:]
        # An account that was switched off gets nothing, like its login.
        feed = cls.objects.filter(selector=selector, user__is_active=True).first()
        if feed is None or not hmac.compare_digest(feed.verifier.encode(), verifier.encode()):
            return None
        return feed
