"""The daily summary of what someone follows with "dagelijkse samenvatting" (once a day,
only when there is news, only what they may still see), and the weekmail's "Actieve
gesprekken"."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leerhuis.community.follow_hooks import active_threads
from leerhuis.community.models import Frequency
from leerhuis.core import digest
from tests.community.follow_helpers import (
    follows,
    group_thread,
    group_with,
    mails,
    mails_to,
    member,
    reload,
    thema,
)
from tests.community_factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MORNING = datetime.datetime(2026, 3, 10, 7, 0, tzinfo=AMSTERDAM)


def at(moment):
    return time_machine.travel(moment, tick=False)


def run():
    out = io.StringIO()
    call_command("send_community_summaries", stdout=out)
    return out.getvalue()


def yesterday(hours=12):
    return MORNING - datetime.timedelta(hours=hours)


@pytest.fixture
def reader_of_a_thread():
    """Someone who follows a thread with a daily summary since two days ago."""
    reader = member()
    with at(MORNING - datetime.timedelta(days=2)):
        thread = ThreadFactory(title="Mandaat van de opgave-manager")
        follow = follows(reader, thread, Frequency.DAGELIJKS)
    return reader, thread, follow


def test_a_daily_follower_gets_one_summary_a_day_however_often_it_runs(reader_of_a_thread):
    reader, thread, follow = reader_of_a_thread
    PostFactory(thread=thread, created_at=yesterday(), body="<p>Wij geven mandaat per opgave.</p>")
    PostFactory(thread=thread, created_at=yesterday(2), body="<p>Bij ons de wethouder.</p>")

    with at(MORNING):
        assert "1 samenvatting(en) klaargezet" in run()
        assert "0 samenvatting(en) klaargezet" in run()

    [mail] = mails_to(reader)
    assert mail.key == f"samenvatting:{reader.pk}:2026-03-10"
    assert "Mandaat van de opgave-manager" in mail.text
    assert "Wij geven mandaat per opgave." in mail.text and "Bij ons de wethouder." in mail.text
    assert reload(follow).summarised_at == MORNING


def test_the_next_day_brings_only_what_is_new_and_nothing_when_nothing_is(reader_of_a_thread):
    reader, thread, _follow = reader_of_a_thread
    PostFactory(thread=thread, created_at=yesterday(), body="<p>Eerste reactie.</p>")
    with at(MORNING):
        run()

    with at(MORNING + datetime.timedelta(days=1)):
        run()
    assert len(mails_to(reader)) == 1  # nothing new: no mail

    PostFactory(
        thread=thread,
        created_at=MORNING + datetime.timedelta(days=1, hours=3),
        body="<p>Tweede reactie.</p>",
    )
    with at(MORNING + datetime.timedelta(days=2)):
        run()
    latest = mails_to(reader)[-1]
    assert latest.key.endswith(":2026-03-12")
    assert "Tweede reactie." in latest.text and "Eerste reactie." not in latest.text


def test_only_daily_followers_get_a_summary_and_never_of_their_own_posts(reader_of_a_thread):
    reader, thread, _follow = reader_of_a_thread
    at_once, never = member(), member()
    follows(at_once, thread, Frequency.DIRECT)
    follows(never, thread, Frequency.NOOIT)
    PostFactory(thread=thread, created_at=yesterday(), author=reader)

    with at(MORNING):
        run()

    assert mails().count() == 0


def test_threads_no_longer_visible_are_left_out():
    reader = member()
    groep = group_with(reader)
    with at(MORNING - datetime.timedelta(days=2)):
        thread = group_thread(groep)
        follows(reader, thread, Frequency.DAGELIJKS)
    PostFactory(thread=thread, created_at=yesterday())
    groep.leden.filter(user=reader).delete()

    with at(MORNING):
        run()

    assert mails_to(reader) == []


def test_a_daily_follower_of_a_theme_hears_of_new_threads_in_it():
    reader, theme = member(), thema("Opgave-sturing")
    with at(MORNING - datetime.timedelta(days=2)):
        follows(reader, theme, Frequency.DAGELIJKS)
    with at(yesterday()):
        thread = ThreadFactory(title="Wie is opdrachtgever?")
        thread.themes.add(theme)
        PostFactory(thread=thread)  # a reply: the theme's followers hear of new threads only

    with at(MORNING):
        run()

    [mail] = mails_to(reader)
    assert "Wie is opdrachtgever? (nieuw gesprek)" in mail.text
    assert mail.text.count(f"/gesprekken/{thread.slug}/") == 1  # the opening, not the reply


def test_the_summary_stops_in_one_click(reader_of_a_thread, client):
    reader, thread, follow = reader_of_a_thread
    PostFactory(thread=thread, created_at=yesterday())
    with at(MORNING):
        run()
    [mail] = mails_to(reader)
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    address = mail.headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    assert address in mail.text

    client.post(
        address, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert reload(follow).frequency == Frequency.NOOIT


def test_a_run_costs_the_same_for_one_new_post_and_twenty(reader_of_a_thread):
    _reader, thread, follow = reader_of_a_thread

    def queries():
        mails().delete()
        type(follow).objects.update(summarised_at=None)
        with at(MORNING), CaptureQueriesContext(connection) as captured:
            run()
        assert mails().count() == 1
        return len(captured)

    PostFactory(thread=thread, created_at=yesterday())
    one = queries()
    for n in range(19):
        PostFactory(thread=thread, created_at=yesterday(n % 10 + 1))
    assert queries() == one


WEEK = digest.Period(
    start=datetime.datetime(2026, 3, 2, tzinfo=AMSTERDAM),
    end=datetime.datetime(2026, 3, 9, tzinfo=AMSTERDAM),
    now=MORNING,
)
IN_WEEK = datetime.datetime(2026, 3, 4, 12, tzinfo=AMSTERDAM)


def test_the_weekmail_names_the_most_active_conversations_the_reader_may_see():
    reader, insider = member(), member()
    quiet, busy = ThreadFactory(title="Rustig"), ThreadFactory(title="Druk")
    closed = group_thread(group_with(insider), title="Alleen voor de groep")
    for thread, count in ((quiet, 1), (busy, 3), (closed, 5)):
        for _ in range(count):
            PostFactory(thread=thread, created_at=IN_WEEK)
    PostFactory(thread=quiet, created_at=IN_WEEK, hidden_at=IN_WEEK, hidden_reason="spam")
    PostFactory(thread=quiet, created_at=MORNING)  # after the week

    section = active_threads(reader, WEEK)

    assert section.title == "Actieve gesprekken"
    assert [(i.title, i.detail) for i in section.items] == [
        ("Druk", "3 nieuwe bijdragen"),
        ("Rustig", "1 nieuwe bijdrage"),
    ]
    assert section.items[0].url == f"http://testserver/gesprekken/{busy.slug}/"
    assert "Alleen voor de groep" in [i.title for i in active_threads(insider, WEEK).items]
    assert "Actieve gesprekken" in [s.title for s in digest.sections_for(reader, WEEK)]


def test_a_quiet_week_has_no_conversations_section():
    ThreadFactory()
    assert active_threads(member(), WEEK) is None


def test_the_weekmail_section_costs_the_same_for_one_thread_and_twenty(
    django_assert_num_queries,
):
    reader = member()
    PostFactory(created_at=IN_WEEK)
    with CaptureQueriesContext(connection) as one:
        active_threads(type(reader).objects.get(pk=reader.pk), WEEK)
    for _ in range(19):
        PostFactory(created_at=IN_WEEK)
    with django_assert_num_queries(len(one)):
        assert len(active_threads(type(reader).objects.get(pk=reader.pk), WEEK).items) == 11


def test_switching_to_a_daily_summary_does_not_repeat_what_was_mailed_at_once():
    from leerhuis.community.services import following

    reader = member()
    with at(MORNING - datetime.timedelta(days=5)):
        thread = ThreadFactory(title="Mandaat van de opgave-manager")
        follow = follows(reader, thread, Frequency.DIRECT)
    PostFactory(thread=thread, created_at=MORNING - datetime.timedelta(days=3), body="<p>Oud.</p>")
    with at(MORNING - datetime.timedelta(days=2)):
        following.set_frequency(follow, Frequency.DAGELIJKS)
    PostFactory(thread=thread, created_at=yesterday(), body="<p>Nieuw sinds de wissel.</p>")

    with at(MORNING):
        run()

    [mail] = mails_to(reader)
    assert "Nieuw sinds de wissel." in mail.text and "Oud." not in mail.text
