"""The begrippenkader as files: the whole scheme as Turtle, JSON-LD and CSV, one begrip as
Turtle or JSON-LD, and the same RDF on the begrip's own URI for clients that ask for it by
`Accept` (content negotiation).

URLs (glossary/urls.py):
- `begrippenkader_export` (fmt: ttl, jsonld, csv): /begrippen/begrippenkader.<fmt>
- `begrip_export` (slug, fmt: ttl, jsonld): /begrippen/<slug>.<fmt>
- `begrippenkader`: /begrippen/begrippenkader, the scheme's URI: RDF by `Accept`, else a
  303 to the A–Z index.

Every answer is a conditional GET (leerhuis.core.conditional): the version is one aggregate
query over the live begrippen (how many, the newest publish, the newest change, the newest
logged change to a begrip or a theme) plus BASE_URL and the publisher. The scheme version
serves a single begrip too: its file names its neighbours, which change without the begrip.
"""

import datetime

from django.conf import settings
from django.db.models import Count, Max, Q, Subquery
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe
from wagtail.models import ModelLogEntry

from glossary import rdf, scheme
from glossary.models import Concept
from glossary.spreadsheet import scheme_csv
from leerhuis.core.conditional import conditional_response, make_etag

# Bump when the files change shape, so clients do not keep an old rendering.
FORMAT_VERSION = 1
# Begrippen change seldom; an hour spares the server a crawler's burst.
PUBLIC_MAX_AGE = 3600
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

CONTENT_TYPES = {
    "ttl": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "csv": "text/csv; charset=utf-8",
}
# What `Accept` may ask for on a begrip's URI; HTML first, so `*/*` and ties get the page.
NEGOTIATED = {"text/html": None, "text/turtle": "ttl", "application/ld+json": "jsonld"}


def _newest_log():
    entries = ModelLogEntry.objects.filter(
        Q(content_type__app_label="glossary", content_type__model="concept")
        | Q(content_type__app_label="core", content_type__model="thema")
    )
    return Subquery(entries.order_by("-timestamp").values("timestamp")[:1])


def scheme_version():
    """(ETag parts, Last-Modified) of the live scheme, in one query."""
    found = Concept.objects.live().aggregate(
        count=Count("pk"),
        published=Max("last_published_at"),
        updated=Max("updated_at"),
        logged=Max(_newest_log()),
    )
    stamps = [found[key] for key in ("published", "updated", "logged") if found[key]]
    last_modified = max(stamps, default=EPOCH)
    parts = [FORMAT_VERSION, settings.BASE_URL, scheme.publisher(), found["count"]]
    parts += [found[key].isoformat() if found[key] else "" for key in ("published", "updated")]
    parts.append(found["logged"].isoformat() if found["logged"] else "")
    return parts, last_modified


def _respond(request, build, fmt, *, etag_parts, filename=None):
    parts, last_modified = scheme_version()
    return conditional_response(
        request,
        build,
        etag=make_etag(*parts, fmt, *etag_parts),
        last_modified=last_modified,
        content_type=CONTENT_TYPES[fmt],
        public_max_age=PUBLIC_MAX_AGE,
        filename=filename,
        shared=f"glossary:export:{fmt}",
    )


@require_safe
def scheme_export(request, fmt):
    return _respond(
        request,
        lambda: scheme_export_body(fmt),
        fmt,
        etag_parts=["scheme"],
        filename=f"begrippenkader.{fmt}",
    )


def concept_response(request, concept, fmt, *, filename=None):
    """One live begrip as Turtle or JSON-LD."""
    return _respond(
        request,
        lambda: rdf.serialize(rdf.concept_graph(concept), fmt),
        fmt,
        etag_parts=["begrip", concept.slug],
        filename=filename,
    )


@require_safe
def concept_export(request, slug, fmt):
    concept, moved = Concept.objects.at_address(slug)
    if moved is not None:
        return redirect(
            reverse("begrip_export", kwargs={"slug": moved.slug, "fmt": fmt}), permanent=True
        )
    if concept is None:
        raise Http404
    return concept_response(request, concept, fmt, filename=f"{slug}.{fmt}")


def preferred_format(request):
    """ "ttl" or "jsonld" when `Accept` prefers that to HTML (by q-value, then by how
    specific), else None: browsers, which also accept */*, get the page."""
    chosen = request.get_preferred_type(list(NEGOTIATED))
    return NEGOTIATED.get(chosen) if chosen else None


def negotiate(request, concept):
    """The begrip's RDF when the request on its HTML URL asks for Turtle or JSON-LD by
    `Accept`, else None (answer with the page, and add `Vary: Accept` to it as well)."""
    fmt = preferred_format(request)
    if fmt is None:
        return None
    response = concept_response(request, concept, fmt)
    patch_vary_headers(response, ("Accept",))
    return response


@require_safe
def scheme_resource(request):
    """The scheme's URI: RDF for linked-data clients, the A–Z index for people."""
    fmt = preferred_format(request)
    if fmt is None:
        response = redirect("begrippen")
        response.status_code = 303
    else:
        response = _respond(request, lambda: scheme_export_body(fmt), fmt, etag_parts=["scheme"])
    patch_vary_headers(response, ("Accept",))
    return response


def scheme_export_body(fmt):
    concepts = rdf.scheme_concepts()
    if fmt == "csv":
        return scheme_csv(concepts)
    return rdf.serialize(rdf.scheme_graph(concepts), fmt)
