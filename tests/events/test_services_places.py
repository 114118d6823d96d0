"""A place at a meeting: signing up and its price, the waiting list, cancelling, passing it on."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction

from events import services
from events.models import EventStatus, Registration, RegistrationStatus, Workshop
from events.services import Answers, RegistrationError
from leerhuis.core.models import OutboxMessage
from tests.events.helpers.services import hand_over, subjects
from tests.events_factories import EventPageFactory, attend, guest, in_days, member
from tests.factories import OrganisationFactory, PersonFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_signs_up_free_with_the_reason_kept(mails):
    event = EventPageFactory(price_non_member=195)
    person = member()

    registration, created = services.register(event, person, Answers(dietary="vegetarisch"))

    assert created and registration.status == RegistrationStatus.CONFIRMED
    assert registration.price == 0 and registration.is_member
    assert "is lid" in registration.membership_basis
    assert registration.organisation == person.affiliation.organisation
    assert registration.dietary == "vegetarisch"
    assert subjects(mails) == [f"Je bent aangemeld: {event.title}"]
    assert mails[0].attachments[0][0].endswith(".ics")


def test_a_guest_pays_the_non_member_price_and_why(mails):
    event = EventPageFactory(price_non_member=195)
    registration, _ = services.register(
        event, guest(), Answers(billing_organisation="Gemeente X", billing_reference="KP-12")
    )
    assert registration.price == 195 and not registration.is_member
    assert "geen lid" in registration.membership_basis
    assert registration.billing_reference == "KP-12"


def test_membership_on_the_day_of_the_meeting_decides_the_price():
    org = OrganisationFactory(member__until=in_days(10).date())
    person = UserFactory(email=f"iemand@{org.domains.get().domain}")
    later = EventPageFactory(start=in_days(30), price_non_member=95)
    sooner = EventPageFactory(start=in_days(5), price_non_member=95)

    assert services.register(later, person)[0].price == 95
    assert services.register(sooner, person)[0].price == 0


def test_signing_up_twice_gives_one_registration_and_one_mail(mails):
    event, person = EventPageFactory(), member()
    first, created_first = services.register(event, person)
    second, created_second = services.register(event, person)
    assert first == second and (created_first, created_second) == (True, False)
    assert Registration.objects.count() == 1
    assert len(mails) == 1


def test_the_database_refuses_a_second_active_registration():
    event, person = EventPageFactory(), member()
    services.register(event, person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, user=person, name="x")
    # A cancelled one does not count: the person may sign up again.
    Registration.objects.filter(event=event).update(status=RegistrationStatus.CANCELLED)
    assert services.register(event, person)[1] is True


def test_a_full_meeting_puts_people_on_the_waiting_list(mails):
    event = EventPageFactory(capacity=2)
    people = [member() for _ in range(3)]
    statuses = [services.register(event, p)[0].status for p in people]
    assert statuses == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    ]
    assert subjects(mails, people[2].email) == [f"Je staat op de wachtlijst: {event.title}"]
    # The waiting-list mail never carries the meeting file with the online link.
    assert not [m for m in mails if m.to == [people[2].email]][0].attachments


def test_nobody_passes_those_already_waiting():
    event = EventPageFactory(capacity=1)
    first, waiting = member(), member()
    services.register(event, first)
    services.register(event, waiting)
    # A place came free without promotion (within 24 hours the organiser decides).
    Registration.objects.filter(user=first).update(status=RegistrationStatus.CANCELLED)
    assert services.register(event, member())[0].status == RegistrationStatus.WAITLISTED


def test_no_maximum_means_everyone_gets_a_place():
    event = EventPageFactory(capacity=None)
    assert {services.register(event, member())[0].status for _ in range(5)} == {
        RegistrationStatus.CONFIRMED
    }


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": EventStatus.GEANNULEERD}, "gaat niet door"),
        ({"start": in_days(-1), "end": in_days(-1, 16)}, "begonnen of voorbij"),
        ({"capacity": 0}, "niet aanmelden"),
        ({"registration_opens": in_days(3)}, "Aanmelden kan vanaf"),
        ({"registration_closes": in_days(-1)}, "gesloten"),
    ],
)
def test_closed_meetings_refuse_with_a_dutch_reason_and_save_nothing(changes, message, mails):
    event = EventPageFactory(**changes)
    with pytest.raises(RegistrationError) as error:
        services.register(event, member())
    assert message in error.value.message
    assert Registration.objects.count() == 0 and not mails


def test_a_workshop_of_another_meeting_is_refused():
    event, other = EventPageFactory(), EventPageFactory()
    foreign = Workshop.objects.create(page=other, title="Elders")
    with pytest.raises(RegistrationError):
        services.register(event, member(), Answers(workshop=foreign))
    assert not Registration.objects.exists()


def test_a_rolled_back_sign_up_leaves_no_mail_behind(mails):
    event = EventPageFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.register(event, member())
        raise RuntimeError
    assert not OutboxMessage.objects.exists() and not mails


def test_cancelling_frees_the_place_for_the_first_person_waiting(mails):
    event = EventPageFactory(capacity=1)
    holder, first, second = member(), member(), member()
    registration = services.register(event, holder)[0]
    services.register(event, first)
    services.register(event, second)

    services.cancel(registration, holder)

    assert Registration.objects.get(user=holder, event=event).status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(user=first).status == RegistrationStatus.CONFIRMED
    assert Registration.objects.get(user=second).status == RegistrationStatus.WAITLISTED
    assert f"Er is een plaats voor je: {event.title}" in subjects(mails, first.email)
    assert f"Je bent afgemeld: {event.title}" in subjects(mails, holder.email)


def test_cancelling_twice_changes_nothing_more(mails):
    event, person = EventPageFactory(), member()
    registration = services.register(event, person)[0]
    services.cancel(registration, person)
    services.cancel(registration, person)
    assert subjects(mails, person.email).count(f"Je bent afgemeld: {event.title}") == 1


def test_nobody_cancels_someone_elses_registration():
    event, owner = EventPageFactory(), member()
    registration = services.register(event, owner)[0]
    with pytest.raises(RegistrationError) as error:
        services.cancel(registration, member())
    assert error.value.code == "forbidden"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_after_the_deadline_only_the_organiser_cancels():
    event = EventPageFactory(cancellation_deadline=in_days(1))
    person = member()
    registration = services.register(event, person)[0]
    late = in_days(2)
    with pytest.raises(RegistrationError) as error:
        services.cancel(registration, person, now=late)
    assert "collega" in error.value.message
    services.cancel(registration, StaffFactory(), now=late)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_within_a_day_of_the_start_the_organiser_decides_who_moves_up(mails):
    contact = PersonFactory(email="organisatie@leerhuis.example")
    event = EventPageFactory(capacity=1, contact_person=contact)
    holder, waiting = member(), member()
    registration = services.register(event, holder)[0]
    services.register(event, waiting)
    eve = event.start - datetime.timedelta(hours=20)

    services.cancel(registration, holder, now=eve)

    assert Registration.objects.get(user=waiting).status == RegistrationStatus.WAITLISTED
    told = [m for m in mails if m.to == ["organisatie@leerhuis.example"]]
    assert len(told) == 1 and "24 uur" in told[0].subject

    services.promote(Registration.objects.get(user=waiting), StaffFactory(), now=eve)
    assert Registration.objects.get(user=waiting).status == RegistrationStatus.CONFIRMED


def test_an_organiser_cannot_promote_beyond_the_capacity():
    event = EventPageFactory(capacity=1)
    services.register(event, member())
    waiting = services.register(event, member())[0]
    with pytest.raises(RegistrationError) as error:
        services.promote(waiting, StaffFactory())
    assert "geen plaats vrij" in error.value.message
    with pytest.raises(RegistrationError):
        services.promote(waiting, member())  # not an organiser at all


def test_staff_with_both_permissions_but_not_superuser_may_manage():
    """An organiser sees the list and acts on it: managing without seeing is no role."""
    event = EventPageFactory(capacity=1)
    holder = services.register(event, member())[0]
    organiser = UserFactory(is_staff=True)
    for codename in ("manage_attendees", "view_attendees"):
        with pytest.raises(RegistrationError):
            attend(holder, organiser)
        organiser.user_permissions.add(Permission.objects.get(codename=codename))
        organiser = type(organiser).objects.get(pk=organiser.pk)  # fresh permission cache
    assert attend(holder, organiser).checked_in_at is not None


def test_raising_the_capacity_promotes_in_order():
    event = EventPageFactory(capacity=1)
    services.register(event, member())
    waiting = [services.register(event, member())[0] for _ in range(3)]
    event.capacity = 3
    event.save()
    promoted = services.promote_waitlist(event)
    assert promoted == waiting[:2]
    assert Registration.objects.get(pk=waiting[2].pk).status == RegistrationStatus.WAITLISTED


def test_a_colleague_takes_over_the_place(mails):
    event = EventPageFactory(capacity=1)
    org = OrganisationFactory(domain="veenendaal.nl")
    me = UserFactory(email="ik@veenendaal.nl")
    colleague = UserFactory(email="collega@veenendaal.nl")
    mine = services.register(event, me, Answers(dietary="geen noten"))[0]
    waiting = services.register(event, member())[0]

    theirs = hand_over(mine, colleague)

    mine.refresh_from_db()
    assert mine.status == RegistrationStatus.CANCELLED and mine.replaced_by == theirs
    assert theirs.status == RegistrationStatus.CONFIRMED and theirs.organisation == org
    assert theirs.dietary == ""  # personal answers do not pass on
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.WAITLISTED
    assert f"Je bent aangemeld: {event.title}" in subjects(mails, colleague.email)
    assert f"Je plaats is overgedragen: {event.title}" in subjects(mails, me.email)


def test_a_place_only_passes_to_a_colleague_of_the_same_organisation():
    event = EventPageFactory()
    OrganisationFactory(domain="veenendaal.nl")
    me = UserFactory(email="ik@veenendaal.nl")
    mine = services.register(event, me)[0]
    stranger = member()
    with pytest.raises(RegistrationError) as error:
        hand_over(mine, stranger)
    assert error.value.code == "address"
    with pytest.raises(RegistrationError):
        hand_over(mine, me)
    with pytest.raises(RegistrationError) as error:
        services.invite_colleague(mine, "x@veenendaal.nl", stranger)
    assert error.value.code == "forbidden"
    assert Registration.objects.active().get() == mine
