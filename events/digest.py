"""The weekmail's "Nieuwe activiteiten": meetings first published in the week, that the
person may see and that are still to come (a cancelled one is no news worth a mail).

Registered on core's hook `weekly_digest_sections` in events/wagtail_hooks.py; one query
for the meetings however many there are, and one per run for the calendar's address.
"""

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from events.calendar import CARD_DEFERRED
from events.mail import when
from events.models import EventIndexPage, EventPage, EventStatus
from leerhuis.core.digest import MAX_ITEMS, DigestItem, DigestSection
from leerhuis.core.formatting import page_url
from members.access import visible_to

SUMMARY_CHARS = 240


def _calendar_url():
    calendar = EventIndexPage.objects.live().first()
    return page_url(calendar) if calendar else ""


def new_meetings(user, period):
    meetings = (
        visible_to(user, EventPage.objects.live())
        .filter(**period.lookup())
        .exclude(status=EventStatus.GEANNULEERD)
        .upcoming(period.now)
        .defer(*CARD_DEFERRED)
    )
    items = [
        DigestItem(
            title=meeting.title,
            url=page_url(meeting),
            detail=f"{when(meeting.start, meeting.end)} · {meeting.place}",
            summary=Truncator(meeting.intro).chars(SUMMARY_CHARS),
        )
        for meeting in meetings[: MAX_ITEMS + 1]
    ]
    if not items:
        return None
    return DigestSection(
        title=_("Nieuwe activiteiten"),
        items=items,
        order=10,
        more_url=period.shared("calendar_url", _calendar_url),
        more_label=_("Alle activiteiten in de kalender"),
    )
