# ruff: noqa: F811 (the fixtures of thread_fixtures are imported by name)
"""One conversation's page: who reads it, what each reader sees, and where a link to one
post lands."""

import pytest
from django.urls import reverse
from django.utils import timezone

from leerhuis.community.models import Thread
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


def _page(client, thread, **params):
    return client.get(reverse("gesprek", args=[thread.slug]), params)


def test_anyone_reads_a_public_question_with_its_opening_and_replies(
    client, question, reply_by_other
):
    response = _page(client, question)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hoe mandateer je een opgave-manager?" in html
    assert "Vraag · nog niet beantwoord" in html
    assert "Bij ons via het college." in html
    assert f'id="bijdrage-{reply_by_other.pk}"' in html
    assert "Astrid van de Klift" in html
    # Gemeente Veenendaal is the verified organisation of the author.
    assert "Gemeente Veenendaal" in html
    assert f'<time datetime="{timezone.localtime(reply_by_other.created_at).isoformat()}' in html


def test_an_anonymous_visitor_is_asked_to_log_in_to_reply(client, question):
    html = _page(client, question).content.decode()
    assert 'id="reageren"' in html
    assert "Inloggen om te reageren" in html
    assert 'name="tekst"' not in html


def test_a_visitor_without_membership_reads_but_is_told_why_they_cannot_reply(
    client, question, guest
):
    client.force_login(guest)
    response = _page(client, question)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="tekst"' not in html
    assert "Alleen medewerkers van organisaties die lid zijn" in html
    assert "private" in response["Cache-Control"]


def test_a_member_gets_the_reply_form_with_the_mention_hint(client, question, other_member):
    client.force_login(other_member)
    html = _page(client, question).content.decode()
    assert 'name="tekst"' in html
    assert "@Volledige Naam" in html
    assert "Als antwoord kiezen" not in html  # only the asker chooses


def test_a_members_only_thread_is_refused_with_an_explanation_to_others(client, guest, member):
    thread = ThreadFactory(slug="leden", visibility="members")
    assert _page(client, thread).status_code == 403
    client.force_login(guest)
    response = _page(client, thread)
    assert response.status_code == 403
    assert "alleen voor leden" in response.content.decode()
    client.force_login(member)
    assert _page(client, thread).status_code == 200


def test_a_group_thread_is_only_for_the_group(
    client, group_thread, group_member, member, moderator, staff
):
    assert _page(client, group_thread).status_code == 403
    client.force_login(member)
    response = _page(client, group_thread)
    assert response.status_code == 403
    assert "Alleen voor de werkgroep" not in response.content.decode()
    client.force_login(moderator)
    assert _page(client, group_thread).status_code == 403
    client.force_login(group_member)
    response = _page(client, group_thread)
    assert response.status_code == 200
    assert 'name="tekst"' in response.content.decode()
    assert "private" in response["Cache-Control"]
    client.force_login(staff)
    assert _page(client, group_thread).status_code == 200


def test_a_thread_of_a_hidden_group_does_not_exist_for_outsiders(
    client, group, group_thread, group_member, member
):
    group.toegang = Toegang.VERBORGEN
    group.save()
    assert _page(client, group_thread).status_code == 404
    client.force_login(member)
    assert _page(client, group_thread).status_code == 404
    client.force_login(group_member)
    assert _page(client, group_thread).status_code == 200


def test_an_unknown_thread_is_a_404(client):
    assert client.get("/gesprekken/bestaat-niet/").status_code == 404


def test_the_chosen_answer_is_shown_first_under_its_own_heading(
    client, question, reply_by_other, other_member
):
    first = PostFactory(thread=question, author=other_member, body="<p>Eerste reactie.</p>")
    Thread.objects.filter(pk=question.pk).update(answer=reply_by_other)
    html = _page(client, question).content.decode()
    assert "Vraag · beantwoord" in html
    heading = html.index("Antwoord, gekozen door de vraagsteller")
    assert heading < html.index("Bij ons via het college.") < html.index("Eerste reactie.")
    assert f"?bijdrage={reply_by_other.pk}#bijdrage-{reply_by_other.pk}" in html
    # Its own place in the thread is still there, once.
    assert html.count(f'id="bijdrage-{reply_by_other.pk}"') == 1
    assert first.pk


def test_deleted_and_hidden_posts_keep_their_place_without_their_text(
    client, question, other_member, moderator
):
    PostFactory(thread=question, author=other_member, body="", deleted_at=timezone.now())
    PostFactory(
        thread=question,
        author=other_member,
        body="<p>Iets ongepasts.</p>",
        hidden_at=timezone.now(),
        hidden_by=moderator,
        hidden_reason="Persoonlijke aanval",
    )
    html = _page(client, question).content.decode()
    assert "Deze bijdrage is verwijderd door de auteur." in html
    assert "Deze bijdrage is verborgen door een moderator." in html
    assert "Iets ongepasts." not in html and "Persoonlijke aanval" not in html
    client.force_login(moderator)
    html = _page(client, question).content.decode()
    assert "Iets ongepasts." in html and "Persoonlijke aanval" in html


