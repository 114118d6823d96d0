"""The leergang page, its aanmelden/ (booking every session at once) and the receipt."""

from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from events import services
from events.models import Registration, linked_begrippen
from events.models.study_load import STUDY_LOAD_PREFETCH
from events.signup_views import receipt_url, registration_form, submit_signup
from events.views import NOT_PUBLISHED, Signup, personal, render_private
from members.membership import membership_on


def _track_state(track, user, now=None):
    """The sessions `user` sees (each with `my_registration`), whether they booked the
    leergang, and why booking cannot go ahead ('' when it can)."""
    now = now or timezone.now()
    if track.pk is None:
        return [], False, str(NOT_PUBLISHED)
    sessions = list(track.sessions_for(user))
    mine = {}
    if user.is_authenticated:
        mine = {
            r.event_id: r
            for r in Registration.objects.active().filter(
                user=user, event__in=[s.pk for s in sessions]
            )
        }
    for session in sessions:
        session.my_registration = mine.get(session.pk)
    booked = any(r.learning_track_id == track.pk for r in mine.values())
    bookable = [s for s in sessions if s.bookable_in_track(now)]
    return sessions, booked, str(track.booking_block(bookable, now))


def track_page(request, track):
    user = request.user
    sessions, booked, reason = _track_state(track, user)
    if track.pk is None:
        price, status = track.price_non_member, membership_on(user)
    else:
        price, status = track.price_for(user)
    context = {
        "sessions": sessions,
        "booked": booked,
        "blocked": reason,
        "price": price,
        "membership": status,
        "themes": track.themes.filter(live=True),
        "begrippen": linked_begrippen(track),
        "progress": _progress(track, user, sessions) if booked else None,
        "study_load": _study_load(sessions),
    }
    return personal(request, track.render(request, context_overrides=context))


def _study_load(sessions):
    """The hours and points per scheme of the sessions that go ahead, summed: what the whole
    leergang is worth. A record counts them per session attended (events/development/
    record.py), so the page says so beside the totals."""
    sessions = [s for s in sessions if not s.is_cancelled]
    prefetch_related_objects(sessions, *STUDY_LOAD_PREFETCH)
    totals, schemes = defaultdict(Decimal), {}
    for session in sessions:
        for scheme, points in session.accreditation_points():
            totals[scheme.pk] += points
            schemes[scheme.pk] = scheme
    ordered = sorted(schemes.values(), key=lambda s: (s.name, s.category, s.pk))
    return {
        "hours": sum((s.learning_hours() for s in sessions), Decimal(0)),
        "points": [(scheme, totals[scheme.pk]) for scheme in ordered],
    }


def _progress(track, user, sessions, now=None):
    """Attendance as LearningTrackPage.progress_of counts it, and whether there is any to
    tell yet: before a booked session has begun, "you were at 0 sessions" only confuses."""
    now = now or timezone.now()
    progress = track.progress_of(user, now)
    mine = [s for s in sessions if s.my_registration is not None]
    confirmed = [s for s in mine if s.my_registration.is_confirmed]
    return {
        "attended": progress.attended,
        "needed": progress.needed,
        "completed": progress.completed,
        "started": progress.attended > 0
        or any(s.has_begun(now) and not s.is_cancelled for s in confirmed),
        "confirmed": len(confirmed),
        "waiting": len(mine) - len(confirmed),
    }


@require_http_methods(["GET", "POST"])
def book_track(request, track):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    sessions, booked, reason = _track_state(track, user)
    if booked:
        messages.info(request, _("Je hebt deze leergang al geboekt."))
        return redirect(receipt_url(request, track))
    context = {"page": track, "back": track.get_url(request), "sessions": sessions}
    if reason:
        return render_private(request, "events/aanmelden.html", {**context, "blocked": reason}, 409)
    price, status = track.price_for(user)
    signup = Signup("open", price, status)
    on_location = any(s.meets_on_location for s in sessions if not s.is_cancelled)
    context.update(signup=signup, is_track=True)

    def make_form(data):
        return registration_form(data, track, signup, with_workshops=False, on_location=on_location)

    def book(answers):
        created = services.book_track(track, user, answers)
        waiting = sum(1 for r in created if r.is_waitlisted)
        messages.success(request, _booked(len(created), waiting))
        return receipt_url(request, track)

    return submit_signup(request, track, context, make_form, book)


def _booked(count, waiting):
    if waiting:
        return _(
            "Je hebt de leergang geboekt. Voor %(waiting)s van de %(count)s sessies sta je op "
            "de wachtlijst; we mailen je als er een plaats vrijkomt."
        ) % {"waiting": waiting, "count": count}
    return _("Je hebt de leergang geboekt: je bent aangemeld voor alle %(count)s sessies.") % {
        "count": count
    }


@require_GET
def track_receipt(request, track):
    """aanmelden/klaar/ of a leergang: the person's own sessions with their state, and what
    the leergang costs them (charged once, on one session: services.registration)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    sessions, booked, _reason = _track_state(track, request.user)
    if not booked:
        raise Http404(_("Je hebt deze leergang niet geboekt."))
    mine = []
    for session in sessions:
        if session.my_registration is not None:
            session.my_registration.event = session
            mine.append(session.my_registration)
    context = {
        "page": track,
        "sessions": sessions,
        "first": mine[0],
        "priced": next((r for r in mine if r.price), None),
        "back": track.get_url(request),
    }
    return render_private(request, "events/aanmelden_klaar_leergang.html", context)
