"""What hangs on a begrip besides its fields: the sources of its definition, and the
addresses it had before a rename (which keep redirecting)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable


class ConceptSource(Orderable):
    """A source of the definition (dct:source): a title, an address, how to cite it."""

    concept = ParentalKey("glossary.Concept", on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("titel"), max_length=300)
    url = models.URLField(_("adres (URL)"), blank=True, max_length=500)
    citation = models.CharField(
        _("bronvermelding"),
        max_length=500,
        blank=True,
        help_text=_("Bijv. 'Van der Meer (2024), Sturen op opgaven, p. 12'."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")

    def __str__(self):
        return self.title


class FormerSlug(models.Model):
    """An address a begrip had before it was renamed; /begrippen/<old>/ redirects."""

    slug = models.SlugField(max_length=150, unique=True, allow_unicode=True)
    concept = models.ForeignKey(
        "glossary.Concept", on_delete=models.CASCADE, related_name="former_slugs"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("oud adres")
        verbose_name_plural = _("oude adressen")

    def __str__(self):
        return self.slug