def test_a_quote_shows_the_quoted_author_with_a_link(client, question, reply_by_other, member):
    quoting = PostFactory(
        thread=question, author=member, body="<p>Precies.</p>", quote=reply_by_other
    )
    html = _page(client, question).content.decode()
    assert "<blockquote" in html and "Astrid van de Klift schreef" in html
    assert f"?bijdrage={reply_by_other.pk}#bijdrage-{reply_by_other.pk}" in html
    assert quoting.pk


def test_replies_come_twenty_a_page(client, question, other_member):
    posts = [
        PostFactory(thread=question, author=other_member, body=f"<p>Reactie nummer {n}.</p>")
        for n in range(1, 46)
    ]
    first = _page(client, question).content.decode()
    assert "Reactie nummer 20." in first and "Reactie nummer 21." not in first
    assert "?pagina=2" in first
    third = _page(client, question, pagina="3").content.decode()
    assert "Reactie nummer 41." in third and "Reactie nummer 20." not in third
    # The question stays on top of every page.
    assert "Hoe mandateer je" in third and f'id="bijdrage-{question.posts.first().pk}"' in third
    wrong = _page(client, question, pagina="zeven")
    assert wrong.status_code == 200
    assert "Dat paginanummer bestaat niet" in wrong.content.decode()
    assert len(posts) == 45


def test_a_link_to_one_post_lands_on_its_page_at_its_place(client, question, other_member):
    posts = [PostFactory(thread=question, author=other_member) for _ in range(25)]
    response = client.get(posts[22].get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == f"/gesprekken/mandaat/?pagina=2#bijdrage-{posts[22].pk}"
    response = client.get(posts[3].get_absolute_url())
    assert response["Location"] == f"/gesprekken/mandaat/#bijdrage-{posts[3].pk}"
    opening = question.posts.get(is_opening=True)
    assert client.get(opening.get_absolute_url())["Location"].endswith(f"#bijdrage-{opening.pk}")
    other = PostFactory()
    assert _page(client, question, bijdrage=str(other.pk)).status_code == 404
    assert _page(client, question, bijdrage="abc").status_code == 404


def test_a_link_to_a_post_of_a_group_thread_is_refused_to_outsiders(client, group_thread, member):
    post = group_thread.posts.get()
    client.force_login(member)
    assert client.get(post.get_absolute_url()).status_code == 403


def test_the_actions_on_a_post_follow_the_rules(
    client, question, reply_by_other, asker, other_member, guest
):
    url_edit = reverse("bijdrage_bewerken", args=[reply_by_other.pk])
    client.force_login(other_member)
    html = _page(client, question).content.decode()
    assert url_edit in html and reverse("bijdrage_verwijderen", args=[reply_by_other.pk]) in html
    assert f"citeer={reply_by_other.pk}#reageren" in html
    client.force_login(asker)
    html = _page(client, question).content.decode()
    assert url_edit not in html
    assert "Als antwoord kiezen" in html
    client.force_login(guest)
    html = _page(client, question).content.decode()
    assert "citeer=" not in html and "Als antwoord kiezen" not in html
    client.logout()
    html = _page(client, question).content.decode()
    assert "citeer=" not in html and url_edit not in html


def test_a_quote_link_prefills_the_reply_form(client, question, reply_by_other, member):
    client.force_login(member)
    html = _page(client, question, citeer=str(reply_by_other.pk)).content.decode()
    assert "Je citeert" in html
    assert f'name="citeer" value="{reply_by_other.pk}"' in html
    html = _page(client, question, citeer="99999").content.decode()
    assert "Je citeert" not in html


def test_begrippen_in_posts_are_linked(client, question, other_member):
    from glossary.models import Concept

    Concept.objects.create(
        pref_label="Opgave-sturing",
        slug="opgave-sturing",
        definition="Sturen op een maatschappelijke opgave.",
        status="vastgesteld",
    )
    PostFactory(thread=question, author=other_member, body="<p>Dit is opgave-sturing.</p>")
    html = _page(client, question).content.decode()
    assert 'class="begrip-link"' in html


def test_no_cache_keeps_an_old_or_someone_elses_page(client, question, member):
    anonymous = _page(client, question)
    assert "no-cache" in anonymous["Cache-Control"] and "private" not in anonymous["Cache-Control"]
    client.force_login(member)
    assert "private" in _page(client, question)["Cache-Control"]
    restricted = ThreadFactory(slug="voor-ingelogden", visibility="logged_in")
    assert "private" in _page(client, restricted)["Cache-Control"]
