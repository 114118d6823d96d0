"""Messages that organisers send to everyone confirmed for a meeting."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AttendeeMessage(models.Model):
    """One message to the confirmed attendees of a meeting: who sent it, to how many, when.

    The mails themselves are rows in the outbox, keyed by this message and each
    registration. `token` comes from the preview form, so submitting that form twice finds
    this row again instead of sending a second time.
    """

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="attendee_messages",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afzender"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("bericht"), max_length=5000)
    recipient_count = models.PositiveIntegerField(_("aantal ontvangers"), default=0)
    sent_at = models.DateTimeField(_("verstuurd op"), default=timezone.now, db_index=True)
    token = models.UUIDField(unique=True, editable=False)

    class Meta:
        verbose_name = _("bericht aan deelnemers")
        verbose_name_plural = _("berichten aan deelnemers")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject
