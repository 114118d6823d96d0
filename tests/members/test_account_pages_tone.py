"""Every account page speaks to you as 'je' and calls the second step 'tweestapsverificatie',
logged out and in, with and without it switched on."""

import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from bs4 import BeautifulSoup
from django.core import mail

from tests.factories import PASSWORD, UserFactory
from tests.members.mfa import activate_totp

pytestmark = pytest.mark.django_db

U_FORMS = re.compile(r"\b(u|uw|U|Uw|alstublieft|a\.u\.b\.)\b")
# Other words for the second step, and 'aanmelden' (which here means signing up for a meeting).
OTHER_TERMS = re.compile(
    r"twee-factor|tweefactor|2FA|\bMFA\b|authenticatie|authenticeer|aanmeld", re.IGNORECASE
)
LOGGED_OUT = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/geen-geldige-sleutel/",
    "/accounts/password/reset/key/1-geen-geldige-sleutel/",
    "/accounts/password/reset/key/done/",
]
LOGGED_IN = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/sessions/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/accounts/2fa/totp/activate/",
]
WITH_TOTP = [
    "/accounts/2fa/",
    "/accounts/2fa/totp/deactivate/",
    "/accounts/2fa/recovery-codes/",
    "/accounts/2fa/recovery-codes/generate/",
    "/accounts/2fa/reauthenticate/",
]


def read(client, path, **kwargs):
    """What a visitor reads: the page title and the main content."""
    response = client.get(path, follow=True, **kwargs)
    assert response.status_code == 200, path
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join([soup.title.get_text(), soup.main.get_text(" ")]).split()


def assert_house_tone(client, path):
    words = " ".join(read(client, path))
    assert not U_FORMS.search(words), f"{path}: {U_FORMS.search(words).group(0)!r} in {words}"
    assert not OTHER_TERMS.search(words), f"{path}: {OTHER_TERMS.search(words).group(0)!r}"
    return words


@pytest.mark.parametrize("path", LOGGED_OUT)
def test_pages_before_logging_in_use_je(client, path):
    assert_house_tone(client, path)


def test_the_sign_up_form_asks_for_the_work_address_and_says_why(client):
    html = client.get("/accounts/signup/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    email = soup.find("input", attrs={"name": "email"})
    assert email["type"] == "email"
    assert email["autocomplete"] == "email"
    label = soup.find("label", attrs={"for": email["id"]}).get_text(" ", strip=True)
    assert label.startswith("E-mailadres op je werk")
    help_text = soup.find(id=f"{email['id']}_helptext").get_text()
    assert "of je organisatie lid is" in help_text
    assert f"{email['id']}_helptext" in email["aria-describedby"]
    assert soup.find("input", attrs={"name": "full_name"})["autocomplete"] == "name"
    for name in ("password1", "password2"):
        assert soup.find("input", attrs={"name": name})["autocomplete"] == "new-password"


def test_the_reset_form_from_a_mailed_link_uses_je(client):
    UserFactory(email="lid@veenendaal.nl")
    client.post("/accounts/password/reset/", {"email": "lid@veenendaal.nl"})
    path = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[0].body).group(0)
    assert "Nieuw wachtwoord" in assert_house_tone(client, path)


def test_pages_of_a_logged_in_member_use_je_and_one_word_for_the_second_step(client):
    user = UserFactory()
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    for path in LOGGED_IN:
        assert_house_tone(client, path)
    assert "Tweestapsverificatie" in assert_house_tone(client, "/accounts/2fa/")
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert "tweestapsverificatie" in assert_house_tone(client, "/accounts/2fa/totp/activate/")


def test_pages_with_two_step_verification_on_use_je_and_the_same_word(client):
    user = UserFactory()
    activate_totp(user)
    RecoveryCodes.activate(user)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    # Between password and code: the second step asks for the code.
    assert "tweestapsverificatie" in assert_house_tone(client, "/accounts/2fa/authenticate/")
    client.force_login(user)
    for path in WITH_TOTP:
        assert_house_tone(client, path)
    assert "Tweestapsverificatie staat aan" in " ".join(read(client, "/accounts/2fa/"))


def test_the_email_page_asks_for_the_work_address_and_shows_a_pending_change(client):
    user = UserFactory(email="lid@veenendaal.nl")
    client.force_login(user)
    soup = BeautifulSoup(client.get("/accounts/email/").content, "html.parser")
    email = soup.find("input", attrs={"name": "email"})
    assert email["autocomplete"] == "email"
    label = soup.find("label", attrs={"for": email["id"]}).get_text(" ", strip=True)
    assert label.startswith("Nieuw e-mailadres op je werk")
    assert "of je organisatie lid is" in soup.find(id=f"{email['id']}_helptext").get_text()

    client.post("/accounts/email/", {"action_add": "", "email": "a.lid@veenendaal.nl"})
    words = assert_house_tone(client, "/accounts/email/")
    assert "Huidig e-mailadres lid@veenendaal.nl" in words
    assert "Wordt gewijzigd in a.lid@veenendaal.nl (nog niet bevestigd)" in words
    assert "Stuur de link opnieuw" in words

    client.post("/accounts/email/", {"action_remove": "", "email": "a.lid@veenendaal.nl"})
    assert not user.emailaddress_set.filter(email="a.lid@veenendaal.nl").exists()
    assert "Wordt gewijzigd in" not in " ".join(read(client, "/accounts/email/"))
