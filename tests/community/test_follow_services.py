"""The verbs of following: follow once (a second click changes how often), only what you may
see, unfollow, the stop by token, mark_seen and what is new since."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from leerhuis.community.models import Follow, Frequency
from leerhuis.community.services import following
from members.models import Toegang
from tests.community.follow_helpers import (
    follows,
    group_thread,
    group_with,
    guest,
    member,
    reload,
    thema,
)
from tests.community_factories import GroepFactory, PostFactory, ThreadFactory


def fresh(user):
    """The person as a new request would see them (nothing remembered on the object)."""
    return type(user).objects.get(pk=user.pk)


pytestmark = pytest.mark.django_db


def test_following_twice_is_one_follow_with_the_latest_choice():
    reader, thread = member(), ThreadFactory()

    first = following.follow(reader, thread)
    again = following.follow(reader, thread, Frequency.DAGELIJKS)

    assert first.pk == again.pk and Follow.objects.count() == 1
    assert reload(first).frequency == Frequency.DAGELIJKS


def test_themes_and_groups_are_followed_like_threads():
    reader = member()
    following.follow(reader, thema())
    following.follow(reader, GroepFactory(toegang=Toegang.OPEN))

    assert sorted(type(f.subject).__name__ for f in following.follows_of(reader)) == [
        "Groep",
        "Thema",
    ]


def test_nobody_follows_what_they_may_not_see():
    outsider, insider = member(), member()
    groep = group_with(insider, toegang=Toegang.VERBORGEN)
    thread = group_thread(groep)

    for subject in (thread, groep):
        with pytest.raises(following.FollowError) as refused:
            following.follow(outsider, subject)
        assert refused.value.code == "not_allowed"
    with pytest.raises(following.FollowError):
        following.follow(guest(), ThreadFactory(visibility="members"))

    following.follow(insider, thread)
    following.follow(insider, groep)
    assert Follow.objects.filter(user=outsider).count() == 0
    assert Follow.objects.filter(user=insider).count() == 2


def test_an_unknown_frequency_is_refused_and_changes_nothing():
    reader, thread = member(), ThreadFactory()
    follow = following.follow(reader, thread, Frequency.DAGELIJKS)

    with pytest.raises(following.FollowError) as refused:
        following.follow(reader, thread, "elk-uur")
    assert refused.value.code == "frequency"
    with pytest.raises(following.FollowError):
        following.set_frequency(follow, "")
    assert reload(follow).frequency == Frequency.DAGELIJKS


def test_unfollowing_ends_only_that_follow():
    reader, thread, other = member(), ThreadFactory(), ThreadFactory()
    following.follow(reader, thread)
    following.follow(reader, other)

    assert following.unfollow(reader, thread) is True
    assert following.unfollow(reader, thread) is False
    assert [f.thread for f in Follow.objects.filter(user=reader)] == [other]


def test_the_stop_token_silences_one_follow_and_can_be_used_twice():
    reader = member()
    stopped = follows(reader, ThreadFactory())
    kept = follows(reader, ThreadFactory())

    assert following.stop_by_token(stopped.token) == [stopped]
    assert following.stop_by_token(stopped.token)[0].frequency == Frequency.NOOIT
    assert reload(stopped).frequency == Frequency.NOOIT
    assert reload(kept).frequency == Frequency.DIRECT
    assert following.stop_by_token("verzonnen") is None
    assert following.stop_by_token("") is None


def test_the_summary_token_silences_every_daily_summary_of_its_person():
    reader, other = member(), member()
    daily = follows(reader, ThreadFactory(), Frequency.DAGELIJKS)
    direct = follows(reader, ThreadFactory(), Frequency.DIRECT)
    others = follows(other, ThreadFactory(), Frequency.DAGELIJKS)

    following.stop_by_token(following.summary_token(reader))

    assert reload(daily).frequency == Frequency.NOOIT
    assert reload(direct).frequency == Frequency.DIRECT
    assert reload(others).frequency == Frequency.DAGELIJKS


def test_mark_seen_is_one_update_and_nothing_for_someone_not_following(
    django_assert_num_queries,
):
    reader, thread = member(), ThreadFactory()
    follow = follows(reader, thread)
    stranger = member()

    with django_assert_num_queries(1):
        following.mark_seen(reader, thread)
    assert reload(follow).seen_at is not None
    with django_assert_num_queries(1):
        following.mark_seen(stranger, thread)  # no follow: nothing changes
    with django_assert_num_queries(0):
        following.mark_seen(AnonymousUser(), thread)


def test_whats_new_counts_posts_by_others_since_last_seen():
    reader, thread, quiet = member(), ThreadFactory(), ThreadFactory()
    thread.posts.update(created_at=timezone.now() - datetime.timedelta(hours=3))
    follows(reader, thread, seen_at=timezone.now() - datetime.timedelta(hours=1))
    follows(reader, quiet)
    PostFactory(thread=thread, created_at=timezone.now() - datetime.timedelta(hours=2))
    PostFactory(thread=thread)
    PostFactory(thread=thread)
    PostFactory(thread=thread, author=reader)  # one's own post is not news

    [news] = following.whats_new(reader)
    assert news.thread == thread and news.new_count == 2

    following.mark_seen(reader, thread)
    assert following.whats_new(reader) == []


def test_whats_new_in_a_theme_or_group_is_threads_with_activity_the_person_may_see():
    reader = member()
    theme, groep = thema(), group_with(reader)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    follows(reader, theme, seen_at=yesterday)
    follows(reader, groep, seen_at=yesterday)
    public, closed = ThreadFactory(), ThreadFactory(visibility="group", group=GroepFactory())
    public.themes.add(theme)
    closed.themes.add(theme)
    group_thread(groep)

    counts = {str(f.subject): f.new_count for f in following.whats_new(reader)}
    assert counts == {theme.name: 1, groep.name: 1}


def test_whats_new_costs_the_same_for_one_follow_and_twenty(django_assert_num_queries):
    reader, earlier = member(), timezone.now() - datetime.timedelta(hours=1)
    follows(reader, ThreadFactory(), seen_at=earlier)
    with CaptureQueriesContext(connection) as one:
        assert len(following.whats_new(fresh(reader))) == 1
    for _ in range(19):
        follows(reader, ThreadFactory(), seen_at=earlier)
    with django_assert_num_queries(len(one)):
        assert len(following.whats_new(fresh(reader))) == 20


def test_a_thread_no_longer_visible_is_no_news():
    reader = member()
    groep = group_with(reader)
    thread = group_thread(groep)
    follows(reader, thread)
    PostFactory(thread=thread)
    assert len(following.whats_new(reader)) == 1

    groep.leden.filter(user=reader).delete()

    assert following.whats_new(reader) == []
