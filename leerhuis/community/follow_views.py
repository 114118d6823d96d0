"""/mijn-leerhuis/volgen/: what I follow and how often I hear of it; following and
unfollowing a thread, theme or group; and the one-click stop from a mail.

The stop address works as the weekmail's does (leerhuis/knowledge/digest/views.py): GET
shows a page with one button, because mail scanners and link previews open every link in a
mail; only a POST stops. Mail programs POST `List-Unsubscribe=One-Click` to the same
address (RFC 8058) without login or CSRF token: the token in the address is the proof,
and stopping mail is all it can do.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from leerhuis.community import rules
from leerhuis.community.models import Follow, Frequency, Thread
from leerhuis.community.services import following
from leerhuis.core.themes import Thema
from members.access import can_view, deny
from members.models import Groep

KIND_LABELS = {
    "thread": gettext_lazy("gesprek"),
    "thema": gettext_lazy("thema"),
    "groep": gettext_lazy("groep"),
}
UNSEEN = {
    "thread": gettext_lazy("een gesprek dat je niet meer kunt zien"),
    "groep": gettext_lazy("een groep die je niet meer kunt zien"),
}


class FrequencyForm(forms.Form):
    frequentie = forms.ChoiceField(
        label=gettext_lazy("E-mail"),
        choices=Frequency.choices,
        error_messages={
            "required": gettext_lazy("Kies meteen, dagelijkse samenvatting of geen mail."),
            "invalid_choice": gettext_lazy("Kies meteen, dagelijkse samenvatting of geen mail."),
        },
    )


def subject_url(follow):
    if follow.thread_id:
        return follow.thread.get_absolute_url()
    if follow.groep_id:
        return follow.groep.get_absolute_url()
    return f"/gesprekken/?thema={follow.thema.slug}"


def row_for(follow, form=None):
    """What the list of follows shows of one follow (from following.follows_of)."""
    kind = following.field_for(follow.subject)
    visible = following.visible(follow)
    return {
        "follow": follow,
        "kind": KIND_LABELS[kind],
        "title": str(follow.subject) if visible else UNSEEN[kind],
        "url": subject_url(follow) if visible else "",
        "new_count": follow.new_count if visible else 0,
        "form": form or FrequencyForm(initial={"frequentie": follow.frequency}),
    }


def rows_for(follows, invalid=None):
    """Rows for the follows; `invalid` is (follow pk, bound form with errors) to show again."""
    pk, form = invalid or (None, None)
    return [row_for(f, form if f.pk == pk else None) for f in follows]


def _page(request, invalid=None, status=200):
    rows = rows_for(following.follows_of(request.user), invalid)
    return render(request, "community/follow/volgen.html", {"rows": rows}, status=status)


@never_cache
@login_required
@require_http_methods(["GET"])
def volgen(request):
    return _page(request)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def instelling(request, pk):
    """One follow of the person logged in: how often (frequentie) or stop (actie=ontvolgen)."""
    follow = get_object_or_404(Follow, pk=pk, user=request.user)
    if request.method == "GET":
        return redirect("volgen")
    if request.POST.get("actie") == "ontvolgen":
        name = str(follow.subject)
        follow.delete()
        messages.success(request, _("Je volgt '%(name)s' niet meer.") % {"name": name})
        return redirect(_back(request, reverse("volgen")))
    form = FrequencyForm(request.POST)
    if not form.is_valid():
        return _page(request, invalid=(follow.pk, form))
    following.set_frequency(follow, form.cleaned_data["frequentie"])
    messages.success(
        request,
        _("Opgeslagen: voor '%(name)s' krijg je %(choice)s.")
        % {"name": follow.subject, "choice": follow.get_frequency_display()},
    )
    return redirect(_back(request, reverse("volgen")))


def _back(request, fallback):
    """The page the form was on (`next`), when it is an address on this site."""
    back = request.POST.get("next") or request.GET.get("next") or ""
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back
    return fallback


def _toggle(request, subject):
    back = _back(request, subject_url(Follow(**{following.field_for(subject): subject})))
    if request.method == "GET":  # back from logging in: the page it was about
        return redirect(back)
    if request.POST.get("actie") == "ontvolgen":
        following.unfollow(request.user, subject)
        messages.success(request, _("Je volgt '%(name)s' niet meer.") % {"name": subject})
        return redirect(back)
    frequency = request.POST.get("frequentie") or Frequency.DIRECT
    try:
        following.follow(request.user, subject, frequency)
    except following.FollowError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(
        request,
        _("Je volgt nu '%(name)s'. Je instellingen staan in Mijn Leerhuis.") % {"name": subject},
    )
    return redirect(back)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def volg_gesprek(request, slug):
    thread = get_object_or_404(Thread.objects.select_related("group"), slug=slug)
    if not can_view(request.user, thread):
        if rules.is_secret(thread):
            raise Http404
        return deny(request, thread)
    return _toggle(request, thread)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def volg_thema(request, slug):
    if "\x00" in slug:  # PostgreSQL refuses NUL in text: no theme has it
        raise Http404
    return _toggle(request, get_object_or_404(Thema, slug=slug))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def volg_groep(request, slug):
    # A hidden group is a 404 to those outside it, here as on its page.
    return _toggle(request, get_object_or_404(Groep.objects.listed_for(request.user), slug=slug))


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def stop(request, token):
    follows = following.token_follows(token)
    context = {"settings_url": reverse("volgen")}
    if follows is None:
        template, status = "community/follow/stoplink_ongeldig.html", 404
    elif request.method == "POST":
        following.stop_by_token(token)
        template, status = "community/follow/gestopt.html", 200
        context["follows"] = follows
    else:
        template, status = "community/follow/stoppen.html", 200
        context["follows"] = follows
        context["mailing"] = any(f.frequency != Frequency.NOOIT for f in follows)
    # The link may travel (a forwarded mail): it names only what its person may still see.
    context["names"] = [
        str(f.subject) for f in follows or () if following.may_follow(f.user, f.subject)
    ]
    response = render(request, template, context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
