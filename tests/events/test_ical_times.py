"""The times in our iCalendar: Amsterdam time in summer and winter, and around the clock changes."""

import datetime
import uuid
import zoneinfo

import pytest
from django.utils import timezone

from events.ical import local_or_utc
from tests.events.helpers.feeds import FEED, UTC, as_text, get_ics, items, meeting, parsed, uid

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def amsterdam(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def last_sunday(year, month):
    """The last Sunday of `month`: where EU summer time starts (March) or ends (October)."""
    day = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() - 6) % 7)


def next_year():
    return timezone.localdate().year + 1


def only_vtimezone(text):
    """The same calendar with the zone renamed to a name no library knows, so both parsers
    must read the times from our VTIMEZONE rather than from their own tz database."""
    return as_text(text).replace("Europe/Amsterdam", f"Leerhuis-{uuid.uuid4().hex}")


def times(text, event):
    """[(start, end)] as each parser reads them (aware datetimes)."""
    new, old = items(text)[uid(event)]
    return [
        (new.decoded("DTSTART"), new.decoded("DTEND")),
        (old.dtstart, old.dtend),
    ]


@pytest.mark.parametrize(
    ("month", "utc_start", "utc_end"),
    [(7, 8, 14), (1, 9, 15)],
    ids=["summer", "winter"],
)
@pytest.mark.parametrize("zone", ["by-name", "vtimezone-only"])
def test_summer_and_winter_meetings_are_at_ten_to_four_in_amsterdam(
    client, month, utc_start, utc_end, zone
):
    """Both parsers put a 10:00–16:00 meeting at 10:00–16:00, in summer and in winter."""
    day = amsterdam(next_year(), month, 15)
    event = meeting(start=day, end=day.replace(hour=16))
    body = get_ics(client, FEED)
    assert f"DTSTART;TZID=Europe/Amsterdam:{day:%Y%m%d}T100000" in body
    assert f"DTEND;TZID=Europe/Amsterdam:{day:%Y%m%d}T160000" in body
    if zone == "vtimezone-only":
        body = only_vtimezone(body)

    for start, end in times(body, event):
        assert start.tzinfo is not None
        assert (start.astimezone(AMSTERDAM).hour, end.astimezone(AMSTERDAM).hour) == (10, 16)
        assert start.astimezone(UTC) == datetime.datetime(
            day.year, month, 15, utc_start, tzinfo=UTC
        )
        assert end.astimezone(UTC) == datetime.datetime(day.year, month, 15, utc_end, tzinfo=UTC)


@pytest.mark.parametrize("zone", ["by-name", "vtimezone-only"])
def test_meetings_on_either_side_of_the_clock_changes_keep_their_time(client, zone):
    """The Saturday before and the Monday after both DST changes: every meeting at 10:00."""
    year = next_year()
    moments = {}
    for month, offset_before, offset_after in [(3, 1, 2), (10, 2, 1)]:
        sunday = last_sunday(year, month)
        for delta, offset in [(-1, offset_before), (1, offset_after)]:
            date = sunday + datetime.timedelta(days=delta)
            start = amsterdam(date.year, date.month, date.day)
            moments[meeting(start=start, hours=2)] = (start, offset)
    body = get_ics(client, FEED)
    if zone == "vtimezone-only":
        body = only_vtimezone(body)

    for event, (start, offset) in moments.items():
        for parsed_start, parsed_end in times(body, event):
            assert parsed_start.astimezone(AMSTERDAM).replace(tzinfo=None) == start.replace(
                tzinfo=None
            ), start
            assert parsed_start.utcoffset() == datetime.timedelta(hours=offset), start
            assert parsed_start.astimezone(UTC) == start.astimezone(UTC)
            assert parsed_end - parsed_start == datetime.timedelta(hours=2)


