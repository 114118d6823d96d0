"""The pages of groups for everyone who may come by: the list, one group, and its content
only for its members (and staff). Hidden groups do not exist for those outside them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from wagtail.documents import get_document_model

from members.access import Visibility
from members.models import Groepslid, Toegang
from tests.community.groups_helpers import INSIDERS, ROLES, WAYS_IN, as_, group, person
from tests.community_factories import GroepFactory, GroepslidFactory, ThreadFactory
from tests.events_factories import EventPageFactory, member

pytestmark = pytest.mark.django_db


def _content(groep):
    """One conversation, one document and one meeting for the group only."""
    ThreadFactory(title="Intervisie over mandaat", visibility=Visibility.GROUP, group=groep)
    get_document_model().objects.create(
        title="Notulen van de groep",
        file="documents/notulen.pdf",
        visibility=Visibility.GROUP,
        group=groep,
    )
    EventPageFactory(title="Intervisiebijeenkomst", visibility=Visibility.GROUP, group=groep)


@pytest.mark.parametrize("toegang", WAYS_IN)
@pytest.mark.parametrize("role", ROLES)
def test_the_group_page_shows_its_content_and_members_only_to_insiders(client, role, toegang):
    groep = group(toegang, description="Opgave-managers die elkaar bevragen.")
    _content(groep)
    user = person(role, groep)
    response = as_(client, user).get(groep.get_absolute_url())
    hidden_for_outsider = toegang == Toegang.VERBORGEN and role not in INSIDERS
    if hidden_for_outsider:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    text = response.content.decode()
    assert "Opgave-managers die elkaar bevragen." in text
    inside = role in INSIDERS
    for secret in ("Intervisie over mandaat", "Notulen van de groep", "Intervisiebijeenkomst"):
        assert (secret in text) is inside, (role, secret)
    # Escaped as the page writes it: a name like "Noud 's Gravensande" has an apostrophe.
    assert (escape(groep.member.full_name) in text) is inside
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("toegang", WAYS_IN)
@pytest.mark.parametrize("role", ROLES)
def test_the_list_of_groups_hides_hidden_groups_from_outsiders(client, role, toegang):
    groep = group(toegang, name="Bestuursgroep geheim")
    user = person(role, groep)
    text = as_(client, user).get(reverse("groepen")).content.decode()
    listed = toegang != Toegang.VERBORGEN or role in INSIDERS
    assert ("Bestuursgroep geheim" in text) is listed


def test_the_list_says_which_groups_are_mine_and_how_many_members_each_has(client):
    mine, other = group(Toegang.OPEN, name="Mijn groep"), group(Toegang.OPEN, name="Andere")
    GroepslidFactory(groep=other, status=Groepslid.Status.AANGEVRAAGD)
    client.force_login(mine.member)
    response = client.get(reverse("groepen"))
    rows = {g.name: g for g in response.context["groepen"]}
    assert rows["Mijn groep"].is_mine and not rows["Andere"].is_mine
    assert rows["Andere"].member_count == 2  # a request is not a member
    assert "jij bent lid" in response.content.decode()


@pytest.mark.parametrize(
    ("toegang", "button"),
    [
        (Toegang.OPEN, "Meedoen"),
        (Toegang.OP_VERZOEK, "Verzoek indienen"),
        (Toegang.UITNODIGING, "alleen op uitnodiging"),
    ],
)
def test_an_outsider_sees_the_way_in_of_the_group(client, toegang, button):
    groep = group(toegang)
    client.force_login(member())
    assert button in client.get(groep.get_absolute_url()).content.decode()


def test_managers_see_requests_and_the_invitation_form_members_do_not(client):
    groep = group(Toegang.OP_VERZOEK)
    GroepslidFactory(
        groep=groep, status=Groepslid.Status.AANGEVRAAGD, motivation="Ik doe mee aan de pilot."
    )
    client.force_login(groep.member)
    assert "Ik doe mee aan de pilot." not in client.get(groep.get_absolute_url()).content.decode()
    client.force_login(groep.manager)
    text = client.get(groep.get_absolute_url()).content.decode()
    assert "Ik doe mee aan de pilot." in text and "Iemand uitnodigen" in text


def test_a_manager_is_asked_once_more_before_removing_someone(client):
    import re

    groep = group(Toegang.OP_VERZOEK)
    client.force_login(groep.manager)
    html = client.get(groep.get_absolute_url()).content.decode()
    name = groep.member.full_name
    confirm = re.search(r"<details class=\"groep__bevestig\">(.*?)</details>", html, re.S).group(1)
    assert f'<summary class="button button--danger">Verwijder {name}</summary>' in confirm
    assert f"Ja, verwijder {name}</button>" in confirm


def test_the_group_page_links_a_new_conversation_in_the_group(client):
    groep = group()
    client.force_login(groep.member)
    assert (
        f"/gesprekken/nieuw/?groep={groep.slug}"
        in client.get(groep.get_absolute_url()).content.decode()
    )


def test_conversations_meetings_and_documents_of_another_group_stay_out(client):
    groep, other = group(), group()
    _content(other)
    client.force_login(groep.member)
    text = client.get(groep.get_absolute_url()).content.decode()
    assert "Intervisie over mandaat" not in text and "Notulen van de groep" not in text


def test_an_unknown_group_is_a_404(client):
    assert client.get("/groepen/bestaat-niet/").status_code == 404


def _queries(client, url):
    client.get(url)  # warm the session and the site's caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_of_groups_costs_the_same_queries_for_1_and_20_groups(client):
    viewer = member()
    client.force_login(viewer)
    GroepslidFactory(groep=GroepFactory(toegang=Toegang.OPEN), user=viewer)
    one = _queries(client, reverse("groepen"))
    for _ in range(19):
        GroepslidFactory(groep=GroepFactory(toegang=Toegang.OPEN), user=viewer)
        GroepslidFactory(groep=GroepFactory(toegang=Toegang.VERBORGEN))
    assert _queries(client, reverse("groepen")) == one


def _add_everything(groep, count):
    for _ in range(count):
        GroepslidFactory(groep=groep)
        GroepslidFactory(groep=groep, status=Groepslid.Status.AANGEVRAAGD)
        ThreadFactory(visibility=Visibility.GROUP, group=groep)
        EventPageFactory(visibility=Visibility.GROUP, group=groep)
        get_document_model().objects.create(
            title="Stuk", file="documents/stuk.pdf", visibility=Visibility.GROUP, group=groep
        )


@pytest.mark.parametrize("role", ["groepslid", "beheerder", "medewerker"])
def test_a_group_page_costs_the_same_queries_for_1_and_20_of_everything(client, role):
    groep = group()
    as_(client, person(role, groep))
    _add_everything(groep, 1)
    one = _queries(client, groep.get_absolute_url())
    _add_everything(groep, 19)
    assert _queries(client, groep.get_absolute_url()) == one


@pytest.mark.parametrize("role", ["anoniem", "ingelogd", "vereniging", "moderator"])
def test_site_search_never_leads_an_outsider_to_a_hidden_group(client, role):
    """Groups are not searchable; a search for a hidden group's name finds no trace of it."""
    groep = group(Toegang.VERBORGEN, name="Zwanenhals", description="Het geheime bestuur.")
    response = as_(client, person(role, groep)).get("/zoeken/", {"q": "Zwanenhals"})
    assert response.status_code == 200
    text = response.content.decode()
    assert groep.get_absolute_url() not in text and "Het geheime bestuur." not in text


def test_visitors_who_are_not_logged_in_do_not_see_who_runs_a_group(client):
    groep = group(Toegang.OPEN)
    name = groep.manager.full_name
    assert name not in client.get(groep.get_absolute_url()).content.decode()
    client.force_login(member())
    assert name in client.get(groep.get_absolute_url()).content.decode()
