"""Who looked at attendee data, when, and what: the audit log of the registrations admin.

Organisers see names, addresses and answers of people who signed up; each view, export,
print and message is one row (events/admin/audit.py writes them), so the association can
say who saw whose data. Rows keep the user's name and the meeting's title, so they stay
readable after an account or a meeting is gone.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    BEKEKEN = "bekeken", _("bekeken")
    GEEXPORTEERD = "geexporteerd", _("geëxporteerd")
    AFGEDRUKT = "afgedrukt", _("afgedrukt")
    BERICHT = "bericht", _("bericht verstuurd")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_label = models.CharField(_("naam medewerker"), max_length=255)
    action = models.CharField(_("handeling"), max_length=20, choices=AuditAction.choices)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("activiteit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event_title = models.CharField(_("titel activiteit"), max_length=255, blank=True)
    what = models.CharField(_("onderdeel"), max_length=100)
    detail = models.CharField(_("details"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("inzage in deelnemersgegevens")
        verbose_name_plural = _("inzage in deelnemersgegevens")
        ordering = ["-at", "-pk"]
        # Nobody adds, changes or deletes a row by hand; only viewing is a permission.
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.user_label} {self.get_action_display()} {self.what}"
