"""Shared by the tests of the conversations index, the page conversation and search."""

import re

from django.utils import timezone

from leerhuis.community.models import Post, Thread
from leerhuis.core.themes import Thema

CARD_TITLE = re.compile(r'class="article-card__title"><a href="[^"]*">([^<]*)</a>')


def listed(response):
    assert response.status_code == 200, response.status_code
    return CARD_TITLE.findall(response.content.decode())


def theme(name):
    return Thema.objects.named(name)[0]


def bulk_threads(count, author, prefix="Gesprek", **fields):
    """`count` threads with an opening post each, in a handful of queries."""
    now = timezone.now()
    start = Thread.objects.count()
    threads = Thread.objects.bulk_create(
        Thread(
            title=f"{prefix} {start + n}",
            slug=f"{prefix.lower()}-bulk-{start + n}",
            author=author,
            last_activity_at=now - timezone.timedelta(minutes=n),
            **fields,
        )
        for n in range(count)
    )
    threads = list(Thread.objects.filter(slug__startswith=f"{prefix.lower()}-bulk-"))
    Post.objects.bulk_create(
        Post(thread=thread, author=author, body="<p>Hoe doen jullie dit?</p>", is_opening=True)
        for thread in threads
    )
    return threads
