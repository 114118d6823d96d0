"""The main menu and the footer are read from the shared cache: a change shows at once, and
an entry kept for one visitor is never shown to another who may not see it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.access import Visibility
from tests.events_factories import member
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def menu(client, path="/"):
    html = client.get(path).content.decode()
    return html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]


def footer(client, path="/"):
    return client.get(path).content.decode().split("<footer")[1]


def test_once_kept_menu_and_footer_cost_no_queries_of_their_own(client, home_page):
    StandardPageFactory(parent=home_page, title="Over ons", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Privacy", show_in_footer=True)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    assert "Over ons" in html
    assert "Privacy" in html
    # Every page query names the columns; only the menu's and footer's filter on them.
    conditions = " ".join(
        query["sql"].partition(" WHERE ")[2].partition(" GROUP BY ")[0] for query in queries
    )
    assert "show_in_menus" not in conditions
    assert "show_in_footer" not in conditions


def test_a_published_page_is_in_the_menu_at_once(client, home_page):
    StandardPageFactory(parent=home_page, title="Over ons", show_in_menus=True)
    assert "Over ons" in menu(client)
    StandardPageFactory(parent=home_page, title="Agenda van het bestuur", show_in_menus=True)
    assert "Agenda van het bestuur" in menu(client)


def test_an_unpublished_or_renamed_page_leaves_the_menu_and_footer_at_once(client, home_page):
    gone = StandardPageFactory(parent=home_page, title="Oud nieuws", show_in_footer=True)
    renamed = StandardPageFactory(parent=home_page, title="Over ons", show_in_menus=True)
    assert "Oud nieuws" in footer(client)
    assert "Over ons" in menu(client)

    gone.unpublish()
    renamed.title = "Wie wij zijn"
    renamed.save_revision().publish()
    assert "Oud nieuws" not in footer(client)
    assert "Over ons" not in menu(client)
    assert "Wie wij zijn" in menu(client)


@pytest.mark.parametrize("first", ["member", "anonymous"])
def test_a_members_only_entry_is_shown_to_members_only_whoever_came_first(client, home_page, first):
    StandardPageFactory(
        parent=home_page,
        title="Sturingsmatrix",
        show_in_menus=True,
        show_in_footer=True,
        visibility=Visibility.MEMBERS,
    )
    person = member()
    visits = ["member", "anonymous"] if first == "member" else ["anonymous", "member"]
    seen = {}
    for who in visits:
        if who == "member":
            client.force_login(person)
        else:
            client.logout()
        seen[who] = menu(client) + footer(client)
    assert seen["member"].count("Sturingsmatrix") == 2
    assert "Sturingsmatrix" not in seen["anonymous"]
