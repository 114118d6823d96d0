"""When the site's meetings change by the clock alone, for the page cache
(leerhuis.core.page_cache): a stored page holds until the next such moment of any meeting,
so a page that lists meetings (the calendar, home, a theme, a begrip, an article) is as
exact as the meeting's own page, without each view having to say so."""

from django.db.models import Min, Q

from events import ical
from events.models import EventPage
from events.models.choices import EventStatus

# Sign-up opens or closes, cancelling ends, the meeting starts or is over.
MOMENTS = ("registration_opens", "registration_closes", "cancellation_deadline", "start", "end")


def next_change(request, now):
    """The first moment after `now` at which some meeting's state changes, in one query.

    The calendar feed also drops a meeting four weeks after its end (a cancelled one four
    weeks after its cancellation): those moments count too."""
    since = now - ical.WINDOW
    found = EventPage.objects.aggregate(
        **{f"next_{name}": Min(name, filter=Q(**{f"{name}__gt": now})) for name in MOMENTS},
        feed_end=Min("end", filter=Q(end__gt=since)),
        feed_cancelled=Min(
            "last_published_at",
            filter=Q(status=EventStatus.GEANNULEERD, last_published_at__gt=since),
        ),
    )
    for name in ("feed_end", "feed_cancelled"):
        if found[name] is not None:
            found[name] += ical.WINDOW
    return min((moment for moment in found.values() if moment is not None), default=None)
