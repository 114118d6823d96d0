"""Writing in conversations: who may, what is stored, and who is named."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from leerhuis.community import notify
from leerhuis.community.models import Post, Soort, Thread
from leerhuis.community.services import posting
from leerhuis.community.services.posting import PostingError
from members.access import Visibility
from tests.community_factories import GroepFactory, GroepslidFactory, ThreadFactory
from tests.factories import OrganisationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    OrganisationFactory(name="Gemeente Alphen aan den Rijn", domain="alphenaandenrijn.nl")
    return UserFactory(email="pm@alphenaandenrijn.nl", full_name="Petra Mulder")


@pytest.fixture
def told(monkeypatch):
    calls = []
    monkeypatch.setattr(
        notify,
        "post_published",
        lambda post, mentioned=(), **kw: calls.append((post, list(mentioned))),
    )
    return calls


def test_a_member_starts_a_question_with_its_opening_post(member, told):
    thread = posting.start_thread(
        member,
        title="  Hoe mandateer je   een opgave-manager? ",
        text="Wij zoeken een vorm.\n\nWie heeft een voorbeeld?",
        soort=Soort.VRAAG,
    )
    assert thread.title == "Hoe mandateer je een opgave-manager?"
    assert thread.slug == "hoe-mandateer-je-een-opgave-manager"
    assert thread.is_question and thread.visibility == Visibility.PUBLIC
    opening = thread.posts.get()
    assert (
        opening.is_opening
        and opening.body == "<p>Wij zoeken een vorm.</p><p>Wie heeft een voorbeeld?</p>"
    )
    assert told == [(opening, [])]


def test_a_visitor_without_membership_cannot_start_or_reply():
    guest = UserFactory(email="gast@voorbeeld.nl")
    with pytest.raises(PostingError) as refused:
        posting.start_thread(guest, title="Vraag", text="Tekst")
    assert refused.value.code == "forbidden"
    with pytest.raises(PostingError):
        posting.reply(ThreadFactory(), guest, "Eens!")
    assert Thread.objects.count() == 1


def test_a_group_thread_is_for_the_group_and_only_its_members_write_in_it(member):
    groep = GroepFactory()
    with pytest.raises(PostingError):
        posting.start_thread(member, title="Notities", text="Tekst", group=groep)
    GroepslidFactory(groep=groep, user=member)
    thread = posting.start_thread(member, title="Notities", text="Tekst", group=groep)
    assert (thread.visibility, thread.group) == (Visibility.GROUP, groep)


def test_scripts_are_stripped_and_an_empty_text_is_refused(member):
    thread = posting.start_thread(
        member, title="Vraag", text='Hoi <script>alert(1)</script><a href="javascript:x">x</a>'
    )
    body = thread.posts.get().body
    assert "<script" not in body and "javascript:" not in body
    with pytest.raises(PostingError) as refused:
        posting.reply(thread, member, "   <script>alert(1)</script>  ")
    assert refused.value.code == "empty"


def test_a_reply_moves_the_thread_and_a_double_click_stores_one(member, told):
    thread = ThreadFactory()
    first = posting.reply(thread, member, "Bij ons via het college.")
    again = posting.reply(thread, member, "Bij ons via het college.")
    assert first == again
    thread.refresh_from_db()
    assert thread.reply_count == 1 and thread.last_activity_at == first.created_at


def test_a_reply_quotes_only_a_post_of_its_own_thread(member):
    thread, other = ThreadFactory(), ThreadFactory()
    quoted = thread.posts.get()
    assert posting.reply(thread, member, "Precies.", quote=quoted).quote == quoted
    with pytest.raises(PostingError):
        posting.reply(thread, member, "Precies.", quote=other.posts.get())


def test_mentions_name_people_by_their_full_name(member, told):
    UserFactory(email="a@sudwestfryslan.nl", full_name="Astrid van de Klift")
    UserFactory(email="b@sudwestfryslan.nl", full_name="Astrid")
    post = posting.reply(
        ThreadFactory(), member, "Vraag het @Astrid van de Klift, of mail astrid@voorbeeld.nl."
    )
    named = told[-1][1]
    assert [p.full_name for p in named] == ["Astrid van de Klift"]
    assert "<strong>@Astrid van de Klift</strong>" in post.body


def test_authors_edit_for_an_hour_and_delete_their_own(member):
    thread = ThreadFactory()
    post = posting.reply(thread, member, "Eerste versie.")
    posting.edit(post, member, "Tweede versie.")
    assert Post.objects.get(pk=post.pk).body == "<p>Tweede versie.</p>"
    with pytest.raises(PostingError):
        posting.edit(post, UserFactory(), "Van een ander.")
    later = timezone.now() + datetime.timedelta(hours=1, minutes=1)
    with time_machine.travel(later), pytest.raises(PostingError):
        posting.edit(post, member, "Te laat.")
    with pytest.raises(PostingError):
        posting.delete(post, StaffFactory())
    posting.delete(post, member)
    post.refresh_from_db()
    assert post.is_deleted and post.body == ""


def test_only_the_asker_marks_a_reply_as_the_answer(member):
    thread = ThreadFactory(soort=Soort.VRAAG, author=member)
    answer = posting.reply(thread, UserFactory(email="x@alphenaandenrijn.nl"), "Zo doen wij het.")
    with pytest.raises(PostingError):
        posting.mark_answer(thread, answer.author, answer)
    with pytest.raises(PostingError):
        posting.mark_answer(thread, member, thread.posts.get(is_opening=True))
    posting.mark_answer(thread, member, answer)
    assert Thread.objects.get(pk=thread.pk).answer == answer
    posting.delete(answer, answer.author)
    assert Thread.objects.get(pk=thread.pk).answer is None


def test_the_first_reply_under_a_page_starts_its_conversation_with_the_pages_level(
    member, home_page
):
    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=home_page, slug="artikel", visibility=Visibility.LOGGED_IN)
    first = posting.conversation_of(page, member, "Mooi artikel.")
    second = posting.conversation_of(page, member, "Nog een gedachte.")
    thread = Thread.objects.get(page=page)
    assert thread.visibility == Visibility.LOGGED_IN
    assert first.is_opening and second.thread == thread and thread.reply_count == 1


def test_reserved_paths_are_never_a_threads_slug(member):
    assert posting.start_thread(member, title="Nieuw", text="x").slug == "nieuw-gesprek"
    assert posting.start_thread(member, title="Vraag", text="x").slug == "vraag"
    assert posting.start_thread(member, title="Vraag", text="y").slug == "vraag-2"


def test_under_a_groups_page_the_group_writes_even_without_membership_of_the_association(
    home_page,
):
    from tests.factories import StandardPageFactory

    groep = GroepFactory()
    in_group = UserFactory(email="iemand@voorbeeld.nl")
    GroepslidFactory(groep=groep, user=in_group)
    page = StandardPageFactory(
        parent=home_page, slug="notities", visibility=Visibility.GROUP, group=groep
    )
    post = posting.conversation_of(page, in_group, "Goed verslag.")
    assert (post.thread.visibility, post.thread.group) == (Visibility.GROUP, groep)
    assert posting.conversation_of(page, in_group, "En nog iets.").thread == post.thread


def test_who_starts_a_thread_follows_it_and_hears_of_replies(
    member, django_capture_on_commit_callbacks
):
    from leerhuis.community.models import Follow
    from leerhuis.core.models import OutboxMessage

    thread = posting.start_thread(member, title="Wie heeft een voorbeeld?", text="Graag.")
    assert Follow.objects.get(user=member, thread=thread).frequency == "direct"
    replier = UserFactory(email="x@alphenaandenrijn.nl", full_name="Xander")
    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(thread, replier, "Hier is er een.")
    assert OutboxMessage.objects.filter(to=member.email).count() == 1


def test_a_double_click_on_a_new_thread_makes_one(member, told):
    first = posting.start_thread(member, title="Wie weet raad?", text="Graag tips.")
    again = posting.start_thread(member, title="Wie weet raad?", text="Graag tips.")
    assert first == again and Thread.objects.count() == 1 and len(told) == 1
    other = posting.start_thread(member, title="Wie weet raad?", text="Andere vraag.")
    assert other != first and other.slug == "wie-weet-raad-2"


def test_an_edit_tells_only_who_is_newly_named_not_the_followers(member, monkeypatch):
    calls = []
    monkeypatch.setattr(notify, "post_published", lambda post, mentioned=(), **kw: calls.append(kw))
    post = posting.reply(ThreadFactory(), member, "Eerste versie.")
    posting.edit(post, member, "Tweede versie.")
    assert calls == [{}, {"followers": False}]
