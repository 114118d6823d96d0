"""Editors keep the one list of themes in the admin, checked with axe; a meeting's page in
the admin offers them as checkboxes."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from leerhuis.core.themes import Thema
from tests.e2e.admin import check_admin_accessible, log_in_staff
from tests.events_factories import EventPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_editor_adds_a_theme_and_gives_it_to_a_meeting(page):
    log_in_staff(page)
    event = EventPageFactory(title="Netwerkdag wonen")

    page.goto(reverse("wagtailsnippets_core_thema:add"))
    check_admin_accessible(page, "thema toevoegen")
    page.locator("#id_name").fill("Wonen")
    page.locator("#id_description").fill("Huisvesting en woningbouw.")
    # Themes have drafts: publishing is the second action, behind "Meer acties".
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_role("link", name="Wonen")).to_be_visible()
    check_admin_accessible(page, "thema's")
    assert Thema.objects.get().slug == "wonen"
    assert Thema.objects.get().live

    page.goto(reverse("wagtailsnippets_core_thema:add"))
    page.locator("#id_name").fill("wonen")
    page.get_by_role("button", name="Bewaar concept").click()
    expect(page.get_by_text("Er is al een thema met deze naam.")).to_be_visible()
    check_admin_accessible(page, "thema met een fout")

    page.goto(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    expect(page.get_by_role("checkbox", name="Wonen")).to_be_visible()
