"""No overbooking under load: 40 people racing for 10 places on PostgreSQL.

Each thread has its own database connection; all start together on a barrier, so their
transactions overlap. SQLite serialises writers, so these races only exist on PostgreSQL.
"""

import time

import pytest
from allauth.account.models import EmailAddress
from django.db import connection

from events import services
from events.models import EventPage, Registration, RegistrationStatus
from events.services import locking
from leerhuis.core.models import OutboxMessage
from members.affiliations import evaluate
from tests.events_factories import EventPageFactory
from tests.factories import OrganisationFactory, UserFactory
from tests.races import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="races need a database with row locks"
    ),
]


def people(count, domain="veenendaal.nl"):
    """Verified members of one municipality, made in bulk (40 accounts in well under a second)."""
    User = UserFactory._meta.model
    users = User.objects.bulk_create(
        [User(email=f"deelnemer{i}@{domain}", full_name=f"Deelnemer {i}") for i in range(count)]
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
    )
    for user in users:
        evaluate(user)
    return users


@pytest.fixture
def meeting():
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    return EventPageFactory(capacity=10)


def counts(event):
    registrations = Registration.objects.filter(event=event)
    return {
        status: registrations.filter(status=status).count()
        for status in (
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITLISTED,
            RegistrationStatus.CANCELLED,
        )
    }


def test_forty_people_for_ten_places_give_ten_confirmed_and_thirty_waiting(meeting):
    users = people(40)

    _, errors = run_together([lambda u=u: services.register(meeting, u) for u in users])

    assert errors == []
    assert counts(meeting) == {
        RegistrationStatus.CONFIRMED: 10,
        RegistrationStatus.WAITLISTED: 30,
        RegistrationStatus.CANCELLED: 0,
    }
    per_person = Registration.objects.filter(event=meeting).values_list("user", flat=True)
    assert sorted(per_person) == sorted(u.pk for u in users)  # nobody twice, nobody missing


def test_every_racer_gets_one_mail_drawn_after_the_commit(meeting, mailoutbox):
    """The mails are drawn outside the lock: still one per person, of the right kind."""
    users = people(40)

    _, errors = run_together([lambda u=u: services.register(meeting, u) for u in users])

    assert errors == []
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in users)
    subjects = [m.subject.split(":")[0] for m in mailoutbox]
    assert subjects.count("Je bent aangemeld") == 10
    assert subjects.count("Je staat op de wachtlijst") == 30
    rows = OutboxMessage.objects.all()
    assert rows.count() == 40 and not rows.filter(sent_at__isnull=True).exists()
    assert all(row.is_rendered and row.attempts == 1 for row in rows)


def test_cancellations_racing_new_sign_ups_never_exceed_the_capacity(meeting):
    users = people(40)
    holders = [services.register(meeting, u)[0] for u in users[:10]]
    for u in users[10:15]:
        services.register(meeting, u)  # five already waiting

    cancels = [lambda r=r: services.cancel(r, r.user) for r in holders[:5]]
    sign_ups = [lambda u=u: services.register(meeting, u) for u in users[15:]]
    _, errors = run_together(cancels + sign_ups)

    assert errors == []
    result = counts(meeting)
    assert result[RegistrationStatus.CONFIRMED] == 10
    assert result[RegistrationStatus.CANCELLED] == 5
    assert result[RegistrationStatus.WAITLISTED] == 40 - 10 - 5
    # Those who were waiting first got the freed places, not the newcomers.
    promoted = Registration.objects.filter(event=meeting, user__in=users[10:15])
    assert set(promoted.values_list("status", flat=True)) == {RegistrationStatus.CONFIRMED}


def test_a_double_click_gives_one_registration_and_one_mail(meeting, mailoutbox):
    (user,) = people(1)

    results, errors = run_together([lambda: services.register(meeting, user)] * 8)

    assert errors == []
    assert Registration.objects.filter(event=meeting, user=user).count() == 1
    assert sorted(created for _, created in results) == [False] * 7 + [True]
    assert len(mailoutbox) == 1


@pytest.fixture
def slow_count(monkeypatch):
    """A short pause between counting and inserting widens the window for a race."""
    counted = EventPage.is_full

    def slow_is_full(event):
        full = counted(event)
        time.sleep(0.05)
        return full

    monkeypatch.setattr(EventPage, "is_full", slow_is_full)


@pytest.mark.parametrize("locked", [True, False], ids=["with-lock", "control-without-lock"])
def test_the_lock_is_what_prevents_overbooking(meeting, monkeypatch, slow_count, locked):
    """With the pause, the lock still holds at 10; without the lock the race is real."""
    users = people(40)
    if not locked:
        # The same read, without the row lock: what the services would do without it.
        monkeypatch.setattr(locking, "lock_event", lambda pk: EventPage.objects.get(pk=pk))

    run_together([lambda u=u: services.register(meeting, u) for u in users])

    confirmed = counts(meeting)[RegistrationStatus.CONFIRMED]
    assert confirmed == 10 if locked else confirmed > 10
