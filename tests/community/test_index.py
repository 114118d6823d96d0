"""The conversations index: who sees which threads, how they are filtered, and that its cost
does not grow with the number of threads."""

import pytest

from leerhuis.community.models import Soort, Thread
from members.access import Visibility
from tests.community.index_helpers import bulk_threads, listed, theme
from tests.community_factories import GroepFactory, GroepslidFactory, PostFactory, ThreadFactory
from tests.events_factories import guest, member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def threads():
    open_group = GroepFactory(name="Werkgroep Omgevingswet")
    hidden_group = GroepFactory(name="Geheime kring", toegang="verborgen")
    return {
        "public": ThreadFactory(title="Voor iedereen"),
        "logged_in": ThreadFactory(title="Voor ingelogden", visibility=Visibility.LOGGED_IN),
        "members": ThreadFactory(title="Alleen leden", visibility=Visibility.MEMBERS),
        "group": ThreadFactory(
            title="In de werkgroep", visibility=Visibility.GROUP, group=open_group
        ),
        "hidden_group": ThreadFactory(
            title="In de geheime kring", visibility=Visibility.GROUP, group=hidden_group
        ),
    }


def _user(who, threads):
    if who == "anonymous":
        return None
    if who == "non_member":
        return guest()
    if who == "member":
        return member()
    if who == "group_member":
        user = member()
        GroepslidFactory(groep=threads["group"].group, user=user)
        return user
    return UserFactory(is_staff=True)


@pytest.mark.parametrize(
    ("who", "seen"),
    [
        ("anonymous", {"Voor iedereen"}),
        ("non_member", {"Voor iedereen", "Voor ingelogden"}),
        ("member", {"Voor iedereen", "Voor ingelogden", "Alleen leden"}),
        ("group_member", {"Voor iedereen", "Voor ingelogden", "Alleen leden", "In de werkgroep"}),
        (
            "staff",
            {
                "Voor iedereen",
                "Voor ingelogden",
                "Alleen leden",
                "In de werkgroep",
                "In de geheime kring",
            },
        ),
    ],
)
def test_the_index_lists_only_the_threads_the_visitor_may_read(client, threads, who, seen):
    user = _user(who, threads)
    if user:
        client.force_login(user)
    assert set(listed(client.get("/gesprekken/"))) == seen


def test_a_group_member_sees_which_group_a_thread_is_in(client, threads):
    client.force_login(_user("group_member", threads))
    assert "Groep Werkgroep Omgevingswet" in client.get("/gesprekken/").content.decode()


def test_a_conversation_under_an_article_is_not_in_the_index(client):
    from tests.knowledge_factories import article

    ThreadFactory(title="Over het artikel", page=article(title="Een artikel"))
    ThreadFactory(title="Los gesprek")
    assert listed(client.get("/gesprekken/")) == ["Los gesprek"]


def test_the_newest_activity_comes_first(client):
    older = ThreadFactory(title="Ouder gesprek")
    ThreadFactory(title="Nieuwer gesprek")
    Thread.objects.filter(pk=older.pk).update(last_activity_at=older.created_at.replace(year=2030))
    assert listed(client.get("/gesprekken/")) == ["Ouder gesprek", "Nieuwer gesprek"]


def test_a_card_tells_kind_state_starter_organisation_and_replies(client):
    starter = member(full_name="Petra Mulder")
    question = ThreadFactory(title="Wie heeft een mandaat?", soort=Soort.VRAAG, author=starter)
    question.themes.set([theme("Opgave-sturing")])
    PostFactory(thread=question)
    Thread.objects.filter(pk=question.pk).update(reply_count=1)
    html = client.get("/gesprekken/").content.decode()
    assert "Vraag" in html and "nog open" in html
    assert "Petra Mulder" in html and starter.affiliation.organisation.name in html
    assert "Opgave-sturing" in html and "<time datetime=" in html
    assert "<dd>1</dd>" in html


def test_an_answered_question_says_so(client):
    question = ThreadFactory(title="Beantwoorde vraag", soort=Soort.VRAAG)
    answer = PostFactory(thread=question)
    Thread.objects.filter(pk=question.pk).update(answer=answer)
    assert "beantwoord" in client.get("/gesprekken/").content.decode()


