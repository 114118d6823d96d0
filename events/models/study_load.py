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


def _union(intervals):
    """[start, end) intervals merged where they overlap or touch."""
    merged = []
    for start, end in sorted(interval for interval in intervals if interval[1] > interval[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def programme_minutes(slots, end_of_day):
    """Minutes of the programme someone can spend learning: the time its parts cover, each
    from its start to its own end (or else the next later start, or else the end of the
    meeting), parallel parts (workshops to choose from) counted once, breaks left out.
    `end_of_day` in minutes after midnight."""
    starts = sorted({_minutes(slot.starts_at) for slot in slots})
    parts, breaks = [], []
    for slot in slots:
        start = _minutes(slot.starts_at)
        later = [moment for moment in starts if moment > start]
        end = _minutes(slot.ends_at) if slot.ends_at else (later[0] if later else end_of_day)
        (breaks if slot.is_break else parts).append((start, end))
    learning, pauses = _union(parts), _union(breaks)
    overlap = sum(
        max(0, min(end, pause_end) - max(start, pause_start))
        for start, end in learning
        for pause_start, pause_end in pauses
    )
    return sum(end - start for start, end in learning) - overlap


class StudyLoad:
    """Mixed into EventPage: study_hours (the editor's figure, or None) is a field there."""

    def study_hours_default(self):
        """The programme's length without breaks, or the meeting's length."""
        # Programme times are Amsterdam wall-clock times, whatever zone the admin is in.
        amsterdam = timezone.get_default_timezone()
        start, end = (
            timezone.localtime(self.start, amsterdam),
            timezone.localtime(self.end, amsterdam),
        )
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

    def counts_for_record(self, now=None):
        """Whether attending counts as learning yet: the meeting went ahead and has begun
        (the meeting's half of Registration.counts_for_record)."""
        return not self.is_cancelled and self.has_begun(now)

    def accreditation_points(self):
        """[(scheme, points)] in the editor's order."""
        return [(a.scheme, a.points) for a in self.accreditations.all()]
