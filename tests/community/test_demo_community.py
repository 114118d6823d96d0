"""The demo's community: its groups, conversations, question, report and the intervisie
group's own meeting and document, loaded once and kept for the group."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from wagtail.documents import get_document_model

from events.models import EventPage
from leerhuis.community.models import Post, Report, Thread
from members.access import Visibility, can_view, visible_to
from members.models import Groep, Groepslid, Toegang

pytestmark = pytest.mark.django_db


def counts():
    return (
        Groep.objects.count(),
        sorted(Groepslid.objects.values_list("groep__slug", "user__email", "status", "role")),
        sorted(Thread.objects.values_list("slug", "reply_count", "last_activity_at", "answer")),
        Post.objects.count(),
        Report.objects.count(),
        EventPage.objects.count(),
        get_document_model().objects.count(),
        get_user_model().objects.count(),
    )


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")


def user(email):
    return get_user_model().objects.get(email=email)


def test_loading_the_demo_twice_leaves_the_same_community(demo):
    first = counts()
    call_command("load_demo", "--quiet-logins")
    assert counts() == first


def _three_groups_each_with_its_way_in():
    intervisie = Groep.objects.get(name="Intervisie opgave-managers")
    assert intervisie.toegang == Toegang.OP_VERZOEK
    assert intervisie.has_manager(user("lid@veenendaal.nl"))
    assert intervisie.leden.active().count() >= 3
    assert intervisie.leden.requested().count() == 1
    assert Groep.objects.get(name="Werkgroep begrippenkader").toegang == Toegang.OPEN
    bestuur = Groep.objects.get(name="Bestuur")
    assert bestuur.is_hidden and bestuur.has_member(user("beheer@leerhuis.example"))
    # Hidden: not listed for the demo member.
    assert bestuur not in Groep.objects.listed_for(user("lid@veenendaal.nl"))


def _a_dozen_conversations_across_themes():
    threads = Thread.objects.annotate(themes_n=Count("themes"))
    assert threads.count() >= 12
    assert Thread.objects.values("themes").distinct().count() >= 5
    assert Thread.objects.values("author").distinct().count() >= 8
    for thread in Thread.objects.all():
        posts = list(thread.posts.in_order())
        assert posts[0].is_opening
        assert thread.reply_count == len(posts) - 1 >= 1
        assert thread.last_activity_at == posts[-1].created_at
        assert "<script" not in posts[0].body and posts[0].body.startswith("<")
    mandaat = Thread.objects.get(title="Hoe mandateer je een opgave-manager?")
    assert "Alphen" in mandaat.posts.get(is_opening=True).body
    assert mandaat.posts.replies().filter(author__email__endswith="sudwestfryslan.nl").exists()
    assert Post.objects.filter(body__contains="<strong>@Astrid van de Klift</strong>").count() == 1
    astrid = user("lid@veenendaal.nl")
    assert astrid.follows.filter(thema__name="Opgave-sturing", frequency="dagelijks").exists()
    assert all(t.follows.filter(user=t.author).exists() for t in threads)


def _a_question_with_its_accepted_answer():
    question = Thread.objects.questions().get(title="Hoe mandateer je een opgave-manager?")
    assert question.is_answered
    assert question.answer.thread == question and not question.answer.is_opening


def _one_open_report():
    [report] = Report.objects.open()
    assert report.reason == Report.Reason.PERSOONSGEGEVENS
    assert report.post.author != report.reporter


def _the_intervisie_groups_own_thread_meeting_and_document():
    intervisie = Groep.objects.get(name="Intervisie opgave-managers")
    member, outsider = user("jelle.hoekstra@sudwestfryslan.nl"), user("gast@voorbeeld.nl")
    [thread] = Thread.objects.filter(visibility=Visibility.GROUP)
    assert thread.group == intervisie
    assert can_view(member, thread) and not can_view(outsider, thread)
    [meeting] = EventPage.objects.live().filter(visibility=Visibility.GROUP)
    assert meeting.group == intervisie and not meeting.is_over()
    assert meeting in visible_to(member, EventPage.objects.live())
    assert meeting not in visible_to(user("e.mulder@almere.nl"), EventPage.objects.live())
    assert not can_view(outsider, meeting)
    [document] = get_document_model().objects.filter(visibility=Visibility.GROUP)
    assert document.group == intervisie and not can_view(outsider, document)


def _conversations_under_two_articles_and_the_published_case():
    under = Thread.objects.filter(page__isnull=False).select_related("page")
    kinds = sorted(thread.page.specific_class.__name__ for thread in under)
    assert kinds == ["ArticlePage", "ArticlePage", "CasePage"]
    for thread in under:
        page = thread.page.specific
        assert page.live
        assert (thread.visibility, thread.group_id) == (page.visibility, page.group_id)


def _the_group_meeting_in_its_members_personal_feed(client):
    from tests.events.helpers.feeds import feed_path, items, uid

    meeting = EventPage.objects.get(visibility=Visibility.GROUP)
    assert uid(meeting) in items(
        client.get(feed_path(user("mariska.verbeek@alphenaandenrijn.nl"))).content
    )
    assert uid(meeting) not in items(client.get(feed_path(user("gast@voorbeeld.nl"))).content)


# Loading the demo takes a while: each test below checks several promises of one load.


def test_the_demo_community_has_its_groups_conversations_question_and_report(demo):
    _three_groups_each_with_its_way_in()
    _a_dozen_conversations_across_themes()
    _a_question_with_its_accepted_answer()
    _one_open_report()


def test_the_demo_keeps_group_content_for_the_group_and_talks_under_pages(demo, client):
    _the_intervisie_groups_own_thread_meeting_and_document()
    _conversations_under_two_articles_and_the_published_case()
    _the_group_meeting_in_its_members_personal_feed(client)
