"""The begrippenkader on the site: the A–Z index with search, and one page per begrip.

Plain views, not Wagtail pages: a begrip's address is its URI in the linked data, so it may
never move with the page tree. Both pages cost the same number of queries for 30 begrippen
as for 2,000: the index reads one page of results and one list of letters, a begrip page
one query per kind of relation.
"""

import json

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from glossary import exports, labels, scheme
from glossary.models import Concept, ConceptStatus
from glossary.usage import used_by
from leerhuis.core.listing import ListFilterForm, Listing

LETTERS = [*"abcdefghijklmnopqrstuvwxyz", "#"]


class ConceptFilterForm(ListFilterForm):
    errors_on_top = ("letter",)

    q = forms.CharField(
        label=_("Zoek een begrip"),
        required=False,
        max_length=100,
        help_text=_("Op term, andere schrijfwijze of woorden uit de definitie."),
        error_messages={"max_length": _("Zoek met hoogstens %(limit_value)d tekens.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("alle statussen")), *ConceptStatus.choices],
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )
    letter = forms.ChoiceField(
        required=False,
        widget=forms.HiddenInput,
        choices=[("", "")] + [(letter, letter.upper()) for letter in LETTERS],
        error_messages={"invalid_choice": _("Kies een letter van A tot Z.")},
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())


class ConceptListing(Listing):
    form_class = ConceptFilterForm
    parameters = ("q", "status", "letter", "page")
    filters = ("q", "status", "letter")
    per_page = 50

    @cached_property
    def base_queryset(self):
        concepts = Concept.objects.live()
        if self.values["status"]:
            concepts = concepts.filter(status=self.values["status"])
        return concepts

    def get_items(self):
        concepts = self.base_queryset
        query = self.values["q"]
        if query:
            # A search looks in every letter; what starts with the words comes first.
            concepts = concepts.search(query).annotate(
                rank=Case(
                    When(sort_key__startswith=labels.label_key(query), then=Value(0)),
                    When(label_keys__contains="\n" + labels.label_key(query), then=Value(1)),
                    default=Value(2),
                    output_field=IntegerField(),
                )
            )
            concepts = concepts.order_by("rank", "sort_key")
        elif self.values["letter"]:
            concepts = concepts.starting_with(self.values["letter"])
        return concepts.only(
            "pref_label", "slug", "definition", "status", "alt_labels", "initial", "sort_key"
        )

    @cached_property
    def letters(self):
        """A–Z with a link for each letter that has begrippen (under the status chosen)."""
        present = set(self.base_queryset.order_by().values_list("initial", flat=True).distinct())
        current = None if self.values["q"] else self.values["letter"]
        return [
            {
                "letter": letter,
                "label": letter.upper(),
                "url": self.url(letter=letter, q=None, page=None) if letter in present else None,
                "current": letter == current,
            }
            for letter in LETTERS
        ]

    @property
    def all_url(self):
        return self.url(letter=None, q=None, page=None)


def index(request):
    listing = ConceptListing(request, reverse("begrippen"))
    context = {
        "listing": listing,
        "scheme_title": scheme.TITLE,
        "scheme": scheme,
        "downloads": scheme_downloads(),
    }
    return render(request, "glossary/begrippen.html", context)


def scheme_downloads():
    return [
        {
            "url": reverse("begrippenkader_export", kwargs={"fmt": fmt}),
            "type": content_type,
            "label": label,
        }
        for fmt, content_type, label in (
            ("ttl", "text/turtle", _("Turtle (RDF)")),
            ("jsonld", "application/ld+json", _("JSON-LD")),
            ("csv", "text/csv", _("CSV (voor Excel)")),
        )
    ]


def rdf_links(concept):
    """The begrip as linked data, for <link rel="alternate"> and the page's own links."""
    return [
        {
            "url": reverse("begrip_export", kwargs={"slug": concept.slug, "fmt": fmt}),
            "type": content_type,
            "label": label,
        }
        for fmt, content_type, label in (
            ("ttl", "text/turtle", _("Dit begrip in Turtle (RDF)")),
            ("jsonld", "application/ld+json", _("Dit begrip in JSON-LD")),
        )
    ]


# --- one begrip ---------------------------------------------------------------------------


def _live(related):
    """Live begrippen of a relation, for the published page and for a preview alike (a
    preview's relations are in memory, where a database filter would not see them)."""
    return sorted((c for c in related.all() if c.live), key=lambda c: c.sort_key)


def history(concept):
    """Each published version: when, in which status, with which definition (newest first).
    Who published stays in the admin."""
    entries = (
        ModelLogEntry.objects.for_instance(concept)
        .filter(action="wagtail.publish", revision__isnull=False)
        .select_related("revision")
        .order_by("-timestamp")
    )
    versions = []
    for entry in entries:
        content = entry.revision.content
        versions.append(
            {
                "published_at": entry.timestamp,
                "status": ConceptStatus(content.get("status", ConceptStatus.IN_BEWERKING)).label,
                "definition": content.get("definition", ""),
            }
        )
    # The definition is shown where it changed, so the list reads as what happened.
    for newer, older in zip(versions, versions[1:], strict=False):
        newer["definition_changed"] = newer["definition"] != older["definition"]
    if versions:
        versions[-1]["definition_changed"] = True
    return versions


def defined_term(request, concept):
    """schema.org DefinedTerm in its DefinedTermSet, so search engines can show the
    definition. Escaped as Django's json_script does, since it sits in a <script>."""
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": concept.uri,
        "name": concept.pref_label,
        "description": concept.definition,
        "url": concept.uri,
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "@id": scheme.scheme_uri(),
            "name": scheme.TITLE,
            "url": scheme.base_uri(),
        },
    }
    if concept.alt_label_list:
        data["alternateName"] = concept.alt_label_list
    text = json.dumps(data, ensure_ascii=False)
    for char, escaped in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def usage(request, concept):
    """The meetings and articles that link the begrip, as far as this visitor may see them."""
    return [
        {
            "url": page.get_url(request),
            "title": page.title,
            "kind": page.specific_class._meta.verbose_name,
        }
        for page in used_by(concept, request.user)
    ]


def concept_context(request, concept, preview=False):
    replaced_by = concept.replaced_by if concept.replaced_by_id else None
    return {
        "concept": concept,
        "preview": preview,
        "scheme_title": scheme.TITLE,
        "broader": _live(concept.broader),
        "narrower": _live(concept.narrower) if concept.pk else [],
        "related": _live(concept.related),
        "replaced_by": replaced_by if replaced_by and replaced_by.live else None,
        "replaces": _live(concept.replaces) if concept.pk else [],
        "sources": list(concept.sources.all()),
        "themes": list(concept.themes.filter(live=True)),
        "examples": concept.example_list,
        "history": [] if preview else history(concept),
        "usage": [] if preview else usage(request, concept),
        "structured_data": defined_term(request, concept),
        "rdf_links": rdf_links(concept) if concept.slug else [],
    }


def concept(request, slug):
    found, moved = Concept.objects.select_related("replaced_by").at_address(slug)
    if moved is not None:
        return redirect(moved.get_absolute_url(), permanent=True)
    if found is None:
        raise Http404
    # The page is also the begrip's URI: linked-data clients get Turtle or JSON-LD here.
    response = exports.negotiate(request, found)
    if response is None:
        response = render(request, "glossary/begrip.html", concept_context(request, found))
    patch_vary_headers(response, ("Accept",))
    return response
