"""Where you are logged in: devices in words, this device marked, log out on one device or
on all others, and nobody else's sessions within reach."""

import datetime

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from members.devices import describe
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SESSIONS = "/accounts/sessions/"
FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"
)
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.mark.parametrize(
    ("user_agent", "said"),
    [
        (FIREFOX_WINDOWS, "Firefox op Windows"),
        (SAFARI_IPHONE, "Safari op iPhone"),
        (CHROME_ANDROID, "Chrome op Android"),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Edge op Windows",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Safari op macOS",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
            "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Chrome op macOS",
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            "Firefox op Linux",
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
            "Chrome op iPhone",
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
            "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
            "Samsung Internet op Android",
        ),
        ("curl/8.5.0", "Onbekend apparaat"),
        ("", "Onbekend apparaat"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Onbekende browser op Windows"),
    ],
)
def test_a_browser_and_system_are_named_as_people_say_them(user_agent, said):
    assert describe(user_agent) == said


def logged_in(user, user_agent):
    client = Client(headers={"user-agent": user_agent})
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)
    return client


def is_logged_in(client):
    return client.get("/mijn-leerhuis/").status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(SESSIONS)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_page_names_each_device_and_marks_this_one():
    user = UserFactory()
    laptop = logged_in(user, FIREFOX_WINDOWS)
    logged_in(user, SAFARI_IPHONE)
    html = laptop.get(SESSIONS).content.decode()
    assert "Waar je bent ingelogd" in html
    assert "Firefox op Windows" in html and "Safari op iPhone" in html
    assert "Gecko" not in html and "AppleWebKit" not in html  # no raw user agent
    assert html.count("Dit apparaat") == 1
    assert (
        html.index("Firefox op Windows")
        < html.index("Dit apparaat")
        < html.index("Safari op iPhone")
    )
    # One button for the one other device; "all others" only when there are more.
    assert html.count("Log uit op dit apparaat") == 1
    assert "Log uit op alle andere apparaten" not in html
    assert "127.0.0.1" in html
    assert "Laatst gezien" in html


def test_logging_out_on_one_device_leaves_this_one_and_the_others_logged_in():
    user = UserFactory()
    laptop = logged_in(user, FIREFOX_WINDOWS)
    phone = logged_in(user, SAFARI_IPHONE)
    tablet = logged_in(user, CHROME_ANDROID)
    phone_session = UserSession.objects.get(session_key=phone.session.session_key)
    response = laptop.post(SESSIONS, {"sessie": phone_session.pk}, follow=True)
    assert "Je bent uitgelogd op Safari op iPhone." in response.content.decode()
    assert not is_logged_in(phone)
    assert is_logged_in(laptop) and is_logged_in(tablet)
    assert "Log uit op alle andere apparaten" not in response.content.decode()


def test_logging_out_on_all_other_devices():
    user = UserFactory()
    laptop = logged_in(user, FIREFOX_WINDOWS)
    phone = logged_in(user, SAFARI_IPHONE)
    tablet = logged_in(user, CHROME_ANDROID)
    assert "Log uit op alle andere apparaten" in laptop.get(SESSIONS).content.decode()
    response = laptop.post(SESSIONS, follow=True)
    assert "Je bent uitgelogd op alle andere apparaten." in response.content.decode()
    assert not is_logged_in(phone) and not is_logged_in(tablet)
    assert is_logged_in(laptop)
    assert "Je bent nergens anders ingelogd." in response.content.decode()


def test_another_users_session_is_out_of_reach():
    owner = UserFactory()
    owner_phone = logged_in(owner, SAFARI_IPHONE)
    target = UserSession.objects.get(session_key=owner_phone.session.session_key)
    intruder = logged_in(UserFactory(), FIREFOX_WINDOWS)
    page = intruder.get(SESSIONS).content.decode()
    assert "Safari op iPhone" not in page
    response = intruder.post(SESSIONS, {"sessie": target.pk}, follow=True)
    assert response.status_code == 200
    assert "Op dat apparaat was je al uitgelogd." in response.content.decode()
    assert is_logged_in(owner_phone)


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999"])
def test_a_bad_session_number_is_answered_not_a_500(value):
    laptop = logged_in(UserFactory(), FIREFOX_WINDOWS)
    response = laptop.post(SESSIONS, {"sessie": value}, follow=True)
    assert response.status_code == 200
    assert is_logged_in(laptop)


def test_last_seen_is_kept_at_most_every_few_minutes_without_a_write_per_request():
    user = UserFactory()
    start = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        laptop = logged_in(user, FIREFOX_WINDOWS)
    with time_machine.travel(start + datetime.timedelta(minutes=2), tick=False):
        with CaptureQueriesContext(connection) as queries:
            laptop.get("/mijn-leerhuis/")
        assert not [q for q in queries if "UPDATE" in q["sql"] and "usersession" in q["sql"]]
    seen = start + datetime.timedelta(minutes=20)
    with time_machine.travel(seen, tick=False):
        laptop.get("/mijn-leerhuis/", headers={"user-agent": SAFARI_IPHONE})
    session = UserSession.objects.get(session_key=laptop.session.session_key)
    assert session.last_seen_at == seen
    assert session.created_at == start
    assert describe(session.user_agent) == "Safari op iPhone"
    # A minute later (by now, the login would have ended: idle too long).
    with time_machine.travel(seen + datetime.timedelta(minutes=1), tick=False):
        html = laptop.get(SESSIONS).content.decode()
    assert "5 december 2026, 11:00" in html  # Amsterdam time, Dutch month
