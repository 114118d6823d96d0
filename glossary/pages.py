"""The begrippenkader on the site: the A–Z index and one page per begrip."""

from django.http import Http404
from django.shortcuts import redirect, render

from glossary.models import Concept, FormerSlug


def index(request):
    concepts = Concept.objects.live().only("pref_label", "slug", "definition", "status")
    return render(request, "glossary/begrippen.html", {"concepts": concepts})


def concept_context(request, concept, preview=False):
    return {"concept": concept, "preview": preview}


def concept(request, slug):
    found = Concept.objects.live().filter(slug=slug).first()
    if found is None:
        former = FormerSlug.objects.filter(slug=slug, concept__live=True).select_related("concept")
        former = former.first()
        if former is None:
            raise Http404
        return redirect(former.concept.get_absolute_url(), permanent=True)
    return render(request, "glossary/begrip.html", concept_context(request, found))
