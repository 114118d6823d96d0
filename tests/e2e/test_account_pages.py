"""The account pages in the house style at phone and desktop width, with axe on each: sign-up
with its work address, a new password, email, tweestapsverificatie and the sessions page."""

import re

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import fill_login, too_wide
from tests.factories import PASSWORD, UserFactory
from tests.members.mfa import activate_totp, totp_code

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [375, 1280]
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"
)


def check(page, label):
    expect(page.locator("h1")).to_have_count(1)
    assert too_wide(page) == [], label
    assert_accessible(page, f"{label} ({page.viewport_size['width']} px)")


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_before_logging_in(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    UserFactory(email="lid@veenendaal.nl")

    page.goto("/accounts/signup/")
    email = page.get_by_label("E-mailadres op je werk")
    expect(email).to_have_attribute("autocomplete", "email")
    expect(page.get_by_text("of je organisatie lid is")).to_be_visible()
    check(page, "account aanmaken")
    email.fill("geen-adres")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.get_by_role("heading", name="Controleer wat je hebt ingevuld")).to_be_visible()
    check(page, "account aanmaken met fouten")

    page.goto("/accounts/login/")
    check(page, "inloggen")

    page.goto("/accounts/password/reset/")
    check(page, "wachtwoord vergeten")
    page.get_by_label("E-mail").fill("lid@veenendaal.nl")
    page.get_by_role("button", name="Stuur me een link").click()
    expect(page.get_by_text("We hebben je een e-mail gestuurd")).to_be_visible()
    check(page, "link verstuurd")

    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", mail.outbox[-1].body)
    page.goto(link.group(0))
    expect(page.get_by_label("Nieuw wachtwoord", exact=True)).to_be_visible()
    check(page, "nieuw wachtwoord kiezen")

    page.goto("/accounts/password/reset/key/1-verlopen/")
    expect(page.get_by_role("heading", name="Deze link werkt niet meer")).to_be_visible()
    check(page, "verlopen link")


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_of_a_logged_in_member_and_turning_on_tweestapsverificatie(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    user = UserFactory(email="lid@veenendaal.nl")
    page.goto("/accounts/login/")
    fill_login(page, user.email)
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_be_visible()

    for path, label in [
        ("/accounts/email/", "e-mailadres"),
        ("/accounts/password/change/", "wachtwoord wijzigen"),
        ("/accounts/2fa/", "tweestapsverificatie"),
    ]:
        page.goto(path)
        check(page, label)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")

    # A second device, so the sessions page has one to log out on.
    phone = Client(headers={"user-agent": SAFARI_IPHONE})
    phone.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    page.goto("/accounts/sessions/")
    expect(page.get_by_text("Dit apparaat", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Safari op iPhone")).to_be_visible()
    check(page, "waar je bent ingelogd")
    page.get_by_role("button", name="Log uit op dit apparaat").click()
    expect(page.get_by_text("Je bent uitgelogd op Safari op iPhone.")).to_be_visible()
    expect(page.get_by_text("Je bent nergens anders ingelogd.")).to_be_visible()
    check(page, "uitgelogd op de telefoon")

    page.goto("/accounts/2fa/totp/activate/")
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    check(page, "bevestig dat jij het bent")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Bevestig").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie aanzetten")
    check(page, "tweestapsverificatie aanzetten")
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Code uit je authenticator-app").fill(totp_code(secret))
    page.get_by_role("button", name="Aanzetten").click()
    expect(page.get_by_text("Tweestapsverificatie staat aan.").first).to_be_visible()
    check(page, "na aanzetten")

    page.goto("/accounts/2fa/")
    check(page, "tweestapsverificatie staat aan")
    page.goto("/accounts/2fa/totp/deactivate/")
    check(page, "tweestapsverificatie uitzetten")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_code_step_when_logging_in(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    user = UserFactory(email="lid@veenendaal.nl")
    secret = activate_totp(user)
    page.goto("/accounts/login/")
    fill_login(page, user.email)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    expect(page.get_by_text("beveiligd met tweestapsverificatie")).to_be_visible()
    check(page, "code bij het inloggen")
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_be_visible()
