"""The meeting page and its route afmelden/ (aanmelden/: signup_views; collega/: invitations;
leergang: track_views).

Thin: the verbs live in events.services, who may see a page in members.access; the
on_serve_page hook has already applied the page's visibility when these views run. Every
answer that depends on the visitor is marked private, so no shared cache keeps it.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from events import services
from events.models import Registration, RegistrationStatus, linked_begrippen
from events.structured_data import event_json_ld
from leerhuis.core.ratelimit import over_limit
from members.access import private, render_private
from members.membership import MembershipStatus, membership_on

# Sign-up and transfer POSTs per person per window: enough for any honest use, and a
# brake on scripts. Counted in the shared cache, so every worker sees the same count.
POST_LIMIT = 10
POST_WINDOW = 600  # seconds


@dataclass
class Signup:
    """Where the person looking stands with one meeting: what the call to action says."""

    state: str  # open, full, closed, registered, waitlisted, over
    price: Decimal
    membership: MembershipStatus
    reason: str = ""
    registration: Registration | None = None
    position: int | None = None
    can_cancel: bool = False
    can_transfer: bool = False
    # What it costs only matters while one can still come, or to whoever had a place.
    show_price: bool = True

    # The states by name, for templates (no string literals there).
    @property
    def is_open(self):
        return self.state == "open"

    @property
    def is_full(self):
        return self.state == "full"

    @property
    def is_registered(self):
        return self.state == "registered"

    @property
    def is_waitlisted(self):
        return self.state == "waitlisted"

    @property
    def is_over(self):
        return self.state == "over"

    @property
    def may_sign_up(self):
        """A button to the sign-up form: a place, or one on the waiting list."""
        return self.state in ("open", "full")


# A page being previewed before it was ever saved has no registrations and no address.
NOT_PUBLISHED = _lazy("Aanmelden kan zodra deze pagina is gepubliceerd.")


# signup_for() looks up the person's own place unless the caller did so already.
LOOK_UP = object()


def signup_for(event, user, now=None, own=LOOK_UP):
    """What the call to action says to `user`, decided by the meeting's rules. A listing
    passes `own` (the active registration or None), fetched for all its meetings at once."""
    now = now or timezone.now()
    price, status = event.price_for(user)
    if event.pk is None:
        return Signup("closed", price, status, reason=str(NOT_PUBLISHED))
    if event.is_cancelled:
        # Also for those who were registered: nothing to come to, no online link, no price.
        reason = str(event.registration_block(now))
        return Signup("closed", price, status, reason=reason, show_price=False)
    if own is LOOK_UP:
        own = None
        if user.is_authenticated:
            own = event.registrations.active().filter(user=user).first()
    if event.is_over(now):
        # Over: no signing up or cancelling; who had a place may fetch the certificate.
        if own is not None and own.is_confirmed:
            return Signup("over", own.price, status, registration=own)
        return Signup("over", price, status, show_price=False)
    if own is not None:
        own.event = event
        # The person looking: their memberships are read once per request, not per place.
        own.user = user
        signup = Signup(
            "registered" if own.is_confirmed else "waitlisted",
            own.price,
            status,
            registration=own,
            can_cancel=own.may_cancel(now),
            can_transfer=own.may_transfer(now),
        )
        if own.is_waitlisted:
            signup.position = own.waiting_position()
        return signup
    reason = event.registration_block(now)
    if reason:
        return Signup("closed", price, status, reason=str(reason))
    return Signup("full" if event.is_full() else "open", price, status)


def may_see_attendees(user):
    return user.is_authenticated and (user.is_staff or membership_on(user).is_member)


def personal(request, response):
    if request.user.is_authenticated:
        private(response)
    return response


def too_many_posts(request):
    """Sign-ups and transfers share one count per person (leerhuis.core.ratelimit)."""
    return over_limit(request, "events", limit=POST_LIMIT, window=POST_WINDOW)


# --- the meeting page -----------------------------------------------------------------


def event_page(request, page):
    user = request.user
    signup = signup_for(page, user)
    speakers = page.speakers.filter(person__live=True).select_related(
        "person__organisation", "person__photo"
    )
    context = {
        "signup": signup,
        "programme": page.programme.select_related("speaker"),
        "speakers": speakers.prefetch_related("person__photo__renditions"),
        "workshops": page.workshops.all(),
        "themes": page.themes.filter(live=True),
        "begrippen": linked_begrippen(page),
        # Never in the HTML for anyone but a confirmed registrant.
        "online": signup.is_registered and signup.registration.may_join_online,
        "attendees": None,
        "is_over": page.end is not None and page.is_over(),
        "structured_data": event_json_ld(page, request),
    }
    if may_see_attendees(user) and page.pk:
        context["attendees"] = (
            page.registrations.confirmed()
            .filter(on_attendee_list=True)
            .order_by("name", "pk")
            .values("name", "organisation_name")
        )
    return personal(request, page.render(request, context_overrides=context))


def _own_registration(request, page):
    """The requester's active registration of this meeting; never anyone else's.

    A registration id in the POST must be one of those, or it is a 404.
    """
    registrations = page.registrations.active().filter(user=request.user)
    posted = request.POST.get("registration", "") if request.method == "POST" else ""
    if posted:
        # isdigit() alone accepts "²" and digits beyond what int() parses: ASCII, short.
        if not (posted.isascii() and posted.isdigit() and len(posted) <= 18):
            raise Http404(_("Deze aanmelding bestaat niet."))
        registrations = registrations.filter(pk=int(posted))
    registration = registrations.first()
    if registration is None:
        raise Http404(_("Je hebt geen aanmelding voor deze activiteit."))
    return registration


@require_http_methods(["GET", "POST"])
def cancel(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not page.registrations.active().filter(user=request.user).exists():
        # The link of a place cancelled already (a second click, an old mail) says so.
        cancelled = page.registrations.filter(
            user=request.user, status=RegistrationStatus.CANCELLED
        ).order_by("-cancelled_at", "-pk")
        if cancelled := cancelled.first():
            context = {
                "page": page,
                "back": page.get_url(request),
                "cancelled_at": cancelled.cancelled_at,
            }
            return render_private(request, "events/al_afgemeld.html", context)
    registration = _own_registration(request, page)
    registration.event = page
    context = {
        "page": page,
        "registration": registration,
        "back": page.get_url(request),
        "refusal": registration.cancel_block(),
        "can_transfer": registration.may_transfer(),
        # Only then does the freed place go to someone.
        "someone_waits": registration.is_confirmed and page.registration_counts()[1] > 0,
    }
    if request.method == "POST":
        try:
            services.cancel(registration, request.user)
        except services.RegistrationError as error:
            context.update(refusal=error.message)
            return render_private(request, "events/afmelden.html", context, 409)
        messages.success(
            request,
            _("Je bent afgemeld voor %(title)s. Je krijgt een bevestiging per mail.")
            % {"title": page.title},
        )
        return redirect(page.get_url(request))
    return render_private(request, "events/afmelden.html", context)
