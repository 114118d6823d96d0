"""What goes into the weekmail (the weekly digest), offered to the apps above core.

The kennisbank sends the weekmail (leerhuis/knowledge/digest/), but what it holds comes from
every floor: new meetings from events, new articles and praktijkcasussen from the
kennisbank, and later active conversations from the community. So the content is a Wagtail
hook, `weekly_digest_sections`: ``fn(user, period)`` returns a DigestSection or None (None,
or a section without items, when there is nothing new for this person). Each function
decides what `user` may see through the one access policy, and costs a fixed number of
queries however many items there are.

A week is an ISO week in Amsterdam time, Monday 00:00 to Monday 00:00: every publication
falls in exactly one, so a weekmail never repeats or skips an item, and the week's label
("2026-W07") names the mail in the outbox, so a second run sends nothing twice.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail import hooks

HOOK = "weekly_digest_sections"
# Items per section; a hook fetches one more, so the mail can say there is more to see.
MAX_ITEMS = 10


@dataclass(frozen=True)
class Period:
    """The week a weekmail covers, and the moment it is made (what is still to come)."""

    start: datetime.datetime
    end: datetime.datetime
    now: datetime.datetime
    # What is the same for everyone in one run (the calendar's address): see shared().
    _shared: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def week_before(cls, now=None):
        """The whole ISO week before the one `now` falls in."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        monday = today - datetime.timedelta(days=today.weekday())
        start = _midnight(monday - datetime.timedelta(days=7))
        return cls(start=start, end=_midnight(monday), now=now)

    @property
    def label(self):
        """The ISO year and week of the period, as "2026-W07"."""
        year, week, _day = timezone.localtime(self.start).isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def description(self):
        """'9 t/m 15 februari 2026', or across a month or year as far as needed."""
        first = timezone.localtime(self.start).date()
        last = timezone.localtime(self.end).date() - datetime.timedelta(days=1)
        if first.year != last.year:
            start = date_format(first, "j F Y")
        elif first.month != last.month:
            start = date_format(first, "j F")
        else:
            start = date_format(first, "j")
        return _("%(start)s t/m %(end)s") % {"start": start, "end": date_format(last, "j F Y")}

    def shared(self, key, compute):
        """`compute()` once per run of the weekmail, not once per person."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]

    def lookup(self, name="first_published_at"):
        """Filter arguments for 'published in this week' on the datetime field `name`."""
        return {f"{name}__gte": self.start, f"{name}__lt": self.end}


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass
class DigestItem:
    """One line of the weekmail: a title that links (absolute address), a line saying when,
    where or what kind, and an optional short summary."""

    title: str
    url: str
    detail: str = ""
    summary: str = ""


@dataclass
class DigestSection:
    title: str
    items: list = field(default_factory=list)
    order: int = 100
    # Where the rest is (the calendar, the kennisbank), absolute; shown below the items.
    more_url: str = ""
    more_label: str = ""
    # Set by sections_for when the hook found more than MAX_ITEMS.
    has_more: bool = False


def sections_for(user, period) -> list[DigestSection]:
    """What the apps have for `user` in `period`, in order; empty when nothing is new."""
    found = [s for s in (fn(user, period) for fn in hooks.get_hooks(HOOK)) if s and s.items]
    for section in found:
        if len(section.items) > MAX_ITEMS:
            section.items, section.has_more = section.items[:MAX_ITEMS], True
    return sorted(found, key=lambda s: (s.order, s.title))
