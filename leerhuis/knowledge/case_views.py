"""Writing a praktijkcasus on the site: /kennisbank/casus-indienen/ (a new case) and
/kennisbank/casus-indienen/<id>/ (one's own case, to revise and submit).

For members (DESIGN.md): anonymous visitors are sent to log in, others get a Dutch page that
says why not. A case is its author's alone until it is published: another user's id is a
404, as if it did not exist. Thin: the verbs are in leerhuis.knowledge.cases.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from leerhuis.core.ratelimit import over_limit, too_many
from members import members_only
from members.access import private
from members.membership import membership_on

from . import cases
from .case_forms import SAVE, SUBMIT, CaseForm
from .models import CasePage

POST_LIMIT = 30
POST_WINDOW = 3600


def _render(request, template, context, status=200):
    return private(TemplateResponse(request, template, context, status=status))


def _refusal(request):
    kennisbank = cases.kennisbank()
    refusal = members_only.refusal(
        request,
        heading=_("Een praktijkcasus indienen is voor leden"),
        explanation=_(
            "Medewerkers van organisaties die lid zijn van de vereniging kunnen een "
            "praktijkcasus delen. Je account is (nog) niet gekoppeld aan zo'n organisatie."
        ),
        back_url=kennisbank.url if kennisbank else "",
        back_label=_("Terug naar de kennisbank"),
    )
    if refusal is None and kennisbank is None:
        raise Http404
    return refusal


def _own(request, pk):
    return get_object_or_404(CasePage, pk=pk, owner=request.user)


def _done(request, case, action, submitted):
    if action == SUBMIT and submitted:
        messages.success(
            request,
            _(
                "Dank je wel. Je casus ligt bij de redactie; je krijgt een mail zodra erover "
                "besloten is."
            ),
        )
        return redirect(reverse("mijn_leerhuis") + "#praktijkcasussen")
    if action == SUBMIT:
        messages.error(request, _("Deze casus kan nu niet worden ingediend."))
    else:
        messages.success(request, _("Je concept is opgeslagen. Je kunt later verder schrijven."))
    return redirect("casus_bewerken", case.pk)


def _handle(request, case=None):
    draft = case.get_latest_revision_as_object() if case is not None else None
    state = cases.state_of(case) if case is not None else None
    organisation = membership_on(request.user).organisation
    action = SUBMIT if request.POST.get("actie") == SUBMIT else SAVE
    if request.method == "POST" and (state is None or state.editable):
        if over_limit(request, "casus", limit=POST_LIMIT, window=POST_WINDOW):
            return too_many(request)
        form = CaseForm(
            request.POST,
            request.FILES,
            case=draft,
            organisation=organisation,
            action=action,
        )
        if form.is_valid():
            data = form.model_data()
            upload = form.cleaned_data.get("attachment")
            if upload is not None:
                data.update(cases.attachment_fields(request.user, upload, data["title"]))
            elif form.cleaned_data.get("remove_attachment"):
                data.update({"image": None, "document": None, "image_alt": ""})
            case = cases.save_draft(request.user, data, case)
            submitted = cases.submit(case, request.user) if action == SUBMIT else False
            return _done(request, case, action, submitted)
    else:
        form = CaseForm(case=draft, organisation=organisation)
    context = {
        "form": form,
        "case": case,
        "draft": draft,
        "state": state,
        "organisation": organisation,
    }
    return _render(request, "knowledge/casus_indienen.html", context)


@require_http_methods(["GET", "POST"])
def new_case(request):
    refusal = _refusal(request)
    return refusal if refusal is not None else _handle(request)


@require_http_methods(["GET", "POST"])
def edit_case(request, pk):
    refusal = _refusal(request)
    if refusal is not None:
        return refusal
    return _handle(request, _own(request, pk))


@require_http_methods(["GET"])
def preview_case(request, pk):
    """The newest version as readers will see it, for its author only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    draft = _own(request, pk).get_latest_revision_as_object()
    request.is_preview = True
    request.preview_mode = draft.default_preview_mode
    response = draft.serve_preview(request, draft.default_preview_mode)
    response["X-Robots-Tag"] = "noindex"
    return private(response)


@require_POST
def delete_case(request, pk):
    """The author deletes a case that never went live (a draft, or one turned down)."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("mijn_leerhuis"))
    case = _own(request, pk)
    if case.live or case.first_published_at or cases.state_of(case).code == "ingediend":
        messages.error(
            request, _("Een casus die ingediend of gepubliceerd is, verwijder je niet zelf.")
        )
        return redirect("casus_bewerken", case.pk)
    title = case.draft_title
    case.delete()
    messages.success(request, _("De casus '%(title)s' is verwijderd.") % {"title": title})
    return redirect(reverse("mijn_leerhuis") + "#praktijkcasussen")
