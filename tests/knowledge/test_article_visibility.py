"""A members-only article is listed and readable for members (and staff) alone; others see
it nowhere in the list and get the explanation instead of the text on its page."""

import pytest

from members.access import Visibility
from tests.events_factories import guest, member
from tests.factories import UserFactory
from tests.knowledge.helpers import html_of, listed
from tests.knowledge_factories import article, days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    return {
        "open": article(title="Voor iedereen", date=days_ago(3)),
        "logged_in": article(
            title="Voor ingelogden", date=days_ago(2), visibility=Visibility.LOGGED_IN
        ),
        "members": article(
            title="Alleen leden",
            date=days_ago(1),
            visibility=Visibility.MEMBERS,
            body=[],
            intro="Geheime praktijkkennis.",
        ),
    }


@pytest.mark.parametrize(
    ("who", "seen"),
    [
        ("anonymous", ["Voor iedereen"]),
        ("non_member", ["Voor ingelogden", "Voor iedereen"]),
        ("member", ["Alleen leden", "Voor ingelogden", "Voor iedereen"]),
        ("staff", ["Alleen leden", "Voor ingelogden", "Voor iedereen"]),
    ],
)
def test_the_kennisbank_lists_what_the_visitor_may_read(client, articles, who, seen):
    users = {
        "anonymous": None,
        "non_member": guest(),
        "member": member(),
        "staff": UserFactory(is_staff=True),
    }
    if users[who]:
        client.force_login(users[who])
    assert listed(html_of(client, "/kennisbank/")) == seen


def test_a_members_only_article_says_so_on_its_card(client, articles):
    client.force_login(member())
    assert "Alleen voor leden" in html_of(client, "/kennisbank/")


def test_an_anonymous_visitor_is_asked_to_log_in_for_a_members_only_article(client, articles):
    response = client.get(articles["members"].url)
    assert response.status_code == 403
    assert "Geheime praktijkkennis." not in response.content.decode()


def test_a_logged_in_non_member_may_not_read_a_members_only_article(client, articles):
    client.force_login(guest())
    response = client.get(articles["members"].url)
    assert response.status_code == 403
    assert "Geheime praktijkkennis." not in response.content.decode()


def test_a_member_reads_a_members_only_article_privately(client, articles):
    client.force_login(member())
    response = client.get(articles["members"].url)
    assert response.status_code == 200
    assert "Geheime praktijkkennis." in response.content.decode()
    assert "private" in response["Cache-Control"]
