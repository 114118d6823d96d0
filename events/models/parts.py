"""The parts of a meeting page edited inline: programme, speakers, workshops."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .pages import EventPage


class ProgrammeSlot(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="programme")
    starts_at = models.TimeField(_("tijd"))
    ends_at = models.TimeField(_("tot"), null=True, blank=True)
    title = models.CharField(_("onderdeel"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True, max_length=1000)
    is_break = models.BooleanField(
        _("pauze"),
        default=False,
        help_text=_("Lunch of pauze: telt niet mee als studietijd."),
    )
    speaker = models.ForeignKey(
        "members.Person",
        verbose_name=_("spreker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("speaker"),
        FieldPanel("is_break"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programmaonderdeel")


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "members.Person", verbose_name=_("persoon"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("rol bij deze activiteit"),
        max_length=200,
        blank=True,
        help_text=_("Leeg: de functie van de persoon. Bijv. 'dagvoorzitter'."),
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("spreker")

    @property
    def role_display(self):
        return self.role or self.person.role


class Workshop(Orderable):
    """A workshop to choose at sign-up, when a meeting offers several in parallel."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="workshops")
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True, max_length=1000)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("workshop")

    def __str__(self):
        return self.title
