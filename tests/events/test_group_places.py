"""A place at a group's meeting is for its members: whoever leaves the group, or is taken
out of it, loses their place (or their spot on the waiting list) at its meetings still to
come, hears so once, and the first person waiting moves up."""

import pytest
from django.core import mail

from events import services
from events.models import RegistrationStatus
from members import groups
from members.access import Visibility
from members.models import Groepslid, Toegang
from tests.community_factories import GroepFactory, GroepslidFactory
from tests.events.helpers.services import subjects
from tests.events_factories import EventPageFactory, RegistrationFactory, in_days, member
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def groep():
    groep = GroepFactory(name="Intervisie opgave-managers", toegang=Toegang.OPEN)
    groep.manager = GroepslidFactory(groep=groep, user=member(), role=Groepslid.Rol.BEHEERDER).user
    groep.leaver = GroepslidFactory(groep=groep, user=member()).user
    groep.waiting = GroepslidFactory(groep=groep, user=member()).user
    return groep


def group_meeting(groep, **kwargs):
    return EventPageFactory(visibility=Visibility.GROUP, group=groep, **kwargs)


@pytest.fixture
def full_meeting(groep, mails):
    """One place: the leaver has it, a fellow member waits; the sign-up mails are sent."""
    event = group_meeting(groep, title="Intervisie in december", capacity=1)
    services.register(event, groep.leaver)
    services.register(event, groep.waiting)
    assert len(mails) == 2
    mail.outbox.clear()
    return event


def status(event, user):
    return event.registrations.get(user=user).status


def test_leaving_the_group_gives_up_the_place_to_the_first_one_waiting(groep, full_meeting, mails):
    groups.leave(groep, groep.leaver)

    assert status(full_meeting, groep.leaver) == RegistrationStatus.CANCELLED
    assert status(full_meeting, groep.waiting) == RegistrationStatus.CONFIRMED
    title = full_meeting.title
    assert subjects(mails, groep.leaver.email) == [f"Je bent afgemeld: {title}"]
    assert subjects(mails, groep.waiting.email) == [f"Er is een plaats voor je: {title}"]
    groups.leave(groep, groep.leaver)  # leaving twice: nothing more
    assert len(subjects(mails, groep.leaver.email)) == 1


def test_someone_removed_by_a_manager_loses_the_place_and_hears_why(groep, full_meeting, mails):
    groups.remove(groep.leden.get(user=groep.leaver), groep.manager)

    registration = full_meeting.registrations.get(user=groep.leaver)
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.cancelled_by == groep.manager
    assert status(full_meeting, groep.waiting) == RegistrationStatus.CONFIRMED
    [sent] = [m for m in mails if m.to == [groep.leaver.email]]
    assert sent.subject == f"Je bent afgemeld: {full_meeting.title}"
    assert "Geen lid meer van de groep Intervisie opgave-managers" in sent.body


def test_a_spot_on_the_waiting_list_goes_too(groep, full_meeting, mails):
    groups.leave(groep, groep.waiting)

    assert status(full_meeting, groep.waiting) == RegistrationStatus.CANCELLED
    assert status(full_meeting, groep.leaver) == RegistrationStatus.CONFIRMED
    assert subjects(mails) == [f"Je bent afgemeld: {full_meeting.title}"]


def test_what_was_not_the_group_s_to_give_stays(groep, mails):
    past = group_meeting(groep, start=in_days(-7, 10))
    running = group_meeting(groep, start=in_days(0, 0), end=in_days(1, 23))
    other_group = group_meeting(GroepFactory())
    for_members = EventPageFactory(visibility=Visibility.MEMBERS)
    for_everyone = EventPageFactory()
    kept = [past, running, other_group, for_members, for_everyone]
    for event in kept:
        RegistrationFactory(event=event, user=groep.leaver)

    groups.leave(groep, groep.leaver)

    for event in kept:
        assert status(event, groep.leaver) == RegistrationStatus.CONFIRMED, event.title
    assert not mails


def test_withdrawing_a_request_touches_no_meeting(groep, mails):
    event = group_meeting(groep)
    asked = member()
    GroepslidFactory(groep=groep, user=asked, status=Groepslid.Status.AANGEVRAAGD)
    RegistrationFactory(event=event, user=asked)  # put there by the organisation, say

    groups.leave(groep, asked)

    assert status(event, asked) == RegistrationStatus.CONFIRMED
    assert not mails


def test_staff_who_leave_a_group_keep_their_place_since_they_see_every_meeting(groep, mails):
    event = group_meeting(groep)
    staff = StaffFactory()
    GroepslidFactory(groep=groep, user=staff)
    RegistrationFactory(event=event, user=staff)

    groups.leave(groep, staff)

    assert status(event, staff) == RegistrationStatus.CONFIRMED


def test_rejoining_restores_nothing_but_signing_up_again_works(groep, full_meeting, mails):
    groups.leave(groep, groep.leaver)
    groups.join(groep, groep.leaver)

    assert not full_meeting.registrations.active().filter(user=groep.leaver).exists()
    again, created = services.register(full_meeting, groep.leaver)
    assert created and again.status == RegistrationStatus.WAITLISTED


def test_a_refused_leave_keeps_the_place(groep, mails):
    event = group_meeting(groep)
    services.register(event, groep.manager)
    assert len(mails) == 1
    mail.outbox.clear()

    with pytest.raises(groups.GroepError):
        groups.leave(groep, groep.manager)  # the last manager, with others in the group

    assert status(event, groep.manager) == RegistrationStatus.CONFIRMED
    assert not mails
