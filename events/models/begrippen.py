"""The begrippen a meeting or leergang is about, chosen by the editor.

A child row with a ForeignKey to the begrip, not a ManyToMany: Wagtail's reference index
records ForeignKeys of ParentalKey children (never plain M2M fields), and that index is how
a begrip's page finds where it is used without the glossary ever importing events.

Deleting a begrip removes only the link (CASCADE): the meeting stays as it was, and a
draft that still names the deleted begrip simply drops it when loaded (modelcluster skips
children whose ForeignKey points nowhere). Begrippen normally go out of use through the
status 'vervallen' anyway, which keeps their page online.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from glossary.models import Concept

from .pages import EventPage
from .tracks import LearningTrackPage


class BegripLink(Orderable):
    concept = models.ForeignKey(
        Concept, verbose_name=_("begrip"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("concept")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")

    def __str__(self):
        return str(self.concept)


class EventBegrip(BegripLink):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="begrippen")

    class Meta(BegripLink.Meta):
        unique_together = [("page", "concept")]


class TrackBegrip(BegripLink):
    page = ParentalKey(LearningTrackPage, on_delete=models.CASCADE, related_name="begrippen")

    class Meta(BegripLink.Meta):
        unique_together = [("page", "concept")]


def linked_begrippen(page):
    """The published begrippen of a meeting or leergang, in the editor's order, in two
    queries however many there are. Reads the page's own links, so a preview shows the
    links of the draft; a begrip that was never published is left out."""
    order = [link.concept_id for link in page.begrippen.all()]
    if not order:
        return []
    found = (
        Concept.objects.live()
        .filter(pk__in=order)
        .only("pref_label", "slug", "definition", "status")
    )
    by_pk = {concept.pk: concept for concept in found}
    return [by_pk[pk] for pk in order if pk in by_pk]
