"""What other sites see of the Leerhuis: feeds announced in the kennisbank's head, a
description and Open Graph tags with absolute addresses on every page type, and only
public articles in the sitemap."""

import re

import pytest
from django.utils.html import escape

from leerhuis.core.models import HomePage
from members.access import Visibility
from tests.events_factories import EventPageFactory, LearningTrackPageFactory, calendar_page
from tests.factories import StandardPageFactory
from tests.knowledge.feed_helpers import item_titles, published
from tests.knowledge.helpers import html_of
from tests.knowledge_factories import kennisbank_page

pytestmark = pytest.mark.django_db

ALTERNATE = re.compile(
    r'<link rel="alternate" type="application/(rss|atom)\+xml" [^>]*href="([^"]*)"'
)


def meta(html, name):
    """The content of a <meta name=…> or <meta property=…> tag, or None."""
    found = re.search(rf'<meta (?:name|property)="{re.escape(name)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def test_the_kennisbank_announces_its_feeds_and_links_to_the_rss_feed(client):
    published(title="Over wonen", theme_names=["Wonen"])

    html = html_of(client, "/kennisbank/")

    assert dict(ALTERNATE.findall(html)) == {
        "rss": "/kennisbank/feed/",
        "atom": "/kennisbank/feed/atom/",
    }
    assert (
        '<a href="/kennisbank/feed/" type="application/rss+xml">RSS-feed van de kennisbank' in html
    )


def test_a_kennisbank_filtered_on_a_theme_announces_the_feed_of_that_theme(client):
    published(title="Over wonen", theme_names=["Wonen"])
    published(title="Over zorg", theme_names=["Zorg"])

    html = html_of(client, "/kennisbank/?thema=wonen&type=artikel")

    feeds = dict(ALTERNATE.findall(html))
    assert feeds["rss"] == "/kennisbank/feed/?thema=wonen"
    assert "RSS-feed van het thema Wonen" in html
    assert item_titles(client, feeds["rss"]) == ["Over wonen"]


def test_a_kennisbank_with_an_unknown_theme_announces_the_whole_feed(client):
    published(title="Over wonen", theme_names=["Wonen"])
    html = html_of(client, "/kennisbank/?thema=bestaat-niet")
    assert dict(ALTERNATE.findall(html))["rss"] == "/kennisbank/feed/"


def test_the_home_page_links_to_the_kennisbank_feed(client):
    published(title="Over wonen")
    assert 'href="/kennisbank/feed/" type="application/rss+xml"' in html_of(client, "/")


def _pages():
    index = kennisbank_page()
    index.search_description = "Alles wat leden van elkaar leren."
    index.save_revision().publish()
    return {
        "standard": StandardPageFactory(
            parent=HomePage.objects.get(), title="Over ons", slug="over-ons", intro="Wie wij zijn."
        ),
        "kennisbank": index,
        "article": published(title="Wat is een opgave?", intro="Groter dan één afdeling."),
        "event": EventPageFactory(title="Studiedag", intro="Een dag over opgave-sturing."),
        "track": LearningTrackPageFactory(title="Leergang", intro="Zes bijeenkomsten & meer."),
        "calendar": calendar_page(),
    }


@pytest.mark.parametrize("kind", ["standard", "kennisbank", "article", "event", "track"])
def test_every_page_type_has_a_description_and_open_graph_tags_with_its_absolute_address(
    client, kind
):
    page = _pages()[kind].specific

    html = html_of(client, page.url)

    description = page.search_description or page.intro
    assert meta(html, "description") == escape(description)
    assert meta(html, "og:description") == escape(description)
    assert meta(html, "og:title") == escape(page.title)
    assert meta(html, "og:url") == f"http://testserver{page.url}"


def test_the_home_page_describes_itself_with_its_intro_as_plain_text(client, home_page):
    home_page.intro = "<p>Het <b>Leerhuis</b> van de projectbureaus &amp; hun leden.</p>"
    home_page.save_revision().publish()

    html = html_of(client, "/")

    assert meta(html, "description") == "Het Leerhuis van de projectbureaus &amp; hun leden."
    assert meta(html, "og:url") == "http://testserver/"


def test_the_sitemap_lists_public_articles_and_not_restricted_ones(client):
    public = published(title="Voor iedereen")
    members = published(title="Alleen leden", visibility=Visibility.MEMBERS)
    logged_in = published(title="Ingelogd", visibility=Visibility.LOGGED_IN)

    body = client.get("/sitemap.xml").content.decode()

    assert f"<loc>http://testserver{public.url}</loc>" in body
    assert members.url not in body
    assert logged_in.url not in body
