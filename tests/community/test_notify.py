"""Mails when a post appears: mentions, replies in followed threads, new threads in a
followed theme or group. Each once, never to the author, never to someone who cannot see
the thread, and each with a way to stop."""

import pytest

from leerhuis.community import notify
from leerhuis.community.models import Frequency
from tests.community.follow_helpers import (
    follows,
    group_thread,
    group_with,
    guest,
    keys,
    mails_to,
    member,
    thema,
)
from tests.community_factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def opening_of(thread):
    return thread.posts.get(is_opening=True)


def test_followers_of_a_thread_hear_of_a_reply_once_however_often_it_is_announced():
    thread = ThreadFactory()
    reader = member()
    follows(reader, thread)
    reply = PostFactory(
        thread=thread, body="<p>Wij werken met een <b>opdrachtbrief</b> &amp; mandaat.</p>"
    )

    notify.post_published(reply)
    notify.post_published(reply)

    [mail] = mails_to(reader)
    assert mail.key == f"gesprek:post-{reply.pk}:user-{reader.pk}"
    assert mail.subject == f"Nieuwe reactie in '{thread.title}'"
    assert "Wij werken met een opdrachtbrief & mandaat." in mail.text
    assert "Wij werken met een opdrachtbrief &amp; mandaat." in mail.html
    assert f"?bijdrage={reply.pk}#bijdrage-{reply.pk}" in mail.text


def test_a_mentioned_person_hears_of_it_even_without_following():
    thread = ThreadFactory()
    named = member()
    reply = PostFactory(thread=thread)

    notify.post_published(reply, mentioned=[named])
    notify.post_published(reply, mentioned=[named])

    [mail] = mails_to(named)
    assert mail.key == f"vermelding:post-{reply.pk}:user-{named.pk}"
    assert mail.subject == f"Je bent genoemd in '{thread.title}'"
    assert reply.author.full_name in mail.text


def test_a_follower_who_is_also_mentioned_gets_one_mail_the_mention():
    thread = ThreadFactory()
    reader = member()
    follows(reader, thread)
    reply = PostFactory(thread=thread)

    notify.post_published(reply, mentioned=[reader])
    notify.post_published(reply)  # announced again without the mention: still nothing new

    assert [m.key for m in mails_to(reader)] == [f"vermelding:post-{reply.pk}:user-{reader.pk}"]


def test_the_author_hears_nothing_of_their_own_post():
    thread = ThreadFactory()
    author = member()
    follows(author, thread)
    reply = PostFactory(thread=thread, author=author)

    notify.post_published(reply, mentioned=[author])

    assert keys() == []


def test_a_group_only_thread_never_reaches_an_outsider_by_mail_not_even_by_mention():
    insider, outsider = member(), member()
    groep = group_with(insider)
    thread = group_thread(groep)
    follows(outsider, thread)  # followed once, left the group since: no more mail
    follows(insider, thread)
    reply = PostFactory(thread=thread)

    notify.post_published(reply, mentioned=[outsider])

    assert mails_to(outsider) == []
    assert len(mails_to(insider)) == 1


def test_members_only_threads_do_not_mail_people_who_are_not_members():
    thread = ThreadFactory(visibility="members")
    outside, inside = guest(), member()
    follows(outside, thread)
    follows(inside, thread)

    notify.post_published(PostFactory(thread=thread))

    assert mails_to(outside) == [] and len(mails_to(inside)) == 1


def test_a_deactivated_account_gets_no_mail():
    thread = ThreadFactory()
    gone = member(is_active=False)
    follows(gone, thread)

    notify.post_published(PostFactory(thread=thread), mentioned=[gone])

    assert mails_to(gone) == []


def test_only_followers_who_chose_at_once_get_a_mail_per_post():
    thread = ThreadFactory()
    direct, daily, never = member(), member(), member()
    follows(direct, thread, Frequency.DIRECT)
    follows(daily, thread, Frequency.DAGELIJKS)
    follows(never, thread, Frequency.NOOIT)

    notify.post_published(PostFactory(thread=thread))

    assert len(mails_to(direct)) == 1
    assert mails_to(daily) == [] and mails_to(never) == []


def test_a_new_thread_in_a_followed_theme_is_told_to_its_followers():
    theme = thema("Opgave-sturing")
    reader, other_theme_reader = member(), member()
    follows(reader, theme)
    follows(other_theme_reader, thema("Programmamanagement"))
    thread = ThreadFactory(title="Mandaat van de opgave-manager")
    thread.themes.add(theme)

    notify.post_published(opening_of(thread))

    [mail] = mails_to(reader)
    assert mail.subject == "Nieuw gesprek: Mandaat van de opgave-manager"
    assert "'Opgave-sturing' volgt" in mail.text
    assert mails_to(other_theme_reader) == []


def test_a_reply_is_not_told_to_those_who_only_follow_its_theme():
    theme = thema()
    reader = member()
    follows(reader, theme)
    thread = ThreadFactory()
    thread.themes.add(theme)

    notify.post_published(PostFactory(thread=thread))

    assert mails_to(reader) == []


def test_a_new_thread_in_a_followed_group_reaches_its_members_once_even_via_theme_too():
    insider = member()
    groep = group_with(insider)
    theme = thema()
    follows(insider, groep)
    follows(insider, theme)
    thread = group_thread(groep)
    thread.themes.add(theme)

    notify.post_published(opening_of(thread))

    [mail] = mails_to(insider)
    assert f"'{groep.name}' volgt" in mail.text  # the group, the closer of the two


def test_every_follow_mail_stops_in_one_click_and_a_mention_points_to_the_settings():
    thread = ThreadFactory()
    reader, named = member(), member()
    follow = follows(reader, thread)
    reply = PostFactory(thread=thread)

    notify.post_published(reply, mentioned=[named])

    [mail] = mails_to(reader)
    stop = f"http://testserver/mijn-leerhuis/volgen/stop/{follow.token}/"
    assert mail.headers == {
        "List-Unsubscribe": f"<{stop}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert stop in mail.text and stop in mail.html
    [mention] = mails_to(named)
    assert mention.headers == {"List-Unsubscribe": "<http://testserver/mijn-leerhuis/volgen/>"}
    assert "http://testserver/mijn-leerhuis/volgen/" in mention.text


def test_hidden_posts_are_not_announced():
    thread = ThreadFactory()
    reader = member()
    follows(reader, thread)
    reply = PostFactory(thread=thread, hidden_at="2026-01-01T10:00Z", hidden_reason="spam")

    notify.post_published(reply, mentioned=[reader])

    assert keys() == []
