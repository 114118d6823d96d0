"""A begrip as NL-SBB describes one: a SKOS concept in the one scheme, with its labels,
definition, notes, sources, hierarchy and status.

Concept is a snippet with drafts, revisions, locking, previews and a workflow, so a change
is reviewed before the site shows it and every version stays in its history. The site shows
only the published version (`Concept.objects.live()`); withdrawn and replaced begrippen stay
online and say so.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from glossary import labels as label_tools
from glossary import scheme
from glossary.forms import ConceptAdminForm
from glossary.hierarchy import relation_errors
from leerhuis.core.models import RESERVED_SLUGS
from leerhuis.core.themes import theme_field

# Addresses under /begrippen/ that the glossary uses itself, beside the site's own.
GLOSSARY_RESERVED_SLUGS = frozenset({"voorstellen", "begrippenkader"})


class ConceptStatus(models.TextChoices):
    IN_BEWERKING = "in_bewerking", _("in bewerking")
    VOORGESTELD = "voorgesteld", _("voorgesteld")
    VASTGESTELD = "vastgesteld", _("vastgesteld")
    VERVANGEN = "vervangen", _("vervangen")
    VERVALLEN = "vervallen", _("vervallen")


# No longer in use: still online, never linked automatically in texts.
WITHDRAWN = frozenset({ConceptStatus.VERVANGEN, ConceptStatus.VERVALLEN})


class ConceptQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def at_address(self, slug):
        """(the live begrip at /begrippen/<slug>/, the live begrip an old slug now points to):
        at most one of the two is set; both None when the address was never a begrip's."""
        found = self.live().filter(slug=slug).first()
        if found is not None:
            return found, None
        moved = self.live().filter(former_slugs__slug=slug).first()
        return None, moved

    def in_use(self):
        """Live and not withdrawn or replaced: the begrippen that texts link to."""
        return self.live().exclude(status__in=WITHDRAWN)

    def search(self, query):
        """Every word of the query starts a word of a label or of the definition, accents
        and case aside: "opgave" finds "opgave-sturing", "sudwest" finds "Súdwest"."""
        for word in label_tools.query_words(query):
            self = self.filter(search_text__contains=" " + word)
        return self

    def starting_with(self, letter):
        return self.filter(initial=letter)

    def having_theme(self, slug):
        return self.filter(themes__slug=slug).distinct()


