"""A staff account reaches the admin only after setting up and using TOTP, in a browser."""

import re
import time

import pytest
import time_machine
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.factories import PASSWORD, StaffFactory
from tests.members.mfa import totp_code

pytestmark = pytest.mark.django_db(transaction=True)


def submit(page):
    page.locator("main form button[type=submit]").first.click()


def test_staff_set_up_totp_before_the_admin_opens(page):
    staff = StaffFactory(full_name="Toin Routers")

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/"))
    page.get_by_label("E-mail").fill(staff.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    # Password again (allauth's rule before adding a factor), then the set-up page.
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    expect(page.get_by_text("tweestapsverificatie").first).to_be_visible()
    assert_accessible(page, "opnieuw inloggen")
    page.locator("input[name=password]").fill(PASSWORD)
    submit(page)

    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    assert_accessible(page, "authenticator instellen")
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill("000000" if totp_code(secret) != "000000" else "111111")
    submit(page)
    expect(page.locator(".field__error").first).to_be_visible()
    assert_accessible(page, "authenticator instellen met fout")
    page.locator("input[name=code]").fill(totp_code(secret))
    submit(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page, "na activeren")

    # Setting it up is not using it: the admin asks for a fresh code.
    with time_machine.travel(time.time() + 31, tick=True):
        page.goto("/admin/")
        expect(page).to_have_url(re.compile(r"/accounts/2fa/reauthenticate/"))
        assert_accessible(page, "code bevestigen")
        page.locator("input[name=code]").fill(totp_code(secret))
        submit(page)
        expect(page).to_have_url(re.compile(r"/admin/$"))
        expect(page.locator("body")).to_contain_text("Toin Routers")
