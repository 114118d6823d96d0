"""How many hours of learning a meeting is worth, and the points it earns.

Hours: what the editor filled in, or else the programme's length without its breaks (lunch,
pauze), or else the meeting's own length. Worked out when read rather than stored, so a
changed programme can never leave a stale figure behind; listings prefetch the programme
and accreditations (STUDY_LOAD_PREFETCH) and pay two queries however many meetings.
Rounded to the quarter hour, as certificates have always said.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

# What a listing of meetings (or of registrations, with the "event__" prefix) prefetches
# to ask study_hours() and accreditation_points() of each without a query.
STUDY_LOAD_PREFETCH = ("programme", "accreditations__scheme")

QUARTER = Decimal("0.25")
# A meeting over several days without a figure from the editor: at most a working day of
# learning per calendar day it touches.
HOURS_PER_DAY = 8


def quarters(hours):
    """`hours` rounded to the nearest quarter (half up)."""
    return (Decimal(hours) / QUARTER).quantize(Decimal("1"), rounding="ROUND_HALF_UP") * QUARTER


def _minutes(moment):
    return moment.hour * 60 + moment.minute


def programme_minutes(slots, end_of_day):
    """Minutes from each part's start to its own end, or else the next part's start, or
    else the end of the meeting, leaving out breaks. `slots` in programme order;
    `end_of_day` in minutes after midnight."""
    slots = sorted(slots, key=lambda slot: (slot.starts_at, slot.sort_order or 0))
    total = 0
    for index, slot in enumerate(slots):
        if slot.is_break:
            continue
        following = slots[index + 1].starts_at if index + 1 < len(slots) else None
        end = slot.ends_at or following
        end_minutes = _minutes(end) if end else end_of_day
        total += max(0, end_minutes - _minutes(slot.starts_at))
    return total


class StudyLoad:
    """Mixed into EventPage: study_hours (the editor's figure, or None) is a field there."""

    def study_hours_default(self):
        """The programme's length without breaks, or the meeting's length."""
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        if start.date() != end.date():
            days = (end.date() - start.date()).days + 1
            span = Decimal((end - start).total_seconds()) / 3600
            return quarters(min(span, Decimal(days * HOURS_PER_DAY)))
        slots = list(self.programme.all())
        if slots:
            minutes = programme_minutes(slots, _minutes(end))
        else:
            minutes = (end - start) // datetime.timedelta(minutes=1)
        return quarters(Decimal(minutes) / 60)

    def learning_hours(self):
        """Hours of learning that attending this meeting counts for."""
        if self.study_hours is not None:
            return quarters(self.study_hours)
        return self.study_hours_default()

    def accreditation_points(self):
        """[(scheme, points)] in the editor's order."""
        return [(a.scheme, a.points) for a in self.accreditations.all()]
