"""What each person may do on a group's page: join, ask, leave, accept, refuse, remove,
appoint, invite and add a document. Everything is refused to whoever may not, and a hidden
group is a 404 to those outside it."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model

from leerhuis.core.models import OutboxMessage
from members.models import Groepslid, GroepUitnodiging, Toegang
from tests.community.groups_helpers import INSIDERS, ROLES, WAYS_IN, as_, group, pdf, person
from tests.community_factories import GroepslidFactory
from tests.events_factories import member

pytestmark = pytest.mark.django_db
MANAGERS = {"beheerder", "medewerker"}


def _post(client, name, groep, *args, data=None):
    return client.post(reverse(name, args=[groep.slug, *args]), data or {})


def _hidden_for(role, groep):
    return groep.toegang == Toegang.VERBORGEN and role not in INSIDERS


@pytest.mark.parametrize("toegang", WAYS_IN)
@pytest.mark.parametrize("role", ROLES)
def test_joining_at_once_is_for_logged_in_outsiders_of_an_open_group(client, role, toegang):
    groep = group(toegang)
    user = person(role, groep)
    response = _post(as_(client, user), "groep_meedoen", groep)
    if user is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif _hidden_for(role, groep):
        assert response.status_code == 404
    else:
        assert response.status_code == 302
    joined = user is not None and toegang == Toegang.OPEN
    assert (user is not None and groep.has_member(user)) == (
        joined or role in INSIDERS - {"medewerker"}
    )


@pytest.mark.parametrize("toegang", WAYS_IN)
@pytest.mark.parametrize("role", ["anoniem", "ingelogd", "vereniging", "moderator"])
def test_asking_to_join_is_for_logged_in_outsiders_of_an_on_request_group(client, role, toegang):
    groep = group(toegang)
    user = person(role, groep)
    response = _post(as_(client, user), "groep_verzoek", groep, data={"motivation": "Graag"})
    # Anonymous visitors go to the login page whether a group exists or not: nothing leaks.
    assert response.status_code == (404 if user and _hidden_for(role, groep) else 302)
    asked = user is not None and toegang == Toegang.OP_VERZOEK
    assert groep.leden.requested().count() == (1 if asked else 0)


MANAGE_ACTIONS = ["accepteren", "weigeren", "verwijderen", "beheerder"]


@pytest.mark.parametrize("toegang", WAYS_IN)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", MANAGE_ACTIONS)
def test_only_managers_and_staff_manage_the_members(client, role, toegang, action):
    groep = group(toegang)
    status = Groepslid.Status.AANGEVRAAGD if action in ("accepteren", "weigeren") else None
    target = GroepslidFactory(groep=groep, **({"status": status} if status else {}))
    before = list(Groepslid.objects.filter(pk=target.pk).values_list("status", "role"))
    user = person(role, groep)
    response = _post(as_(client, user), f"groep_lid_{action}", groep, target.pk)
    after = list(Groepslid.objects.filter(pk=target.pk).values_list("status", "role"))
    if role in MANAGERS:
        assert response.status_code == 302 and after != before
        return
    assert after == before
    if user is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == (404 if _hidden_for(role, groep) else 403)


@pytest.mark.parametrize("toegang", WAYS_IN)
@pytest.mark.parametrize("role", ROLES)
def test_only_managers_and_staff_invite(client, role, toegang):
    groep = group(toegang)
    user = person(role, groep)
    _post(as_(client, user), "groep_uitnodigen", groep, data={"email": "nieuw@gemeente.nl"})
    assert GroepUitnodiging.objects.exists() == (role in MANAGERS)
    assert OutboxMessage.objects.filter(to="nieuw@gemeente.nl").exists() == (role in MANAGERS)


@pytest.mark.parametrize("toegang", WAYS_IN)
@pytest.mark.parametrize("role", ROLES)
def test_only_insiders_add_documents_to_a_group(client, role, toegang):
    groep = group(toegang)
    user = person(role, groep)
    response = _post(
        as_(client, user), "groep_document", groep, data={"title": "Verslag", "file": pdf()}
    )
    stored = get_document_model().objects.filter(group=groep).exists()
    assert stored == (role in INSIDERS)
    if user is not None and role not in INSIDERS:
        assert response.status_code == (404 if _hidden_for(role, groep) else 403)


def test_a_member_leaves_and_the_last_manager_is_told_why_not(client):
    groep = group(Toegang.OPEN)
    client.force_login(groep.member)
    assert _post(client, "groep_verlaten", groep).status_code == 302
    assert not groep.has_member(groep.member)
    GroepslidFactory(groep=groep)
    client.force_login(groep.manager)
    response = client.post(reverse("groep_verlaten", args=[groep.slug]), follow=True)
    assert "laatste beheerder" in response.content.decode()
    assert groep.has_manager(groep.manager)


def test_leaving_a_hidden_group_returns_to_the_list_the_group_is_no_longer_on(client):
    groep = group(Toegang.VERBORGEN)
    client.force_login(groep.member)
    response = _post(client, "groep_verlaten", groep)
    assert response["Location"] == reverse("groepen")


def test_the_actions_only_take_posts(client):
    groep = group(Toegang.OPEN)
    client.force_login(member())
    assert client.get(reverse("groep_meedoen", args=[groep.slug])).status_code == 405


def test_a_flood_of_posts_gets_the_dutch_wait_page(client, settings):
    groep = group(Toegang.OPEN)
    client.force_login(member())
    from leerhuis.community import group_actions

    for _ in range(group_actions.POST_LIMIT):
        _post(client, "groep_verlaten", groep)
    response = _post(client, "groep_verlaten", groep)
    assert response.status_code == 429


# --- the mails ----------------------------------------------------------------------


def test_a_request_mails_every_manager_once_with_the_motivation(client):
    groep = group(Toegang.OP_VERZOEK)
    second = GroepslidFactory(groep=groep, role=Groepslid.Rol.BEHEERDER).user
    client.force_login(member(full_name="Anna Aanvrager"))
    _post(client, "groep_verzoek", groep, data={"motivation": "Ik leid de pilot in Ede."})
    _post(client, "groep_verzoek", groep, data={"motivation": "Nog eens"})
    sent = list(OutboxMessage.objects.all())
    assert sorted(m.to for m in sent) == sorted([groep.manager.email, second.email])
    assert "Anna Aanvrager" in sent[0].text and "Ik leid de pilot in Ede." in sent[0].text


def test_accepting_and_refusing_tell_the_one_who_asked_once(client):
    groep = group(Toegang.OP_VERZOEK)
    yes = GroepslidFactory(groep=groep, status=Groepslid.Status.AANGEVRAAGD)
    no = GroepslidFactory(groep=groep, status=Groepslid.Status.AANGEVRAAGD)
    client.force_login(groep.manager)
    for _ in range(2):
        _post(client, "groep_lid_accepteren", groep, yes.pk)
        _post(client, "groep_lid_weigeren", groep, no.pk)
    by_address = {m.to: m for m in OutboxMessage.objects.all()}
    assert len(by_address) == OutboxMessage.objects.count() == 2
    assert "je bent nu lid" in by_address[yes.user.email].text
    assert "niet toegelaten" in by_address[no.user.email].text


def test_an_invitation_mails_its_link_once(client):
    groep = group(Toegang.UITNODIGING)
    client.force_login(groep.manager)
    for _ in range(2):
        _post(client, "groep_uitnodigen", groep, data={"email": "nieuw@gemeente.nl"})
    (sent,) = OutboxMessage.objects.all()
    invitation = GroepUitnodiging.objects.get()
    assert sent.to == "nieuw@gemeente.nl"
    assert reverse("groep_uitnodiging", args=[invitation.token]) in sent.text
    assert reverse("groep_uitnodiging", args=[invitation.token]) in sent.html
