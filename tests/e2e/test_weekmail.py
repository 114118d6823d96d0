"""The weekmail in a browser: switched on and off in Mijn Leerhuis, and unsubscribed from
the link in a mail without logging in, with axe on every page and state on the way."""

import pytest
from playwright.sync_api import expect

from leerhuis.knowledge.digest import links
from leerhuis.knowledge.models import DigestSubscription
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import log_in
from tests.events_factories import member

pytestmark = pytest.mark.django_db(transaction=True)


def test_switching_the_weekmail_on_and_off_in_mijn_leerhuis(page):
    reader = member()
    log_in(page, reader.email)
    page.goto("/mijn-leerhuis/")
    section = page.locator("#weekmail")
    expect(section.get_by_role("heading", name="Weekmail")).to_be_visible()
    expect(section).to_contain_text("De weekmail staat uit.")
    assert_accessible(page, "mijn leerhuis, weekmail uit")

    section.get_by_role("button", name="Zet de weekmail aan").click()
    expect(page.get_by_text("De weekmail staat aan. Je krijgt hem voortaan")).to_be_visible()
    expect(section).to_contain_text(f"De weekmail staat aan en gaat naar {reader.email}.")
    assert DigestSubscription.is_on(reader)
    assert_accessible(page, "mijn leerhuis, weekmail aan")

    section.get_by_role("button", name="Zet de weekmail uit").click()
    expect(section).to_contain_text("De weekmail staat uit.")
    assert not DigestSubscription.is_on(reader)


def test_unsubscribing_from_the_link_in_a_mail_without_logging_in(page):
    reader = member()
    DigestSubscription.switch(reader, True)
    address = links.unsubscribe_url(reader).removeprefix("http://testserver")

    page.goto(address)
    expect(page.get_by_role("heading", level=1)).to_have_text("Afmelden voor de weekmail")
    assert DigestSubscription.is_on(reader)
    assert_accessible(page, "afmelden voor de weekmail")

    page.get_by_role("button", name="Meld mij af voor de weekmail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent afgemeld voor de weekmail")
    assert not DigestSubscription.is_on(reader)
    assert_accessible(page, "afgemeld voor de weekmail")

    response = page.goto("/mijn-leerhuis/weekmail/afmelden/niet-echt/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze afmeldlink werkt niet")
    assert_accessible(page, "ongeldige afmeldlink")