def test_filters_narrow_by_theme_kind_and_open_questions(client):
    omgevingswet = theme("Omgevingswet")
    theme("Wonen")
    question = ThreadFactory(title="Open vraag", soort=Soort.VRAAG)
    question.themes.set([omgevingswet])
    answered = ThreadFactory(title="Beantwoord", soort=Soort.VRAAG)
    Thread.objects.filter(pk=answered.pk).update(answer=PostFactory(thread=answered))
    ThreadFactory(title="Een gesprek")
    assert listed(client.get("/gesprekken/?thema=omgevingswet")) == ["Open vraag"]
    assert set(listed(client.get("/gesprekken/?soort=vraag"))) == {"Open vraag", "Beantwoord"}
    assert listed(client.get("/gesprekken/?soort=gesprek")) == ["Een gesprek"]
    assert listed(client.get("/gesprekken/?open=1")) == ["Open vraag"]
    # A theme nobody wrote about yet is offered and finds nothing, with a way back.
    html = client.get("/gesprekken/?thema=wonen").content.decode()
    assert "Geen gesprekken gevonden." in html and "Gesprekken over Wonen" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?thema=bestaat-niet", "Dit thema kennen we niet."),
        ("?soort=klacht", "Kies vragen of gesprekken."),
        ("?open=ja", "Dit filter kent alleen"),
        ("?page=abc", "Dat paginanummer bestaat niet"),
        ("?page=99", "bestaat niet (meer)"),
    ],
)
def test_a_bad_filter_is_reported_in_dutch_and_the_list_still_shows(client, query, message):
    ThreadFactory(title="Voor iedereen")
    response = client.get(f"/gesprekken/{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert listed(response) == ["Voor iedereen"]


def test_empty_filters_redirect_to_the_clean_address(client):
    response = client.get("/gesprekken/?thema=&soort=vraag")
    assert response.status_code == 302 and response["Location"] == "/gesprekken/?soort=vraag"


def test_twenty_threads_a_page(client):
    bulk_threads(25, UserFactory())
    assert len(listed(client.get("/gesprekken/"))) == 20
    assert len(listed(client.get("/gesprekken/?page=2"))) == 5


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("anonymous", "Log in</a> om een gesprek te beginnen"),
        ("non_member", "Alleen leden van de vereniging beginnen een gesprek"),
        ("member", 'href="/gesprekken/nieuw/">Nieuw gesprek'),
        ("staff", 'href="/gesprekken/nieuw/">Nieuw gesprek'),
    ],
)
def test_who_may_start_sees_the_button_and_others_why_not(client, threads, who, shown):
    user = _user(who, threads)
    if user:
        client.force_login(user)
    html = client.get("/gesprekken/").content.decode()
    assert shown in html
    assert ('href="/gesprekken/nieuw/"' in html) == (who in ("member", "staff"))


def test_a_logged_in_visitors_index_is_kept_by_no_shared_cache(client):
    client.force_login(member())
    assert "private" in client.get("/gesprekken/")["Cache-Control"]


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: the site root and the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_index_costs_the_same_for_10_and_1000_threads(client, who):
    starter = member()
    if who == "member":
        client.force_login(starter)
    level = Visibility.MEMBERS if who == "member" else Visibility.PUBLIC
    bulk_threads(10, starter, visibility=level)
    few = _count(client, "/gesprekken/")
    bulk_threads(990, starter, prefix="Meer", visibility=level)
    many = _count(client, "/gesprekken/")
    assert few == many


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_index_costs_the_same_for_1_and_20_listed(client, who):
    starter = member()
    if who == "member":
        client.force_login(starter)
    [only] = bulk_threads(1, starter)
    only.themes.set([theme("Wonen")])
    one = _count(client, "/gesprekken/")
    for thread in bulk_threads(19, member(), prefix="Meer"):
        thread.themes.set([theme("Wonen"), theme("Omgevingswet")])
    twenty = _count(client, "/gesprekken/")
    assert len(listed(client.get("/gesprekken/"))) == 20
    assert one == twenty
