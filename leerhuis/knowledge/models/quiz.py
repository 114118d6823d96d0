"""De test "Project, proces of programma?" (/kennisbank/doe-de-test/).

Editors write the questions; each answer adds points toward project, proces and
programma, and the highest total is the outcome (leerhuis.knowledge.quiz scores it). The
answers travel in the URL of a GET form, so a result can be shared by its address and
nothing a visitor chose is stored.

`doe-de-test` is one of core's RESERVED_SLUGS, which no page may take; the quiz is the one
page made for that address, so it alone is exempt, and it always takes exactly that slug.
The begrippen per outcome are child rows with a ForeignKey (as in .links), so the reference
index knows which begrippen the quiz links to.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from glossary.models import Concept
from leerhuis.core.models import BasePage, _reserved

QUIZ_SLUG = "doe-de-test"
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Outcome(models.TextChoices):
    PROJECT = "project", _("project")
    PROCES = "proces", _("proces")
    PROGRAMMA = "programma", _("programma")


def _points(label):
    return blocks.IntegerBlock(label=label, default=0, min_value=0, max_value=5)


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Antwoord"), max_length=200)
    project = _points(_("Punten voor project"))
    proces = _points(_("Punten voor proces"))
    programma = _points(_("Punten voor programma"))

    class Meta:
        label = _("Antwoord")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Vraag"), max_length=250)
    help = blocks.TextBlock(label=_("Toelichting"), required=False, max_length=400)
    answers = blocks.ListBlock(AnswerBlock(), label=_("Antwoorden"), min_num=2, max_num=4)

    class Meta:
        label = _("Vraag")
        icon = "help"


class QuizPage(BasePage):  # noqa: DJ008 (Page has __str__)
    """De test die een bezoeker helpt kiezen tussen project, proces en programma."""

    intro = models.TextField(_("inleiding"), max_length=600)
    questions = StreamField(
        [("question", QuestionBlock())], verbose_name=_("vragen"), min_num=1, max_num=15
    )
    project_text = RichTextField(_("uitleg bij project"), features=TEXT_FEATURES)
    proces_text = RichTextField(_("uitleg bij proces"), features=TEXT_FEATURES)
    programma_text = RichTextField(_("uitleg bij programma"), features=TEXT_FEATURES)
    difference = RichTextField(
        _("het verschil tussen de drie"),
        features=TEXT_FEATURES,
        help_text=_("Staat bij elke uitslag."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("project_text"),
                FieldPanel("proces_text"),
                FieldPanel("programma_text"),
                FieldPanel("difference"),
            ],
            heading=_("Uitslag"),
        ),
        InlinePanel("begrippen", heading=_("Begrippen bij de uitslag"), label=_("begrip")),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    max_count = 1
    template = "knowledge/quiz_page.html"

    class Meta:
        verbose_name = _("test: project, proces of programma")

    def clean(self):
        # The quiz lives at one address; whatever the editor typed, it takes that one.
        self.slug = QUIZ_SLUG
        try:
            super().clean()
        except ValidationError as error:
            # Drop only core's refusal of the reserved slug; keep everything else
            # (a sibling that already has the slug, say).
            errors = error.update_error_dict({})
            reserved = str(_reserved(QUIZ_SLUG))
            kept = [e for e in errors.get("slug", []) if reserved not in e.messages]
            if kept:
                errors["slug"] = kept
            else:
                errors.pop("slug", None)
            if errors:
                raise ValidationError(errors) from error

    def outcome_text(self, outcome):
        return getattr(self, f"{outcome}_text")

    def get_context(self, request, *args, **kwargs):
        from leerhuis.knowledge.quiz import QuizVisit  # it imports this model's blocks

        context = super().get_context(request, *args, **kwargs)
        context["quiz"] = QuizVisit(self, request.GET)
        return context


class QuizBegrip(Orderable):
    page = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="begrippen")
    outcome = models.CharField(_("bij uitslag"), max_length=20, choices=Outcome.choices)
    concept = models.ForeignKey(
        Concept, verbose_name=_("begrip"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("outcome"), FieldPanel("concept")]

    class Meta(Orderable.Meta):
        verbose_name = _("begrip bij de uitslag")
        verbose_name_plural = _("begrippen bij de uitslag")
        unique_together = [("page", "outcome", "concept")]

    def __str__(self):
        return str(self.concept)
