"""Feed readers poll the kennisbank's feed: an unchanged feed is a cheap 304, and every
change an anonymous reader would notice is a new version."""

import pytest

from leerhuis.knowledge import feeds
from members.access import Visibility
from tests.knowledge.feed_helpers import ATOM, FEED, item_titles, publish, published

pytestmark = pytest.mark.django_db


def _refuse(*args, **kwargs):
    raise AssertionError("the feed was built for a conditional GET")


@pytest.mark.parametrize("url", [FEED, f"{FEED}?thema=wonen", ATOM])
def test_a_conditional_get_with_the_etag_is_a_304_without_building_the_feed(
    client, url, monkeypatch, django_assert_max_num_queries
):
    published(title="Over wonen", theme_names=["Wonen"])
    first = client.get(url)
    assert first.status_code == 200

    monkeypatch.setattr(feeds, "_build", _refuse)
    with django_assert_max_num_queries(2):
        again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_if_modified_since_with_the_last_modified_is_a_304_too(client, monkeypatch):
    published(title="Over wonen")
    first = client.get(FEED)
    monkeypatch.setattr(feeds, "_build", _refuse)

    again = client.get(FEED, headers={"if-modified-since": first["Last-Modified"]})

    assert again.status_code == 304


def test_rss_atom_and_each_theme_are_versions_of_their_own(client):
    published(title="Over wonen", theme_names=["Wonen", "Zorg"])
    tags = {client.get(url)["ETag"] for url in (FEED, ATOM, f"{FEED}?thema=wonen")}
    tags.add(client.get(f"{FEED}?thema=zorg")["ETag"])
    assert len(tags) == 4


def test_publishing_an_article_makes_a_new_version(client):
    published(title="Eerste")
    first = client.get(FEED)

    published(title="Tweede")
    changed = client.get(FEED, headers={"if-none-match": first["ETag"]})

    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert "Tweede" in changed.content.decode()


def test_editing_a_published_article_makes_a_new_version(client):
    page = published(title="Eerste versie")
    first = client.get(FEED)

    publish(page, title="Tweede versie")

    changed = client.get(FEED, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert "Tweede versie" in changed.content.decode()


def test_unpublishing_an_article_makes_a_new_version_without_it(client):
    published(title="Blijft")
    leaving = published(title="Gaat weg")
    first = client.get(FEED)

    leaving.unpublish()

    changed = client.get(FEED, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert item_titles(client) == ["Blijft"]


def test_an_article_made_members_only_leaves_the_feed_in_a_new_version(client):
    published(title="Blijft")
    closing = published(title="Wordt besloten")
    first = client.get(FEED)

    publish(closing, visibility=Visibility.MEMBERS)

    changed = client.get(FEED, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert item_titles(client) == ["Blijft"]


def test_a_changed_site_address_makes_a_new_version(client, settings):
    published(title="Over wonen")
    first = client.get(FEED)

    settings.BASE_URL = "https://leerhuis.example"

    assert client.get(FEED, headers={"if-none-match": first["ETag"]}).status_code == 200
