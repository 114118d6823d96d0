"""A member reports a post; a moderator hides it with a reason in the admin, and the author
is mailed. axe at 375 and 1280 px on the report form and the moderation screens.

The thread page belongs to another part of the community; this journey opens the report
form by its address and checks the admin's hidden list and the mail instead."""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import expect

from leerhuis.community.models import Report
from leerhuis.core.models import OutboxMessage
from tests.community.moderation_support import (  # noqa: F401 (fixture)
    member,
    member_org,
    moderator,
)
from tests.community_factories import PostFactory, ThreadFactory
from tests.e2e.admin import check_admin_accessible, log_in_staff
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
REASON = "Schelden op een wethouder past niet in dit gesprek."

_moderators = importlib.import_module("leerhuis.community.migrations.0002_moderatie_group")


def both_widths(page, label, check=assert_accessible):
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        check(page, f"{label} ({size['width']} px)")


def test_a_member_reports_a_post_and_a_moderator_hides_it(browser, live_server):
    _moderators.create_moderators_group(django_apps)  # live-server tests flush the database
    member_org()
    thread = ThreadFactory(title="Mandaat van de opgave-manager")
    post = PostFactory(
        thread=thread, author=member("auteur"), body="<p>Die wethouder is een sukkel.</p>"
    )
    reporter = member("melder")

    with browser_page(browser, live_server) as page:
        log_in(page, reporter.email)
        page.goto(thread.get_absolute_url())
        page.locator(f"#bijdrage-{post.pk}").get_by_role("link", name="Melden").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Bijdrage melden")
        expect(page.get_by_text("Die wethouder is een sukkel.")).to_be_visible()
        both_widths(page, "bijdrage melden")

        page.get_by_role("button", name="Melding versturen").click()
        expect(page.get_by_role("alert")).to_contain_text("Kies een reden voor je melding.")
        both_widths(page, "bijdrage melden met fouten")
        assert not Report.objects.exists()

        page.get_by_label("ongepast of beledigend").check()
        page.get_by_label("Toelichting").fill("Scheldwoord over een bestuurder.")
        page.get_by_role("button", name="Melding versturen").click()
        expect(page).to_have_url(re.compile(rf"/gesprekken/{thread.slug}/"))
    report = Report.objects.get()
    assert (report.reporter, report.reason) == (reporter, Report.Reason.ONGEPAST)

    with browser_page(browser, live_server) as page:
        log_in_staff(page, moderator())
        expect(page.get_by_text("1 gemelde bijdrage wacht op een moderator")).to_be_visible()
        page.get_by_role("link", name="Naar de meldingen").click()
        expect(page).to_have_url(re.compile(r"/admin/meldingen/$"))
        expect(page.get_by_text("Scheldwoord over een bestuurder.")).to_be_visible()
        both_widths(page, "open meldingen", check_admin_accessible)

        page.get_by_role("link", name=re.compile("^Verbergen")).click()
        page.get_by_role("button", name="Verbergen").click()
        expect(page.get_by_text("Geef een reden; de auteur krijgt die te lezen.")).to_be_visible()
        both_widths(page, "bijdrage verbergen met fout", check_admin_accessible)

        page.get_by_label("Reden").fill(REASON)
        page.get_by_role("button", name="Verbergen").click()
        expect(page.get_by_text("De bijdrage is verborgen")).to_be_visible()
        expect(page.get_by_text("Er zijn geen open meldingen.")).to_be_visible()

        page.get_by_role("link", name="Verborgen bijdragen").click()
        expect(page.get_by_text("Die wethouder is een sukkel.")).to_be_visible()
        expect(page.get_by_text(REASON)).to_be_visible()
        both_widths(page, "verborgen bijdragen", check_admin_accessible)

    post.refresh_from_db()
    assert post.is_hidden
    with browser_page(browser, live_server) as page:
        log_in(page, reporter.email)
        page.goto(thread.get_absolute_url())
        hidden = page.locator(f"#bijdrage-{post.pk}")
        expect(hidden).to_contain_text("Deze bijdrage is verborgen door een moderator.")
        expect(hidden).not_to_contain_text("sukkel")
        both_widths(page, "gesprek met een verborgen bijdrage")
    mail = OutboxMessage.objects.get(to="auteur@veenendaal.nl")
    assert REASON in mail.text
    assert "Mandaat van de opgave-manager" in mail.text
