"""The kennisbank and an article ask the database as often with 1,000 articles stored as
with 10, and a full page of the list as often as a page with one article."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from members.access import Visibility
from tests.events_factories import member
from tests.glossary_factories import begrip
from tests.knowledge.helpers import html_of, listed
from tests.knowledge_factories import article, bulk_articles, kennisbank_page

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = html_of(client, url)
    return len(queries), html


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_kennisbank_asks_as_many_queries_with_1000_articles_as_with_10(client, who):
    if who == "member":
        client.force_login(member())
    bulk_articles(10, vary=lambda n: {"visibility": Visibility.MEMBERS} if n % 5 == 0 else {})
    url = "/kennisbank/?thema=opgave-sturing"
    html_of(client, url)  # what any first page of a process asks once
    few, html = queries_of(client, url)
    assert listed(html)
    bulk_articles(990, offset=10)
    many, html = queries_of(client, url)
    assert len(listed(html)) == 12
    assert few == many


def test_a_full_page_of_the_list_asks_as_many_queries_as_a_page_of_one(client):
    kennisbank_page()
    bulk_articles(1)
    html_of(client, "/kennisbank/")
    one, html = queries_of(client, "/kennisbank/")
    assert len(listed(html)) == 1
    bulk_articles(19, offset=1)
    page = kennisbank_page()
    page.per_page = 20
    page.save()
    html_of(client, "/kennisbank/")  # a change of a menu page builds the menu once again
    twenty, html = queries_of(client, "/kennisbank/")
    assert len(listed(html)) == 20
    assert one == twenty


def test_an_article_asks_as_many_queries_with_1000_articles_stored_as_with_10(client):
    opgave = begrip("opgave")
    page = article(
        theme_names=["Wonen", "Zorg"],
        begrippen=[opgave],
        body=[("paragraph", RichText("<p>Over de opgave.</p>"))],
    )
    bulk_articles(10)
    html_of(client, page.url)
    few, _html = queries_of(client, page.url)
    bulk_articles(990, offset=10)
    many, _html = queries_of(client, page.url)
    assert few == many
