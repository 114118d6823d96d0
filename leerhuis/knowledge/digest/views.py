"""Switching the weekmail on and off: in Mijn Leerhuis (logged in, for oneself only), and
from the mail itself without logging in.

The address in the mail shows a page with one button on GET, because mail scanners and link
previews open every link in a mail; only a POST unsubscribes. Mail programs that offer
"afmelden" themselves POST `List-Unsubscribe=One-Click` to the same address (RFC 8058),
without a CSRF token: the signed address is the proof, and unsubscribing is all it can do.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from leerhuis.knowledge.models import DigestSubscription

from . import links

CHOICES = {"aan": True, "uit": False}


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def switch(request):
    """POST `weekmail` = aan or uit, for the person logged in. A GET (back from logging in)
    shows the section in Mijn Leerhuis."""
    back = redirect(f"{reverse('mijn_leerhuis')}#weekmail")
    if request.method == "GET":
        return back
    choice = request.POST.get("weekmail")
    if choice not in CHOICES:
        return HttpResponseBadRequest(
            _("Kies 'aan' of 'uit' voor de weekmail."), content_type="text/plain; charset=utf-8"
        )
    on = CHOICES[choice]
    DigestSubscription.switch(request.user, on)
    if on:
        messages.success(
            request, _("De weekmail staat aan. Je krijgt hem voortaan op maandagochtend.")
        )
    else:
        messages.success(request, _("De weekmail staat uit. Je krijgt hem niet meer."))
    return back


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user = links.user_for(token)
    context = {"settings_url": f"{reverse('mijn_leerhuis')}#weekmail"}
    if user is None:
        template, status = "knowledge/digest/afmeldlink_ongeldig.html", 404
    elif request.method == "POST":
        DigestSubscription.switch(user, False)
        template, status = "knowledge/digest/afgemeld.html", 200
    else:
        template, status = "knowledge/digest/afmelden.html", 200
        context["subscribed"] = DigestSubscription.is_on(user)
    response = render(request, template, context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
