"""A visitor signs up, verifies, logs in and out, in Dutch, with axe on every page."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins", verbosity=0)
    settings.DEBUG = False
    mail.outbox.clear()  # the demo's own sign-up confirmations are not this journey's mail


def test_sign_up_verify_log_in_and_out(page, demo):
    page.goto("/")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page, "home")

    page.get_by_role("link", name="Account aanmaken").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))
    assert_accessible(page, "aanmelden")

    # First with mistakes: the form comes back with Dutch messages, still accessible.
    page.get_by_label("Volledige naam").fill("Ruud de Smit")
    page.get_by_label("E-mail").fill("geen-adres")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill("iets-anders-2026")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.get_by_role("heading", name="Controleer wat je hebt ingevuld")).to_be_visible()
    expect(page.get_by_text("Voer een geldig e-mailadres in.").first).to_be_visible()
    expect(page.get_by_label("Volledige naam")).to_have_value("Ruud de Smit")
    assert_accessible(page, "aanmelden met fouten")

    page.get_by_label("E-mail").fill("ruud@sudwestfryslan.nl")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Bevestig je e-mailadres"))
    assert_accessible(page, "verificatie verstuurd")

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    assert_accessible(page, "e-mailadres bevestigen")
    page.get_by_role("button", name="Bevestig", exact=True).click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    assert_accessible(page, "inloggen")

    # A wrong password first: an error in Dutch, accessible.
    page.get_by_label("E-mail").fill("ruud@sudwestfryslan.nl")
    page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("niet correct")).to_be_visible()
    assert_accessible(page, "inloggen met fout")

    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_be_visible()
    assert_accessible(page, "ingelogd")

    page.get_by_role("link", name="Mijn Leerhuis").click()
    expect(page.get_by_text("Welkom, Ruud de Smit.")).to_be_visible()
    assert_accessible(page, "mijn leerhuis")

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
    assert_accessible(page, "uitgelogd")


@pytest.mark.parametrize(
    "path",
    [
        "/over-ons/",
        "/contact/",
        "/privacy/",
        "/toegankelijkheid/",
        "/bestaat-niet/",
        "/accounts/password/reset/",
    ],
)
def test_site_pages_have_no_axe_violations(page, demo, path):
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page, path)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, demo):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()


def test_pages_work_without_javascript(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill("gast@voorbeeld.nl")
    page.get_by_label("Wachtwoord").fill("leerhuis-demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_be_visible()
    context.close()


def test_account_pages_of_a_logged_in_user_have_no_axe_violations(page, demo):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill("lid@veenendaal.nl")
    page.get_by_label("Wachtwoord").fill("leerhuis-demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_be_visible()
    for path in [
        "/mijn-leerhuis/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/logout/",
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page, path)
    # The email form with an error in it, too.
    page.goto("/accounts/email/")
    page.locator("input[name=email]").fill("geen-adres")
    page.locator("button[name=action_add]").click()
    expect(page.locator(".field__error").first).to_be_visible()
    assert_accessible(page, "/accounts/email/ met fout")
