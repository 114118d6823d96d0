"""The pages of groups: the list and one group (hidden groups only for their members)."""

from django.shortcuts import get_object_or_404, render

from members.models import Groep


def groep(request, slug):
    # A hidden group is a 404 to those outside it: not even its existence shows.
    group = get_object_or_404(Groep.objects.listed_for(request.user), slug=slug)
    return render(request, "community/groep.html", {"groep": group})
