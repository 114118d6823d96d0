"""Site search finds a published case by its title, by words of its four parts and by a
begrip it names, under its own type; drafts, cases under review and members-only cases stay
out of reach of those who may not read them."""

import pytest
from bs4 import BeautifulSoup

from members.access import Visibility
from tests.events_factories import guest, member, themes
from tests.knowledge.case_helpers import decide, draft_case, moderator, submitted_case
from tests.knowledge_factories import kennisbank_page

pytestmark = pytest.mark.django_db


def found(client, q, **params):
    response = client.get("/zoeken/", {"q": q, **params})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(h.get_text().split()) for h in soup.select(".zoekresultaat__titel")], soup


@pytest.fixture
def published():
    kennisbank_page()
    case = submitted_case(
        member(),
        themes("Wonen")[0],
        title="Wijkaanpak Zuid",
        approach="<p>Een kernteam met een bestuurlijk trekker en een duidelijk mandaat.</p>",
        lessons="<p>Leg de kaders vast in een opdrachtbrief.</p>",
    )
    return decide(case, moderator(), "approve")


def test_a_case_is_found_by_title_and_by_the_words_of_its_parts(client, published):
    for query in ("Wijkaanpak", "kernteam", "opdrachtbrief"):
        titles, soup = found(client, query)
        assert titles == ["Wijkaanpak Zuid"], query
    _titles, soup = found(client, "kernteam")
    kinds = [s.get_text(strip=True) for s in soup.select(".zoeken-soorten a")]
    assert any(kind.startswith("Praktijkcasussen") for kind in kinds)
    titles, _soup = found(client, "kernteam", type="praktijkcasus")
    assert titles == ["Wijkaanpak Zuid"]
    titles, _soup = found(client, "kernteam", type="artikel")
    assert titles == []


def test_drafts_and_cases_under_review_are_never_found(client, published):
    author = member()
    draft_case(author, title="Geheim concept", approach="<p>Een zeldzaamwoord.</p>")
    submitted_case(author, title="Nog in beoordeling", approach="<p>Een zeldzaamwoord.</p>")
    client.force_login(author)
    titles, _soup = found(client, "zeldzaamwoord")
    assert titles == []


def test_a_members_only_case_is_found_by_members_only(client):
    kennisbank_page()
    case = submitted_case(
        member(),
        title="Interne casus",
        approach="<p>Over de ledenkwestie.</p>",
        visibility=Visibility.MEMBERS,
    )
    decide(case, moderator(), "approve")
    assert found(client, "ledenkwestie")[0] == []
    client.force_login(guest())
    assert found(client, "ledenkwestie")[0] == []
    client.force_login(member())
    assert found(client, "ledenkwestie")[0] == ["Interne casus"]
