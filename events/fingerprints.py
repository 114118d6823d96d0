"""What a calendar feed holds, as one aggregate query: enough to answer a conditional GET
(ETag, Last-Modified, 304) before any meeting is loaded (leerhuis.core.conditional)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import ModelLogEntry, PageLogEntry

from events import ical
from events.models import EventStatus
from leerhuis.core.conditional import make_etag


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
# The site settings hold the contact address that every item names as its ORGANIZER.
SETTINGS_MODELS = ["sitesettings"]


def _newest(entries):
    return Max(Subquery(entries.order_by("-timestamp").values("timestamp")[:1]))


def site_changes():
    """The newest logged change to any meeting, speaker, organisation or the site settings,
    as aggregates for the fingerprint's one query (two scalar subqueries on indexed
    timestamps)."""
    pages = PageLogEntry.objects.filter(action__in=PAGE_ACTIONS, content_type__app_label="events")
    people = ModelLogEntry.objects.filter(
        Q(content_type__app_label="members", content_type__model__in=SNIPPET_MODELS)
        | Q(content_type__app_label="core", content_type__model__in=SETTINGS_MODELS)
    )
    return {"pages": _newest(pages), "people": _newest(people)}


@dataclass(frozen=True)
class Fingerprint:
    """Enough to tell whether a feed changed, without building it."""

    count: int
    last_modified: datetime.datetime

    def etag(self, *parts):
        return make_etag(ical.FORMAT_VERSION, *parts, self.count, self.last_modified.isoformat())


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
            & Q(**{f"{prefix}status": EventStatus.GEANNULEERD})
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