class Concept(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    pref_label = models.CharField(
        _("voorkeursterm"),
        max_length=150,
        help_text=_("De term zoals het Leerhuis hem schrijft, bijv. 'opgave-sturing'."),
    )
    slug = models.SlugField(
        _("korte naam in adressen"),
        max_length=150,
        unique=True,
        blank=True,
        allow_unicode=True,
        help_text=_(
            "Het vaste adres /begrippen/<naam>/. Leeg: gemaakt van de voorkeursterm. "
            "Een oud adres blijft doorverwijzen."
        ),
    )
    alt_labels = models.TextField(
        _("alternatieve termen"),
        blank=True,
        help_text=_("Eén per regel, bijv. 'opgavesturing' bij 'opgave-sturing'."),
    )
    hidden_labels = models.TextField(
        _("zoektermen"),
        blank=True,
        help_text=_(
            "Eén per regel: andere schrijfwijzen en tikfouten waarop het begrip ook "
            "gevonden wordt. Niet zichtbaar op de site."
        ),
    )
    definition = models.TextField(
        _("definitie"),
        max_length=2000,
        help_text=_("Wat het begrip betekent, in één of twee zinnen. Verplicht."),
    )
    scope_note = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Hoe het begrip gebruikt wordt en waar het ophoudt."),
    )
    explanation = models.TextField(
        _("uitleg in gewone taal"),
        blank=True,
        help_text=_("Voor wie het vak niet kent: zonder vaktermen, in korte zinnen."),
    )
    examples = models.TextField(
        _("voorbeelden"),
        blank=True,
        help_text=_("Eén voorbeeld per alinea (een witregel ertussen)."),
    )
    status = models.CharField(
        _("status in het begrippenkader"),
        max_length=20,
        choices=ConceptStatus.choices,
        default=ConceptStatus.IN_BEWERKING,
        db_index=True,
        help_text=_(
            "Vastgesteld: het begrip geldt. Vervangen of vervallen: het blijft online, maar "
            "wordt niet meer automatisch in teksten gelinkt."
        ),
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("vervangen door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        help_text=_("Bij de status 'vervangen': het begrip dat ervoor in de plaats komt."),
    )
    broader = ParentalManyToManyField(
        "self",
        verbose_name=_("bovenliggende begrippen"),
        symmetrical=False,
        related_name="narrower",
        blank=True,
        help_text=_("Het ruimere begrip waar dit een soort of deel van is."),
    )
    related = ParentalManyToManyField(
        "self",
        verbose_name=_("gerelateerde begrippen"),
        symmetrical=True,
        blank=True,
        help_text=_("Begrippen die ermee samenhangen; de relatie geldt beide kanten op."),
    )
    themes = theme_field()

    # Kept in step by save(): search, A–Z and the uniqueness rules read these.
    search_text = models.TextField(editable=False, default="")
    label_keys = models.TextField(editable=False, default="")
    sort_key = models.CharField(max_length=150, editable=False, default="", db_index=True)
    initial = models.CharField(max_length=1, editable=False, default="")  # see Meta.indexes
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="concept")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="concept",
        for_concrete_model=False,
    )

    objects = ConceptQuerySet.as_manager()
    base_form_class = ConceptAdminForm

    search_fields = [
        index.SearchField("pref_label", boost=3),
        index.SearchField("alt_labels", boost=2),
        index.SearchField("hidden_labels"),
        index.SearchField("definition"),
        index.AutocompleteField("pref_label"),
        index.FilterField("live"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")
        ordering = ["sort_key"]
        # The A–Z index lists live begrippen (of one letter) in sort_key order; the index
        # gives them in that order. The search's trigram index is PostgreSQL-only: see
        # migration 0006.
        indexes = [
            models.Index(fields=["live", "sort_key"], name="concept_live_sorted"),
            models.Index(fields=["initial", "sort_key"], name="concept_letter_sorted"),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("pref_label"),
                name="concept_pref_label_unique",
                violation_error_message=_("Er is al een begrip met deze voorkeursterm."),
            )
        ]

    def __str__(self):
        return self.pref_label

    @property
    def revisions(self):
        return self._revisions

    # --- labels ---------------------------------------------------------------------------

    @property
    def alt_label_list(self):
        return label_tools.split_labels(self.alt_labels)

    @property
    def hidden_label_list(self):
        return label_tools.split_labels(self.hidden_labels)

    @property
    def terms(self):
        """The visible terms: the preferred one first, then the alternatives."""
        return [self.pref_label, *self.alt_label_list]

    @property
    def example_list(self):
        """One example per paragraph (a blank line between), on the page and in every export."""
        return label_tools.paragraphs(self.examples)

    @property
    def is_withdrawn(self):
        return self.status in WITHDRAWN

    # --- addresses --------------------------------------------------------------------------

    @property
    def uri(self):
        return scheme.concept_uri(self.slug)

    def get_absolute_url(self):
        return reverse("begrip", args=[self.slug])

    @property
    def url(self):
        return self.get_absolute_url()

    # --- validation -------------------------------------------------------------------------

    def clean(self):
        super().clean()
        self.pref_label = " ".join(self.pref_label.split())
        self.alt_labels = label_tools.join_labels(label_tools.split_labels(self.alt_labels))
        self.hidden_labels = label_tools.join_labels(label_tools.split_labels(self.hidden_labels))
        self.slug = self.slug or slugify(self.pref_label, allow_unicode=True)
        errors = {}
        if problem := self.address_problem(self.slug):
            errors["slug"] = problem
        errors.update(self._term_clashes())
        if self.status == ConceptStatus.VERVANGEN and not self.replaced_by_id:
            errors["replaced_by"] = _("Kies het begrip dat dit begrip vervangt.")
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("Een begrip kan zichzelf niet vervangen.")
        if self.replaced_by_id and self.status != ConceptStatus.VERVANGEN:
            errors["status"] = _("Een begrip met een vervanger heeft de status 'vervangen'.")
        if errors:
            raise ValidationError(errors)

    def publish_errors(self) -> list[str]:
        """What stops this version from going live now, in Dutch; empty when nothing does.

        The rules were checked when the draft was saved, but other begrippen may have been
        published since (two drafts taking the same term, or naming each other as broader).
        Whatever publishes a stored version (the review's approval, the import) asks this
        first, against the database as it is now."""
        messages = []
        try:
            self.full_clean()
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                label = (
                    capfirst(self._meta.get_field(field).verbose_name) if field != "__all__" else ""
                )
                messages += [f"{label}: {e}" if label else e for e in errors]
        relation_messages = relation_errors(
            self.pk,
            [c.pk for c in self.broader.all()],
            [c.pk for c in self.related.all()],
            Concept.broader.through,
        )
        return messages + list(relation_messages.values())

    @staticmethod
    def address_problem(slug) -> str:
        """Why `slug` cannot be a begrip's address /begrippen/<slug>/; "" when it can."""
        if not slug:
            return str(_("Geef het begrip een korte naam met letters."))
        if slug in RESERVED_SLUGS or slug in GLOSSARY_RESERVED_SLUGS:
            return str(_("'%(slug)s' is gereserveerd voor de site zelf; kies een ander.")) % {
                "slug": slug
            }
        return ""

    @classmethod
    def term_problems(cls, term) -> list[str]:
        """What stops `term` from naming a new begrip, other begrippen aside: the address
        made from it. The proposal form asks this too, so a member hears it while typing."""
        problem = cls.address_problem(slugify(" ".join(term.split()), allow_unicode=True))
        return [problem] if problem else []

    def _term_clashes(self):
        """A term may not be another begrip's preferred term, nor its preferred term
        another begrip's term: a reader would not know which one is meant."""
        others = Concept.objects.exclude(pk=self.pk) if self.pk else Concept.objects.all()
        errors = {}
        own = label_tools.label_key(self.pref_label)
        taken = others.filter(label_keys__contains="\n" + own + "\n").first()
        if taken is not None:
            errors["pref_label"] = _("'%(term)s' is al een term van het begrip '%(other)s'.") % {
                "term": self.pref_label,
                "other": taken.pref_label,
            }
        for field in ("alt_labels", "hidden_labels"):
            keys = {
                label_tools.label_key(t): t for t in label_tools.split_labels(getattr(self, field))
            }
            if own in keys:
                errors[field] = _("De voorkeursterm hoeft hier niet nog eens.")
                continue
            clash = others.filter(sort_key__in=list(keys)).first()
            if clash is not None:
                errors[field] = _(
                    "'%(term)s' is de voorkeursterm van een ander begrip; verwijs ernaar als "
                    "gerelateerd begrip."
                ) % {"term": clash.pref_label}
        return errors

    # --- derived columns --------------------------------------------------------------------

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self):
        all_labels = [self.pref_label, *self.alt_label_list, *self.hidden_label_list]
        self.sort_key = label_tools.label_key(self.pref_label)
        self.initial = label_tools.initial(self.pref_label)
        self.label_keys = "\n" + "\n".join(label_tools.label_key(t) for t in all_labels) + "\n"
        self.search_text = label_tools.words(" ".join([*all_labels, self.definition]))

    # --- Wagtail ----------------------------------------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "glossary/begrip.html"

    def get_preview_context(self, request, mode_name):
        from glossary.pages import concept_context

        return concept_context(request, self, preview=True)
