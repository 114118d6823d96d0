"""One curated vocabulary of themes (Thema) that meetings, leergangen, articles, cases and
begrippen share, so `?thema=<slug>` means the same in the calendar, the kennisbank, search
and the feeds.

A page type joins by declaring `themes = theme_field()`; the list filters ask
Thema.objects.used_by() and having_theme(), which work on any queryset of such a model, so
a new page type needs no change to the filter code. Free keywords stay django-taggit tags.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index


class ThemaQuerySet(models.QuerySet):
    def live(self):
        """Published: a theme saved only as a draft (or unpublished) is not offered or shown."""
        return self.filter(live=True)

    def used_by(self, *querysets):
        """The published themes that at least one item of the given querysets carries: a
        filter never offers a theme that finds nothing."""
        used = models.Q(pk__in=[])
        for queryset in querysets:
            used |= models.Q(pk__in=queryset.order_by().values("themes"))
        return self.live().filter(used)

    def named(self, *names):
        """The themes with these names, made where missing (by their slug): for code that
        sets themes, such as the demo and imports."""
        found = []
        for name in names:
            thema, _created = self.get_or_create(slug=slugify(name), defaults={"name": name})
            found.append(thema)
        return found


class Thema(DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A theme of the one vocabulary, with drafts, revisions and a log like pages."""

    name = models.CharField(_("naam"), max_length=100, help_text=_("Bijv. 'Opgave-sturing'."))
    slug = models.SlugField(
        _("korte naam in adressen"),
        max_length=100,
        unique=True,
        blank=True,
        allow_unicode=True,
        help_text=_(
            "Staat in adressen als ?thema=…, ook in agenda's waarop mensen zich hebben "
            "geabonneerd: verander hem liever niet. Leeg: gemaakt van de naam."
        ),
    )
    description = models.TextField(_("korte beschrijving"), blank=True, max_length=300)

    objects = ThemaQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="thema_name_unique",
                violation_error_message=_("Er is al een thema met deze naam."),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.name = " ".join(self.name.split())
        self.slug = self.slug or slugify(self.name)
        if not self.slug:
            raise ValidationError({"slug": _("Geef het thema een korte naam met letters.")})


def theme_field():
    """The themes of a page type, from the one vocabulary."""
    return ParentalManyToManyField(
        "core.Thema", blank=True, related_name="+", verbose_name=_("thema's")
    )


def live_themes(lookup="themes"):
    """Prefetch only the published themes of each item: a card or feed never names a draft."""
    return models.Prefetch(lookup, queryset=Thema.objects.live())


def having_theme(queryset, slug):
    """The items of `queryset` that carry the published theme `slug` (a draft finds none)."""
    return queryset.filter(themes__slug=slug, themes__live=True)
