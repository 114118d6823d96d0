"""Who gets the weekmail: one row per person who ever switched it on.

Off unless someone chose it: no row, or a row switched off, means no weekmail. Switching off
keeps the row (with when), so Mijn Leerhuis and the data download can say since when.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DigestSubscriptionQuerySet(models.QuerySet):
    def receiving(self):
        """Switched on, by an account that still works and has an address."""
        return self.filter(active=True, user__is_active=True).exclude(user__email="")


class DigestSubscription(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="digest_subscription",
    )
    active = models.BooleanField(_("weekmail aan"), default=False)
    changed_at = models.DateTimeField(_("gewijzigd"), default=timezone.now)

    objects = DigestSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement op de weekmail")
        verbose_name_plural = _("abonnementen op de weekmail")

    def __str__(self):
        return f"{self.user} ({_('aan') if self.active else _('uit')})"

    @classmethod
    def is_on(cls, user):
        return cls.objects.filter(user=user, active=True).exists()

    @classmethod
    def switch(cls, user, on):
        """Switch the weekmail on or off for `user`; True when that changed anything."""
        changed = (
            cls.objects.filter(user=user)
            .exclude(active=on)
            .update(active=on, changed_at=timezone.now())
        )
        if changed:
            return True
        if on:
            return cls.objects.get_or_create(user=user, defaults={"active": True})[1]
        return False
