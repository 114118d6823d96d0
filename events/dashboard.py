"""Mijn Leerhuis for events: my registrations and leergangen, their share of "download mijn
gegevens", and what happens to them when an account is deleted.

The three Wagtail hooks of members.dashboard; EventsConfig.ready imports this module.
Every listing here costs the same few queries however many registrations someone has.
"""

from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Prefetch, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail import hooks

from events import services
from events.models import (
    EventPage,
    LearningTrackPage,
    PersonalFeed,
    PlaceInvitation,
    Registration,
    RegistrationStatus,
    TrackProgress,
)
from events.models.queries import correlated_count
from members.dashboard import DELETE_HOOK, EXPORT_HOOK, SECTIONS_HOOK, Section

# The dashboard shows the most recent past meetings; the full list page shows them all.
PAST_ON_DASHBOARD = 5


# --- what someone is registered for ---------------------------------------------------


def _waiting_position():
    """1 + the number of people waiting before this registration, in promotion order
    (created_at, pk: see RegistrationQuerySet.waiting_order)."""
    ahead = Registration.objects.filter(event=OuterRef("event")).ahead_of(
        OuterRef("created_at"), OuterRef("pk")
    )
    return correlated_count(ahead, "event") + 1


def _registrations_of(user):
    return (
        Registration.objects.filter(user=user)
        .select_related("event", "learning_track", "workshop")
        .annotate(waiting_position=_waiting_position())
    )


def _decorate(registrations, now):
    """What the templates need to know per row, asked of the registration's own rules."""
    for registration in registrations:
        registration.is_upcoming = not registration.event.is_over(now)
        registration.cancel_open = registration.may_cancel(now)
        registration.has_certificate = registration.certificate_available(now)
        # The ticket matters until the meeting is over (events/tickets.py).
        registration.has_ticket = registration.is_confirmed and registration.is_upcoming
    return registrations


def upcoming(user, now):
    """Confirmed and waiting registrations for meetings that are not over yet, soonest first;
    each with `open_invitations` (the colleague invited to take it over, if any)."""
    invitations = Prefetch(
        "invitations", queryset=PlaceInvitation.objects.open(now), to_attr="open_invitations"
    )
    queryset = _registrations_of(user).active().filter(event__end__gte=now)
    queryset = queryset.prefetch_related(invitations)
    return _decorate(list(queryset.order_by("event__start", "pk")), now)


def past(user, now, limit=None):
    """Registrations (not cancelled) for meetings that are over, latest first."""
    queryset = _registrations_of(user).active().filter(event__end__lt=now)
    queryset = queryset.order_by("-event__start", "-pk")
    return _decorate(list(queryset[:limit] if limit else queryset), now)


def cancelled(user, now):
    queryset = _registrations_of(user).filter(status=RegistrationStatus.CANCELLED)
    return _decorate(list(queryset.order_by("-event__start", "-pk")), now)


def booked_tracks(user, now=None):
    """The leergangen someone booked, each with `progress` (a TrackProgress, as
    LearningTrackPage.progress_of counts it) and `session_count`, in one query."""
    booked = Registration.objects.filter(user=user, learning_track__isnull=False).filter(
        ~Q(status=RegistrationStatus.CANCELLED) | Q(checked_in_at__isnull=False)
    )
    attended = Registration.objects.attended(now).filter(
        event__learning_track=OuterRef("pk"), user=user
    )
    sessions = EventPage.objects.filter(learning_track=OuterRef("pk"), live=True)
    tracks = list(
        LearningTrackPage.objects.filter(pk__in=booked.values("learning_track"))
        .annotate(
            attended=correlated_count(attended, "event__learning_track"),
            session_count=correlated_count(sessions, "learning_track"),
        )
        .order_by("title", "pk")
    )
    for track in tracks:
        track.progress = TrackProgress(track.attended, track.min_attendance)
    return tracks


# --- the hooks ----------------------------------------------------------------------------


