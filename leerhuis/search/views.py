"""/zoeken/?q=: site search, a plain view on the top floor (it reads every app through the
result types they register; nothing imports it)."""

from django.shortcuts import render
from django.urls import reverse

from leerhuis.search.results import SiteSearch
from members.access import private


def search(request):
    listing = SiteSearch(request, reverse("zoeken"))
    response = render(request, "search/zoeken.html", {"listing": listing})
    if request.user.is_authenticated:
        # What a logged-in visitor finds depends on who they are: never in a shared cache.
        private(response)
    return response
