"""Defect (d): sign-up answered in ~70 ms for an address that has an account and ~290 ms
for a new one, which told anyone whether an address is known. The cost was the password hash
(only a new account had one made) and the mail. Both paths now hash once and queue one mail,
and give the same answer; the password reset already did the same work either way.
"""

import statistics
import time

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from leerhuis.core.models import OutboxMessage
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
RESET = "/accounts/password/reset/"
TAKEN = "bestaand@veenendaal.nl"


class CountingHasher(MD5PasswordHasher):
    """MD5 (fast) that counts how often a password is hashed."""

    algorithm = "md5-counted"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


COUNTED = override_settings(PASSWORD_HASHERS=["tests.trust.test_equal_work.CountingHasher"])


@pytest.fixture
def existing_member(db):
    return UserFactory(email=TAKEN, full_name="Bea Staal")


def signup_data(email):
    return {
        "full_name": "Ruud de Smit",
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }


def measured(client, url, data):
    """What one post costs: password hashes, queries, mails; and the answer it gets."""
    mail.outbox.clear()
    queued = OutboxMessage.objects.count()
    CountingHasher.calls = 0
    with COUNTED, CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    return {
        "hashes": CountingHasher.calls,
        "queries": len(queries),
        # Sent or queued in the outbox: either way alike for both addresses.
        "mails": len(mail.outbox) + OutboxMessage.objects.count() - queued,
        "status": response.status_code,
        "location": response.get("Location"),
    }


def test_signup_costs_the_same_for_a_taken_and_a_new_address(client, existing_member):
    taken = measured(client, SIGNUP, signup_data(TAKEN))
    client.cookies.clear()
    new = measured(client, SIGNUP, signup_data("nieuw@veenendaal.nl"))
    assert taken["hashes"] == new["hashes"] == 1
    assert taken["mails"] == new["mails"] >= 1
    assert (taken["status"], taken["location"]) == (new["status"], new["location"])
    # Not the same queries: a new account writes its rows (a few milliseconds on a local
    # database, lost in a network's jitter, unlike a password hash).
    assert abs(taken["queries"] - new["queries"]) <= 10


def test_password_reset_costs_the_same_for_a_known_and_an_unknown_address(client, existing_member):
    known = measured(client, RESET, {"email": TAKEN})
    client.cookies.clear()
    unknown = measured(client, RESET, {"email": "onbekend@veenendaal.nl"})
    assert known["hashes"] == unknown["hashes"]
    assert known["mails"] == unknown["mails"] >= 1
    assert (known["status"], known["location"]) == (unknown["status"], unknown["location"])
    assert abs(known["queries"] - unknown["queries"]) <= 1


def test_a_wrong_password_costs_the_same_for_a_known_and_an_unknown_address(
    client, existing_member
):
    known = measured(client, "/accounts/login/", {"login": TAKEN, "password": "fout-1234"})
    unknown = measured(
        client, "/accounts/login/", {"login": "onbekend@veenendaal.nl", "password": "fout-1234"}
    )
    assert known["hashes"] == unknown["hashes"] >= 1
    assert known["status"] == unknown["status"] == 200


@pytest.mark.benchmark
def test_signup_takes_as_long_for_a_taken_address_with_the_real_hasher(client, existing_member):
    """With the production hasher (PBKDF2), the medians of five sign-ups each are close.
    Taken and new alternate, so a busy machine slows both alike."""
    timings = {"taken": [], "new": []}
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        for run in range(5):
            for kind, email in (("taken", TAKEN), ("new", f"nieuw{run}@veenendaal.nl")):
                client.cookies.clear()
                start = time.perf_counter()
                response = client.post(SIGNUP, signup_data(email))
                timings[kind].append(time.perf_counter() - start)
                assert response.status_code == 302
    ratio = statistics.median(timings["taken"]) / statistics.median(timings["new"])
    assert 0.6 <= ratio <= 1.6, timings
