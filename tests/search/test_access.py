"""Search follows the one access policy: a members-only page is never listed, nor counted,
for someone who may not read it."""

import pytest
from bs4 import BeautifulSoup

from members.access import Visibility
from tests.events_factories import EventPageFactory, guest, member
from tests.factories import StaffFactory
from tests.search.factories import standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    EventPageFactory(title="Intervisie voor iedereen")
    EventPageFactory(title="Intervisie voor ingelogden", visibility=Visibility.LOGGED_IN)
    EventPageFactory(title="Intervisie voor leden", visibility=Visibility.MEMBERS)
    standard_page("Intervisie ledenverslag", visibility=Visibility.MEMBERS)


def found(client):
    response = client.get("/zoeken/", {"q": "intervisie"})
    soup = BeautifulSoup(response.content, "html.parser")
    titles = sorted(" ".join(h.get_text().split()) for h in soup.select(".zoekresultaat__titel"))
    counts = [a.get_text(" ", strip=True) for a in soup.select(".zoeken-soorten a")]
    return titles, counts, response


def test_an_anonymous_visitor_finds_and_counts_only_public_pages(client, pages):
    titles, counts, response = found(client)
    assert titles == ["Intervisie voor iedereen"]
    assert counts == ["Alles (1)", "Activiteiten (1)"]
    assert "private" not in response.get("Cache-Control", "")


def test_a_logged_in_non_member_also_finds_what_is_for_logged_in_visitors(client, pages):
    client.force_login(guest())
    titles, counts, response = found(client)
    assert titles == ["Intervisie voor iedereen", "Intervisie voor ingelogden"]
    assert counts == ["Alles (2)", "Activiteiten (2)"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("who", [member, StaffFactory], ids=["member", "staff"])
def test_members_and_staff_find_everything(client, pages, who):
    client.force_login(who())
    titles, counts, _ = found(client)
    assert titles == [
        "Intervisie ledenverslag",
        "Intervisie voor iedereen",
        "Intervisie voor ingelogden",
        "Intervisie voor leden",
    ]
    assert counts == ["Alles (4)", "Activiteiten (3)", "Pagina's (1)"]


def test_a_members_only_type_is_not_even_counted_for_a_non_member(client, pages):
    client.force_login(guest())
    response = client.get("/zoeken/", {"q": "ledenverslag", "type": "pagina"})
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Intervisie ledenverslag" not in text
    assert "Pagina's (0)" in text and "Niets gevonden" in text


def test_a_draft_is_never_found(client):
    page = EventPageFactory(title="Intervisie in voorbereiding", live=False)
    assert not page.live
    titles, _, _ = found(client)
    assert titles == []
