"""Stuur een collega: the sender's form (collega/ of a meeting) and the colleague's page
behind the link in the invitation (/activiteiten/<slug>/collega/<token>/).

Thin, like events.views: the verbs and their rules are in events.services.colleague, the
place's own rule in Registration.transfer_block. The colleague's page answers every state
of a link in Dutch with a 200 (expired, withdrawn, taken, declined), a 404 only for a link
that never existed; it changes nothing on a GET.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from events import services
from events.services import colleague as invitations
from events.views import _own_registration, render_private, too_many_posts
from members.adapter import RETURN_AFTER_VERIFICATION
from members.membership import membership_on

SEND = "events/collega.html"
ACCEPT = "events/collega_uitnodiging.html"


class InviteForm(forms.Form):
    """The colleague's work address; whether it fits is the verb's to decide."""

    email = forms.EmailField(
        label=gettext_lazy("E-mailadres van je collega"),
        help_text=gettext_lazy(
            "Het e-mailadres van het werk. Je collega heeft nog geen account nodig."
        ),
        error_messages={
            "required": gettext_lazy("Vul het e-mailadres van je collega in."),
            "invalid": gettext_lazy("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


def _until(invitation):
    return timezone.localtime(invitation.expires_at)


@require_http_methods(["GET", "POST"])
def send(request, page):
    """collega/: invite a colleague, see the open invitation, withdraw it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    registration = _own_registration(request, page)
    registration.event = page
    now = timezone.now()
    context = {
        "page": page,
        "registration": registration,
        "back": page.get_url(request),
        "invitation": invitations.open_invitation(registration, now),
        "organisation": membership_on(request.user, page.price_day()).organisation,
    }
    if request.method == "POST" and request.POST.get("action") == "intrekken":
        withdrawn = services.withdraw_invitation(registration, request.user, now=now)
        if withdrawn is not None:
            messages.success(
                request,
                _("Je uitnodiging aan %(email)s is ingetrokken. Je plaats blijft van jou.")
                % {"email": withdrawn.email},
            )
        return redirect(page.get_url(request) + page.reverse_subpage("collega"))
    refusal = registration.transfer_block(now)
    if refusal:
        return render_private(request, SEND, {**context, "blocked": refusal}, 409)
    form = InviteForm(request.POST if request.method == "POST" else None)
    context["form"] = form
    if request.method == "POST":
        if too_many_posts(request):
            return render_private(request, SEND, {**context, "too_many": True}, 429)
        if form.is_valid():
            email = form.cleaned_data["email"]
            try:
                invitation, _token = services.invite_colleague(
                    registration, email, request.user, now=now
                )
            except services.RegistrationError as error:
                if error.code == "closed":
                    return render_private(request, SEND, {**context, "blocked": error.message}, 409)
                form.add_error("email", error.message)
            else:
                messages.success(
                    request,
                    _(
                        "We hebben %(email)s uitgenodigd om je plaats over te nemen. Tot je "
                        "collega dat doet, houd je je plaats (de uitnodiging is geldig tot "
                        "%(until)s uur)."
                    )
                    % {
                        "email": invitation.email,
                        "until": date_format(_until(invitation), "j F Y, H:i"),
                    },
                )
                return redirect(page.get_url(request))
    return render_private(request, SEND, context)


@require_http_methods(["GET", "POST"])
def accept(request, slug, token):
    """The colleague's page: what is offered, and taking it over or saying no."""
    invitation = invitations.find(token)
    if invitation is None or invitation.registration.event.slug != slug:
        return render_private(request, ACCEPT, {"state": "unknown"}, 404)
    event = invitation.registration.event
    user = request.user
    now = timezone.now()
    context = {
        "state": "open",
        "invitation": invitation,
        "event": event,
        "sender_name": invitation.registration.name,
        "until": _until(invitation),
        # A meeting taken off the site has no page to go back to.
        "back": event.get_url(request) if event.live else "/activiteiten/",
    }
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "afslaan":
        try:
            services.decline_invitation(invitation, now=now)
        except services.RegistrationError as error:
            return render_private(
                request, ACCEPT, {**context, "state": "closed", "reason": error.message}
            )
        return render_private(request, ACCEPT, {**context, "state": "declined"})
    successor = invitation.registration.replaced_by
    if user.is_authenticated and successor is not None and successor.user_id == user.pk:
        return render_private(request, ACCEPT, {**context, "state": "taken_over"})
    reason = invitation.closed_reason(now)
    if reason:
        return render_private(request, ACCEPT, {**context, "state": "closed", "reason": reason})
    if not user.is_authenticated:
        # After signing up and verifying the address (by a link, often without the session
        # of the sign-up), allauth sends the visitor to log in; from there back here.
        request.session[RETURN_AFTER_VERIFICATION] = request.path
        return render_private(request, ACCEPT, {**context, "state": "anonymous"})
    if not invitations.owns_address(user, invitation):
        unverified = user.emailaddress_set.filter(email__iexact=invitation.email).exists()
        state = "unverified" if unverified else "other_account"
        return render_private(request, ACCEPT, {**context, "state": state})
    if event.registrations.active().filter(user=user).exists():
        return render_private(request, ACCEPT, {**context, "state": "registered"})
    price, membership = event.price_for(user)
    context.update(price=price, membership=membership)
    if action == "overnemen":
        try:
            services.accept_invitation(invitation, user, now=now)
        except services.RegistrationError as error:
            return render_private(
                request, ACCEPT, {**context, "state": "closed", "reason": error.message}
            )
        messages.success(
            request,
            _("Je hebt de plaats van %(name)s overgenomen. De bevestiging staat in je mail.")
            % {"name": invitation.registration.name},
        )
        return redirect(context["back"])
    return render_private(request, ACCEPT, context)
