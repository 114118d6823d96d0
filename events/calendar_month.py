"""The month view as a grid: a real table (a caption, the weekdays as column headers, a week
per row from Monday, as Dutch calendars go), whose days with meetings link to that day's
cards below it. The grid only arranges what the month's list already holds, so it costs
no query of its own; the list stays the full account, the grid is the overview.

"Per maand" opens at the first month, from today on and with the active filters, that has
a meeting: a month view that opens empty while the next meeting is weeks away sends the
visitor clicking "volgende maand" to find out.
"""

import calendar

from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

# Monday first, whatever the server's locale says.
WEEK = calendar.Calendar(firstweekday=calendar.MONDAY)


def weekdays():
    """(short, full) names, Monday first: 'ma' is shown, 'maandag' is read out."""
    return [(WEEKDAYS_ABBR[day], WEEKDAYS[day]) for day in range(7)]


def weeks(year, month, days, today):
    """Rows of seven cells; a cell is None outside the month, else the day's date, its
    meetings (from `days`, the list's grouping by day) and whether it is today."""
    by_day = {day["date"]: day["events"] for day in days}
    return [
        [
            None
            if date.month != month
            else {"date": date, "events": by_day.get(date, []), "today": date == today}
            for date in week
        ]
        for week in WEEK.monthdatescalendar(year, month)
    ]


def first_month(meetings, now, listed=None):
    """(year, month) of the first meeting still to come among `meetings` (the calendar's
    filtered ones), or this month when none is. `listed`: the first page of exactly those
    meetings when the caller has it (the list of coming meetings), which saves the query."""
    if listed is not None:
        start = listed[0].start if listed else None
    else:
        start = meetings.upcoming(now).values_list("start", flat=True).first()
    month = timezone.localtime(max(start, now) if start else now)
    return month.year, month.month
