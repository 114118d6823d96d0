"""Professional development: the study load of a meeting, the accreditation schemes that
award points for it, and what a person records themselves (learning elsewhere, a goal).

What someone attended is not stored here: it is their checked-in registrations
(RegistrationQuerySet.attended), read by events/development/record.py, so the record can
never disagree with the attendance list.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from leerhuis.core.models import document_storage

from .pages import EventPage


class AccreditationScheme(models.Model):
    """A scheme that awards points for learning (IPMA PE-punten, PMI PDU's, a
    municipality's own), managed by editors."""

    name = models.CharField(
        _("naam"), max_length=100, help_text=_("De regeling of het certificaat, bijv. 'IPMA'.")
    )
    unit = models.CharField(
        _("eenheid"), max_length=40, help_text=_("Hoe de punten heten, bijv. 'PE-punten' of 'PDU'.")
    )
    category = models.CharField(
        _("categorie"),
        max_length=100,
        blank=True,
        help_text=_("Optioneel: een onderdeel van de regeling, bijv. 'Leadership' bij PMI."),
    )
    description = models.TextField(
        _("toelichting"), blank=True, max_length=600, help_text=_("Voor wie en hoe het werkt.")
    )
    url = models.URLField(_("website van de regeling"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("category")]),
        FieldPanel("unit"),
        FieldPanel("description"),
        FieldPanel("url"),
    ]

    class Meta:
        verbose_name = _("accreditatieregeling")
        verbose_name_plural = _("accreditatieregelingen")
        ordering = ["name", "category", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "category"],
                name="accreditation_scheme_unique",
                violation_error_message=_("Deze regeling met deze categorie bestaat al."),
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.category}" if self.category else self.name


def points_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("1000"))],
        **kwargs,
    )


def hours_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1000"))],
        **kwargs,
    )


class EventAccreditation(Orderable):
    """Points a meeting earns in one scheme."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="accreditations")
    scheme = models.ForeignKey(
        AccreditationScheme,
        verbose_name=_("regeling"),
        on_delete=models.PROTECT,
        related_name="accreditations",
    )
    points = points_field(_("punten"))
    reference = models.CharField(
        _("kenmerk"),
        max_length=100,
        blank=True,
        help_text=_("Optioneel: het nummer waaronder de regeling de activiteit heeft erkend."),
    )

    panels = [FieldRowPanel([FieldPanel("scheme"), FieldPanel("points")]), FieldPanel("reference")]

    class Meta(Orderable.Meta):
        verbose_name = _("accreditatie")
        verbose_name_plural = _("accreditaties")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "scheme"],
                name="one_accreditation_per_scheme",
                violation_error_message=_("Deze regeling staat er al bij."),
            )
        ]


def proof_path(instance, filename):
    # A random folder per upload: the name of a proof never tells whose it is, and two
    # uploads of "certificaat.pdf" never meet.
    return f"ontwikkeling/bewijs/{secrets.token_hex(16)}/{filename}"


class ExternalLearning(models.Model):
    """Learning elsewhere that someone records themselves (a course, a conference)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_learning"
    )
    title = models.CharField(_("titel"), max_length=200)
    organiser = models.CharField(_("organisator"), max_length=200)
    date = models.DateField(_("datum"))
    hours = hours_field(_("studie-uren"))
    scheme = models.ForeignKey(
        AccreditationScheme,
        verbose_name=_("regeling"),
        null=True,
        blank=True,
        # A person's points are in this scheme: it stays while anyone's record names it.
        on_delete=models.PROTECT,
        related_name="+",
    )
    points = points_field(_("punten"), null=True, blank=True)
    proof = models.FileField(
        _("bewijsstuk"),
        storage=document_storage,
        upload_to=proof_path,
        max_length=300,
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("leeractiviteit elders")
        verbose_name_plural = _("leeractiviteiten elders")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["user", "date"])]

    def __str__(self):
        return self.title


class DevelopmentGoal(models.Model):
    """What someone means to reach in a year: hours, and optionally points in one scheme."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development_goals"
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    hours = hours_field(_("studie-uren"), null=True, blank=True)
    scheme = models.ForeignKey(
        AccreditationScheme,
        verbose_name=_("regeling"),
        null=True,
        blank=True,
        # A person's points are in this scheme: it stays while anyone's record names it.
        on_delete=models.PROTECT,
        related_name="+",
    )
    points = points_field(_("punten"), null=True, blank=True)

    class Meta:
        verbose_name = _("ontwikkeldoel")
        verbose_name_plural = _("ontwikkeldoelen")
        constraints = [models.UniqueConstraint(fields=["user", "year"], name="one_goal_per_year")]

    def __str__(self):
        return f"{self.year}"
