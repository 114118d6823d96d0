"""/begrippen/: the begrippenkader's own addresses, outside the page tree so a concept's URI
never changes when pages move (NL-SBB asks for persistent URIs).

Resolves before Wagtail's catch-all; `begrippen` is a reserved top-level slug. The files
(glossary/exports.py) come before `<slug>/`: `begrippenkader` is a reserved slug, and a slug
never holds a dot.
"""

from django.urls import path, re_path

from glossary import exports, pages

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
    path("<str:slug>/", pages.concept, name="begrip"),
]
