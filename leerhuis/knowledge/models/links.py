"""What an article links to, chosen by the editor: begrippen and meetings.

Child rows with a ForeignKey, not a ManyToMany: Wagtail's reference index records the
ForeignKeys of ParentalKey children (never plain M2M fields), and that index is how a
begrip's page lists the articles that use it without the glossary importing the kennisbank
(see events/models/begrippen.py for the same choice).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from glossary.models import Concept

from .articles import ArticlePage


class ArticleBegrip(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="begrippen")
    concept = models.ForeignKey(
        Concept, verbose_name=_("begrip"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("concept")]

    class Meta(Orderable.Meta):
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")
        unique_together = [("page", "concept")]

    def __str__(self):
        return str(self.concept)


class ArticleMeeting(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_meetings")
    meeting = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("meeting")]

    class Meta(Orderable.Meta):
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        unique_together = [("page", "meeting")]

    def __str__(self):
        return str(self.meeting)
