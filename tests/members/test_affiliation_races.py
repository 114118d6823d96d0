"""Two requests working out the same person's affiliation at once (say, the mail link
clicked twice) must leave one row and a consistent history. SQLite serialises writers,
so the race only exists on PostgreSQL."""

import threading

import pytest
from allauth.account.models import EmailAddress
from django.db import connection, connections

from members import affiliations
from members.models import Affiliation, AffiliationChange
from tests.factories import OrganisationFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="races need a database with row locks"
    ),
]
THREADS = 8


def run_together(target):
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 10000")
            barrier.wait(timeout=10)
            target()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    assert errors == []


def test_concurrent_evaluations_make_one_affiliation_and_one_history_entry():
    veenendaal = OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    user = UserFactory(email="astrid@veenendaal.nl", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    run_together(lambda: affiliations.evaluate(type(user).objects.get(pk=user.pk)))

    assert Affiliation.objects.filter(user=user).count() == 1
    assert Affiliation.objects.get(user=user).organisation == veenendaal
    assert AffiliationChange.objects.filter(user=user).count() == 1
