"""Learning elsewhere: add, edit, delete, and the private proof document.

Everything here is its owner's alone: another account (staff too) gets a 404 for someone
else's item, the same answer as for one that does not exist, so an id reveals nothing.
The proof is sent as a download (never shown inline, so a crafted file cannot run as a
page of this site), privately and never stored by a cache.
"""

import os

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from events.models import ExternalLearning
from members.access import private, render_private
from members.views import personal

from . import services
from .forms import ExternalLearningForm, content_type_of
from .views import record_url, years_on_offer


def _own(request, pk):
    return get_object_or_404(
        ExternalLearning.objects.select_related("scheme"), pk=pk, user=request.user
    )


def _back_to(request, learning):
    """The record of the item's year, when that year is still on offer."""
    year = learning.date.year
    return record_url(year if year in years_on_offer(request.user) else None)


def _stored(learning):
    """What the edit page names as saved: a form sent back with errors has already put
    what was typed on `learning`."""
    name = os.path.basename(learning.proof.name) if learning.proof else ""
    return {"title": learning.title, "year": learning.date.year, "proof_name": name}


def _form_page(request, form, learning=None, stored=None):
    stored = stored or {"year": None}
    context = {"form": form, "learning": learning, "back": record_url(stored["year"]), **stored}
    # A browser never keeps a chosen file when the form comes back with errors.
    context["choose_again"] = form.is_bound and bool(request.FILES) and bool(form.errors)
    return render_private(request, "events/ontwikkeling/elders_form.html", context)


@personal
@require_http_methods(["GET", "POST"])
def add(request):
    if request.method != "POST":
        return _form_page(request, ExternalLearningForm())
    form = ExternalLearningForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, form)
    learning, created = services.add_external(request.user, form.save(commit=False))
    if created:
        messages.success(
            request, _("‘%(title)s’ staat in je overzicht.") % {"title": learning.title}
        )
    return redirect(_back_to(request, learning))


@personal
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    learning = _own(request, pk)
    stored = _stored(learning)
    if request.method != "POST":
        return _form_page(request, ExternalLearningForm(instance=learning), learning, stored)
    old_proof = learning.proof.name or ""
    form = ExternalLearningForm(request.POST, request.FILES, instance=learning)
    if not form.is_valid():
        return _form_page(request, form, learning, stored)
    learning = services.change_external(form.save(commit=False), old_proof)
    messages.success(request, _("‘%(title)s’ is bijgewerkt.") % {"title": learning.title})
    return redirect(_back_to(request, learning))


@personal
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    """A confirmation page; only its POST deletes."""
    learning = _own(request, pk)
    if request.method == "POST":
        services.remove_external(learning)
        messages.success(
            request, _("‘%(title)s’ is uit je overzicht gehaald.") % {"title": learning.title}
        )
        return redirect(_back_to(request, learning))
    context = {"learning": learning, "back": record_url(learning.date.year)}
    return render_private(request, "events/ontwikkeling/elders_verwijderen.html", context)


@personal
@require_GET
def proof(request, pk):
    learning = _own(request, pk)
    if not learning.proof:
        raise Http404(_("Bij deze activiteit is geen bewijsstuk bewaard."))
    try:
        file = learning.proof.open("rb")
    except OSError as missing:
        raise Http404(_("Dit bewijsstuk is niet meer te vinden.")) from missing
    name = os.path.basename(learning.proof.name)
    response = FileResponse(
        file, as_attachment=True, filename=name, content_type=content_type_of(name)
    )
    patch_cache_control(private(response), no_store=True)
    return response
