"""A moderator hides a thread's opening post: its title goes with it. No list, search,
sitemap or mail names the thread any more, and its page says a moderator hid it — for
everyone but moderators, who still see what they hid."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from leerhuis.community.follow_hooks import active_threads
from leerhuis.community.models import Frequency
from leerhuis.community.services import moderation
from leerhuis.core import digest
from tests.community.follow_helpers import follows, group_with, mails_to
from tests.community.moderation_support import member, member_org, moderator
from tests.community_factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db

TITLE = "Koop nu goedkope horloges"
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MORNING = datetime.datetime(2026, 3, 10, 7, 0, tzinfo=AMSTERDAM)


def hide_opening(thread):
    opening = thread.posts.get(is_opening=True)
    moderation.hide(opening, moderator("mod-verbergt"), "Reclame.")


@pytest.fixture
def people():
    member_org()
    return {"anonymous": None, "member": member(), "moderator": moderator()}


@pytest.fixture
def hidden():
    thread = ThreadFactory(title=TITLE, slug="horloges")
    ThreadFactory(title="Mandaat van de opgave-manager", slug="mandaat")
    hide_opening(thread)
    return thread


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


WHO = ["anonymous", "member", "moderator"]


@pytest.mark.parametrize("who", WHO)
def test_the_index_no_longer_lists_a_thread_whose_opening_was_hidden(client, people, hidden, who):
    html = as_(client, people[who]).get("/gesprekken/").content.decode()
    assert "Mandaat van de opgave-manager" in html
    assert TITLE not in html and "/gesprekken/horloges/" not in html


@pytest.mark.parametrize("who", WHO)
def test_search_no_longer_finds_a_thread_whose_opening_was_hidden(client, people, hidden, who):
    response = as_(client, people[who]).get("/zoeken/", {"q": "horloges", "type": "gesprek"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "/gesprekken/horloges/" not in html and "Koop nu goedkope" not in html
    html = client.get("/zoeken/", {"q": "mandaat", "type": "gesprek"}).content.decode()
    assert "/gesprekken/mandaat/" in html


def test_the_sitemap_leaves_out_a_thread_whose_opening_was_hidden(client, hidden):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/gesprekken/mandaat/" in xml and "/gesprekken/horloges/" not in xml


def test_a_groups_page_no_longer_lists_it(client, people):
    insider = people["member"]
    groep = group_with(insider)
    thread = ThreadFactory(title=TITLE, visibility="group", group=groep)
    hide_opening(thread)
    html = as_(client, insider).get(groep.get_absolute_url()).content.decode()
    assert TITLE not in html


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_readers_see_that_a_moderator_hid_the_conversation_not_its_title(
    client, people, hidden, who
):
    PostFactory(thread=hidden, body="<p>Een gewone reactie.</p>")
    response = as_(client, people[who]).get(hidden.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Verborgen gesprek</h1>" in html
    assert "Een moderator heeft dit gesprek verborgen." in html
    assert "<title>Verborgen gesprek" in html
    assert TITLE not in html
    assert "Een gewone reactie." in html


def test_a_moderator_still_sees_the_title_of_what_was_hidden(client, people, hidden):
    html = as_(client, people["moderator"]).get(hidden.get_absolute_url()).content.decode()
    assert f"<h1>{TITLE}</h1>" in html and f"<title>{TITLE}" in html
    assert "Verborgen gesprek" not in html


def test_a_restored_opening_brings_the_title_back(client, people, hidden):
    opening = hidden.posts.get(is_opening=True)
    moderation.restore(opening, people["moderator"], "Toch geen reclame.")
    assert TITLE in client.get("/gesprekken/").content.decode()
    assert f"<h1>{TITLE}</h1>" in client.get(hidden.get_absolute_url()).content.decode()


WEEK = digest.Period(
    start=datetime.datetime(2026, 3, 2, tzinfo=AMSTERDAM),
    end=datetime.datetime(2026, 3, 9, tzinfo=AMSTERDAM),
    now=MORNING,
)


@pytest.mark.parametrize("who", ["member", "moderator"])
def test_the_weekmail_does_not_name_a_thread_whose_opening_was_hidden(people, hidden, who):
    in_week = datetime.datetime(2026, 3, 4, 12, tzinfo=AMSTERDAM)
    busy = ThreadFactory(title="Druk")
    for thread in (hidden, hidden, busy):
        PostFactory(thread=thread, created_at=in_week)
    section = active_threads(people[who], WEEK)
    assert [item.title for item in section.items] == ["Druk"]


def test_the_daily_summary_does_not_name_a_thread_whose_opening_was_hidden(people):
    reader = people["member"]
    with time_machine.travel(MORNING - datetime.timedelta(days=2), tick=False):
        thread = ThreadFactory(title=TITLE)
        other = ThreadFactory(title="Mandaat van de opgave-manager")
        follows(reader, thread, Frequency.DAGELIJKS)
        follows(reader, other, Frequency.DAGELIJKS)
    hide_opening(thread)
    yesterday = MORNING - datetime.timedelta(hours=12)
    PostFactory(thread=thread, created_at=yesterday)
    PostFactory(thread=other, created_at=yesterday)

    with time_machine.travel(MORNING, tick=False):
        call_command("send_community_summaries", stdout=io.StringIO())

    [mail] = mails_to(reader)
    assert "Mandaat van de opgave-manager" in mail.text and TITLE not in mail.text
