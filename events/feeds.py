"""The calendar feeds and downloads (RFC 5545), and the personal feed's address.

- /activiteiten/agenda.ics: every public meeting in the window, narrowed by ?thema=,
  ?type=, ?regio=, ?vorm= (the calendar's own filters, so a filtered view subscribes as is).
  The same for everyone: calendar apps fetch it without a login, so what a member may see
  besides comes through their personal feed.
- /activiteiten/<slug>/agenda.ics: one meeting (or all sessions of a leergang) as a
  download; for a confirmed registrant it carries the online link.
- /mijn-leerhuis/agenda/<token>.ics: my confirmed registrations, with the online links.

Plain Django views, not page routes: Wagtail's routing costs several queries per request,
and a subscriber's conditional GET must stay at one or two. Each view first works out a
fingerprint of the data in one aggregate query; the ETag and Last-Modified come from it,
and a matching conditional GET is answered 304 before any meeting is loaded.
"""

import datetime
import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Count, Max, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.db.models.query import prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotModified
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import (
    content_disposition_header,
    http_date,
    parse_etags,
    parse_http_date_safe,
)
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from taggit.models import Tag
from wagtail.models import ModelLogEntry, PageLogEntry

from events import ical
from events.models import (
    REGION_CHOICES,
    EventPage,
    EventPageTheme,
    EventStatus,
    EventType,
    Form,
    LearningTrackPage,
    PersonalFeed,
    Registration,
    RegistrationStatus,
)
from members.access import Visibility, can_view, deny, private, visible_to

CONTENT_TYPE = "text/calendar; charset=utf-8"
# Long enough to spare the server a burst of subscribers, short enough for a cancellation.
PUBLIC_MAX_AGE = 300
# A built public feed stays in the shared cache this long; a change makes a new ETag (a new
# key), so this only bounds how long an old version takes up room.
SHARED_BODY_SECONDS = 3600
CANCELLED = EventStatus.GEANNULEERD


# --- what a feed holds, as one aggregate ------------------------------------------------


def _changed(prefix=""):
    """ical.changed_at() in SQL: the two must agree."""
    return Coalesce(f"{prefix}last_published_at", f"{prefix}first_published_at", Value(ical.EPOCH))


# What changes a feed without changing the meetings' own rows: a meeting that leaves (by a
# publish that takes it out of a filter, an unpublish, expiry, deletion) and a speaker or
# their organisation edited. Wagtail's log keeps when; the rows themselves do not.
PAGE_ACTIONS = [
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
]
SNIPPET_MODELS = ["person", "organisation"]


def _newest(entries):
    return Max(Subquery(entries.order_by("-timestamp").values("timestamp")[:1]))


def site_changes():
    """The newest logged change to any meeting, speaker or organisation, as aggregates for
    the fingerprint's one query (two scalar subqueries on indexed timestamps)."""
    pages = PageLogEntry.objects.filter(action__in=PAGE_ACTIONS, content_type__app_label="events")
    people = ModelLogEntry.objects.filter(
        content_type__app_label="members", content_type__model__in=SNIPPET_MODELS
    )
    return {"pages": _newest(pages), "people": _newest(people)}


@dataclass(frozen=True)
class Fingerprint:
    """Enough to tell whether a feed changed, without building it."""

    count: int
    last_modified: datetime.datetime

    def etag(self, *parts):
        key = "|".join(
            map(str, (ical.FORMAT_VERSION, *parts, self.count, self.last_modified.isoformat()))
        )
        return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


def fingerprint(queryset, now=None, prefix="", extra=None, only=None):
    """Count and last change of the meetings in the window (all of them when `now` is
    None), in one query.

    Last-Modified must also move when a meeting leaves the window (its end or its
    cancellation four weeks old), so the moments they left count as changes too.
    `extra` adds more "last changed" expressions (a person's own registrations); `only`
    narrows what is counted, where `queryset` holds more whose changes count.
    """
    aggregates = dict(extra or {})
    if now is None:
        inside = only or Q()
    else:
        since = now - ical.WINDOW
        inside = ical.window(since, prefix) & (only or Q())
        old_cancellation = (
            Q(**{f"{prefix}end__gte": since})
            & Q(**{f"{prefix}status": CANCELLED})
            & Q(**{f"{prefix}last_published_at__lt": since})
        )
        ended = Max(f"{prefix}end", filter=Q(**{f"{prefix}end__lt": since}))
        withdrawn = Max(f"{prefix}last_published_at", filter=old_cancellation)
        aggregates.update(ended=ended, withdrawn=withdrawn)
    result = queryset.aggregate(
        count=Count("pk", filter=inside), changed=Max(_changed(prefix), filter=inside), **aggregates
    )
    left = {result.pop("ended", None), result.pop("withdrawn", None)} - {None}
    moments = [m for name, m in result.items() if name != "count" and m is not None]
    moments += [m + ical.WINDOW for m in left]
    return Fingerprint(result["count"], max(moments, default=ical.EPOCH))


