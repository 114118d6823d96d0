"""Reports (meldingen): anyone logged in can report a post with a reason; a moderator
settles it by hiding the post (with a reason the author is told) or by leaving it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    class Reason(models.TextChoices):
        ONGEPAST = "ongepast", _("ongepast of beledigend")
        PERSOONSGEGEVENS = "persoonsgegevens", _("bevat persoonsgegevens")
        RECLAME = "reclame", _("reclame of spam")
        ONJUIST = "onjuist", _("onjuist of misleidend")
        ANDERS = "anders", _("iets anders")

    class Outcome(models.TextChoices):
        VERBORGEN = "verborgen", _("bijdrage verborgen")
        AFGEWEZEN = "afgewezen", _("geen reden om in te grijpen")

    post = models.ForeignKey(
        "community.Post",
        verbose_name=_("bijdrage"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("reden"), max_length=20, choices=Reason.choices)
    explanation = models.TextField(_("toelichting"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(resolved_at__isnull=True),
                name="melding_eenmaal_open_per_persoon",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post}"
