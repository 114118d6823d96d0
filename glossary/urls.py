"""/begrippen/: the begrippenkader's own addresses, outside the page tree so a concept's URI
never changes when pages move (NL-SBB asks for persistent URIs).

Resolves before Wagtail's catch-all; `begrippen` is a reserved top-level slug."""

from django.urls import path

from glossary import pages, proposal_views

urlpatterns = [
    path("", pages.index, name="begrippen"),
    path("voorstellen/", proposal_views.propose_new, name="begrip_voorstellen"),
    path(
        "<str:slug>/wijziging-voorstellen/",
        proposal_views.propose_change,
        name="begrip_wijziging_voorstellen",
    ),
    path("<str:slug>/", pages.concept, name="begrip"),
]