@hooks.register(SECTIONS_HOOK)
def registrations_section(request):
    user = request.user
    if not user.is_authenticated:
        return None
    now = timezone.now()
    recent = past(user, now, limit=PAST_ON_DASHBOARD + 1)
    context = {
        "upcoming": upcoming(user, now),
        "past": recent[:PAST_ON_DASHBOARD],
        "more_past": len(recent) > PAST_ON_DASHBOARD,
        "tracks": booked_tracks(user),
    }
    return Section(
        title=_("Mijn aanmeldingen"),
        template="events/mijn_aanmeldingen.html",
        context=context,
        order=10,
        slug="aanmeldingen",
    )


def _iso(value):
    """ISO 8601 in Amsterdam time: the times as the person saw them on the site."""
    return timezone.localtime(value).isoformat() if value else None


@hooks.register(EXPORT_HOOK)
def export_registrations(user):
    rows = []
    for r in _registrations_of(user).order_by("created_at", "pk"):
        # A transfer's reason names the colleague: their data, not this user's.
        reason = _("overgedragen aan een collega") if r.replaced_by_id else r.cancel_reason
        rows.append(
            {
                "activiteit": r.event.title,
                "begin": _iso(r.event.start),
                "einde": _iso(r.event.end),
                "leergang": r.learning_track.title if r.learning_track else "",
                "status": r.get_status_display(),
                "naam": r.name,
                "e-mailadres": r.email,
                "organisatie": r.organisation_name,
                "prijs": str(r.price),
                "lid": r.is_member,
                "grond": r.membership_basis,
                "factuur_aan": r.billing_organisation,
                "inkoopordernummer_of_kostenplaats": r.billing_reference,
                "e-mailadres_factuur": r.billing_email,
                "antwoorden": {
                    "dieetwensen": r.dietary,
                    "toegankelijkheid": r.accessibility,
                    "workshop": r.workshop.title if r.workshop else "",
                    "op_de_deelnemerslijst": r.on_attendee_list,
                },
                "aangemeld_op": _iso(r.created_at),
                "bevestigd_op": _iso(r.confirmed_at),
                "afgemeld_op": _iso(r.cancelled_at),
                "reden_afmelding": reason,
                "aanwezig": _iso(r.checked_in_at),
            }
        )
    return "aanmeldingen", rows


@hooks.register(DELETE_HOOK)
def anonymise_registrations(user):
    services.anonymise_registrations(user)


@hooks.register(SECTIONS_HOOK)
def calendar_section(request):
    """ "Mijn activiteiten in je agenda": the personal feed's address and how to use it."""
    if not request.user.is_authenticated:
        return None
    from events.agenda_link import feed_urls

    feed = PersonalFeed.objects.filter(user=request.user).first()
    return Section(
        title=_("Mijn activiteiten in je eigen agenda"),
        template="events/dashboard/agenda.html",
        context={"feed": feed, "urls": feed_urls(feed.token) if feed else None},
        order=15,
        slug="agenda",
    )


@hooks.register(EXPORT_HOOK)
def export_calendar_feed(user):
    """Whether there is an address and since when; the address itself is a key, like a
    password, and does not travel in a download."""
    feed = PersonalFeed.objects.filter(user=user).first()
    return "agenda_link", {"actief": feed is not None, "gemaakt_op": _iso(feed and feed.created_at)}


@hooks.register(DELETE_HOOK)
def revoke_calendar_feed(user):
    """The address stops working before anything else about the account goes."""
    PersonalFeed.objects.filter(user=user).delete()


# --- the full list --------------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def registrations_page(request):
    """/mijn-leerhuis/aanmeldingen/: everything, also what was cancelled."""
    user, now = request.user, timezone.now()
    context = {
        "upcoming": upcoming(user, now),
        "past": past(user, now),
        "cancelled": cancelled(user, now),
        "tracks": booked_tracks(user),
    }
    return render(request, "events/dashboard/aanmeldingen.html", context)
