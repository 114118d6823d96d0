"""The calendar feeds and downloads (RFC 5545).

- /activiteiten/agenda.ics: every public meeting in the window, narrowed by ?thema=,
  ?type=, ?regio=, ?vorm= (the calendar's own filters, so a filtered view subscribes as is).
  The same for everyone: calendar apps fetch it without a login, so what a member may see
  besides comes through their personal feed.
- /activiteiten/<slug>/agenda.ics: one meeting (or all sessions of a leergang) as a
  download; for a confirmed registrant it carries the online link.
- /mijn-leerhuis/agenda/<token>.ics: my confirmed registrations, with the online links,
  and the meetings of the groups I belong to, signed up or not (its address:
  events/agenda_link.py). A group's meeting leaves it when I leave the group.

Plain Django views, not page routes: Wagtail's routing costs several queries per request,
and a subscriber's conditional GET must stay at one or two. Each view first works out a
fingerprint of the data in one aggregate query (events/fingerprints.py); the ETag and
Last-Modified come from it, and a matching conditional GET is answered 304 before any
meeting is loaded (leerhuis.core.conditional).
"""

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q
from django.db.models.functions import Coalesce, Greatest
from django.db.models.query import prefetch_related_objects
from django.http import Http404, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from events import ical
from events.fingerprints import Fingerprint, fingerprint, site_changes
from events.models import (
    REGION_CHOICES,
    EventIndexPage,
    EventPage,
    EventType,
    Form,
    LearningTrackPage,
    PersonalFeed,
    Registration,
    RegistrationStatus,
)
from leerhuis.core.conditional import conditional_response
from leerhuis.core.formatting import absolute_url, page_url
from leerhuis.core.themes import Thema, having_theme
from members.access import Visibility, can_view, deny, groups_of, visible_to

CONTENT_TYPE = "text/calendar; charset=utf-8"
# Long enough to spare the server a burst of subscribers, short enough for a cancellation.
PUBLIC_MAX_AGE = 300


def _respond(request, print_, body_of, *, etag_parts, public, filename=None, shared=False):
    """304 when the client has this version; otherwise build the body (or take it from the
    shared cache, when `shared`: the same for everyone) and send it."""
    return conditional_response(
        request,
        body_of,
        etag=print_.etag(*etag_parts),
        last_modified=print_.last_modified,
        content_type=CONTENT_TYPE,
        public_max_age=PUBLIC_MAX_AGE if public else None,
        filename=filename,
        shared="events:agenda" if shared else None,
    )


# --- the whole calendar ---------------------------------------------------------------------


class BadFilter(Exception):
    pass


def _choice(request, name, choices, message):
    value = request.GET.get(name, "").strip()
    if value and value not in dict(choices):
        # The value is not repeated: it came from anyone, in a link that anyone can send,
        # and this answer is plain text that a reader shows as is.
        raise BadFilter(message % {"options": ", ".join(dict(choices))})
    return value


def _feed_filters(request):
    """The meetings the public feed's parameters select, and their names for the title."""
    meetings = visible_to(None, EventPage.objects.live())
    names = []
    kind = _choice(request, "type", EventType.choices, _("Onbekende soort. Kies uit: %(options)s."))
    region = _choice(request, "regio", REGION_CHOICES, _("Onbekende regio. Kies uit: %(options)s."))
    form = _choice(request, "vorm", Form.choices, _("Onbekende vorm. Kies uit: %(options)s."))
    theme = request.GET.get("thema", "").strip()
    if "\x00" in theme:
        raise BadFilter(_("Een thema bestaat uit letters, cijfers en streepjes."))
    if theme:
        name = Thema.objects.live().filter(slug=theme).values_list("name", flat=True).first()
        if name is None:
            raise Http404(_("Dit thema bestaat niet (meer)."))
        meetings = having_theme(meetings, theme)
        names.append(name)
    if kind:
        meetings = meetings.filter(ical.feed_type(kind))
        names.append(str(EventType(kind).label))
    if region:
        meetings = meetings.filter(region=region)
        names.append(str(dict(REGION_CHOICES)[region]))
    if form:
        meetings = meetings.filter(form=form)
        names.append(str(Form(form).label))
    return meetings, names, (theme, kind, region, form)


def _feed_name(names):
    # No commas: vobject cuts a calendar's name at the first one (see events.ical).
    name = _("%(site)s: activiteiten") % {"site": settings.WAGTAIL_SITE_NAME}
    return f"{name} ({' · '.join(names)})" if names else name


def _calendar_url():
    calendar = EventIndexPage.objects.live().first()
    return page_url(calendar) if calendar else absolute_url("/")


# Gzipped for who accepts it: the whole calendar is a large text that shrinks tenfold. Only
# this public feed, with no secret in it to guess at through the compressed size (BREACH).
@require_safe
@gzip_page
def calendar_feed(request):
    try:
        meetings, names, key = _feed_filters(request)
    except BadFilter as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    now = timezone.now()
    print_ = fingerprint(meetings, now, extra=site_changes())

    def body():
        items = ical.for_feed(ical.in_window(meetings, now))
        about = _(
            "Bijeenkomsten · workshops · webinars · leergangen van het %(site)s. "
            "Aanmelden en alles over een activiteit op %(url)s"
        ) % {"site": settings.WAGTAIL_SITE_NAME, "url": _calendar_url()}
        return ical.calendar(
            items, name=_feed_name(names), about=about, url_of=lambda e: e.get_full_url(request)
        )

    return _respond(request, print_, body, etag_parts=("public", *key), public=True, shared=True)


