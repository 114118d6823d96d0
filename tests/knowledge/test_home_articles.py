"""The home page shows the three newest articles the visitor may read, under "Nieuw in de
kennisbank", in the same number of queries however many there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.access import Visibility
from tests.events_factories import member
from tests.knowledge.helpers import html_of, listed
from tests.knowledge_factories import article, bulk_articles, days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    for days in (9, 7, 5, 3):
        article(title=f"Van {days} dagen geleden", date=days_ago(days))
    article(title="Alleen leden", date=days_ago(1), visibility=Visibility.MEMBERS)


def test_the_home_page_shows_the_three_newest_articles_for_everyone(client, articles):
    html = html_of(client, "/")
    assert "Nieuw in de kennisbank" in html
    assert listed(html) == ["Van 3 dagen geleden", "Van 5 dagen geleden", "Van 7 dagen geleden"]
    assert 'href="/kennisbank/">Naar de kennisbank</a>' in html


def test_a_member_sees_the_newest_members_only_article_on_the_home_page(client, articles):
    client.force_login(member())
    assert listed(html_of(client, "/"))[0] == "Alleen leden"


def test_without_articles_the_home_page_has_no_kennisbank_section(client):
    assert "Nieuw in de kennisbank" not in html_of(client, "/")


def test_the_home_page_asks_as_many_queries_with_1000_articles_as_with_3(client):
    bulk_articles(3)
    html_of(client, "/")
    counts = []
    for more in (0, 997):
        bulk_articles(more, offset=3)
        with CaptureQueriesContext(connection) as queries:
            html = html_of(client, "/")
        assert len(listed(html)) == 3
        counts.append(len(queries))
    assert counts[0] == counts[1]
