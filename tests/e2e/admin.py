"""The admin in a browser: staff log in as they really do, and axe checks pages whole."""

import re

from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.factories import PASSWORD, StaffFactory
from tests.members.mfa import activate_totp, totp_code

STAFF_NAME = "Toin Routers"


def log_in_staff(page, staff=None):
    """Password, then a code from the authenticator app; returns the page in /admin/.
    `staff` is a superuser unless another staff member is given."""
    staff = staff or StaffFactory(full_name=STAFF_NAME, email="toin@leerhuis-beheer.nl")
    secret = activate_totp(staff)
    page.goto("/accounts/login/?next=/admin/")
    page.get_by_label("E-mail").fill(staff.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("body")).to_contain_text(staff.full_name)
    return page


def check_admin_accessible(page, label):
    # Wagtail fades its messages in (opacity 0 → 1 in 0.5 s, after a 0.1 s delay). Halfway,
    # axe blends the white text into the page and reports a contrast the message never has
    # once shown; so wait for the messages to be fully there first.
    for messages in page.locator(".messages > ul:has(li)").all():
        expect(messages).to_have_css("opacity", "1")
    assert_accessible(page, label)
