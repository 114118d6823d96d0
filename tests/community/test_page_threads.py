"""A conversation under an article follows its page: when the page closes, moves into a
closed section or goes offline, so does its conversation — for reading, replying and mail."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from leerhuis.community import page_threads
from leerhuis.community.models import Post, Thread
from leerhuis.core.models import HomePage
from leerhuis.knowledge.models import KnowledgeIndexPage
from members.access import Visibility, visibility_models
from tests.community.follow_helpers import follows, mails_to
from tests.community_factories import GroepFactory, GroepslidFactory
from tests.events_factories import guest, member
from tests.knowledge_factories import article

pytestmark = pytest.mark.django_db


def reply_url(page):
    return f"/gesprekken/pagina/{page.pk}/reageren/"


def conversation_under(page, client):
    client.force_login(member())
    client.post(reply_url(page), {"text": "Bij ons werkt dit zo."})
    client.logout()
    return Thread.objects.get(page=page)


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def level_of(thread):
    thread.refresh_from_db()
    return thread.visibility, thread.group_id


@pytest.fixture
def page():
    return article(title="Sturen op opgaven", slug="sturen-op-opgaven")


def test_an_article_published_for_members_closes_its_conversation_to_outsiders(client, page):
    thread = conversation_under(page, client)
    outsider = guest()
    follows(outsider, thread)
    assert client.get(thread.get_absolute_url()).status_code == 200

    publish(page, visibility=Visibility.MEMBERS)

    assert level_of(thread) == (Visibility.MEMBERS, None)
    assert client.get(thread.get_absolute_url()).status_code == 403
    response = client.post(f"{thread.get_absolute_url()}reageren/", {"text": "Ik ook?"})
    assert response.status_code in (302, 403)
    assert Post.objects.filter(thread=thread).count() == 1
    client.force_login(member())
    client.post(reply_url(page), {"text": "Een nieuwe reactie."})
    assert Post.objects.filter(thread=thread).count() == 2
    assert mails_to(outsider) == []


def test_a_section_above_closing_to_members_closes_the_conversation(client, page):
    thread = conversation_under(page, client)

    publish(KnowledgeIndexPage.objects.get(), visibility=Visibility.MEMBERS)

    assert level_of(thread) == (Visibility.MEMBERS, None)
    assert client.get(thread.get_absolute_url()).status_code == 403


def test_moving_the_article_into_a_members_section_closes_the_conversation(client, page):
    thread = conversation_under(page, client)
    closed = KnowledgeIndexPage(
        title="Voor leden", slug="voor-leden", intro="Alleen leden.", visibility="members"
    )
    HomePage.objects.get().add_child(instance=closed)
    closed.save_revision().publish()

    page.move(closed, pos="last-child")

    assert level_of(thread) == (Visibility.MEMBERS, None)
    assert client.get(thread.get_absolute_url()).status_code == 403


def test_unpublishing_leaves_the_conversation_to_staff_and_republishing_restores_it(
    client, page, admin_user
):
    thread = conversation_under(page, client)

    page.unpublish()

    assert level_of(thread) == (Visibility.GROUP, None)
    client.force_login(member())
    assert client.get(thread.get_absolute_url()).status_code == 404
    client.force_login(admin_user)
    assert client.get(thread.get_absolute_url()).status_code == 200

    publish(page)

    assert level_of(thread) == (Visibility.PUBLIC, None)
    client.logout()
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_a_page_published_for_a_group_leaves_its_conversation_to_that_group(client, page):
    thread = conversation_under(page, client)
    groep = GroepFactory()
    insider = GroepslidFactory(groep=groep, user=member()).user
    outsider = member()

    publish(page, visibility=Visibility.GROUP, group=groep)

    assert level_of(thread) == (Visibility.GROUP, groep.pk)
    client.force_login(insider)
    assert client.get(thread.get_absolute_url()).status_code == 200
    client.force_login(outsider)
    assert client.get(thread.get_absolute_url()).status_code in (403, 404)
    client.post(f"{thread.get_absolute_url()}reageren/", {"text": "Mag ik?"})
    assert Post.objects.filter(thread=thread).count() == 1


def queries_to_sync():
    with CaptureQueriesContext(connection) as queries:
        page_threads.sync()
    return len(queries)


def test_bringing_conversations_in_line_costs_the_same_for_1_and_20(client):
    conversation_under(article(), client)
    with_one = queries_to_sync()
    for _ in range(19):
        conversation_under(article(), client)
    assert Thread.objects.filter(page__isnull=False).count() == 20
    assert queries_to_sync() == with_one
    # Is there a page thread, one UPDATE per page model with a visibility, one for offline.
    assert with_one == len(visibility_models(Page)) + 2


def test_without_page_threads_the_sync_is_one_query():
    assert queries_to_sync() == 1


def test_only_threads_out_of_line_with_their_page_are_written(client, page):
    thread = conversation_under(page, client)
    other = conversation_under(article(visibility=Visibility.MEMBERS), client)
    Thread.objects.filter(pk=thread.pk).update(visibility=Visibility.LOGGED_IN)
    assert page_threads.sync() == 1
    assert level_of(thread) == (Visibility.PUBLIC, None)
    assert level_of(other) == (Visibility.MEMBERS, None)
    assert page_threads.sync() == 0  # all in line: nothing written
