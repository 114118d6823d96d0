"""Starting a thread at /gesprekken/nieuw/: who may, in which group, and what bad input
gets (the form again, in Dutch, nothing stored)."""

import pytest
from django.core.cache import cache
from django.utils.html import escape

from leerhuis.community.index_views import NEW_THREAD_LIMIT
from leerhuis.community.models import Soort, Thread
from members.access import Visibility
from tests.community.index_helpers import theme
from tests.community_factories import GroepFactory, GroepslidFactory
from tests.events_factories import guest, member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW = "/gesprekken/nieuw/"


def _data(**changes):
    return {
        "title": "Hoe mandateer je een opgave-manager?",
        "soort": Soort.VRAAG,
        "text": "Wij zoeken een vorm.\n\nWie heeft een voorbeeld?",
        "visibility": Visibility.PUBLIC,
        **changes,
    }


def test_a_member_starts_a_question_with_themes_and_lands_on_it(client):
    client.force_login(member())
    wonen = theme("Wonen")
    response = client.post(NEW, _data(themes=[wonen.slug]), follow=True)
    thread = Thread.objects.get()
    assert response.redirect_chain[-1][0] == thread.get_absolute_url()
    assert "Je vraag staat online." in response.content.decode()
    assert thread.is_question and list(thread.themes.all()) == [wonen]
    assert thread.visibility == Visibility.PUBLIC and thread.group is None
    assert thread.posts.get().body == "<p>Wij zoeken een vorm.</p><p>Wie heeft een voorbeeld?</p>"


def test_the_form_offers_kind_themes_text_hint_and_who_may_read(client):
    client.force_login(member())
    theme("Omgevingswet")
    html = client.get(NEW).content.decode()
    assert 'type="radio" name="soort"' in html and 'type="checkbox" name="themes"' in html
    assert "@Petra Mulder" in html and "alinea" in html
    assert 'name="visibility" value="public"' in html and "checked" in html


def test_a_member_may_keep_a_thread_for_members(client):
    client.force_login(member())
    client.post(NEW, _data(visibility=Visibility.MEMBERS))
    assert Thread.objects.get().visibility == Visibility.MEMBERS


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(NEW)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(NEW, _data()).status_code == 302
    assert not Thread.objects.exists()


def test_a_non_member_is_told_in_dutch_why_not(client):
    client.force_login(guest())
    response = client.get(NEW)
    assert response.status_code == 403
    assert "Alleen leden beginnen een gesprek" in response.content.decode()
    assert client.post(NEW, _data()).status_code == 403
    assert not Thread.objects.exists()


def test_staff_may_start_a_thread(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.post(NEW, _data()).status_code == 302


def test_a_group_member_starts_a_thread_for_the_group_only(client):
    group = GroepFactory(name="Werkgroep Omgevingswet", slug="omgevingswet")
    user = guest()  # a group's own members write there, association member or not
    GroepslidFactory(groep=group, user=user)
    client.force_login(user)
    html = client.get(f"{NEW}?groep=omgevingswet").content.decode()
    assert "Werkgroep Omgevingswet" in html and 'name="visibility"' not in html
    client.post(f"{NEW}?groep=omgevingswet", _data(visibility=Visibility.PUBLIC))
    thread = Thread.objects.get()
    assert thread.group == group and thread.visibility == Visibility.GROUP


def test_outside_a_group_one_is_told_to_join_first(client):
    GroepFactory(name="Werkgroep Omgevingswet", slug="omgevingswet")
    client.force_login(member())
    response = client.get(f"{NEW}?groep=omgevingswet")
    assert response.status_code == 403
    assert "geen lid van deze groep" in response.content.decode()
    assert client.post(f"{NEW}?groep=omgevingswet", _data()).status_code == 403
    assert not Thread.objects.exists()


def test_a_hidden_group_is_unknown_to_those_outside_it(client):
    GroepFactory(slug="geheim", toegang="verborgen")
    client.force_login(member())
    assert client.get(f"{NEW}?groep=geheim").status_code == 404
    assert client.get(f"{NEW}?groep=bestaat-niet").status_code == 404


def test_a_hidden_groups_own_member_may_start_there(client):
    group = GroepFactory(slug="geheim", toegang="verborgen")
    user = member()
    GroepslidFactory(groep=group, user=user)
    client.force_login(user)
    assert client.post(f"{NEW}?groep=geheim", _data()).status_code == 302
    assert Thread.objects.get().group == group


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "Geef het gesprek een titel."),
        ({"title": "x" * 201}, "De titel is te lang"),
        ({"text": ""}, "Schrijf eerst wat je wilt zeggen."),
        ({"text": "<p> </p>"}, "Schrijf eerst wat je wilt zeggen."),
        ({"soort": "klacht"}, "Kies of je een gesprek of een vraag begint."),
        ({"visibility": "group"}, "Kies wie het gesprek mag lezen."),
        ({"themes": ["bestaat-niet"]}, "Kies thema's uit de lijst."),
    ],
)
def test_bad_input_shows_the_form_again_in_dutch_and_stores_nothing(client, changes, message):
    client.force_login(member())
    response = client.post(NEW, _data(**changes))
    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    assert not Thread.objects.exists()


def test_what_was_typed_stays_when_the_form_comes_back(client):
    client.force_login(member())
    html = client.post(NEW, _data(title="")).content.decode()
    assert "Wie heeft een voorbeeld?" in html


def test_too_many_new_threads_in_an_hour_are_refused(client):
    cache.clear()
    client.force_login(member())
    for n in range(NEW_THREAD_LIMIT):
        assert client.post(NEW, _data(title=f"Vraag {n}")).status_code == 302
    response = client.post(NEW, _data(title="Nog een"))
    assert response.status_code == 429
    assert Thread.objects.count() == NEW_THREAD_LIMIT


def test_from_a_themes_list_that_theme_is_already_ticked(client):
    client.force_login(member())
    wonen = theme("Wonen")
    theme("Bestuur")
    html = client.get("/gesprekken/?thema=wonen").content.decode()
    assert 'href="/gesprekken/nieuw/?thema=wonen"' in html
    form = client.get(f"{NEW}?thema=wonen").context["form"]
    assert [t.slug for t in form["themes"].initial] == [wonen.slug]
    assert client.get(f"{NEW}?thema=bestaat-niet").status_code == 200
