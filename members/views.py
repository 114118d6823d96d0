"""Mijn Leerhuis: the personal dashboard, profile, organisation and privacy."""

import json

from allauth.account.decorators import reauthentication_required
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from members import affiliations, dashboard, privacy
from members.forms import ChooseOrganisationForm, DeleteAccountForm, ProfileForm
from members.membership import membership_on


def personal(view):
    """Personal pages: logged in only, never stored by a cache."""
    return never_cache(login_required(view))


@personal
def mijn_leerhuis(request):
    user = request.user
    status = membership_on(user)
    context = {
        "emailaddresses": EmailAddress.objects.filter(user=user).order_by("-primary", "email"),
        "has_mfa": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
        "status": status,
        "sections": dashboard.sections(request),
    }
    return render(request, "members/mijn_leerhuis.html", context)


@personal
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Je profiel is bijgewerkt."))
        return redirect("mijn_leerhuis")
    return render(request, "members/profiel.html", {"form": form})


@personal
@require_http_methods(["GET", "POST"])
def choose_organisation(request):
    user = request.user
    domain = affiliations.verified_domain(user)
    candidates = affiliations.organisations_for_domain(domain)
    if len(candidates) < 2:
        messages.info(request, _("Je organisatie volgt uit je e-mailadres; er is niets te kiezen."))
        return redirect("mijn_leerhuis")
    form = ChooseOrganisationForm(
        request.POST if request.method == "POST" else None, candidates=candidates
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        affiliations.choose(user, organisation)
        messages.success(
            request,
            _("Je hebt %(organisation)s gekozen. De vereniging bevestigt dit zo snel mogelijk.")
            % {"organisation": organisation},
        )
        return redirect("mijn_leerhuis")
    return render(request, "members/organisatie_kiezen.html", {"form": form, "domain": domain})


@personal
@require_GET
def export_data(request):
    data = privacy.export_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"mijn-gegevens-leerhuis-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@personal
@require_http_methods(["GET", "POST"])
def delete_account(request):
    if request.user.is_staff:
        # Editorial work hangs on staff accounts; asking for the password first would only
        # lead to this answer.
        return render(request, "members/account_verwijderen.html", {"staff": True}, status=403)
    return _confirm_deletion(request)


@reauthentication_required
def _confirm_deletion(request):
    """Only minutes after entering the password (or code) again, through allauth's own
    reauthentication with its rate limits: a borrowed session cannot delete an account."""
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        privacy.delete_account(request.user)
        logout(request)
        messages.success(request, _("Je account en je gegevens zijn verwijderd."))
        return redirect("/")
    return render(request, "members/account_verwijderen.html", {"form": form})
