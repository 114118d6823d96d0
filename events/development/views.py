"""/mijn-leerhuis/ontwikkeling/: someone's record for a year, and the yearly goal.

The page only shows what record.record_for() worked out (the one rule of what counts);
it adds the years to choose from: those with anything in the record (record.years_of),
those with a goal, and for a goal also next year, so December can plan January. A year
outside that choice, or no year at all in ?jaar=, is a 404: an address that names a year
shows that year or nothing, never silently another.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from events.models import DevelopmentGoal
from members.access import render_private
from members.views import personal

from . import services
from .forms import GoalForm
from .record import record_for, years_of


def years_on_offer(user):
    """The years someone can look at, latest first."""
    goals = DevelopmentGoal.objects.filter(user=user).values_list("year", flat=True)
    return sorted({*years_of(user), *goals}, reverse=True)


def chosen_year(request, offered):
    """The year in ?jaar= (the current one when not given), if it is on offer."""
    text = request.GET.get("jaar")
    if text is None:
        return timezone.localdate().year
    try:
        year = int(text)
    except (TypeError, ValueError):
        year = None
    if year not in offered:
        raise Http404(_("Voor dit jaar is er geen overzicht."))
    return year


def record_url(year=None):
    """The record page of `year`; the current year's (and None's) without ?jaar=."""
    url = reverse("ontwikkeling")
    return url if year in (None, timezone.localdate().year) else f"{url}?jaar={year}"


@personal
@require_GET
def record_page(request):
    offered = years_on_offer(request.user)
    year = chosen_year(request, offered)
    record = record_for(request.user, year)
    context = {"record": record, "year": year, "years": offered}
    return render_private(request, "events/ontwikkeling/overzicht.html", context)


@personal
@require_http_methods(["GET", "POST"])
def goal(request):
    """Set, change or clear the goal of the year in ?jaar= (the current one when not
    given)."""
    next_year = timezone.localdate().year + 1
    year = chosen_year(request, [*years_on_offer(request.user), next_year])
    existing = DevelopmentGoal.objects.filter(user=request.user, year=year).first()
    if request.method == "POST" and request.POST.get("actie") == "weghalen":
        services.clear_goal(request.user, year)
        messages.success(request, _("Je doel voor %(year)s is weggehaald.") % {"year": year})
        # Next year's page was there for its goal alone: back to this year's then.
        return redirect(record_url(year if year in years_on_offer(request.user) else None))
    form = GoalForm(request.POST if request.method == "POST" else None, instance=existing)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.set_goal(request.user, year, data["hours"], data["scheme"], data["points"])
        messages.success(request, _("Je doel voor %(year)s is opgeslagen.") % {"year": year})
        return redirect(record_url(year))
    context = {
        "form": form,
        "year": year,
        "goal": existing,
        "back": record_url(year),
    }
    return render_private(request, "events/ontwikkeling/doel.html", context)
