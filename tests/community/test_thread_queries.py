# ruff: noqa: F811 (the fixtures of thread_fixtures are imported by name)
"""The thread page costs the same number of queries for 10 replies as for 500: authors,
organisations, quotes and the rendering of each post come without a query per post."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from leerhuis.community.models import Post, Thread
from tests.community.thread_fixtures import (  # noqa: F401 (fixtures)
    group,
    group_member,
    group_thread,
    member,
    moderator,
    veenendaal,
)
from tests.community_factories import ThreadFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _conversation(thread, count, authors, moderator):
    """`count` replies by several authors, quoting each other, one hidden and one deleted,
    and one of them chosen as the answer."""
    start = timezone.now() - timezone.timedelta(days=2)
    posts = Post.objects.bulk_create(
        Post(
            thread=thread,
            author=authors[n % len(authors)],
            body=f"<p>Reactie {n} over opgave-sturing.</p>",
            created_at=start + timezone.timedelta(minutes=n),
        )
        for n in range(count)
    )
    for n, post in enumerate(posts[1:], start=1):
        if n % 3 == 0:
            post.quote = posts[n - 1]
    Post.objects.bulk_update(posts, ["quote"])
    Post.objects.filter(pk=posts[1].pk).update(
        hidden_at=timezone.now(), hidden_by=moderator, hidden_reason="Ongepast"
    )
    Post.objects.filter(pk=posts[2].pk).update(deleted_at=timezone.now(), body="")
    Thread.objects.filter(pk=thread.pk).update(answer=posts[4], reply_count=count)


def _count(client, url):
    client.get(url)  # warm what is kept per process (the begrippen matcher, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _same_for_large(client, django_assert_num_queries, small, large):
    expected = _count(client, reverse("gesprek", args=[small.slug]))
    for url in (reverse("gesprek", args=[large.slug]), f"/gesprekken/{large.slug}/?pagina=25"):
        client.get(url)
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200
    return expected


def _authors(veenendaal):
    return [UserFactory(email=f"auteur{n}@veenendaal.nl") for n in range(5)] + [
        UserFactory(email="buiten@elders.nl")
    ]


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("logged_in", [False, True], ids=["anoniem", "lid"])
def test_the_thread_page_costs_the_same_for_10_and_500_replies(
    client, django_assert_num_queries, veenendaal, member, moderator, logged_in
):
    authors = _authors(veenendaal)
    small = ThreadFactory(slug="klein", soort="vraag", author=member)
    large = ThreadFactory(slug="groot", soort="vraag", author=member)
    _conversation(small, 10, authors, moderator)
    _conversation(large, 500, authors, moderator)
    if logged_in:
        client.force_login(member)
    expected = _same_for_large(client, django_assert_num_queries, small, large)
    assert expected <= (18 if logged_in else 10)


def test_a_group_thread_costs_the_same_for_10_and_500_replies(
    client, django_assert_num_queries, veenendaal, group, group_member, moderator
):
    authors = _authors(veenendaal)
    small = ThreadFactory(slug="klein", visibility="group", group=group, author=group_member)
    large = ThreadFactory(slug="groot", visibility="group", group=group, author=group_member)
    _conversation(small, 10, authors, moderator)
    _conversation(large, 500, authors, moderator)
    client.force_login(group_member)
    _same_for_large(client, django_assert_num_queries, small, large)
