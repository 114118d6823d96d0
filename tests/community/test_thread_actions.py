# ruff: noqa: F811 (the fixtures of thread_fixtures are imported by name)
"""Writing in a conversation from its page: replying (with a quote, naming people), editing
within the hour, deleting, and choosing the answer; who may, and what bad input gets."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from leerhuis.community import notify
from leerhuis.community.models import Post, Thread
from members.models import Toegang
from tests.community.thread_fixtures import (  # noqa: F401 (fixtures)
    asker,
    group,
    group_member,
    group_thread,
    guest,
    member,
    moderator,
    other_member,
    question,
    reply_by_other,
    staff,
    veenendaal,
)
from tests.community_factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def told(monkeypatch):
    calls = []
    monkeypatch.setattr(
        notify,
        "post_published",
        lambda post, mentioned=(), **kw: calls.append((post, list(mentioned))),
    )
    return calls


def _reply(client, thread, text, **extra):
    return client.post(reverse("gesprek_reageren", args=[thread.slug]), {"tekst": text, **extra})


def _said(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- replying ------------------------------------------------------------------------------


def test_a_member_replies_and_lands_at_the_new_post(client, question, other_member, told):
    client.force_login(other_member)
    response = _reply(client, question, "Wij doen het via een mandaatbesluit.")
    post = Post.objects.get(thread=question, is_opening=False)
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert _said(response) == ["Je reactie is geplaatst."]
    assert post.body == "<p>Wij doen het via een mandaatbesluit.</p>"
    question.refresh_from_db()
    assert question.reply_count == 1
    assert told == [(post, [])]


def test_an_anonymous_visitor_is_sent_to_log_in_and_nothing_is_stored(client, question):
    response = _reply(client, question, "Hallo")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Post.objects.count() == 1


def test_a_visitor_without_membership_is_refused_with_a_dutch_page(client, question, guest):
    client.force_login(guest)
    response = _reply(client, question, "Hallo")
    assert response.status_code == 403
    assert "Je kunt in dit gesprek niet reageren." in response.content.decode()
    assert Post.objects.count() == 1


def test_in_a_group_thread_only_the_group_replies(
    client, group_thread, group_member, member, moderator, staff
):
    client.force_login(member)
    assert _reply(client, group_thread, "Mag ik meedoen?").status_code == 403
    client.force_login(moderator)
    assert _reply(client, group_thread, "Moderator hier").status_code == 403
    client.force_login(group_member)
    assert _reply(client, group_thread, "Ja, wij ook.").status_code == 302
    client.force_login(staff)
    assert _reply(client, group_thread, "De redactie leest mee.").status_code == 302
    assert group_thread.posts.count() == 3


def test_replying_in_a_hidden_groups_thread_is_a_404_for_outsiders(
    client, group, group_thread, member
):
    group.toegang = Toegang.VERBORGEN
    group.save()
    client.force_login(member)
    assert _reply(client, group_thread, "Hallo").status_code == 404


def test_a_moderator_and_staff_reply_in_a_public_thread(client, question, moderator, staff):
    client.force_login(moderator)
    assert _reply(client, question, "Let op de toon, allemaal.").status_code == 302
    client.force_login(staff)
    assert _reply(client, question, "Zie ook het artikel over mandaat.").status_code == 302
    assert question.posts.count() == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Schrijf eerst wat je wilt zeggen."),
        ("   ", "Schrijf eerst wat je wilt zeggen."),
        ("<p></p><script>alert(1)</script>", "Schrijf eerst wat je wilt zeggen."),
        ("x" * 20_001, "Je tekst is te lang: hooguit 20.000 tekens."),
    ],
)
def test_bad_text_is_refused_in_dutch_and_kept_in_the_form(
    client, question, other_member, text, message
):
    client.force_login(other_member)
    response = _reply(client, question, text)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert Post.objects.count() == 1
    if text.strip() and len(text) < 100:
        assert "alert(1)" in html  # what was typed is shown again (escaped)


def test_a_quote_from_another_thread_or_an_unknown_post_is_refused(client, question, other_member):
    elsewhere = PostFactory()
    client.force_login(other_member)
    for quote in (str(elsewhere.pk), "999999", "abc"):
        response = _reply(client, question, "Zoals hier gezegd.", citeer=quote)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Die bijdrage kun je hier niet citeren." in html
        assert "Zoals hier gezegd." in html
    assert question.posts.count() == 1


def test_a_reply_quotes_a_post_of_the_thread(client, question, reply_by_other, member):
    client.force_login(member)
    _reply(client, question, "Helemaal mee eens.", citeer=str(reply_by_other.pk))
    post = question.posts.order_by("-pk").first()
    assert post.quote == reply_by_other
    html = client.get(post.get_absolute_url(), follow=True).content.decode()
    assert "Astrid van de Klift schreef" in html


def test_naming_a_member_marks_them_and_tells_the_notifications_once(
    client, question, member, other_member, told
):
    client.force_login(member)
    _reply(client, question, "Wat vind jij, @Astrid van de Klift?")
    post = question.posts.order_by("-pk").first()
    assert "<strong>@Astrid van de Klift</strong>" in post.body
    assert told == [(post, [other_member])]


def test_a_double_click_stores_one_reply(client, question, other_member):
    client.force_login(other_member)
    _reply(client, question, "Eén keer.")
    _reply(client, question, "Eén keer.")
    assert question.posts.count() == 2


def test_writing_too_fast_is_braked(client, question, other_member):
    client.force_login(other_member)
    for n in range(20):
        assert _reply(client, question, f"Bericht {n}").status_code == 302
    response = _reply(client, question, "Nog een")
    assert response.status_code == 429
    assert question.posts.count() == 21


def test_writing_needs_the_csrf_token(question, other_member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(other_member)
    assert _reply(client, question, "Hallo").status_code == 403
    assert question.posts.count() == 1


def test_the_page_answers_only_get_and_the_writing_urls_only_post(client, question, member):
    client.force_login(member)
    assert client.post(reverse("gesprek", args=[question.slug])).status_code == 405
    assert client.get(reverse("gesprek_reageren", args=[question.slug])).status_code == 405
    assert client.get(reverse("gesprek_antwoord", args=[question.slug])).status_code == 405


# --- editing -------------------------------------------------------------------------------


def _edit_url(post):
    return reverse("bijdrage_bewerken", args=[post.pk])


def test_the_author_edits_within_the_hour_with_the_text_as_typed(
    client, reply_by_other, other_member
):
    reply_by_other.body = "<p>Eerste alinea.</p><p>Tweede met <strong>nadruk</strong>.</p>"
    reply_by_other.save()
    client.force_login(other_member)
    form = client.get(_edit_url(reply_by_other))
    assert form.status_code == 200
    assert (
        "Eerste alinea.\n\nTweede met &lt;strong&gt;nadruk&lt;/strong&gt;." in form.content.decode()
    )
    response = client.post(_edit_url(reply_by_other), {"tekst": "Beter gezegd."})
    assert response.status_code == 302
    assert _said(response) == ["Je bijdrage is bijgewerkt."]
    reply_by_other.refresh_from_db()
    assert reply_by_other.body == "<p>Beter gezegd.</p>" and reply_by_other.edited_at
    html = client.get(response["Location"], follow=True).content.decode()
    assert "bewerkt" in html


def test_bad_text_in_an_edit_is_refused_and_nothing_changes(client, reply_by_other, other_member):
    client.force_login(other_member)
    for text in ("", "<b></b>", "y" * 20_001):
        response = client.post(_edit_url(reply_by_other), {"tekst": text})
        assert response.status_code == 200
        assert "Controleer wat je hebt ingevuld" in response.content.decode()
    reply_by_other.refresh_from_db()
    assert reply_by_other.body == "<p>Bij ons via het college.</p>"


def test_after_an_hour_or_by_someone_else_an_edit_is_refused(
    client, reply_by_other, other_member, member, moderator, staff
):
    for user in (member, moderator, staff):
        client.force_login(user)
        assert client.get(_edit_url(reply_by_other)).status_code == 403
        assert client.post(_edit_url(reply_by_other), {"tekst": "Gekaapt"}).status_code == 403
    client.force_login(other_member)
    later = timezone.now() + datetime.timedelta(hours=1, minutes=1)
    with time_machine.travel(later):
        response = client.post(_edit_url(reply_by_other), {"tekst": "Te laat"})
    assert response.status_code == 403
    assert "tot een uur na plaatsen" in response.content.decode()
    reply_by_other.refresh_from_db()
    assert "Te laat" not in reply_by_other.body and "Gekaapt" not in reply_by_other.body


def test_editing_needs_a_login_and_an_existing_visible_post(client, group_thread, member):
    post = group_thread.posts.get()
    assert client.get(_edit_url(post)).status_code == 302
    client.force_login(member)
    assert client.get(reverse("bijdrage_bewerken", args=[999999])).status_code == 404
    assert client.get(_edit_url(post)).status_code == 404  # not theirs to see at all


# --- deleting ------------------------------------------------------------------------------


def _delete_url(post):
    return reverse("bijdrage_verwijderen", args=[post.pk])


def test_the_author_confirms_and_deletes_their_post(client, question, reply_by_other, other_member):
    client.force_login(other_member)
    confirm = client.get(_delete_url(reply_by_other))
    assert confirm.status_code == 200 and "Ja, verwijderen" in confirm.content.decode()
    response = client.post(_delete_url(reply_by_other))
    assert response.status_code == 302
    assert _said(response) == ["Je bijdrage is verwijderd."]
    reply_by_other.refresh_from_db()
    assert reply_by_other.is_deleted and reply_by_other.body == ""
    html = client.get(response["Location"], follow=True).content.decode()
    assert "Deze bijdrage is verwijderd door de auteur." in html


def test_nobody_else_deletes_a_post(client, reply_by_other, member, moderator, staff, guest):
    assert client.post(_delete_url(reply_by_other)).status_code == 302  # to log in
    for user in (member, moderator, staff, guest):
        client.force_login(user)
        assert client.get(_delete_url(reply_by_other)).status_code == 403
        assert client.post(_delete_url(reply_by_other)).status_code == 403
    reply_by_other.refresh_from_db()
    assert not reply_by_other.is_deleted
    assert client.post(reverse("bijdrage_verwijderen", args=[999999])).status_code == 404


# --- the answer ----------------------------------------------------------------------------


def _answer(client, thread, **data):
    return client.post(reverse("gesprek_antwoord", args=[thread.slug]), data)


def test_the_asker_chooses_and_withdraws_the_answer(client, question, reply_by_other, asker):
    client.force_login(asker)
    response = _answer(client, question, post=str(reply_by_other.pk))
    assert response.status_code == 302
    assert _said(response) == ["Je hebt deze reactie als antwoord gekozen."]
    question.refresh_from_db()
    assert question.answer == reply_by_other
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Antwoord, gekozen door de vraagsteller" in html and "Antwoord intrekken" in html
    _answer(client, question, intrekken="1")
    question.refresh_from_db()
    assert question.answer is None


def test_only_the_asker_chooses_the_answer(
    client, question, reply_by_other, other_member, moderator, staff, guest
):
    assert _answer(client, question, post=str(reply_by_other.pk)).status_code == 302  # log in
    for user in (other_member, moderator, staff, guest):
        client.force_login(user)
        response = _answer(client, question, post=str(reply_by_other.pk))
        assert response.status_code == 403
        assert "Alleen wie de vraag stelde" in response.content.decode()
    assert Thread.objects.get(pk=question.pk).answer is None


def test_the_opening_or_a_post_elsewhere_cannot_be_the_answer(client, question, asker):
    client.force_login(asker)
    opening = question.posts.get()
    response = _answer(client, question, post=str(opening.pk))
    assert response.status_code == 302
    assert _said(response) == ["Die bijdrage kan niet het antwoord zijn."]
    assert _answer(client, question, post=str(PostFactory().pk)).status_code == 404
    assert _answer(client, question, post="abc").status_code == 404
    assert _answer(client, question).status_code == 404
    assert Thread.objects.get(pk=question.pk).answer is None


def test_a_conversation_that_is_not_a_question_has_no_answer(client, member):
    thread = ThreadFactory(author=member, slug="gewoon-gesprek")
    reply = PostFactory(thread=thread)
    client.force_login(member)
    assert _answer(client, thread, post=str(reply.pk)).status_code == 403


def test_an_anonymous_post_to_a_hidden_groups_thread_finds_nothing(client, group, group_thread):
    group.toegang = Toegang.VERBORGEN
    group.save()
    assert _reply(client, group_thread, "Hallo").status_code == 404
    assert _answer(client, group_thread, intrekken="1").status_code == 404


def test_two_threads_with_one_title_at_the_same_moment_both_get_an_address(member, monkeypatch):
    from leerhuis.community.services import posting

    first = posting.start_thread(member, title="Wie stuurt de wijkaanpak?", text="Vraag 1")
    real = posting.unique_slug
    answers = iter([first.slug])  # the second saw the slug free, as in a race

    monkeypatch.setattr(posting, "unique_slug", lambda title: next(answers, None) or real(title))
    second = posting.start_thread(member, title="Wie stuurt de wijkaanpak?", text="Vraag 2")
    assert second.slug == "wie-stuurt-de-wijkaanpak-2"
    assert second.posts.get().body == "<p>Vraag 2</p>"
