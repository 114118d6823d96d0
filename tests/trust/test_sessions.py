"""Sessions: cookies that only this host over HTTPS can set, a login that ends after a
while idle and after a fixed time, and a logout that ends the session on the server too
(issue 22, item 1)."""

import datetime

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.test import Client, override_settings

from leerhuis.knowledge.models import DigestSubscription
from members.session_expiry import WRITE_INTERVAL
from tests.factories import PASSWORD, StaffFactory, UserFactory
from tests.trust.production import production_settings

pytestmark = pytest.mark.django_db

MINE = "/mijn-leerhuis/"
EXPIRED = "Je sessie is verlopen"
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
COOKIES = [
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_DOMAIN",
    "CSRF_COOKIE_DOMAIN",
    "SESSION_COOKIE_PATH",
    "CSRF_COOKIE_PATH",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SAMESITE",
]


def log_in(client, user, **extra):
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD}, **extra)
    assert response.status_code == 302, response.content.decode()[:500]
    return client


# --- cookies ----------------------------------------------------------------------------------


def test_production_cookies_are_host_only_secure_and_lax():
    production = production_settings(*COOKIES)

    assert production["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert production["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["SESSION_COOKIE_HTTPONLY"]
    assert production["SESSION_COOKIE_DOMAIN"] is production["CSRF_COOKIE_DOMAIN"] is None
    assert production["SESSION_COOKIE_PATH"] == production["CSRF_COOKIE_PATH"] == "/"
    assert production["SESSION_COOKIE_SAMESITE"] == production["CSRF_COOKIE_SAMESITE"] == "Lax"


def test_a_browser_gets_and_uses_them_as_the_prefix_demands(client):
    """A browser keeps a __Host- cookie only with Secure, Path=/ and no Domain."""
    with override_settings(**production_settings(*COOKIES)):
        form = client.get("/accounts/login/", secure=True)
        csrf = form.cookies["__Host-csrftoken"]
        log_in(client, UserFactory(), secure=True)
        session = client.cookies["__Host-sessionid"]
        mine = client.get(MINE, secure=True)

    for cookie in (csrf, session):
        header = cookie.OutputString()
        assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"], header
        assert "Domain=" not in header and cookie["samesite"] == "Lax"
    assert session["httponly"]
    assert "sessionid" not in client.cookies and "csrftoken" not in client.cookies
    assert mine.status_code == 200


# --- idle and absolute limits -------------------------------------------------------------------


def at(traveller, delta):
    traveller.move_to(START + delta)


def test_a_member_idle_too_long_is_logged_out_with_a_message(client):
    user = UserFactory()
    with time_machine.travel(START, tick=False) as traveller:
        log_in(client, user)
        old_key = client.cookies["sessionid"].value
        at(traveller, datetime.timedelta(hours=1))
        assert client.get(MINE).status_code == 200

        at(traveller, datetime.timedelta(hours=3, minutes=2))  # two hours and more since
        response = client.get(MINE)

        assert response.status_code == 302
        assert response["Location"] == "/accounts/login/?next=%2Fmijn-leerhuis%2F"
        assert EXPIRED in client.get(response["Location"]).content.decode()
        assert not Session.objects.filter(session_key=old_key).exists()
        assert not UserSession.objects.filter(session_key=old_key).exists()
        assert "_auth_user_id" not in client.session


def test_activity_keeps_a_session_alive(client):
    with time_machine.travel(START, tick=False) as traveller:
        log_in(client, UserFactory())
        for minutes in range(90, 11 * 60, 90):  # every hour and a half, for ten hours
            at(traveller, datetime.timedelta(minutes=minutes))
            assert client.get(MINE).status_code == 200, minutes


def test_a_busy_session_still_ends_after_its_absolute_limit(client):
    with time_machine.travel(START, tick=False) as traveller:
        log_in(client, UserFactory())
        for hours in range(1, 12):
            at(traveller, datetime.timedelta(hours=hours))
            assert client.get(MINE).status_code == 200, hours

        at(traveller, datetime.timedelta(hours=12, minutes=1))
        response = client.get(MINE, follow=True)

    assert EXPIRED in response.content.decode()
    assert response.redirect_chain[0][0].startswith("/accounts/login/")


def test_staff_get_the_stricter_idle_limit(client):
    member = Client()
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(StaffFactory())
        member.force_login(UserFactory())

        at(traveller, datetime.timedelta(minutes=31))
        staff_response = client.get(MINE)
        member_response = member.get(MINE)

    assert staff_response.status_code == 302 and "next=" in staff_response["Location"]
    assert member_response.status_code == 200


def test_a_post_after_expiry_is_not_carried_out(client):
    user = UserFactory()
    with time_machine.travel(START, tick=False) as traveller:
        log_in(client, user)
        at(traveller, datetime.timedelta(hours=3))
        response = client.post("/mijn-leerhuis/weekmail/", {"weekmail": "aan"})

    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert not DigestSubscription.objects.filter(user=user, active=True).exists()


def test_the_last_activity_is_written_at_most_once_a_minute(client):
    with time_machine.travel(START, tick=False) as traveller:
        log_in(client, UserFactory())
        at(traveller, datetime.timedelta(seconds=WRITE_INTERVAL // 2))
        soon = client.get(MINE)
        at(traveller, datetime.timedelta(seconds=WRITE_INTERVAL * 2))
        later = client.get(MINE)

    # A saved session sends its cookie again; an unchanged one does not.
    assert "sessionid" not in soon.cookies
    assert "sessionid" in later.cookies


def test_a_visitor_who_is_not_logged_in_gets_no_cookie(client, home_page):
    with time_machine.travel(START, tick=False) as traveller:
        for hours in (0, 3, 13):
            at(traveller, datetime.timedelta(hours=hours))
            response = client.get("/")
            assert response.status_code == 200
            assert not response.cookies, response.cookies


# --- logging out ------------------------------------------------------------------------------


def test_logging_out_ends_the_session_on_the_server():
    browser = log_in(Client(), UserFactory())
    stolen = browser.cookies["sessionid"].value
    assert Session.objects.filter(session_key=stolen).exists()
    assert UserSession.objects.filter(session_key=stolen).exists()

    assert browser.post("/accounts/logout/").status_code == 302

    assert not Session.objects.filter(session_key=stolen).exists()
    assert not UserSession.objects.filter(session_key=stolen).exists()
    replay = Client()
    replay.cookies["sessionid"] = stolen
    response = replay.get(MINE)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in replay.session
