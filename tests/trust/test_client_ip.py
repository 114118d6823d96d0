"""Defect (e): behind the documented reverse proxy every request came from the proxy's
address, so every visitor shared one rate-limit bucket. The operator now says how many
proxies to trust (TRUSTED_PROXY_COUNT) or which header the proxy sets
(TRUSTED_CLIENT_IP_HEADER); allauth's limits and ours then count each visitor apart, and
what a visitor writes into X-Forwarded-For themselves does not move them to another bucket.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from members.client_ip import client_ip
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PROXY = "10.0.0.5"  # the reverse proxy in front of gunicorn
VISITOR_A = "198.51.100.7"
VISITOR_B = "203.0.113.20"
ROOT = Path(__file__).resolve().parents[2]


def settings_from_environment(**variables):
    """The trusted-proxy settings as a server started with these variables has them."""
    code = (
        "import json; from leerhuis.settings import base; print(json.dumps("
        "[base.ALLAUTH_TRUSTED_PROXY_COUNT, base.ALLAUTH_TRUSTED_CLIENT_IP_HEADER]))"
    )
    env = {**os.environ, "TRUSTED_PROXY_COUNT": "", "TRUSTED_CLIENT_IP_HEADER": "", **variables}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    count, header = json.loads(done.stdout)
    return {"ALLAUTH_TRUSTED_PROXY_COUNT": count, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER": header}


@pytest.fixture(scope="module")
def one_proxy():
    return settings_from_environment(TRUSTED_PROXY_COUNT="1")


def via_proxy(forwarded_for):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded_for}


def wrong_passwords(client, forwarded_for, times=10):
    # Different accounts, so the per-account limit (5 in 5 minutes) is not what stops them.
    for attempt in range(times):
        client.post(
            LOGIN,
            {"login": f"doelwit{attempt % 5}@tilburg.nl", "password": f"fout-{attempt}"},
            **via_proxy(forwarded_for),
        )


def test_by_default_no_header_is_trusted():
    # Without the operator saying so, a visitor's X-Forwarded-For is their own invention.
    assert settings_from_environment() == {
        "ALLAUTH_TRUSTED_PROXY_COUNT": 0,
        "ALLAUTH_TRUSTED_CLIENT_IP_HEADER": None,
    }


def test_the_environment_sets_the_client_ip_header():
    chosen = settings_from_environment(TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    assert chosen["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"] == "X-Real-IP"


def test_ten_wrong_passwords_lock_out_that_visitor_only(client, one_proxy):
    member = UserFactory(email="b@veenendaal.nl")
    with override_settings(**one_proxy):
        wrong_passwords(client, VISITOR_A)
        locked = client.post(
            LOGIN, {"login": "ander@tilburg.nl", "password": "nog-een"}, **via_proxy(VISITOR_A)
        )
        assert "Te veel inlogpogingen" in locked.content.decode()

        # Another visitor behind the same proxy logs in as if nothing happened.
        response = client.post(
            LOGIN, {"login": member.email, "password": PASSWORD}, **via_proxy(VISITOR_B)
        )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_spoofed_forwarded_address_does_not_escape_the_bucket(client, one_proxy):
    member = UserFactory(email="a@veenendaal.nl")
    with override_settings(**one_proxy):
        wrong_passwords(client, VISITOR_A)
        # The proxy appends the real address; what A wrote before it is ignored.
        response = client.post(
            LOGIN,
            {"login": member.email, "password": PASSWORD},
            **via_proxy(f"{VISITOR_B}, {VISITOR_A}"),
        )
    assert "Te veel inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_our_own_limits_count_each_visitor_behind_the_proxy(client, one_proxy, frozen_clock):
    with override_settings(**one_proxy):
        statuses = [
            client.get("/zoeken/", {"q": f"woord{i}"}, **via_proxy(VISITOR_A)).status_code
            for i in range(61)
        ]
        other = client.get("/zoeken/", {"q": "woord"}, **via_proxy(VISITOR_B))
    assert statuses[:60] == [200] * 60
    assert statuses[60] == 429
    assert other.status_code == 200


def test_an_ipv6_visitor_cannot_escape_our_limits_by_changing_address(
    client, one_proxy, frozen_clock
):
    # A home or office line holds a whole /64: 2^64 addresses, one bucket, as allauth counts.
    with override_settings(**one_proxy):
        statuses = [
            client.get(
                "/zoeken/", {"q": f"woord{i}"}, **via_proxy(f"2001:db8:1:2::{i + 1:x}")
            ).status_code
            for i in range(61)
        ]
        neighbour = client.get("/zoeken/", {"q": "woord"}, **via_proxy("2001:db8:1:3::1"))
    assert statuses[60] == 429
    assert neighbour.status_code == 200


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        # The proxy's header, not the connection.
        ({"HTTP_X_FORWARDED_FOR": f"{VISITOR_B}, {VISITOR_A}"}, VISITOR_A),
        # No header (a request that did not pass the proxy), or one that names no address:
        # the connection's address.
        ({}, PROXY),
        ({"HTTP_X_FORWARDED_FOR": "niet-een-adres"}, PROXY),
    ],
)
def test_client_ip_reads_the_trusted_entry_or_falls_back(rf, one_proxy, headers, expected):
    request = rf.get("/", REMOTE_ADDR=PROXY, **headers)
    with override_settings(**one_proxy):
        assert client_ip(request) == expected


def test_more_trusted_proxies_than_entries_is_not_a_500(client):
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=2):
        response = client.post(
            LOGIN, {"login": "x@tilburg.nl", "password": "fout"}, **via_proxy(VISITOR_A)
        )
    assert response.status_code == 200


def test_a_header_set_by_the_proxy_itself(rf):
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=VISITOR_B)
    with override_settings(ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP"):
        assert client_ip(request) == VISITOR_B
