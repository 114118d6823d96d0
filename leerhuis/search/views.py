"""/zoeken/?q=: site search, a plain view on the top floor (it reads every app through the
result types they register; nothing imports it).

A search is the site's most expensive page to make and anyone may ask for it, so a person
(an account, or an address: leerhuis.core.ratelimit) gets SEARCH_LIMIT searches a minute:
many more than anyone types, few enough that a script cannot keep the database busy. Only
searches count (a query in the URL); a repeat of an anonymous search comes from the page
cache and never reaches this view."""

from django.shortcuts import render
from django.urls import reverse

from leerhuis.core.ratelimit import over_limit, too_many
from leerhuis.search.results import SiteSearch
from members.access import private

SEARCH_LIMIT = 60
SEARCH_WINDOW = 60


def search(request):
    if request.GET.get("q") and over_limit(
        request, "zoeken", limit=SEARCH_LIMIT, window=SEARCH_WINDOW
    ):
        return too_many(request)
    listing = SiteSearch(request, reverse("zoeken"))
    response = render(request, "search/zoeken.html", {"listing": listing})
    if request.user.is_authenticated:
        # What a logged-in visitor finds depends on who they are: never in a shared cache.
        private(response)
    return response
