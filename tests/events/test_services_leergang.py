"""Booking a leergang whole, its price and its completion; checking in."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from events import services
from events.models import EventStatus, Registration, RegistrationStatus, TrackProgress
from events.services import Answers, RegistrationError
from tests.events.helpers.services import hand_over, subjects
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    attend,
    guest,
    in_days,
    member,
)
from tests.factories import OrganisationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_booking_a_leergang_registers_for_every_coming_session_in_one_go(mails):
    track = LearningTrackPageFactory(price_non_member=450, min_attendance=2)
    sessions = [
        EventPageFactory(learning_track=track, start=in_days(10 + 7 * i), capacity=2)
        for i in range(3)
    ]
    EventPageFactory(learning_track=track, start=in_days(-7), end=in_days(-7, 16))
    sessions[2].registrations.create(user=member(), name="a", status=RegistrationStatus.CONFIRMED)
    sessions[2].registrations.create(user=member(), name="b", status=RegistrationStatus.CONFIRMED)
    person = guest()

    booked = services.book_track(track, person, Answers(billing_reference="KP-1"))

    assert [r.event_id for r in booked] == [s.pk for s in sessions]
    assert [r.status for r in booked] == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    ]
    assert [r.price for r in booked] == [450, 0, 0]  # the track is invoiced once
    assert all(r.learning_track == track for r in booked)
    assert subjects(mails, person.email) == [f"Je bent aangemeld voor de leergang {track.title}"]

    with pytest.raises(RegistrationError):
        services.book_track(track, person)


def test_a_leergang_is_booked_whole_or_not_at_all():
    track = LearningTrackPageFactory()
    EventPageFactory(learning_track=track, start=in_days(10))
    EventPageFactory(learning_track=track, start=in_days(20), capacity=0)
    with pytest.raises(RegistrationError):
        services.book_track(track, member())
    assert not Registration.objects.exists()


def test_a_leergang_is_completed_by_attending_enough_sessions():
    track = LearningTrackPageFactory(min_attendance=2)
    sessions = [EventPageFactory(learning_track=track, start=in_days(10 + i)) for i in range(3)]
    person = member()
    booked = services.book_track(track, person)
    attend(booked[0])
    after = sessions[2].end
    assert track.progress_of(person, after) == TrackProgress(attended=1, needed=2)
    attend(booked[2])
    assert track.progress_of(person, after).completed
    # Before the sessions began nothing counts, whatever was ticked.
    assert track.progress_of(person).attended == 0


def test_nobody_is_checked_in_before_the_day_of_the_meeting():
    event = EventPageFactory(start=in_days(1, 10))
    holder = services.register(event, member())[0]
    with pytest.raises(RegistrationError) as refused:
        services.check_in(holder, StaffFactory())
    assert refused.value.code == "too_early"
    assert "vanaf de dag van de activiteit" in refused.value.message
    holder.refresh_from_db()
    assert holder.checked_in_at is None
    with time_machine.travel(event.start.replace(hour=0, minute=1)):
        assert services.check_in(holder, StaffFactory()).checked_in_at is not None


def test_a_cancelled_meeting_has_nobody_to_check_in():
    event = EventPageFactory(
        start=timezone.now() + datetime.timedelta(hours=1), status="geannuleerd"
    )
    holder = RegistrationFactory(event=event)
    with pytest.raises(RegistrationError):
        services.check_in(holder, StaffFactory())


def test_only_confirmed_people_are_checked_in():
    event = EventPageFactory(capacity=1)
    services.register(event, member())
    waiting = services.register(event, member())[0]
    with pytest.raises(RegistrationError):
        attend(waiting)


def test_a_leergang_books_only_the_sessions_the_person_may_see(mails):
    track = LearningTrackPageFactory()
    open_session = EventPageFactory(learning_track=track, start=in_days(10))
    EventPageFactory(
        learning_track=track,
        start=in_days(17),
        visibility="members",
        form="hybride",
        online_url="https://meet.leerhuis.example/geheim",
    )
    person = guest()

    booked = services.book_track(track, person)

    assert [r.event for r in booked] == [open_session]
    assert "geheim" not in str([m.body for m in mails] + [m.attachments for m in mails])


def test_a_called_off_session_does_not_block_the_leergang():
    track = LearningTrackPageFactory()
    going = EventPageFactory(learning_track=track, start=in_days(10))
    EventPageFactory(learning_track=track, start=in_days(17), status=EventStatus.GEANNULEERD)
    assert [r.event for r in services.book_track(track, member())] == [going]


def test_the_leergang_price_sits_on_a_place_and_moves_when_that_place_goes():
    track = LearningTrackPageFactory(price_non_member=450)
    full = EventPageFactory(learning_track=track, start=in_days(10), capacity=1)
    full.registrations.create(user=member(), name="a", status=RegistrationStatus.CONFIRMED)
    second = EventPageFactory(learning_track=track, start=in_days(17))
    third = EventPageFactory(learning_track=track, start=in_days(24))
    person = guest()

    waiting, placed, last = services.book_track(track, person)

    # Not on the waiting list, where it would never be invoiced: on the first real place.
    assert (waiting.status, waiting.price, placed.price, last.price) == (
        RegistrationStatus.WAITLISTED,
        0,
        450,
        0,
    )
    services.cancel(placed, person)
    prices = dict(Registration.objects.filter(user=person).values_list("event", "price"))
    assert prices == {full.pk: 0, second.pk: 0, third.pk: 450}


def test_a_colleague_takes_one_session_not_the_leergang():
    track = LearningTrackPageFactory(price_member=200, price_non_member=450)
    OrganisationFactory(domain="wacht.nl")
    sessions = [
        EventPageFactory(learning_track=track, start=in_days(10 + 7 * i), price_member=30)
        for i in range(2)
    ]
    me, colleague = UserFactory(email="ik@wacht.nl"), UserFactory(email="collega@wacht.nl")
    first, second = services.book_track(track, me)

    theirs = hand_over(first, colleague)

    assert theirs.learning_track is None
    assert theirs.price == sessions[0].price_member  # the one meeting's own price
    second.refresh_from_db()
    assert second.price == 200  # the leergang is still invoiced, to me


def test_a_cancelled_session_with_a_check_in_does_not_count_for_the_leergang():
    track = LearningTrackPageFactory(min_attendance=1)
    EventPageFactory(learning_track=track, start=in_days(10))
    person = member()
    [booked] = services.book_track(track, person)
    attend(booked)
    Registration.objects.filter(pk=booked.pk).update(status=RegistrationStatus.CANCELLED)
    assert track.progress_of(person, booked.event.end) == TrackProgress(attended=0, needed=1)
