"""Reading the kennisbank's feed as a feed reader does, for tests/knowledge/test_feed*.py."""

import xml.etree.ElementTree as ET

from tests.knowledge_factories import article

FEED = "/kennisbank/feed/"
ATOM = "/kennisbank/feed/atom/"
ATOM_NS = {"atom": "http://www.w3.org/2005/Atom"}


def published(**fields):
    """An article as an editor publishes it: a revision published, so Wagtail logs it and
    sets its publication times."""
    page = article(**fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def channel(client, url=FEED):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (the site's own feed)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def item_titles(client, url=FEED):
    return [item.findtext("title") for item in channel(client, url).findall("item")]


def atom_titles(client, url=ATOM):
    response = client.get(url)
    assert response.status_code == 200, response.content
    root = ET.fromstring(response.content)  # noqa: S314 (the site's own feed)
    return [
        entry.findtext("atom:title", namespaces=ATOM_NS)
        for entry in root.iterfind("atom:entry", ATOM_NS)
    ]
