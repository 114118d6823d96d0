"""The security log ("leerhuis.security"): logins, failures, logouts, refused MFA codes,
limits reached and refusals (403) are logged with the account's id, the address and the
path; the password, a reset token, an MFA code, the session key and the full email address
never are."""

import logging
import re

import pytest
from django.core import mail

from members.security_log import mask_email
from tests.events_factories import guest
from tests.factories import PASSWORD, StaffFactory, UserFactory
from tests.members.mfa import activate_totp, totp_code

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
EMAIL = "lid@veenendaal.nl"
WRONG = "Geheim-fout-wachtwoord-42"


@pytest.fixture
def security_log(caplog):
    caplog.set_level(logging.INFO, logger="leerhuis.security")

    def lines():
        return [r.getMessage() for r in caplog.records if r.name == "leerhuis.security"]

    return lines


@pytest.fixture
def everything_logged(caplog):
    """Every record of every logger, as text, to search for secrets."""
    caplog.set_level(logging.DEBUG)
    return lambda: "\n".join(r.getMessage() for r in caplog.records)


def line_with(lines, start):
    found = [line for line in lines if line.startswith(start)]
    assert found, lines
    return found[-1]


def test_a_login_and_a_logout_are_logged_with_the_account_id(client, security_log):
    user = UserFactory(email=EMAIL)
    client.post(LOGIN, {"login": EMAIL, "password": PASSWORD})
    session_key = client.session.session_key
    assert f"inloggen-gelukt gebruiker={user.pk} ip=127.0.0.1" in security_log()
    client.post("/accounts/logout/")
    assert f"uitgelogd gebruiker={user.pk} ip=127.0.0.1" in security_log()
    text = "\n".join(security_log())
    assert PASSWORD not in text
    assert session_key not in text
    assert EMAIL not in text


def test_a_failed_login_is_logged_with_a_masked_address_and_no_password(
    client, security_log, everything_logged
):
    UserFactory(email=EMAIL)
    client.post(LOGIN, {"login": EMAIL, "password": WRONG})
    line = line_with(security_log(), "inloggen-mislukt")
    assert "login=l***@veenendaal.nl" in line
    assert "pad=/accounts/login/" in line
    assert WRONG not in everything_logged()
    assert EMAIL not in everything_logged()


def test_the_login_lockout_is_logged_as_a_limit_reached(client, security_log, everything_logged):
    UserFactory(email=EMAIL)
    for attempt in range(6):
        client.post(LOGIN, {"login": EMAIL, "password": f"{WRONG}-{attempt}"})
    line = line_with(security_log(), "limiet-bereikt")
    assert "limiet=login_failed" in line
    assert "login=l***@veenendaal.nl" in line
    assert WRONG not in everything_logged()


def test_our_limits_and_allauths_are_logged_by_name(client, settings, monkeypatch, security_log):
    from leerhuis.search import views as search_views

    monkeypatch.setattr(search_views, "SEARCH_LIMIT", 0)
    assert client.get("/zoeken/", {"q": "opgave"}).status_code == 429
    assert "limiet=zoeken" in line_with(security_log(), "limiet-bereikt")

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}
    client.post(LOGIN, {"login": "x@tilburg.nl", "password": WRONG})
    assert client.post(LOGIN, {"login": "x@tilburg.nl", "password": WRONG}).status_code == 429
    line = line_with(security_log(), "limiet-bereikt")
    assert "limiet=allauth" in line
    assert "pad=/accounts/login/" in line


def test_a_refusal_is_logged_with_who_and_where(client, security_log):
    user = guest()
    client.force_login(user)
    assert client.post("/begrippen/voorstellen/", {"pref_label": "x"}).status_code == 403
    line = line_with(security_log(), "toegang-geweigerd")
    assert f"gebruiker={user.pk}" in line
    assert "pad=/begrippen/voorstellen/" in line


def test_a_password_reset_token_never_reaches_the_log(client, settings, everything_logged):
    UserFactory(email=EMAIL)
    client.post("/accounts/password/reset/", {"email": EMAIL})
    path = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    token = path.rstrip("/").rsplit("/", 1)[-1].split("-", 1)[1]
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "reset_password_from_key": "1/m/ip",
    }
    # A wrong key and then the real one, past the limit: a 429 on a path holding the token.
    client.post(path.replace(token, "fout-" + token[5:]), {"password1": "x", "password2": "x"})
    response = client.post(path, {"password1": WRONG, "password2": WRONG})
    assert response.status_code == 429
    text = everything_logged()
    assert "limiet-bereikt" in text
    assert re.search(r"pad=/accounts/password/reset/key/\w+-<key>/", text)
    assert token not in text
    assert WRONG not in text


def test_a_refused_mfa_code_is_logged_without_the_code(client, security_log, everything_logged):
    staff = StaffFactory(email="beheer@veenendaal.nl")
    secret = activate_totp(staff)
    client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    wrong_code = str((int(totp_code(secret)) + 1) % 1_000_000).zfill(6)
    client.post("/accounts/2fa/authenticate/", {"code": wrong_code})
    line = line_with(security_log(), "mfa-code-geweigerd")
    assert f"gebruiker={staff.pk}" in line
    assert wrong_code not in everything_logged()


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("Lid@Veenendaal.NL", "L***@veenendaal.nl"),
        ("geen-adres", "***"),
        ("", "***"),
        (None, "***"),
    ],
)
def test_addresses_are_masked(value, masked):
    assert mask_email(value) == masked
