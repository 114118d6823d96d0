"""/begrippen/: the begrippenkader's own addresses, outside the page tree so a concept's URI
never changes when pages move (NL-SBB asks for persistent URIs).

Resolves before Wagtail's catch-all; `begrippen` is a reserved top-level slug. The files
(glossary/exports.py) come before `<slug>/`: `begrippenkader` is a reserved slug, and a slug
never holds a dot.
"""

from django.urls import path, re_path

from glossary import exports, pages, proposal_views

urlpatterns = [
    path("", pages.index, name="begrippen"),
    path("begrippenkader", exports.scheme_resource, name="begrippenkader"),
    re_path(
        r"^begrippenkader\.(?P<fmt>ttl|jsonld|csv)$",
        exports.scheme_export,
        name="begrippenkader_export",
    ),
    re_path(
        r"^(?P<slug>[-\w]+)\.(?P<fmt>ttl|jsonld)$", exports.concept_export, name="begrip_export"
    ),
    path("voorstellen/", proposal_views.propose_new, name="begrip_voorstellen"),
    path(
        "<str:slug>/wijziging-voorstellen/",
        proposal_views.propose_change,
        name="begrip_wijziging_voorstellen",
    ),
    path("<str:slug>/", pages.concept, name="begrip"),
]
