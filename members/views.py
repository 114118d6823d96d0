"""Mijn Leerhuis: the personal dashboard, profile, organisation and privacy."""

import json
import posixpath
import tempfile
import zipfile

from allauth.account.decorators import reauthentication_required
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
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


def _export_json(user):
    return json.dumps(privacy.export_data(user), ensure_ascii=False, indent=2)


def _export_name(extension):
    return f"mijn-gegevens-leerhuis-{timezone.localdate():%Y-%m-%d}.{extension}"


@personal
@require_GET
def export_data(request):
    response = HttpResponse(_export_json(request.user), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{_export_name("json")}"'
    return response


# An archive stays in memory up to this size, then goes to a temporary file: proofs and
# statements can add up, and a worker's memory is shared by every request it serves.
ARCHIVE_IN_MEMORY = 8 * 1024 * 1024
ARCHIVE_JSON = "gegevens.json"


def _archive_path(path, taken):
    """An app's path kept inside the archive ("../x" → "x"), and never one already used."""
    parts = posixpath.normpath("/" + str(path).replace("\\", "/")).lstrip("/")
    candidate, number = parts or "bestand", 1
    stem, extension = posixpath.splitext(candidate)
    while candidate in taken:
        number += 1
        candidate = f"{stem} ({number}){extension}"
    taken.add(candidate)
    return candidate


@personal
@require_GET
def export_archive(request):
    """gegevens.json (what export_data gives) with the files the apps add through
    dashboard.EXPORT_FILES_HOOK (statements, uploaded proofs), as one zip."""
    # Not a `with`: FileResponse closes the file once it is sent.
    archive = tempfile.SpooledTemporaryFile(max_size=ARCHIVE_IN_MEMORY)  # noqa: SIM115
    taken = {ARCHIVE_JSON}
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(ARCHIVE_JSON, _export_json(request.user))
        for path, content in dashboard.exported_files_by_apps(request.user):
            zipped.writestr(_archive_path(path, taken), content)
    archive.seek(0)
    return FileResponse(
        archive, as_attachment=True, filename=_export_name("zip"), content_type="application/zip"
    )


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
