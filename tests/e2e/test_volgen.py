"""Following in a browser: what I follow in Mijn Leerhuis and on its own page, choosing how
often mail comes and stopping, and the stop link of a mail without logging in; axe at 1280
and 375 px on every page and state on the way."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from leerhuis.community.models import Follow, Frequency
from tests.community.follow_helpers import follows, member, thema
from tests.community_factories import PostFactory, ThreadFactory
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import log_in, too_wide

pytestmark = pytest.mark.django_db(transaction=True)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


def check_both_widths(page, label):
    assert_accessible(page, f"{label} (1280 px)")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], too_wide(page)
    assert_accessible(page, f"{label} (375 px)")
    page.set_viewport_size(DESKTOP)


def test_choosing_how_often_mail_comes_and_stopping_to_follow(page):
    reader = member()
    thread = ThreadFactory(title="Hoe mandateer je een opgave-manager?")
    thread.posts.update(created_at=timezone.now() - datetime.timedelta(days=1))
    follow = follows(reader, thread, seen_at=timezone.now() - datetime.timedelta(hours=1))
    PostFactory(thread=thread)
    follows(reader, thema("Opgave-sturing"), Frequency.DAGELIJKS)
    log_in(page, reader.email)

    page.goto("/mijn-leerhuis/")
    section = page.locator("#volgen")
    expect(section.get_by_role("heading", name="Wat ik volg")).to_be_visible()
    expect(section).to_contain_text("1 nieuw sinds je laatst keek")
    check_both_widths(page, "mijn leerhuis, wat ik volg")

    page.goto("/mijn-leerhuis/volgen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat ik volg")
    check_both_widths(page, "wat ik volg")
    page.get_by_label("E-mail hierover: Hoe mandateer").select_option("dagelijks")
    page.get_by_role("button", name=re.compile(r"^Opslaan\s?: Hoe mandateer")).click()
    expect(page.get_by_text("Opgeslagen: voor 'Hoe mandateer")).to_be_visible()
    assert Follow.objects.get(pk=follow.pk).frequency == Frequency.DAGELIJKS
    check_both_widths(page, "wat ik volg, opgeslagen")

    # A form changed in the page's source: a Dutch message, nothing stored.
    page.locator(f"#frequentie-{follow.pk} option").first.evaluate("o => o.value = 'elk-uur'")
    page.get_by_label("E-mail hierover: Hoe mandateer").select_option("elk-uur")
    page.get_by_role("button", name=re.compile(r"^Opslaan\s?: Hoe mandateer")).click()
    expect(page.get_by_text("Kies meteen, dagelijkse samenvatting of geen mail.")).to_be_visible()
    assert Follow.objects.get(pk=follow.pk).frequency == Frequency.DAGELIJKS
    check_both_widths(page, "wat ik volg, foute keuze")

    page.get_by_role("button", name=re.compile(r"^Niet meer volgen\s?: Hoe mandateer")).click()
    expect(page.get_by_text("Je volgt 'Hoe mandateer")).to_be_visible()
    assert not Follow.objects.filter(pk=follow.pk).exists()


def test_stopping_mail_from_the_link_in_a_mail_without_logging_in(page):
    follow = follows(member(), ThreadFactory(title="Mandaat van de opgave-manager"))

    page.goto(f"/mijn-leerhuis/volgen/stop/{follow.token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen e-mail meer hierover")
    check_both_widths(page, "stoppen met e-mail")

    page.get_by_role("button", name="Stuur mij hierover geen e-mail meer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je krijgt hierover geen e-mail meer")
    assert Follow.objects.get(pk=follow.pk).frequency == Frequency.NOOIT
    check_both_widths(page, "gestopt met e-mail")

    response = page.goto("/mijn-leerhuis/volgen/stop/niet-echt/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet")
    check_both_widths(page, "ongeldige stoplink")
