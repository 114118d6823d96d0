"""What the site search finds in the conversations, registered through core's
`search_result_types` hook (page_hooks.py), so search never has to know the community.

Threads are no Wagtail pages: a thread is found when every word of the query occurs in its
title or in one of its shown posts (hidden and deleted text is never searched), narrowed by
the one access policy before anything is counted or listed. Only the index's threads are
found; one under an article is reached through its article, which search finds itself. A
thread whose opening a moderator hid is not found at all (its title was hidden with it).
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from leerhuis.community.models import Post, Thread
from leerhuis.core.search_types import ResultType
from members.access import visible_to

_WORDS = 12


def _words(query):
    return [word for word in (query or "").split() if word][:_WORDS]


def find(query, user):
    """The threads `user` may see whose title or shown text holds every word."""
    threads = visible_to(user, Thread.objects.standalone().shown())
    for word in _words(query):
        in_text = Post.objects.shown().filter(thread=OuterRef("pk"), body__icontains=word)
        threads = threads.filter(Q(title__icontains=word) | Exists(in_text))
    # The opening's text for the snippet, in the same query: no query per result.
    opening = Post.objects.shown().filter(thread=OuterRef("pk"), is_opening=True)
    threads = threads.annotate(opening_text=Subquery(opening.values("body")[:1]))
    return threads.order_by("-last_activity_at", "-pk")


def describe(thread):
    return getattr(thread, "opening_text", "") or ""


def result_type():
    return ResultType(
        "gesprek",
        _("Gesprekken"),
        _("gesprek"),
        search=find,
        describe=describe,
        index_url=lambda: reverse("gesprekken"),
        order=60,
    )