def not_modified(request, etag, last_modified):
    """Whether the client's copy is current: by the ETag when it sends one, else only when
    its If-Modified-Since is exactly our Last-Modified. The newest change can move back in
    time (a meeting unpublished, a registration cancelled), so "not newer than" would keep
    an outdated copy."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        theirs = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
        return "*" in theirs or etag in theirs
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE"))
    return since is not None and since == last_modified


def shared_body(etag, build):
    """The public feed for this ETag from the shared cache, built once per version: many
    calendar apps fetch without a conditional header, and a full calendar takes a while."""
    key = "events:agenda:" + etag.strip('"')
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, SHARED_BODY_SECONDS)
    return body


def _respond(request, print_, body_of, *, etag_parts, public, filename=None, shared=False):
    """304 when the client has this version; otherwise build the body (or take it from the
    shared cache, when `shared`: the same for everyone) and send it."""
    etag = print_.etag(*etag_parts)
    last_modified = int(print_.last_modified.timestamp())
    if not_modified(request, etag, last_modified):
        response = HttpResponseNotModified()
    else:
        body = shared_body(etag, body_of) if shared else body_of()
        response = HttpResponse(body, content_type=CONTENT_TYPE)
        if filename:
            response["Content-Disposition"] = content_disposition_header(True, filename)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        private(response)
        response["X-Robots-Tag"] = "noindex"
    return response


# --- the whole calendar ---------------------------------------------------------------------


class BadFilter(Exception):
    pass


def _choice(request, name, choices, message):
    value = request.GET.get(name, "").strip()
    if value and value not in dict(choices):
        options = ", ".join(dict(choices))
        raise BadFilter(message % {"value": value[:40], "options": options})
    return value


def _feed_filters(request):
    """The meetings the public feed's parameters select, and their names for the title."""
    meetings = visible_to(None, EventPage.objects.live())
    names = []
    kind = _choice(
        request, "type", EventType.choices, _("Onbekende soort ‘%(value)s’. Kies uit: %(options)s.")
    )
    region = _choice(
        request, "regio", REGION_CHOICES, _("Onbekende regio ‘%(value)s’. Kies uit: %(options)s.")
    )
    form = _choice(
        request, "vorm", Form.choices, _("Onbekende vorm ‘%(value)s’. Kies uit: %(options)s.")
    )
    theme = request.GET.get("thema", "").strip()
    if "\x00" in theme:
        raise BadFilter(_("Een thema bestaat uit letters, cijfers en streepjes."))
    if theme:
        tag = Tag.objects.filter(slug=theme).values_list("name", flat=True).first()
        if tag is None:
            raise Http404(_("Dit thema bestaat niet (meer)."))
        tagged = EventPageTheme.objects.filter(tag__slug=theme).values("content_object")
        meetings = meetings.filter(pk__in=tagged)
        names.append(tag)
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


@require_safe
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
        ) % {"site": settings.WAGTAIL_SITE_NAME, "url": f"{settings.BASE_URL}/activiteiten/"}
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


@require_safe
def personal_feed(request, token):
    feed = PersonalFeed.find(token)
    if feed is None:
        raise Http404(_("Deze agenda-link bestaat niet (meer)."))
    now = timezone.now()
    mine = Registration.objects.filter(user_id=feed.user_id, event__live=True)
    confirmed = mine.filter(status=RegistrationStatus.CONFIRMED)
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

    def body():
        events = EventPage.objects.filter(pk__in=confirmed.values("event"))
        items = ical.for_feed(ical.in_window(events, now))
        about = _("De activiteiten van het %(site)s waarvoor je bent aangemeld.") % {
            "site": settings.WAGTAIL_SITE_NAME
        }
        name = _("Mijn activiteiten (%(site)s)") % {"site": settings.WAGTAIL_SITE_NAME}
        return ical.calendar(
            items, name=name, about=about, url_of=lambda e: e.get_full_url(request), online=True
        )

    parts = ("personal", feed.pk, feed.selector)
    return _respond(request, print_, body, etag_parts=parts, public=False)


# --- the address, from Mijn Leerhuis ------------------------------------------------------


def feed_urls(token):
    """The https address of a personal feed and the same as webcal:// for one-click
    subscribing in Apple Calendar and Outlook."""
    path = reverse("persoonlijke_agenda", kwargs={"token": token})
    return subscribe_urls(path)


def subscribe_urls(path_and_query):
    https = f"{settings.BASE_URL}{path_and_query}"
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
