"""The conversation under an article or case: what readers see, who may reply, and that
a reply is never hidden behind an old copy of the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from leerhuis.community.models import Post, Soort, Thread
from members.access import Visibility
from tests.community_factories import PostFactory, ThreadFactory
from tests.events_factories import guest, member
from tests.knowledge_factories import article

pytestmark = pytest.mark.django_db


def reply_url(page):
    return f"/gesprekken/pagina/{page.pk}/reageren/"


@pytest.fixture
def page():
    return article(title="Sturen op opgaven", slug="sturen-op-opgaven")


def test_an_article_without_replies_invites_one(client, page):
    html = client.get(page.url).content.decode()
    assert "Gesprek over dit artikel" in html and "Nog geen reacties." in html
    assert "Log in</a> om te reageren" in html


def test_a_members_first_reply_starts_the_conversation_as_open_as_the_page(client, page):
    client.force_login(member(full_name="Petra Mulder"))
    response = client.post(reply_url(page), {"text": "Bij ons werkt dit zo."}, follow=True)
    post = Post.objects.get()
    assert response.redirect_chain[-1][0] == f"{page.url}#bijdrage-{post.pk}"
    html = response.content.decode()
    assert "Je reactie staat onder het artikel." in html
    assert "Bij ons werkt dit zo." in html and "Petra Mulder" in html
    assert post.thread.page_id == page.pk and post.thread.visibility == Visibility.PUBLIC


def test_a_members_only_articles_conversation_is_for_members_only(client):
    page = article(title="Voor leden", visibility=Visibility.MEMBERS)
    client.force_login(member())
    client.post(reply_url(page), {"text": "Goed stuk."})
    assert Thread.objects.get().visibility == Visibility.MEMBERS


def test_anonymous_visitors_are_sent_to_log_in_and_nothing_is_stored(client, page):
    response = client.post(reply_url(page), {"text": "Hallo"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Post.objects.exists()


def test_a_non_member_reads_why_and_cannot_reply(client, page):
    client.force_login(guest())
    assert "Alleen leden van de vereniging reageren" in client.get(page.url).content.decode()
    response = client.post(reply_url(page), {"text": "Hallo"})
    assert response.status_code == 403
    assert "Alleen leden reageren" in response.content.decode()
    assert not Post.objects.exists()


def test_a_members_only_article_refuses_a_non_members_reply(client):
    page = article(title="Voor leden", visibility=Visibility.MEMBERS)
    client.force_login(guest())
    assert client.post(reply_url(page), {"text": "Mag ik?"}).status_code == 403
    assert not Post.objects.exists()


def test_a_page_that_is_no_article_or_does_not_exist_has_no_conversation(client, home_page):
    client.force_login(member())
    assert client.post(reply_url(home_page), {"text": "Hallo"}).status_code == 404
    assert client.post("/gesprekken/pagina/999999/reageren/", {"text": "Hallo"}).status_code == 404
    assert client.get(reply_url(home_page)).status_code == 405


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Schrijf eerst wat je wilt zeggen."), ("<p> </p>", "Schrijf eerst wat je wilt zeggen.")],
)
def test_an_empty_reply_shows_the_form_again_and_stores_nothing(client, page, text, message):
    client.force_login(member())
    response = client.post(reply_url(page), {"text": text})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Post.objects.exists()


def test_hidden_and_deleted_posts_show_as_placeholders_and_the_answer_comes_first(client, page):
    thread = ThreadFactory(page=page, soort=Soort.VRAAG, title=page.title)
    answer = PostFactory(thread=thread, body="<p>Het antwoord op alles.</p>")
    PostFactory(
        thread=thread,
        body="<p>Iets ongepasts.</p>",
        hidden_at=timezone.now(),
        hidden_reason="Ongepast",
    )
    PostFactory(thread=thread, body="", deleted_at=timezone.now())
    Thread.objects.filter(pk=thread.pk).update(answer=answer, reply_count=3)
    html = client.get(page.url).content.decode()
    assert "Iets ongepasts" not in html
    assert "verborgen door de moderatie" in html and "verwijderd door de schrijver" in html
    assert html.index("Het antwoord op alles.") < html.index("verborgen door de moderatie")


def test_only_the_latest_ten_with_a_link_to_the_whole_thread(client, page):
    thread = ThreadFactory(page=page, title=page.title)
    for n in range(15):
        PostFactory(thread=thread, body=f"<p>Bijdrage nummer {n:02d}.</p>")
    Thread.objects.filter(pk=thread.pk).update(reply_count=15)
    html = client.get(page.url).content.decode()
    assert "Bijdrage nummer 14." in html and "Bijdrage nummer 05." in html
    assert "Bijdrage nummer 04." not in html
    assert f'href="{thread.get_absolute_url()}">Bekijk het hele gesprek (16 bijdragen)' in html


def test_a_new_reply_is_shown_at_once_to_everyone(client, page):
    first = client.get(page.url)
    assert "ETag" not in first and "max-age" not in first.get("Cache-Control", "")
    writer = member()
    from django.test import Client

    other = Client()
    other.force_login(writer)
    other.post(reply_url(page), {"text": "Net geschreven."})
    again = client.get(page.url, HTTP_IF_MODIFIED_SINCE=first.get("Last-Modified", ""))
    assert again.status_code == 200 and "Net geschreven." in again.content.decode()


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_an_article_costs_the_same_with_10_and_500_replies(client, page, who):
    if who == "member":
        client.force_login(member())
    thread = ThreadFactory(page=page, title=page.title)
    writer = member()

    def add(count):
        Post.objects.bulk_create(
            Post(thread=thread, author=writer, body=f"<p>Reactie {n}</p>") for n in range(count)
        )
        Thread.objects.filter(pk=thread.pk).update(reply_count=Post.objects.count() - 1)

    add(10)
    few = _count(client, page.url)
    add(490)
    assert _count(client, page.url) == few


def test_a_praktijkcasus_has_its_conversation_too(client):
    from tests.knowledge.case_helpers import draft_case

    author = member()
    case = draft_case(author)
    case.save_revision().publish()
    case.refresh_from_db()
    client.force_login(member())
    assert "Gesprek over deze praktijkcasus" in client.get(case.url).content.decode()
    client.post(reply_url(case), {"text": "Herkenbaar verhaal."})
    assert "Herkenbaar verhaal." in client.get(case.url).content.decode()


def test_replies_under_articles_and_in_threads_share_one_brake(client, page):
    from leerhuis.community import rules

    writer = member(full_name="Snelle Schrijver")
    client.force_login(writer)
    thread = ThreadFactory()
    for n in range(rules.POSTING_LIMIT):
        if n % 2:
            response = client.post(reply_url(page), {"text": f"Gedachte {n}"})
        else:
            response = client.post(f"/gesprekken/{thread.slug}/reageren/", {"tekst": f"Idee {n}"})
        assert response.status_code == 302
    response = client.post(reply_url(page), {"text": "Nog een"})
    assert response.status_code == 429
    assert "Wacht een paar minuten" in response.content.decode()
    assert not Post.objects.filter(body__contains="Nog een").exists()
