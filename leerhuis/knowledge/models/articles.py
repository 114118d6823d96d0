"""An article of the kennisbank (ArticlePage): artikel, nieuws, methode, video or verslag.

One page type with a kind rather than five: they share every field and the kennisbank
lists them together, filtered by `?type=`. A verslag points at its meeting (`meeting`,
related_name "reports"), so the meeting page finds its reports by reverse relation and
events never imports the kennisbank.

The reading time is worked out on save and stored, so a list shows it without reading
any body; the date shown is `date`, which is the day of first publication unless the
editor sets another (an older report moved into the kennisbank, say).
"""

import math

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.search import index

from leerhuis.core.models import BasePage
from leerhuis.core.themes import theme_field
from leerhuis.knowledge.blocks import ArticleBodyBlock

WORDS_PER_MINUTE = 200


class ArticleKind(models.TextChoices):
    ARTIKEL = "artikel", _("artikel")
    NIEUWS = "nieuws", _("nieuws")
    METHODE = "methode", _("methode")
    VIDEO = "video", _("video")
    VERSLAG = "verslag", _("verslag")
    PRAKTIJKCASUS = "praktijkcasus", _("praktijkcasus")


# A praktijkcasus is a CasePage (models/cases.py), written by a member; an editor's article
# is any of the others.
EDITOR_KINDS = [(value, label) for value, label in ArticleKind.choices if value != "praktijkcasus"]


def reading_minutes(*texts):
    """Minutes to read `texts` at 200 words a minute, rounded up; never less than one."""
    words = sum(len(text.split()) for text in texts if text)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class ArticlePage(BasePage):  # noqa: DJ008 (Page has __str__)
    """Eén artikel, nieuwsbericht, methode, video of verslag in de kennisbank."""

    kind = models.CharField(
        _("soort"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.ARTIKEL
    )
    intro = models.TextField(
        _("inleiding"), max_length=600, help_text=_("Eén of twee zinnen voor de kennisbank.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("tekst"), blank=True)
    date = models.DateField(
        _("datum"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leeg: de dag waarop het artikel voor het eerst is gepubliceerd."),
    )
    author = models.ForeignKey(
        "members.Person",
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur (account)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Voor een stuk van een lid zonder eigen persoonskaart."),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = theme_field()
    meeting = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("verslag van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        help_text=_("Alleen bij een verslag: de activiteit waarover het gaat."),
    )
    reading_time = models.PositiveSmallIntegerField(
        _("leestijd in minuten"), default=1, editable=False
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("kind", widget=forms.Select(choices=EDITOR_KINDS)),
                        FieldPanel("date"),
                    ]
                ),
                FieldPanel("meeting"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Soort en thema"),
        ),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("author_user"), FieldPanel("organisation")],
            heading=_("Van wie"),
        ),
        FieldPanel("body"),
        MultipleChooserPanel(
            "begrippen",
            chooser_field_name="concept",
            heading=_("Begrippen"),
            label=_("begrip"),
            help_text=_("De begrippen uit het begrippenkader waar dit artikel over gaat."),
        ),
        InlinePanel("related_meetings", heading=_("Activiteiten"), label=_("activiteit")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")

    def clean(self):
        super().clean()
        if type(self) is ArticlePage and self.kind == ArticleKind.PRAKTIJKCASUS:
            raise ValidationError(
                {
                    "kind": _(
                        "Een praktijkcasus dient een lid in via de site; kies een andere soort."
                    )
                }
            )
        if self.meeting_id and self.kind != ArticleKind.VERSLAG:
            raise ValidationError(
                {"meeting": _("Alleen een verslag hoort bij een activiteit; kies 'verslag'.")}
            )

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields or "intro" in update_fields:
            self.reading_time = self.count_reading_time()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "reading_time"}
        if self.date is None and self.first_published_at:
            self.date = timezone.localdate(self.first_published_at)
            if update_fields is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "date"}
        return super().save(*args, **kwargs)

    def count_reading_time(self):
        return reading_minutes(*self.reading_texts())

    def reading_texts(self):
        """The intro and every text in the body (not the markup)."""
        body = self.body.stream_block.get_searchable_content(self.body) if self.body else []
        return [self.intro, *body]

    @property
    def published_on(self):
        """The date the article carries: its own, or the day it was first published."""
        if self.date:
            return self.date
        return timezone.localdate(self.first_published_at) if self.first_published_at else None

    @property
    def author_name(self):
        if self.author_id and self.author.live:  # never a person saved only as a draft
            return self.author.name
        if self.author_user_id:
            return self.author_user.full_name
        return ""

    @property
    def is_report(self):
        return self.kind == ArticleKind.VERSLAG

    def get_context(self, request, *args, **kwargs):
        from leerhuis.knowledge import article_view  # it reads events and the glossary

        context = super().get_context(request, *args, **kwargs)
        context.update(article_view.context_for(self, request))
        return context
