"""/privacy/ shows the privacy register as the settings have it: change a period, and the
page says the new one (leerhuis/core/privacy_register.py)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings

from leerhuis.core import privacy_register
from leerhuis.core.models import HomePage, StandardPage
from leerhuis.demo import content
from leerhuis.demo.management.commands.load_demo import Command as LoadDemo

pytestmark = pytest.mark.django_db


@pytest.fixture
def privacy_page(page_cache_off):
    home = HomePage.objects.first()
    page = StandardPage(
        title="Privacy",
        slug="privacy",
        body=[{"type": "paragraph", "value": "<p>Inleiding</p>"}, content.PRIVACY_REGISTER],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def register_table(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return html.select_one("table.register-table")


def row_of(table, name):
    header = table.find("th", scope="row", string=name)
    assert header is not None, f"geen rij {name!r}"
    cells = [td.get_text(" ", strip=True) for td in header.find_parent("tr").find_all("td")]
    return dict(zip(["wat", "waarvoor", "grondslag", "hoe lang", "wie"], cells, strict=True))


def test_the_page_lists_every_category_with_basis_and_period(client, privacy_page):
    table = register_table(client)
    assert table.caption.get_text(strip=True) == "Welke gegevens we bewaren, waarom en hoe lang"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 6
    for category in privacy_register.categories():
        row = row_of(table, str(category.name))
        assert "AVG" in row["grondslag"]
        assert row["waarvoor"] and row["hoe lang"] and row["wie"]
    answers = row_of(table, "Dieetwensen en toegankelijkheid")
    assert answers["hoe lang"] == "Tot 30 dagen na afloop van de activiteit."
    assert "art. 9" in answers["grondslag"]


@pytest.mark.parametrize(
    ("setting", "category", "value", "text"),
    [
        ("EVENTS_ANSWERS_RETENTION_DAYS", "Dieetwensen en toegankelijkheid", 14, "Tot 14 dagen"),
        ("OUTBOX_RETENTION_DAYS", "Verstuurde e-mails", 1, "1 dag na het versturen"),
        ("AUDIT_LOG_RETENTION_DAYS", "Inzage- en beheerlogboek", 365, "365 dagen"),
        ("SECURITY_LOG_RETENTION_DAYS", "Beveiligingslogboek", 60, "60 dagen"),
        ("BACKUP_RETENTION_DAYS", "Back-ups", 7, "7 dagen"),
        ("INVITATION_RETENTION_DAYS", "Uitnodigingen", 10, "10 dagen nadat"),
        ("SESSION_COOKIE_AGE", "Sessies en apparaten", 3 * 86400, "3 dagen na je laatste"),
        ("SESSION_COOKIE_AGE", "Sessies en apparaten", 8 * 3600, "8 uur na je laatste"),
        ("SESSION_ABSOLUTE_TIMEOUT", "Sessies en apparaten", 6 * 3600, "langer dan 6 uur"),
    ],
)
def test_changing_a_retention_setting_changes_the_page(
    client, privacy_page, settings, setting, category, value, text
):
    before = row_of(register_table(client), category)["hoe lang"]
    assert text not in before
    setattr(settings, setting, value)
    assert text in row_of(register_table(client), category)["hoe lang"]


def test_every_setting_the_register_reads_exists():
    for name in privacy_register.retention_settings():
        assert isinstance(getattr(django_settings, name), int), name


def test_demo_privacy_page_shows_the_register_and_a_reload_changes_nothing(client, page_cache_off):
    LoadDemo().load_pages()
    page = StandardPage.objects.get(slug="privacy")
    revisions = page.revisions.count()
    table = register_table(client)
    assert len(table.tbody.find_all("tr")) == len(privacy_register.categories())

    LoadDemo().load_pages()
    assert page.revisions.count() == revisions
    assert len(BeautifulSoup(client.get("/privacy/").content, "html.parser").select("table")) == 1


def test_an_older_demo_privacy_page_gets_the_register_once_unless_edited(client, page_cache_off):
    home = HomePage.objects.first()
    old_body = [block for block in content.PRIVACY["body"] if block["type"] != "privacy_register"]
    page = StandardPage(title="Privacy", slug="privacy", body=old_body)
    home.add_child(instance=page)
    page.save_revision().publish()
    LoadDemo().load_pages()
    assert register_table(client) is not None

    # An editor's own version of the page is left alone.
    page.refresh_from_db()
    page.body = old_body
    page.save_revision().publish()
    LoadDemo().load_pages()
    assert register_table(client) is None
    assert re.search(r"Je rechten", client.get("/privacy/").content.decode())
