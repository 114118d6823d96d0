"""Conversations and groups are part of the site: its main menu leads to them."""

import pytest

from tests.community_factories import ThreadFactory

pytestmark = pytest.mark.django_db


def test_conversations_and_groups_are_in_the_main_menu(client):
    home = client.get("/").content.decode()
    assert '<a href="/gesprekken/">Gesprekken</a>' in home
    assert '<a href="/groepen/">Groepen</a>' in home
    assert '<a href="/gesprekken/" aria-current="page">Gesprekken</a>' in (
        client.get("/gesprekken/").content.decode()
    )
    thread = ThreadFactory()
    assert '<a href="/gesprekken/" aria-current="true">Gesprekken</a>' in (
        client.get(thread.get_absolute_url()).content.decode()
    )
