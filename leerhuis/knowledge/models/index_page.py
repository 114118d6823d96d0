"""De kennisbank (/kennisbank/): the one page under which articles live, and their list."""

from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from leerhuis.core.listing import without_empty
from leerhuis.core.models import BasePage

from .quiz import QuizPage


class KnowledgeIndexPage(BasePage):
    """De kennisbank: articles, news, methods, videos and reports, newest first."""

    intro = models.TextField(_("inleiding"), blank=True, max_length=600)
    per_page = models.PositiveSmallIntegerField(
        _("artikelen per pagina"), default=12, validators=[MinValueValidator(1)]
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["knowledge.ArticlePage", "knowledge.CasePage", "knowledge.QuizPage"]
    parent_page_types = ["core.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("kennisbank")

    def serve(self, request, *args, **kwargs):
        # ?type=&thema=methode is ?thema=methode: one view, one URL (also without the script).
        clean = without_empty(request)
        if clean is not None:
            return redirect(clean)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from leerhuis.knowledge.listing import Kennisbank  # it imports these models

        context = super().get_context(request, *args, **kwargs)
        context["kennisbank"] = Kennisbank(self, request)
        context["quiz"] = self.get_children().live().type(QuizPage).first()
        return context
