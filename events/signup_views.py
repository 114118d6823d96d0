"""aanmelden/ in steps: the form; for a paid place an overview to confirm; then the receipt
(aanmelden/klaar/) at a stable address of the person's own.

Whoever pays sees what they commit to before it is final: the price, to whom the invoice
goes and with which reference. The answers travel with the overview in one hidden field,
signed (django.core.signing) with the meeting and the person in the salt: nothing waits
on the server between the steps, any worker can take the next one, "Terug om te wijzigen"
shows everything again, and a value changed or carried to another meeting or account is
refused. The confirm step validates the answers again and calls the verb, which is
idempotent: a double click is one registration.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from events import services
from events.forms import RegistrationForm
from events.models import RegistrationStatus
from events.views import render_private, signup_for, too_many_posts

FORM = "events/aanmelden.html"
OVERVIEW = "events/aanmelden_overzicht.html"
RECEIPT = "events/aanmelden_klaar.html"
# The buttons of the overview, and the hidden field that carries the answers.
CONFIRM, EDIT, CARRIED = "bevestigen", "wijzigen", "gegevens"
# An overview left open longer than this is filled in again.
MAX_AGE = 24 * 60 * 60


def _salt(page, user):
    return f"events.aanmelden:{page.pk}:{user.pk}"


def carry(page, user, form, price):
    """The submitted answers, signed, for the hidden field of the overview."""
    data = {name: form.data[name] for name in form.fields if name in form.data}
    payload = {"data": data, "price": str(price)}
    return signing.dumps(payload, salt=_salt(page, user), compress=True)


def carried(page, user, value):
    """The answers carried by the overview, or None when they are not ours or too old."""
    try:
        payload = signing.loads(value, salt=_salt(page, user), max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
        return None
    return payload


def receipt_url(request, page):
    return page.get_url(request) + page.reverse_subpage("aanmelden_klaar").lstrip("/")


def registration_form(data, page, signup, with_workshops=True, on_location=True):
    organisation = signup.membership.organisation
    return RegistrationForm(
        data,
        event=page if with_workshops else None,
        pays=signup.price > 0,
        organisation_name=organisation.name if organisation else "",
        dietary=on_location,
    )


@require_http_methods(["GET", "POST"])
def register(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    existing = page.registrations.active().filter(user=user).first()
    if existing is not None:
        # A second click on "bevestigen", a second tab: what was registered.
        messages.info(request, _already(existing))
        return redirect(receipt_url(request, page))
    context = {"page": page, "back": page.get_url(request)}
    reason = page.registration_block()
    if reason:
        return render_private(request, FORM, {**context, "blocked": reason}, 409)
    signup = signup_for(page, user)

    def make_form(data):
        # Nobody eats at an online meeting: no question about dietary needs there.
        return registration_form(data, page, signup, on_location=page.meets_on_location)

    context.update(signup=signup)

    def sign_up(answers):
        registration, created = services.register(page, user, answers)
        if not created:
            messages.info(request, _already(registration))
        return receipt_url(request, page)

    return submit_signup(request, page, context, make_form, sign_up)


def submit_signup(request, page, context, make_form, sign_up):
    """The steps of signing up for a meeting or a whole leergang. `make_form(data)` builds
    the form; `sign_up(answers)` calls the verb and returns where to go next. A refusal
    because sign-up closed is a 409 with the reason; anything else shows at the form."""
    signup = context["signup"]
    if request.method != "POST":
        return render_private(request, FORM, {**context, "form": make_form(None)})
    if too_many_posts(request):
        return render_private(request, FORM, {**context, "too_many": True}, 429)
    step = request.POST.get("stap", "")
    payload = None
    if step in (CONFIRM, EDIT):
        payload = carried(page, request.user, request.POST.get(CARRIED, ""))
        if payload is None:
            context.update(form=make_form(None), lost=True)
            return render_private(request, FORM, context, 400)
        form = make_form(payload["data"])
    else:
        form = make_form(request.POST)
    context["form"] = form
    if step == EDIT or not form.is_valid():
        return render_private(request, FORM, context)
    if signup.price > 0 and (step != CONFIRM or payload["price"] != str(signup.price)):
        context.update(
            answers=form.cleaned_data,
            carried=carry(page, request.user, form, signup.price),
            price_changed=step == CONFIRM,
        )
        return render_private(request, OVERVIEW, context)
    try:
        return redirect(sign_up(form.answers()))
    except services.RegistrationError as error:
        if error.code == "double":
            messages.info(request, error.message)
            return redirect(page.get_url(request))
        if error.code == "closed":
            context["blocked"] = error.message
            return render_private(request, FORM, context, 409)
        form.add_error(None, error.message)
    return render_private(request, FORM, context)


def _already(registration):
    if registration.is_confirmed:
        return _("Je bent al aangemeld voor deze activiteit.")
    return _("Je staat al op de wachtlijst voor deze activiteit.")


@require_GET
def receipt(request, page):
    """aanmelden/klaar/: what the person registered for this meeting and what it costs;
    their latest place when it was cancelled. Nobody else's: there is no id to change."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    mine = page.registrations.filter(user=request.user).select_related("workshop")
    registration = mine.active().first() or (
        mine.filter(status=RegistrationStatus.CANCELLED).order_by("-cancelled_at", "-pk").first()
    )
    if registration is None:
        raise Http404(_("Je hebt geen aanmelding voor deze activiteit."))
    registration.event = page
    context = {
        "page": page,
        "registration": registration,
        "back": page.get_url(request),
        "position": registration.waiting_position() if registration.is_waitlisted else None,
        "can_cancel": registration.may_cancel(),
    }
    return render_private(request, RECEIPT, context)
