"""Following starts where the thing is: the thread page, a theme's conversations and a
group's page carry the follow button, and looking at them clears what is new."""

import pytest

from leerhuis.community.models import Follow
from leerhuis.community.services import following
from tests.community.follow_helpers import group_with, member, thema
from tests.community_factories import ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client):
    person = member(full_name="Lieke Lezer")
    client.force_login(person)
    return person


def test_a_thread_page_offers_to_follow_and_then_says_you_do(client, reader):
    thread = ThreadFactory()
    html = client.get(thread.get_absolute_url()).content.decode()
    assert f'action="/mijn-leerhuis/volgen/gesprek/{thread.slug}/"' in html
    assert "Je volgt dit." not in html

    client.post(f"/mijn-leerhuis/volgen/gesprek/{thread.slug}/", {"actie": "volgen"})

    assert "Je volgt dit." in client.get(thread.get_absolute_url()).content.decode()


def test_reading_a_followed_thread_clears_what_is_new(client, reader):
    thread = ThreadFactory()
    following.follow(reader, thread)
    follow = Follow.objects.get(user=reader, thread=thread)
    Follow.objects.filter(pk=follow.pk).update(seen_at=None)
    client.get(thread.get_absolute_url())
    assert Follow.objects.get(pk=follow.pk).seen_at is not None


def test_a_themes_conversations_offer_to_follow_the_theme(client, reader):
    theme = thema("Opgave-sturing")
    html = client.get(f"/gesprekken/?thema={theme.slug}").content.decode()
    assert f'action="/mijn-leerhuis/volgen/thema/{theme.slug}/"' in html
    assert 'action="/mijn-leerhuis/volgen/thema/' not in client.get("/gesprekken/").content.decode()


def test_a_groups_page_offers_to_follow_the_group(client, reader):
    groep = group_with(reader)
    html = client.get(groep.get_absolute_url()).content.decode()
    assert f'action="/mijn-leerhuis/volgen/groep/{groep.slug}/"' in html


def test_visitors_are_asked_to_log_in_to_follow(client):
    thread = ThreadFactory()
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "Log in om te volgen" in html