OCTOBER_CHANGE = [
    pytest.param(
        amsterdam(2026, 10, 25, 0, 30),
        amsterdam(2026, 10, 25, 2, 30).replace(fold=1),
        datetime.datetime(2026, 10, 24, 22, 30, tzinfo=UTC),
        datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
        ["DTSTART;TZID=Europe/Amsterdam:20261025T003000", "DTEND:20261025T013000Z"],
        id="summer-time-to-the-second-half-past-two",
    ),
    pytest.param(
        amsterdam(2026, 10, 25, 2, 15),
        amsterdam(2026, 10, 25, 2, 45).replace(fold=1),
        datetime.datetime(2026, 10, 25, 0, 15, tzinfo=UTC),
        datetime.datetime(2026, 10, 25, 1, 45, tzinfo=UTC),
        ["DTSTART:20261025T001500Z", "DTEND:20261025T014500Z"],
        id="first-quarter-past-two-to-the-second-quarter-to-three",
    ),
]


@pytest.mark.parametrize(("start", "end", "utc_start", "utc_end", "lines"), OCTOBER_CHANGE)
@pytest.mark.parametrize("zone", ["by-name", "vtimezone-only"])
def test_a_meeting_in_the_hour_the_october_change_repeats_is_read_at_the_right_moment(
    client, start, end, utc_start, utc_end, lines, zone
):
    """02:00–03:00 on the last Sunday of October happens twice: such a time goes out in
    UTC, so no parser has to guess which; the rest of the meeting keeps its TZID."""
    event = meeting(start=start, end=end)
    body = get_ics(client, f"/activiteiten/{event.slug}/agenda.ics")
    for line in lines:
        assert line in body.splitlines()
    if zone == "vtimezone-only":
        body = only_vtimezone(body)

    for parsed_start, parsed_end in times(body, event):
        assert parsed_start.astimezone(UTC) == utc_start
        assert parsed_end.astimezone(UTC) == utc_end
        assert parsed_end - parsed_start == utc_end - utc_start


@pytest.mark.parametrize(
    ("wall_time", "utc"),
    [
        (amsterdam(2026, 10, 25, 2, 30), datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        (
            amsterdam(2026, 10, 25, 2, 30).replace(fold=1),
            datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
        ),
        (amsterdam(2026, 3, 29, 2, 30), datetime.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        (amsterdam(2027, 3, 28, 2, 0), datetime.datetime(2027, 3, 28, 1, 0, tzinfo=UTC)),
    ],
    ids=["october-first", "october-second", "march-skipped", "march-skipped-2027"],
)
def test_a_wall_time_the_clock_change_repeats_or_skips_is_written_in_utc(wall_time, utc):
    """Ambiguous or non-existent in Amsterdam: UTC, the moment Python means by it."""
    written = local_or_utc(wall_time)

    assert written.tzinfo is UTC and written == utc


@pytest.mark.parametrize(
    "wall_time",
    [
        amsterdam(2026, 10, 25, 1, 59),
        amsterdam(2026, 10, 25, 3, 0),
        amsterdam(2026, 3, 29, 1, 59),
        amsterdam(2026, 3, 29, 3, 0),
        amsterdam(2027, 7, 15, 2, 30),
        amsterdam(2027, 1, 15, 2, 30),
    ],
    ids=["before-october", "after-october", "before-march", "after-march", "summer", "winter"],
)
def test_every_other_time_keeps_amsterdam_time_and_its_zone(wall_time):
    """Just before and after the changes, and half past two on any other day."""
    written = local_or_utc(wall_time.astimezone(UTC))

    assert written.tzinfo is AMSTERDAM
    assert written.replace(tzinfo=None) == wall_time.replace(tzinfo=None)


def test_the_time_zone_is_written_as_yearly_rules_without_rdates(client):
    """Readers such as vobject (Radicale) get summer time right only from RRULEs."""
    meeting()
    body = get_ics(client, FEED)
    cal, _other = parsed(body)

    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    rules = {sub.name: sub for sub in zone.subcomponents}
    assert set(rules) == {"DAYLIGHT", "STANDARD"}
    assert rules["DAYLIGHT"]["RRULE"]["BYMONTH"] == [3]
    assert rules["STANDARD"]["RRULE"]["BYMONTH"] == [10]
    for rule in rules.values():
        assert rule["RRULE"]["FREQ"] == ["YEARLY"] and rule["RRULE"]["BYDAY"] == ["-1SU"]
    assert "RDATE" not in body
