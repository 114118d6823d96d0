"""Many clicks at once on the same group: one membership, one acceptance of an invitation,
and never a group left without a manager. SQLite serialises writers, so the race only
exists on PostgreSQL; the control without the lock shows it is a real race there."""

import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections

from members import groups
from members.models import Groep, Groepslid, Toegang
from tests.community_factories import GroepFactory, GroepslidFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="races need a database with row locks"
    ),
]
THREADS = 8


def run_together(target, threads=THREADS):
    barrier = threading.Barrier(threads)
    errors, results = [], []

    def worker():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 10000")
            barrier.wait(timeout=10)
            results.append(target())
        except groups.GroepError as error:
            results.append(error)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=30)
    assert not any(t.is_alive() for t in workers), "a thread hung"
    assert errors == []
    return results


def test_many_simultaneous_joins_make_one_membership():
    groep = GroepFactory(toegang=Toegang.OPEN)
    person = UserFactory()
    results = run_together(lambda: groups.join(Groep.objects.get(pk=groep.pk), person))
    assert Groepslid.objects.filter(groep=groep, user=person).count() == 1
    assert sum(1 for _lid, created in results if created) == 1


def test_many_simultaneous_acceptances_of_an_invitation_make_one_membership():
    groep = GroepFactory(toegang=Toegang.UITNODIGING)
    manager = GroepslidFactory(groep=groep, role=Groepslid.Rol.BEHEERDER).user
    invited = UserFactory(email="race@gemeente.nl")
    invitation, _ = groups.invite(groep, invited.email, manager)
    run_together(
        lambda: groups.accept_invitation(type(invitation).objects.get(pk=invitation.pk), invited)
    )
    assert Groepslid.objects.filter(groep=groep, user=invited).count() == 1


def _two_managers_leave_at_once():
    groep = GroepFactory(toegang=Toegang.OPEN)
    first = GroepslidFactory(groep=groep, role=Groepslid.Rol.BEHEERDER).user
    second = GroepslidFactory(groep=groep, role=Groepslid.Rol.BEHEERDER).user
    GroepslidFactory(groep=groep)
    people = iter([first, second])
    lock = threading.Lock()

    def leave():
        with lock:
            user = next(people)
        return groups.leave(Groep.objects.get(pk=groep.pk), user)

    run_together(leave, threads=2)
    return groep


def test_two_managers_leaving_at_once_leave_one_manager_behind():
    groep = _two_managers_leave_at_once()
    assert groep.leden.managers().count() == 1


def test_without_the_lock_both_managers_could_leave():
    """The control: with the group row unlocked, both check the rule before either writes."""
    check = groups._last_manager_with_others

    def slow_check(groep, lid):
        answer = check(groep, lid)
        time.sleep(0.5)  # both requests have looked before either deletes
        return answer

    with (
        mock.patch.object(groups, "_lock", lambda groep: Groep.objects.get(pk=groep.pk)),
        mock.patch.object(groups, "_last_manager_with_others", slow_check),
    ):
        groep = _two_managers_leave_at_once()
    assert groep.leden.managers().count() == 0
