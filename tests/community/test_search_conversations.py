"""Conversations in the site search and the sitemap: found by title and text, for those who
may read them, never a group's or a restricted one for outsiders."""

import pytest
from django.utils import timezone

from leerhuis.community.models import Thread
from leerhuis.core import page_cache
from members.access import Visibility
from tests.community_factories import GroepFactory, GroepslidFactory, PostFactory, ThreadFactory
from tests.events_factories import guest, member
from tests.knowledge_factories import article

pytestmark = pytest.mark.django_db


@pytest.fixture
def threads():
    group = GroepFactory(name="Werkgroep Wijkaanpak")
    return {
        "public": ThreadFactory(title="Wijkaanpak voor iedereen", slug="wijk-openbaar"),
        "members": ThreadFactory(
            title="Wijkaanpak onder leden", slug="wijk-leden", visibility=Visibility.MEMBERS
        ),
        "logged_in": ThreadFactory(
            title="Wijkaanpak ingelogd", slug="wijk-ingelogd", visibility=Visibility.LOGGED_IN
        ),
        "group": ThreadFactory(
            title="Wijkaanpak in de groep",
            slug="wijk-groep",
            visibility=Visibility.GROUP,
            group=group,
        ),
    }


def _found(client, query, type_="gesprek"):
    response = client.get("/zoeken/", {"q": query, "type": type_})
    assert response.status_code == 200
    html = response.content.decode()
    return {
        slug
        for slug in ("wijk-openbaar", "wijk-leden", "wijk-ingelogd", "wijk-groep")
        if f"/gesprekken/{slug}/" in html
    }


@pytest.mark.parametrize(
    ("who", "seen"),
    [
        ("anonymous", {"wijk-openbaar"}),
        ("non_member", {"wijk-openbaar", "wijk-ingelogd"}),
        ("member", {"wijk-openbaar", "wijk-ingelogd", "wijk-leden"}),
        ("group_member", {"wijk-openbaar", "wijk-ingelogd", "wijk-leden", "wijk-groep"}),
    ],
)
def test_search_finds_the_conversations_the_visitor_may_read(client, threads, who, seen):
    user = {"anonymous": None, "non_member": guest(), "member": member()}.get(who)
    if who == "group_member":
        user = member()
        GroepslidFactory(groep=threads["group"].group, user=user)
    if user:
        client.force_login(user)
    assert _found(client, "wijkaanpak") == seen


def test_search_finds_a_conversation_by_the_text_of_its_posts(client):
    thread = ThreadFactory(title="Hoe doen jullie dit?", slug="hoe-doen-jullie-dit")
    PostFactory(thread=thread, body="<p>Wij werken met een kwartiermaker.</p>")
    html = client.get("/zoeken/", {"q": "kwartiermaker"}).content.decode()
    assert "/gesprekken/hoe-doen-jullie-dit/" in html and "Gesprekken" in html


def test_hidden_text_is_not_searched(client):
    thread = ThreadFactory(title="Een gesprek", slug="een-gesprek")
    PostFactory(
        thread=thread,
        body="<p>Scheldwoordenlijst</p>",
        hidden_at=timezone.now(),
        hidden_reason="Ongepast",
    )
    assert (
        "/gesprekken/een-gesprek/"
        not in client.get("/zoeken/", {"q": "scheldwoordenlijst"}).content.decode()
    )


def test_search_offers_conversations_as_a_type(client, threads):
    html = client.get("/zoeken/", {"q": "wijkaanpak"}).content.decode()
    assert "type=gesprek" in html


def test_the_sitemap_holds_public_conversations_only(client, threads):
    ThreadFactory(title="Onder een artikel", slug="onder-artikel", page=article(title="Artikel"))
    xml = client.get("/sitemap.xml").content.decode()
    assert "/gesprekken/wijk-openbaar/" in xml
    for slug in ("wijk-leden", "wijk-ingelogd", "wijk-groep", "onder-artikel"):
        assert f"/gesprekken/{slug}/" not in xml
    Thread.objects.filter(slug="wijk-openbaar").update(visibility=Visibility.MEMBERS)
    page_cache.changed()  # a write behind the site's back: its own writers say so themselves
    assert "/gesprekken/wijk-openbaar/" not in client.get("/sitemap.xml").content.decode()


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("type_", ["gesprek", ""])
def test_search_costs_the_same_for_1_and_20_conversations_found(client, type_):
    from tests.community.index_helpers import bulk_threads
    from tests.factories import UserFactory

    client.force_login(member())
    author = UserFactory()
    bulk_threads(1, author, prefix="Mandaat")
    url = f"/zoeken/?q=mandaat&type={type_}" if type_ else "/zoeken/?q=mandaat"
    one = _count(client, url)
    bulk_threads(19, author, prefix="Mandaatvraag")
    assert _count(client, url) == one
