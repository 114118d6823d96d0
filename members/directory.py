"""Public views of who belongs: the member organisations and the board."""

from itertools import groupby

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, Person, Province

NATIONAL = _("Landelijk en overig")


def member_directory(request):
    """/leden/: organisations with a membership valid today, by province, searchable."""
    query = request.GET.get("q", "").strip()[:100]
    members = Organisation.objects.existing().members_on(timezone.localdate())
    total = members.count()
    found = list(members.search(query).only("name", "name_folded", "kind", "province", "website"))
    labels = dict(Province.choices)
    order = {value: i for i, value in enumerate(Province.values)}
    found.sort(key=lambda o: (order.get(o.province, len(order)), o.name_folded))
    groups = [
        {
            "name": labels.get(province, NATIONAL),
            "slug": province or "landelijk",
            "items": list(items),
        }
        for province, items in groupby(found, key=lambda o: o.province)
    ]
    context = {"query": query, "total": total, "found": len(found), "groups": groups}
    return render(request, "members/leden.html", context)


def board(request):
    """/bestuur/: the board, from the People snippets."""
    people = Person.objects.board().select_related("organisation", "photo")
    return render(request, "members/bestuur.html", {"people": people})
