"""The kennisbank's feed: what a feed reader gets at /kennisbank/feed/ (RSS) and
/kennisbank/feed/atom/, for anyone, newest first, per theme."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.access import Visibility
from tests.events_factories import member
from tests.factories import OrganisationFactory, PersonFactory
from tests.knowledge.feed_helpers import (
    ATOM,
    FEED,
    atom_titles,
    channel,
    item_titles,
    published,
)
from tests.knowledge_factories import bulk_articles, days_ago

pytestmark = pytest.mark.django_db


def test_an_item_carries_title_absolute_link_intro_date_themes_author_and_a_stable_guid(client):
    author = PersonFactory(name="Anna de Vries")
    page = published(
        title="Wat is een opgave?",
        intro="Een opgave is groter dan één afdeling.",
        theme_names=["Opgave-sturing", "Wonen"],
        author=author,
        date=days_ago(3),
    )

    item = channel(client).find("item")

    assert item.findtext("title") == "Wat is een opgave?"
    assert item.findtext("link") == f"http://testserver{page.url}"
    assert item.findtext("description") == "Een opgave is groter dan één afdeling."
    assert days_ago(3).strftime("%d %b %Y") in item.findtext("pubDate")
    assert sorted(c.text for c in item.findall("category")) == ["Opgave-sturing", "Wonen"]
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Anna de Vries"
    guid = item.find("guid")
    assert guid.get("isPermaLink") == "false"

    page.title = "Wat is een opgave eigenlijk?"
    page.slug = "opgave-eigenlijk"
    page.save_revision().publish()
    again = channel(client).find("item")
    assert again.findtext("guid") == guid.text
    assert again.findtext("link").endswith("/opgave-eigenlijk/")


def test_an_intro_with_markup_reaches_the_reader_as_text_and_an_organisation_as_author(client):
    published(
        title="Over <tags>",
        intro="Kies <b>niet</b> & <script>alert(1)</script>",
        organisation=OrganisationFactory(name="Gemeente Veenendaal"),
    )

    item = channel(client).find("item")

    assert item.findtext("description") == (
        "Kies &lt;b&gt;niet&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"
    )
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Gemeente Veenendaal"


def test_the_feed_names_the_kennisbank_and_itself_with_absolute_addresses(client):
    published(title="Een")
    feed = channel(client)
    assert feed.findtext("link") == "http://testserver/kennisbank/"
    assert feed.findtext("language") == "nl"
    self_link = feed.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == "http://testserver/kennisbank/feed/"


def test_only_public_live_articles_are_in_the_feed_even_for_a_member(client):
    published(title="Voor iedereen")
    published(title="Alleen leden", visibility=Visibility.MEMBERS)
    published(title="Ingelogd", visibility=Visibility.LOGGED_IN)
    published(title="Teruggetrokken").unpublish()
    client.force_login(member())

    assert item_titles(client) == ["Voor iedereen"]
    assert atom_titles(client) == ["Voor iedereen"]


def test_the_newest_article_comes_first_and_the_feed_stops_at_thirty(client):
    published(title="Vorige week", date=days_ago(7))
    published(title="Gisteren", date=days_ago(1))
    published(title="Drie weken terug", date=days_ago(21))
    bulk_articles(40)  # older than a month

    titles = item_titles(client)

    assert titles[:3] == ["Gisteren", "Vorige week", "Drie weken terug"]
    assert len(titles) == 30


def test_a_theme_feed_holds_only_the_articles_of_that_theme(client):
    published(title="Over wonen", theme_names=["Wonen"])
    published(title="Over zorg", theme_names=["Zorg"])

    assert item_titles(client, f"{FEED}?thema=wonen") == ["Over wonen"]
    assert atom_titles(client, f"{ATOM}?thema=zorg") == ["Over zorg"]
    assert "(Wonen)" in channel(client, f"{FEED}?thema=wonen").findtext("title")
    assert channel(client, f"{FEED}?thema=wonen").findtext("link").endswith("?thema=wonen")


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "bestaat-niet"])
def test_an_unknown_theme_gets_a_short_dutch_message_that_does_not_repeat_it(client, value):
    published(title="Over wonen", theme_names=["Wonen"])

    response = client.get(FEED, {"thema": value})

    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Dit thema bestaat niet" in text
    assert value not in text
    assert "script" not in text


def test_the_feed_asks_as_many_queries_with_500_articles_as_with_10(client):
    published(title="Nieuwste", theme_names=["Wonen"])
    bulk_articles(9, vary=lambda n: {"visibility": Visibility.MEMBERS} if n % 3 == 0 else {})
    client.get(ATOM)  # what any first request of a process asks once

    def queries_of(url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    few = queries_of(FEED)
    few_theme = queries_of(f"{FEED}?thema=opgave-sturing")
    bulk_articles(490, offset=9)
    assert queries_of(FEED) == few
    assert queries_of(f"{FEED}?thema=opgave-sturing") == few_theme
    assert len(item_titles(client)) == 30
