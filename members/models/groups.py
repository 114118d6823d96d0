"""Groups (werkgroepen, intervisiegroepen): who belongs and how one gets in.

A group is a membership concept: this module knows its members, managers and the way in,
nothing of what the group holds. Its conversations, documents and meetings are content of
the floors above, made visible to the group through the one access policy
(members/access.py, `Visibility.GROUP`).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Toegang(models.TextChoices):
    OPEN = "open", _("open: iedereen kan meedoen")
    OP_VERZOEK = "op_verzoek", _("op verzoek: een beheerder laat toe")
    UITNODIGING = "uitnodiging", _("alleen op uitnodiging")
    VERBORGEN = "verborgen", _("verborgen: niet zichtbaar voor anderen")


class GroepQuerySet(models.QuerySet):
    def listed_for(self, user):
        """The groups someone sees in the list: every group but hidden ones, and the
        hidden ones they belong to. Staff see all."""
        if user is not None and user.is_authenticated and user.is_staff:
            return self
        if user is None or not user.is_authenticated:
            own = Q(pk__in=[])
        else:
            own = Q(pk__in=Groepslid.objects.active().filter(user=user).values("groep"))
        return self.filter(~Q(toegang=Toegang.VERBORGEN) | own)


class Groep(models.Model):
    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("adres"), max_length=80, unique=True)
    description = models.TextField(
        _("beschrijving"), help_text=_("Waar de groep over gaat en voor wie ze is.")
    )
    toegang = models.CharField(
        _("toegang"), max_length=20, choices=Toegang.choices, default=Toegang.OP_VERZOEK
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    objects = GroepQuerySet.as_manager()

    class Meta:
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("groep", kwargs={"slug": self.slug})

    @property
    def is_hidden(self):
        return self.toegang == Toegang.VERBORGEN

    def membership_of(self, user):
        """The user's row in this group (active, requested) or None."""
        if user is None or not user.is_authenticated:
            return None
        return self.leden.filter(user=user).first()

    def has_member(self, user) -> bool:
        if user is None or not user.is_authenticated:
            return False
        return self.leden.active().filter(user=user).exists()

    def has_manager(self, user) -> bool:
        if user is None or not user.is_authenticated:
            return False
        return self.leden.active().filter(user=user, role=Groepslid.Rol.BEHEERDER).exists()


class GroepslidQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Groepslid.Status.ACTIEF)

    def requested(self):
        return self.filter(status=Groepslid.Status.AANGEVRAAGD)

    def managers(self):
        return self.active().filter(role=Groepslid.Rol.BEHEERDER)


class Groepslid(models.Model):
    """One person in one group: a member or manager, or someone who asked to join."""

    class Rol(models.TextChoices):
        LID = "lid", _("lid")
        BEHEERDER = "beheerder", _("beheerder")

    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", _("aangevraagd")
        ACTIEF = "actief", _("lid")

    groep = models.ForeignKey(
        Groep, verbose_name=_("groep"), on_delete=models.CASCADE, related_name="leden"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="groepslidmaatschappen",
    )
    role = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.LID)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIEF
    )
    motivation = models.TextField(
        _("toelichting"), blank=True, help_text=_("Waarom iemand wil meedoen (bij een verzoek).")
    )
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    joined_at = models.DateTimeField(_("lid sinds"), null=True, blank=True)

    objects = GroepslidQuerySet.as_manager()

    class Meta:
        verbose_name = _("groepslid")
        verbose_name_plural = _("groepsleden")
        ordering = ["groep", "user__full_name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["groep", "user"], name="groepslid_eenmaal_per_groep")
        ]

    def __str__(self):
        return f"{self.user} in {self.groep}"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIEF

    @property
    def is_manager(self):
        return self.is_active and self.role == self.Rol.BEHEERDER


def new_invitation_token():
    return secrets.token_urlsafe(24)


class GroepUitnodiging(models.Model):
    """An invitation by mail to an address; whoever logs in with that address accepts it,
    within VALID_FOR (a mail that lies around for months should not open a closed group)."""

    VALID_FOR = timedelta(days=30)

    groep = models.ForeignKey(
        Groep, verbose_name=_("groep"), on_delete=models.CASCADE, related_name="uitnodigingen"
    )
    email = models.EmailField(_("e-mailadres"))
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("aangenomen op"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangenomen door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("uitnodiging voor een groep")
        verbose_name_plural = _("uitnodigingen voor groepen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["groep", "email"],
                condition=Q(accepted_at__isnull=True),
                name="groepuitnodiging_een_open_per_adres",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.groep}"

    def expires_at(self):
        return self.created_at + self.VALID_FOR

    def is_expired(self, now=None):
        return (now or timezone.now()) >= self.expires_at()