# --- one meeting, or one leergang ---------------------------------------------------------


@require_safe
def event_download(request, slug):
    if "\x00" in slug:  # PostgreSQL refuses NUL in text: no page has it
        raise Http404(_("Deze activiteit bestaat niet (meer)."))
    event = EventPage.objects.live().filter(slug=slug).defer(*ical.FEED_DEFERRED).first()
    if event is None:
        return track_download(request, slug)
    if not can_view(request.user, event):
        return deny(request, event)
    registration = None
    if request.user.is_authenticated:
        registration = event.registrations.confirmed().filter(user=request.user).first()
    online = registration is not None
    # Signing up changes the download (the online link), so it counts as a change too.
    changed = [ical.changed_at(event), registration.created_at if online else None]
    print_ = Fingerprint(1, max(c for c in changed if c))
    parts = ("event", event.pk, event.sequence, registration.pk if online else "")

    def body():
        prefetch_related_objects([event], *ical.feed_prefetches())
        return ical.calendar(
            [event], name=event.title, url_of=lambda e: e.get_full_url(request), online=online
        )

    # Whoever is logged in may get their online link: never kept by a shared cache.
    public = event.visibility == Visibility.PUBLIC and not request.user.is_authenticated
    filename = f"{event.slug}.ics"
    return _respond(request, print_, body, etag_parts=parts, public=public, filename=filename)


def track_download(request, slug):
    """All sessions of a leergang the visitor may see, in one file (without online links:
    each session's own download or the personal feed has those)."""
    track = LearningTrackPage.objects.live().filter(slug=slug).first()
    if track is None:
        raise Http404(_("Deze activiteit bestaat niet (meer)."))
    if not can_view(request.user, track):
        return deny(request, track)
    sessions = visible_to(request.user, EventPage.objects.live().filter(learning_track=track))
    print_ = fingerprint(sessions)

    def body():
        return ical.calendar(
            ical.for_feed(sessions), name=track.title, url_of=lambda e: e.get_full_url(request)
        )

    parts = ("track", track.pk, ical.changed_at(track))
    public = track.visibility == Visibility.PUBLIC and not request.user.is_authenticated
    filename = f"{track.slug}.ics"
    return _respond(request, print_, body, etag_parts=parts, public=public, filename=filename)


# --- my own feed ----------------------------------------------------------------------------


def _seen_in_my_feed(groups):
    """My registrations that still belong in my feed: a group's meeting only while I am in
    the group (or staff); every other meeting I have a place for."""
    return (
        Q(user__is_staff=True) | ~Q(event__visibility=Visibility.GROUP) | Q(event__group__in=groups)
    )


@require_safe
def personal_feed(request, token):
    feed = PersonalFeed.find(token)
    if feed is None:
        raise Http404(_("Deze agenda-link bestaat niet (meer)."))
    now = timezone.now()
    mine = Registration.objects.filter(user_id=feed.user_id, event__live=True)
    confirmed = mine.filter(status=RegistrationStatus.CONFIRMED)
    # The meetings of my groups are mine without signing up, and go when I leave the group.
    groups = groups_of(feed.user_id)
    group_meetings = EventPage.objects.live().filter(visibility=Visibility.GROUP, group__in=groups)
    # Any of my registrations changing (a cancellation too) changes the feed.
    registered = Greatest(
        "created_at",
        Coalesce("confirmed_at", "created_at"),
        Coalesce("cancelled_at", "created_at"),
    )
    print_ = fingerprint(
        mine,
        now,
        prefix="event__",
        only=Q(status=RegistrationStatus.CONFIRMED),
        extra={"mine": Max(registered), **site_changes()},
    )
    # Joining or leaving a group changes which of its meetings are mine: one query more.
    in_groups = fingerprint(group_meetings, now)
    print_ = Fingerprint(
        print_.count + in_groups.count, max(print_.last_modified, in_groups.last_modified)
    )

    def body():
        places = confirmed.filter(_seen_in_my_feed(groups)).values("event")
        events = EventPage.objects.filter(Q(pk__in=places) | Q(pk__in=group_meetings.values("pk")))
        # The online link only with a place, as everywhere (not for being in the group).
        events = events.annotate(has_place=Exists(places.filter(event=OuterRef("pk"))))
        items = ical.for_feed(ical.in_window(events, now))
        about = _(
            "De activiteiten van het %(site)s waarvoor je bent aangemeld, en de bijeenkomsten "
            "van je groepen."
        ) % {"site": settings.WAGTAIL_SITE_NAME}
        name = _("Mijn activiteiten (%(site)s)") % {"site": settings.WAGTAIL_SITE_NAME}
        return ical.calendar(
            items,
            name=name,
            about=about,
            url_of=lambda e: e.get_full_url(request),
            online=lambda e: e.has_place,
        )

    parts = ("personal", feed.pk, feed.selector, in_groups.count, in_groups.last_modified)
    return _respond(request, print_, body, etag_parts=parts, public=False)
