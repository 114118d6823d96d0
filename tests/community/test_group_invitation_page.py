"""The page behind the link in an invitation: log in, see the group, accept, and only with
the invited address."""

import pytest
from django.urls import reverse

from members import groups
from members.models import Toegang
from tests.community.groups_helpers import group
from tests.events_factories import member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    groep = group(Toegang.VERBORGEN, name="Bestuursgroep", description="Voor het bestuur.")
    return groups.invite(groep, "bestuur@gemeente.nl", groep.manager)[0]


def _url(invitation):
    return reverse("groep_uitnodiging", args=[invitation.token])


def test_the_link_asks_an_anonymous_visitor_to_log_in_first(client, invitation):
    response = client.get(_url(invitation))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_invited_person_sees_the_group_and_accepts(client, invitation):
    invited = UserFactory(email="bestuur@gemeente.nl")
    client.force_login(invited)
    page = client.get(_url(invitation))
    assert page.status_code == 200 and "Voor het bestuur." in page.content.decode()
    assert not invitation.groep.has_member(invited)  # a GET changes nothing
    response = client.post(_url(invitation))
    assert response["Location"] == invitation.groep.get_absolute_url()
    assert invitation.groep.has_member(invited)
    assert client.get(invitation.groep.get_absolute_url()).status_code == 200


def test_someone_else_with_the_link_is_told_in_dutch_and_does_not_get_in(client, invitation):
    other = member()
    client.force_login(other)
    response = client.post(_url(invitation))
    assert response.status_code == 409
    assert "Deze uitnodiging is voor bestuur@gemeente.nl" in response.content.decode()
    assert not invitation.groep.has_member(other)
    assert client.get(invitation.groep.get_absolute_url()).status_code == 404


def test_an_unknown_link_is_a_404(client):
    client.force_login(member())
    assert client.get(reverse("groep_uitnodiging", args=["onzin"])).status_code == 404


def test_an_invitation_older_than_thirty_days_no_longer_lets_anyone_in(client, invitation):
    import datetime

    import time_machine

    invited = UserFactory(email="bestuur@gemeente.nl")
    later = invitation.created_at + datetime.timedelta(days=31)
    with time_machine.travel(later, tick=False):
        client.force_login(invited)
        response = client.post(_url(invitation))
    assert "Deze uitnodiging is verlopen" in response.content.decode()
    assert not invitation.groep.has_member(invited)
    with time_machine.travel(later, tick=False):
        manager = invitation.groep.leden.managers().get().user
        again, created = groups.invite(invitation.groep, invitation.email, manager)
    assert created and again.token != invitation.token  # a new link, in a new mail


def test_a_manager_takes_back_an_invitation_and_its_link_stops_working(client):
    groep = group(Toegang.VERBORGEN, name="Bestuursgroep")
    invitation = groups.invite(groep, "bestuur@gemeente.nl", groep.manager)[0]
    withdraw = reverse("groep_uitnodiging_intrekken", args=[groep.slug, invitation.pk])
    client.force_login(groep.member)
    assert client.post(withdraw).status_code == 403
    client.force_login(groep.manager)
    page = client.get(groep.get_absolute_url()).content.decode()
    assert "Trek de uitnodiging aan bestuur@gemeente.nl in" in page
    response = client.post(withdraw, follow=True)
    assert "is ingetrokken" in response.content.decode()
    client.force_login(UserFactory(email="bestuur@gemeente.nl"))
    assert client.get(_url(invitation)).status_code == 404
