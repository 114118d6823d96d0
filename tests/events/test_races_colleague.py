"""Stuur een collega under load, on PostgreSQL: one invitation gives one outcome.

A double click on "Plaats overnemen", or an accept while the sender cancels, must never
leave two places where there was one. The same threads as test_races.py; the control
without the row locks shows that the race is real.
"""

import time

import pytest
from django.db import connection

from events import services
from events.models import EventPage, PlaceInvitation, Registration, RegistrationStatus
from events.services import locking
from tests.events.test_races import people
from tests.events_factories import EventPageFactory
from tests.factories import OrganisationFactory
from tests.races import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="races need a database with row locks"
    ),
]


@pytest.fixture
def invited():
    """A meeting with one place: Astrid has it, someone waits, Ruud is invited to take it."""
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    event = EventPageFactory(capacity=1)
    sender, waiter, colleague = people(3)
    place, _ = services.register(event, sender)
    services.register(event, waiter)
    invitation, _token = services.invite_colleague(place, colleague.email, sender)
    return event, place, invitation, waiter, colleague


def confirmed(event):
    return set(
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).values_list(
            "user_id", flat=True
        )
    )


def test_a_double_click_on_accept_gives_one_place(invited):
    event, place, invitation, waiter, colleague = invited

    results, errors = run_together([lambda: services.accept_invitation(invitation, colleague)] * 6)

    assert errors == []
    assert {r.pk for r in results} == {Registration.objects.get(user=colleague).pk}
    assert confirmed(event) == {colleague.pk}


def test_an_accept_racing_the_senders_cancellation_ends_one_way(invited):
    event, place, invitation, waiter, colleague = invited

    _results, errors = run_together(
        [
            lambda: services.accept_invitation(invitation, colleague),
            lambda: services.cancel(place, place.user),
        ]
    )

    # Either the colleague took the place (the cancellation then found nothing to cancel),
    # or the sender cancelled first (the place went to whoever waited, the accept refused).
    assert confirmed(event) in ({colleague.pk}, {waiter.pk})
    if confirmed(event) == {waiter.pk}:
        [refused] = errors
        assert refused.code == "closed"
    else:
        assert errors == []


@pytest.fixture
def slow_accept(monkeypatch):
    """A pause after the accept checked the place widens the window for a race."""
    checked = PlaceInvitation.closed_reason

    def slow(invitation, now=None):
        reason = checked(invitation, now)
        time.sleep(0.3)
        return reason

    monkeypatch.setattr(PlaceInvitation, "closed_reason", slow)


@pytest.mark.parametrize("locked", [True, False], ids=["with-lock", "control-without-lock"])
def test_the_locks_are_what_keep_one_place_one_person(invited, monkeypatch, slow_accept, locked):
    event, place, invitation, waiter, colleague = invited
    if not locked:
        # The same reads without row locks: what the verbs would do without them.
        monkeypatch.setattr(locking, "lock_event", lambda pk: EventPage.objects.get(pk=pk))
        monkeypatch.setattr(
            locking,
            "lock_registration",
            lambda pk: Registration.objects.select_related("event").get(pk=pk),
        )

    def cancel_soon():
        time.sleep(0.1)  # while the accept has checked and not yet written
        return services.cancel(place, place.user)

    run_together([lambda: services.accept_invitation(invitation, colleague), cancel_soon])

    places = len(confirmed(event))
    assert places == 1 if locked else places == 2
