"""Proposing a begrip from the site: /begrippen/voorstellen/ (new) and
/begrippen/<slug>/wijziging-voorstellen/ (a change).

For members (DESIGN.md): anonymous visitors are sent to log in, others get a Dutch page that
says why not. Thin: the verb is glossary.proposals.propose; answers are private, as they
depend on who asks.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from glossary import proposals
from glossary.models import Concept
from glossary.proposal_forms import ChangeProposalForm, NewConceptProposalForm
from leerhuis.core.ratelimit import over_limit, too_many
from members import members_only
from members.access import private

# Proposals per person per hour: plenty for a member, a brake on scripts.
POST_LIMIT = 10
POST_WINDOW = 3600


def _render(request, template, context, status=200):
    return private(TemplateResponse(request, template, context, status=status))


def _refusal(request):
    """A response when this visitor may not propose, else None."""
    return members_only.refusal(
        request,
        block=proposals.propose_block,
        heading=_("Begrippen voorstellen is voor leden"),
        explanation=_(
            "Medewerkers van organisaties die lid zijn van de vereniging kunnen een nieuw "
            "begrip of een wijziging voorstellen. Je account is (nog) niet gekoppeld aan zo'n "
            "organisatie. Mis je een begrip, laat het de redactie dan weten."
        ),
        back_url=reverse("begrippen"),
        back_label=_("Terug naar het begrippenkader"),
    )


def _submit(request, form, context, **fixed):
    if request.method == "POST":
        if over_limit(request, "begripvoorstel", limit=POST_LIMIT, window=POST_WINDOW):
            return too_many(request)
        if form.is_valid():
            proposals.propose(request.user, **form.cleaned_data, **fixed)
            messages.success(
                request,
                _(
                    "Dank je wel. Je voorstel is verstuurd naar de redactie; je krijgt een mail "
                    "zodra erover besloten is."
                ),
            )
            return redirect(reverse("mijn_leerhuis") + "#begripvoorstellen")
    return _render(request, "glossary/voorstellen.html", {**context, "form": form})


@require_http_methods(["GET", "POST"])
def propose_new(request):
    refusal = _refusal(request)
    if refusal is not None:
        return refusal
    form = NewConceptProposalForm(request.POST if request.method == "POST" else None)
    return _submit(request, form, {"back": reverse("begrippen")})


@require_http_methods(["GET", "POST"])
def propose_change(request, slug):
    concept = get_object_or_404(Concept.objects.live(), slug=slug)
    refusal = _refusal(request)
    if refusal is not None:
        return refusal
    form = ChangeProposalForm(request.POST if request.method == "POST" else None, concept=concept)
    context = {"concept": concept, "back": concept.get_absolute_url()}
    return _submit(request, form, context, concept=concept)
