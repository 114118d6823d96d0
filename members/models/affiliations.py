from django.conf import settings
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _


class AffiliationStatus(models.TextChoices):
    """Where someone stands in being linked to an organisation."""

    UNVERIFIED = "niet_bevestigd", _("e-mailadres niet bevestigd")
    UNKNOWN_DOMAIN = "onbekend_domein", _("onbekend domein")
    CHOICE_NEEDED = "keuze_nodig", _("kiest nog een organisatie")
    PENDING = "te_bevestigen", _("wacht op bevestiging")
    DOMAIN = "domein", _("gekoppeld via e-maildomein")
    MANUAL = "handmatig", _("handmatig gekoppeld")


class AffiliationQuerySet(models.QuerySet):
    def needing_action_first(self):
        """Work waiting for staff first: a choice to confirm, then people not linked yet."""
        return self.annotate(
            needs_action=Case(
                When(status=AffiliationStatus.PENDING, then=Value(0)),
                When(
                    status__in=[AffiliationStatus.CHOICE_NEEDED, AffiliationStatus.UNKNOWN_DOMAIN],
                    then=Value(1),
                ),
                default=Value(2),
                output_field=IntegerField(),
            )
        )


class Affiliation(models.Model):
    """Which organisation someone works for, as far as the Leerhuis has verified it.

    Only members.affiliations changes it; membership_on() reads it.
    """

    LINKED = (AffiliationStatus.DOMAIN, AffiliationStatus.MANUAL)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="affiliation",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AffiliationStatus.choices,
        default=AffiliationStatus.UNVERIFIED,
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="affiliations",
    )
    email_domain = models.CharField(_("e-maildomein"), max_length=253, blank=True, db_index=True)
    reason = models.TextField(_("reden"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = AffiliationQuerySet.as_manager()

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["-updated_at"]

    def __str__(self):
        target = self.organisation or self.email_domain or "—"
        return f"{self.user}: {target} ({self.get_status_display()})"

    @property
    def is_linked(self):
        return self.status in self.LINKED and self.organisation_id is not None


class AffiliationChange(models.Model):
    """History of a person's affiliation: what changed, why, and who decided."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="affiliation_history",
    )
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=AffiliationStatus.choices)
    organisation = models.ForeignKey(
        "members.Organisation", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept when the organisation is later removed, so the history stays readable.
    organisation_name = models.CharField(max_length=200, blank=True)
    email_domain = models.CharField(max_length=253, blank=True)
    reason = models.TextField(_("reden"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("wijziging koppeling")
        verbose_name_plural = _("wijzigingen koppeling")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%d-%m-%Y %H:%M} {self.get_status_display()} {self.organisation_name}"
