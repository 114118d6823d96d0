"""De activiteitenkalender: the one page under which meetings and leergangen live."""

from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from leerhuis.core.listing import without_empty
from leerhuis.core.models import BasePage


class EventIndexPage(RoutablePageMixin, BasePage):
    """De activiteitenkalender (/activiteiten/): upcoming meetings, month view, archive."""

    intro = models.TextField(_("inleiding"), blank=True, max_length=600)
    per_page = models.PositiveSmallIntegerField(
        _("activiteiten per pagina"), default=12, validators=[MinValueValidator(1)]
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["events.EventPage", "events.LearningTrackPage"]
    parent_page_types = ["core.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("activiteitenkalender")

    @path("")
    def index_route(self, request, *args, **kwargs):
        # ?thema=&type=webinar is ?type=webinar: one view, one URL (also without the script).
        clean = without_empty(request)
        if clean is not None:
            return redirect(clean)
        if "weergave" in request.GET:
            return redirect(self._calendar(request).view_url(request.GET["weergave"]))
        return super().index_route(request, *args, **kwargs)

    def _calendar(self, request):
        from events.calendar import Calendar  # here: events.calendar imports these models

        return Calendar(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calendar"] = self._calendar(request)
        return context
