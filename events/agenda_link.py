"""The address of someone's personal calendar feed, and the subscribe links of the public
one: made, renewed and withdrawn from Mijn Leerhuis."""

from urllib.parse import urlencode, urlsplit, urlunsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.models import PersonalFeed
from leerhuis.core.formatting import absolute_url


def feed_urls(token):
    """The https address of a personal feed and the same as webcal:// for one-click
    subscribing in Apple Calendar and Outlook."""
    path = reverse("persoonlijke_agenda", kwargs={"token": token})
    return subscribe_urls(path)


def subscribe_urls(path_and_query):
    https = absolute_url(path_and_query)
    parts = urlsplit(https)
    webcal = urlunsplit(("webcal", parts.netloc, parts.path, parts.query, ""))
    return {"https": https, "webcal": webcal}


def calendar_feed_path(**filters):
    query = urlencode([(k, v) for k, v in filters.items() if v])
    path = reverse("agenda_feed")
    return f"{path}?{query}" if query else path


@login_required
@require_http_methods(["GET", "POST"])
def manage_personal_feed(request):
    """Make, renew or withdraw my feed's address (POST `actie` = maak, vernieuw, stop).
    A GET (back from logging in again) shows the section in Mijn Leerhuis."""
    back = redirect(f"{reverse('mijn_leerhuis')}#agenda")
    if request.method == "GET":
        return back
    action = request.POST.get("actie")
    exists = PersonalFeed.objects.filter(user=request.user).exists()
    if action == "maak" and exists:
        # A second tab or a double click must not break an address already in use.
        messages.info(request, _("Je hebt al een agenda-link; die blijft werken."))
    elif action == "maak":
        PersonalFeed.issue(request.user)
        messages.success(request, _("Je persoonlijke agenda-link staat klaar."))
    elif action == "vernieuw":
        PersonalFeed.issue(request.user)
        messages.success(
            request,
            _(
                "Je agenda-link is vernieuwd. De oude link werkt niet meer: "
                "abonneer je agenda opnieuw met de nieuwe."
            ),
        )
    elif action == "stop":
        if PersonalFeed.objects.filter(user=request.user).delete()[0]:
            messages.success(request, _("Je agenda-link is ingetrokken en werkt niet meer."))
    else:
        return HttpResponseBadRequest(
            _("Onbekende actie voor de agenda-link."), content_type="text/plain; charset=utf-8"
        )
    return back
