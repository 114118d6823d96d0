"""The people of a conversation, as the thread tests need them: a member, a guest (account,
organisation not a member), a group and its member, a moderator and staff."""

import pytest
from django.contrib.auth.models import Group

from tests.community_factories import GroepFactory, GroepslidFactory, PostFactory, ThreadFactory
from tests.factories import OrganisationFactory, StaffFactory, UserFactory


@pytest.fixture
def veenendaal(db):
    return OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")


@pytest.fixture
def member(veenendaal):
    return UserFactory(email="petra@veenendaal.nl", full_name="Petra Mulder")


@pytest.fixture
def other_member(veenendaal):
    return UserFactory(email="astrid@veenendaal.nl", full_name="Astrid van de Klift")


@pytest.fixture
def guest(db):
    return UserFactory(email="gast@voorbeeld.nl", full_name="Gerrit Gast")


@pytest.fixture
def moderator(veenendaal):
    user = UserFactory(email="moderator@veenendaal.nl", full_name="Mo de Rator")
    user.groups.add(Group.objects.get(name="Moderatie"))
    return user


@pytest.fixture
def staff(db):
    return StaffFactory(email="redactie@leerhuis.example", full_name="Rita Redactie")


@pytest.fixture
def asker(member):
    return member


@pytest.fixture
def question(asker):
    thread = ThreadFactory(
        title="Hoe mandateer je een opgave-manager?", slug="mandaat", author=asker, soort="vraag"
    )
    return thread


@pytest.fixture
def reply_by_other(question, other_member):
    return PostFactory(thread=question, author=other_member, body="<p>Bij ons via het college.</p>")


@pytest.fixture
def group():
    return GroepFactory(name="Werkgroep Mandaat", slug="werkgroep-mandaat")


@pytest.fixture
def group_member(group, veenendaal):
    user = UserFactory(email="groeplid@veenendaal.nl", full_name="Greet Groeplid")
    GroepslidFactory(groep=group, user=user)
    return user


@pytest.fixture
def group_thread(group, group_member):
    return ThreadFactory(
        title="Alleen voor de werkgroep",
        slug="werkgroep-gesprek",
        author=group_member,
        visibility="group",
        group=group,
    )
