"""A praktijkcasus: a member's case study, written on the site and published after review.

CasePage is an ArticlePage (multi-table inheritance) whose kind is always "praktijkcasus":
the kennisbank, its filters, the feeds, the home page and the sitemap list cases with the
articles without knowing them, and the intro is the case's summary. Its own fields are the
four parts of a case and one optional attachment.

Who wrote it is the page's `owner` (set when the member first saves it); `author_user`, which
the cards and feeds show, is filled from the owner only while the author consents
(`show_author`), so no list can show a name the author did not agree to publish.

Review runs through the workflow "Praktijkcasussen beoordelen" (migration 0004), whatever
workflow the page tree assigns elsewhere; CaseReviewTask adds a final "Afwijzen" to
Wagtail's approve and request changes.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import GroupApprovalTask, Workflow
from wagtail.search import index

from leerhuis.core.models import BasePage
from leerhuis.core.review import FinalRejectionMixin, reason_form
from leerhuis.core.sanitise import text_of

from .articles import ArticleKind, ArticlePage

WORKFLOW_NAME = "Praktijkcasussen beoordelen"
# What a member's text may hold after sanitising (leerhuis.core.sanitise); the admin offers
# the same, so an editor's correction cannot add what a member could not.
FEATURES = ["bold", "italic", "ol", "ul", "link"]
PARTS = ("opgave", "approach", "results", "lessons")


class CasePage(ArticlePage):  # noqa: DJ008 (Page has __str__)
    """Een praktijkcasus van een lid: de opgave, de aanpak, de resultaten en de lessen."""

    opgave = RichTextField(
        _("de opgave"),
        features=FEATURES,
        blank=True,
        help_text=_("Welke maatschappelijke opgave, en waarom die om opgave-sturing vroeg."),
    )
    approach = RichTextField(
        _("aanpak"),
        features=FEATURES,
        blank=True,
        help_text=_("Hoe de opgave is georganiseerd: rollen, mandaat, samenwerking."),
    )
    results = RichTextField(_("resultaten"), features=FEATURES, blank=True)
    lessons = RichTextField(_("lessen"), features=FEATURES, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("afbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("beschrijving van de afbeelding"),
        max_length=250,
        blank=True,
        help_text=_("Wat er op de afbeelding te zien is, voor wie hem niet ziet."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("bijlage (document)"),
        help_text=_("Optioneel: bijv. het volledige verslag, om te downloaden."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_author = models.BooleanField(
        _("naam van de auteur tonen"),
        default=False,
        help_text=_("De auteur geeft toestemming om naam en organisatie bij de casus te tonen."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro", heading=_("Samenvatting")),
        FieldPanel("opgave"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("organisation"),
                FieldPanel("show_author"),
                FieldPanel("date"),
            ],
            heading=_("Thema, organisatie en auteur"),
        ),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("document")],
            heading=_("Bijlage"),
        ),
    ]
    search_fields = [
        *ArticlePage.search_fields,
        *(index.SearchField(part) for part in PARTS),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/case_page.html"

    class Meta:
        verbose_name = _("praktijkcasus")
        verbose_name_plural = _("praktijkcasussen")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Beschrijf wat er op de afbeelding te zien is.")})

    def save(self, *args, **kwargs):
        self.kind = ArticleKind.PRAKTIJKCASUS
        self.meeting = None
        self.author_user_id = self.owner_id if self.show_author else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "kind", "author_user"}
        return super().save(*args, **kwargs)

    def reading_texts(self):
        parts = (text_of(getattr(self, part)) for part in PARTS)
        return [*super().reading_texts(), *parts]

    def get_workflow(self):
        return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()

    @property
    def author_name(self):
        return self.owner.full_name if self.show_author and self.owner_id else ""


class CaseReviewTask(FinalRejectionMixin, GroupApprovalTask):
    """Approve, ask for changes (both Wagtail's), or turn a case down for good."""

    reject_form = reason_form(
        _("De auteur krijgt deze reden per mail en ziet hem in Mijn Leerhuis."),
        _("Geef de reden waarom de casus wordt afgewezen."),
    )

    def reject_finally(self, task_state, user, reason):
        from leerhuis.knowledge import cases  # cases reads these models

        return cases.reject_finally(task_state, user, reason)

    @classmethod
    def get_description(cls):
        return _(
            "Leden van de gekozen groepen keuren een praktijkcasus goed, vragen de auteur om "
            "wijzigingen of wijzen hem af met een reden."
        )

    class Meta:
        verbose_name = _("beoordeling van een praktijkcasus")
        verbose_name_plural = _("beoordelingen van praktijkcasussen")
