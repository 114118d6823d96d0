"""The week a weekmail covers (leerhuis.core.digest.Period): whole ISO weeks in Amsterdam
time, across the turn of the year and the clock change."""

import datetime
import zoneinfo

import pytest

from leerhuis.core.digest import Period

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("now", "start", "end", "label", "description"),
    [
        # Monday just after midnight and Sunday just before: the same week before.
        (at(2026, 2, 9, 0, 5), at(2026, 2, 2), at(2026, 2, 9), "2026-W06", "2 t/m 8 februari 2026"),
        (
            at(2026, 2, 15, 23, 55),
            at(2026, 2, 2),
            at(2026, 2, 9),
            "2026-W06",
            "2 t/m 8 februari 2026",
        ),
        (
            at(2026, 3, 4, 7),
            at(2026, 2, 23),
            at(2026, 3, 2),
            "2026-W09",
            "23 februari t/m 1 maart 2026",
        ),
        (
            at(2027, 1, 4, 7),
            at(2026, 12, 28),
            at(2027, 1, 4),
            "2026-W53",
            "28 december 2026 t/m 3 januari 2027",
        ),
    ],
)
def test_the_week_before(now, start, end, label, description):
    period = Period.week_before(now)
    assert (period.start, period.end, period.label) == (start, end, label)
    assert period.description == description


def test_the_week_of_the_clock_change_is_a_week_of_local_days():
    period = Period.week_before(at(2026, 3, 30, 7))  # summer time began on Sunday 29 March
    # Same-zone arithmetic counts wall-clock hours; in UTC the week lost one.
    elapsed = period.end.astimezone(datetime.UTC) - period.start.astimezone(datetime.UTC)
    assert elapsed == datetime.timedelta(days=7, hours=-1)
    sunday_night = at(2026, 3, 29, 23, 30)
    assert period.start <= sunday_night < period.end
    assert period.lookup() == {
        "first_published_at__gte": period.start,
        "first_published_at__lt": period.end,
    }


def test_shared_values_are_computed_once_per_run():
    period, calls = Period.week_before(at(2026, 2, 9, 7)), []
    for _ in range(3):
        period.shared("adres", lambda: calls.append(1) or "https://leerhuis.example/")
    assert calls == [1]
