"""What counts on someone's development record: only meetings they attended, that went
ahead and have been held; a leergang per session attended."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from events.development.record import counted_registrations, record_for, years_of
from events.models import EventStatus, ProgrammeSlot, RegistrationStatus
from tests.development_factories import (
    ExternalLearningFactory,
    accredit,
    attended,
    pmi,
)
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    attend,
    in_days,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def this_year():
    return datetime.date.today().year


def test_a_meeting_attended_counts_with_its_hours_and_points():
    person = UserFactory()
    event = EventPageFactory(start=in_days(-20, 10), end=in_days(-20, 13))
    accredit(event, points="3")
    attended(person, event)
    record = record_for(person, in_days(-20).year)
    [line] = record.lines
    assert (line.title, line.hours) == (event.title, Decimal("3"))
    assert [(s.unit, p) for s, p in record.points_by_scheme] == [("PE-punten", Decimal("3"))]


def test_a_place_without_check_in_never_counts():
    person = UserFactory()
    RegistrationFactory(
        event=EventPageFactory(start=in_days(-20), end=in_days(-20, 13)), user=person
    )
    assert record_for(person, in_days(-20).year).lines == []


def test_a_cancelled_place_never_counts_even_when_it_was_checked_in_once():
    person = UserFactory()
    registration = attended(person)
    registration.status = RegistrationStatus.CANCELLED
    registration.save()
    assert not counted_registrations(person).exists()


def test_a_cancelled_meeting_never_counts():
    person = UserFactory()
    registration = attended(person)
    registration.event.status = EventStatus.GEANNULEERD
    registration.event.save()
    assert not counted_registrations(person).exists()


def test_a_meeting_not_yet_held_never_counts():
    person = UserFactory()
    event = EventPageFactory(start=in_days(10, 10), end=in_days(10, 13))
    registration = RegistrationFactory(event=event, user=person)
    # Checked in by mistake ahead of the day (or by an organiser testing the scanner).
    registration.checked_in_at = in_days(-1)
    registration.save()
    assert not counted_registrations(person).exists()
    with time_machine.travel(in_days(10, 11)):
        assert counted_registrations(person).count() == 1


def test_a_leergang_counts_per_session_attended():
    person = UserFactory()
    track = LearningTrackPageFactory()
    sessions = [
        EventPageFactory(
            learning_track=track, start=in_days(-60 + 7 * n, 9), end=in_days(-60 + 7 * n, 12)
        )
        for n in range(3)
    ]
    for session in sessions:
        RegistrationFactory(event=session, user=person, learning_track=track)
    for registration in person.registrations.filter(event__in=sessions[:2]):
        attend(registration)
    lines = [line for year in years_of(person) for line in record_for(person, year).lines]
    assert sorted(line.title for line in lines) == sorted(s.title for s in sessions[:2])
    assert {line.track for line in lines} == {track.title}
    assert sum(line.hours for line in lines) == Decimal("6")


def test_someone_elses_attendance_is_not_on_my_record():
    me, colleague = UserFactory(), UserFactory()
    attended(colleague)
    assert not counted_registrations(me).exists()


def test_learning_elsewhere_counts_as_recorded_in_its_own_year():
    person = UserFactory()
    scheme = pmi()
    ExternalLearningFactory(
        user=person,
        date=datetime.date(this_year(), 3, 1),
        hours=Decimal("16"),
        scheme=scheme,
        points=Decimal("16"),
    )
    ExternalLearningFactory(user=person, date=datetime.date(this_year() - 1, 3, 1))
    record = record_for(person, this_year())
    assert record.total_hours == Decimal("16")
    assert [(s.name, p) for s, p in record.points_by_scheme] == [("PMI", Decimal("16"))]
    assert years_of(person)[:2] == [this_year(), this_year() - 1]


def test_hours_follow_the_programme_without_lunch():
    event = EventPageFactory(start=in_days(-5, 9, 30), end=in_days(-5, 16, 30))
    for start, end, title, pause in [
        ((9, 30), (12, 30), "Ochtend", False),
        ((12, 30), (13, 30), "Lunch", True),
        ((13, 30), None, "Middag", False),
    ]:
        ProgrammeSlot.objects.create(
            page=event,
            starts_at=datetime.time(*start),
            ends_at=datetime.time(*end) if end else None,
            title=title,
            is_break=pause,
        )
    event.refresh_from_db()
    # 3 hours in the morning, 3 in the afternoon (the last part runs to the meeting's end).
    assert event.learning_hours() == Decimal("6")
    event.study_hours = Decimal("4.3")
    assert event.learning_hours() == Decimal("4.25")


def test_hours_of_a_meeting_without_programme_are_its_length_to_the_quarter():
    event = EventPageFactory(start=in_days(-5, 14), end=in_days(-5, 16, 50))
    assert event.learning_hours() == Decimal("2.75")


def test_parallel_workshops_count_once_for_the_time_they_take():
    event = EventPageFactory(start=in_days(-5, 13), end=in_days(-5, 16))
    for start, end, title in [
        ((13, 0), (14, 0), "Plenair"),
        ((14, 0), (16, 0), "Workshop A"),
        ((14, 0), (16, 0), "Workshop B"),
        ((15, 0), (15, 30), "Korte sessie tijdens de workshops"),
    ]:
        ProgrammeSlot.objects.create(
            page=event, starts_at=datetime.time(*start), ends_at=datetime.time(*end), title=title
        )
    event.refresh_from_db()
    # Someone can be in one place at a time: three hours, not five and a half.
    assert event.learning_hours() == Decimal("3")


def test_a_break_during_parallel_parts_is_left_out_once():
    event = EventPageFactory(start=in_days(-5, 9), end=in_days(-5, 17))
    for start, end, title, pause in [
        ((9, 0), (12, 30), "Ochtend", False),
        ((12, 0), (13, 0), "Lunch (wie wil, eerder)", True),
        ((13, 0), (17, 0), "Middag", False),
    ]:
        ProgrammeSlot.objects.create(
            page=event,
            starts_at=datetime.time(*start),
            ends_at=datetime.time(*end),
            title=title,
            is_break=pause,
        )
    event.refresh_from_db()
    # The break is a break: 9:00–12:00 and 13:00–17:00.
    assert event.learning_hours() == Decimal("7")


def test_a_meeting_at_half_past_midnight_on_new_years_day_counts_in_the_new_year():
    person = UserFactory()
    start = timezone.make_aware(datetime.datetime(this_year(), 1, 1, 0, 30))
    with time_machine.travel(start + datetime.timedelta(hours=3)):
        attended(person, start=start, end=start + datetime.timedelta(hours=2))
        assert [line.title for line in record_for(person, this_year()).lines]
        assert record_for(person, this_year() - 1).lines == []
        assert this_year() - 1 not in years_of(person)
