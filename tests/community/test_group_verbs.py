"""Who gets into a group and out of it: the verbs of members.groups."""

from unittest import mock

import pytest
from allauth.account.models import EmailAddress

from members import groups
from members.models import Groepslid, GroepUitnodiging, Toegang
from tests.community.groups_helpers import group, moderator
from tests.community_factories import GroepslidFactory
from tests.events_factories import guest, member
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_anyone_logged_in_joins_an_open_group_at_once_and_a_second_click_changes_nothing():
    groep, person = group(Toegang.OPEN), guest()
    lid, created = groups.join(groep, person)
    again, created_again = groups.join(groep, person)
    assert created and not created_again and lid.pk == again.pk
    assert lid.is_active and lid.joined_at is not None
    assert groep.leden.filter(user=person).count() == 1


@pytest.mark.parametrize("toegang", [Toegang.OP_VERZOEK, Toegang.UITNODIGING, Toegang.VERBORGEN])
def test_nobody_joins_a_group_that_is_not_open_by_themselves(toegang):
    groep = group(toegang)
    with pytest.raises(groups.GroepError) as refused:
        groups.join(groep, member())
    assert refused.value.code == "closed"
    assert groep.leden.count() == 2


def test_a_request_waits_for_a_manager_and_asking_twice_is_one_request():
    groep, person = group(Toegang.OP_VERZOEK), member()
    lid, created = groups.request_to_join(groep, person, "Ik werk aan de omgevingsvisie.")
    again, created_again = groups.request_to_join(groep, person, "Nog eens")
    assert created and not created_again and lid.pk == again.pk
    assert not lid.is_active and lid.motivation == "Ik werk aan de omgevingsvisie."
    assert not groep.has_member(person)


def test_a_request_without_motivation_is_fine_but_a_very_long_one_is_refused():
    groep = group(Toegang.OP_VERZOEK)
    assert groups.request_to_join(groep, member(), "")[1]
    with pytest.raises(groups.GroepError) as refused:
        groups.request_to_join(groep, member(), "x" * (groups.MOTIVATION_MAX + 1))
    assert refused.value.code == "too_long" and "te lang" in refused.value.message
    assert groep.leden.requested().count() == 1


@pytest.mark.parametrize("toegang", [Toegang.OPEN, Toegang.UITNODIGING, Toegang.VERBORGEN])
def test_only_an_on_request_group_takes_requests(toegang):
    with pytest.raises(groups.GroepError):
        groups.request_to_join(group(toegang), member(), "")


def test_a_manager_or_staff_accepts_a_request_and_nobody_else_may():
    groep = group(Toegang.OP_VERZOEK)
    lid, _ = groups.request_to_join(groep, member(), "")
    for outsider in (groep.member, member(), moderator()):
        with pytest.raises(groups.GroepError) as refused:
            groups.accept(lid, outsider)
        assert refused.value.code == "forbidden"
    accepted, changed = groups.accept(lid, groep.manager)
    assert changed and accepted.is_active
    assert groups.accept(lid, StaffFactory()) == (accepted, False)


def test_refusing_removes_the_request_and_refusing_twice_changes_nothing():
    groep = group(Toegang.OP_VERZOEK)
    lid, _ = groups.request_to_join(groep, member(), "")
    gone, changed = groups.refuse(lid, groep.manager)
    assert changed and gone.user == lid.user
    assert not Groepslid.objects.filter(pk=lid.pk).exists()
    assert groups.refuse(lid, groep.manager)[1] is False


def test_a_manager_invites_an_address_once_and_others_may_not():
    groep = group(Toegang.UITNODIGING)
    invitation, created = groups.invite(groep, " Nieuw@Gemeente.nl ", groep.manager)
    again, created_again = groups.invite(groep, "nieuw@gemeente.nl", groep.manager)
    assert created and not created_again and invitation.pk == again.pk
    assert invitation.email == "nieuw@gemeente.nl"
    with pytest.raises(groups.GroepError):
        groups.invite(groep, "ander@gemeente.nl", groep.member)
    assert GroepUitnodiging.objects.count() == 1


def test_inviting_someone_who_is_a_member_already_says_so():
    groep = group(Toegang.UITNODIGING)
    with pytest.raises(groups.GroepError) as refused:
        groups.invite(groep, groep.member.email, groep.manager)
    assert refused.value.code == "member"


def test_only_the_invited_address_accepts_an_invitation():
    groep = group(Toegang.VERBORGEN)
    invited = UserFactory(email="uitgenodigd@gemeente.nl")
    invitation, _ = groups.invite(groep, "uitgenodigd@gemeente.nl", groep.manager)
    with pytest.raises(groups.GroepError) as refused:
        groups.accept_invitation(invitation, member())
    assert refused.value.code == "wrong_address"
    assert "uitgenodigd@gemeente.nl" in refused.value.message
    lid, changed = groups.accept_invitation(invitation, invited)
    assert changed and lid.is_active and groep.has_member(invited)
    assert groups.accept_invitation(invitation, invited) == (lid, False)
    with pytest.raises(groups.GroepError) as used:
        groups.accept_invitation(invitation, member())
    assert used.value.code == "used"


def test_an_unverified_second_address_does_not_accept_an_invitation():
    groep = group(Toegang.UITNODIGING)
    person = member()
    EmailAddress.objects.create(user=person, email="prive@example.nl", verified=False)
    invitation, _ = groups.invite(groep, "prive@example.nl", groep.manager)
    with pytest.raises(groups.GroepError):
        groups.accept_invitation(invitation, person)
    EmailAddress.objects.filter(email="prive@example.nl").update(verified=True)
    assert groups.accept_invitation(invitation, person)[1]


def test_a_member_leaves_whenever_they_want_and_leaving_twice_changes_nothing():
    groep = group(Toegang.OPEN)
    assert groups.leave(groep, groep.member).user == groep.member
    assert groups.leave(groep, groep.member) is None
    assert not groep.has_member(groep.member)


def test_the_last_manager_cannot_leave_while_others_remain():
    groep = group(Toegang.OPEN)
    with pytest.raises(groups.GroepError) as refused:
        groups.leave(groep, groep.manager)
    assert refused.value.code == "last_manager" and "laatste beheerder" in refused.value.message
    lid = groep.leden.get(user=groep.member)
    groups.make_manager(lid, groep.manager)
    assert groups.leave(groep, groep.manager) is not None
    assert groep.has_manager(groep.member)


def test_the_last_manager_alone_in_the_group_may_leave():
    groep = group(Toegang.OPEN)
    groups.leave(groep, groep.member)
    assert groups.leave(groep, groep.manager) is not None
    assert groep.leden.count() == 0


def test_managers_remove_members_and_members_do_not():
    groep = group(Toegang.OPEN)
    other = GroepslidFactory(groep=groep)
    with pytest.raises(groups.GroepError):
        groups.remove(other, groep.member)
    gone, changed = groups.remove(other, groep.manager)
    assert changed and not groep.has_member(other.user)
    with pytest.raises(groups.GroepError) as self_removal:
        groups.remove(groep.leden.get(user=groep.manager), groep.manager)
    assert self_removal.value.code == "self"


def test_staff_cannot_remove_the_last_manager_while_others_remain():
    groep = group(Toegang.OPEN)
    with pytest.raises(groups.GroepError) as refused:
        groups.remove(groep.leden.get(user=groep.manager), StaffFactory())
    assert refused.value.code == "last_manager"


def test_making_a_manager_needs_a_manager_and_an_active_member():
    groep = group(Toegang.OP_VERZOEK)
    requested, _ = groups.request_to_join(groep, member(), "")
    with pytest.raises(groups.GroepError):
        groups.make_manager(requested, groep.manager)
    lid = groep.leden.get(user=groep.member)
    with pytest.raises(groups.GroepError):
        groups.make_manager(lid, groep.member)
    assert groups.make_manager(lid, groep.manager)[1]
    assert groups.make_manager(lid, groep.manager)[1] is False


def test_may_manage_is_for_the_group_s_managers_and_staff():
    groep = group()
    assert groups.may_manage(groep.manager, groep)
    assert groups.may_manage(StaffFactory(), groep)
    assert not groups.may_manage(groep.member, groep)
    assert not groups.may_manage(moderator(), groep)
    assert not groups.may_manage(None, groep)


# --- two at once: the constraint is the last guard ----------------------------------


def _as_if_not_there_yet(monkeypatch):
    """The other request wrote its row after this one looked: the lookup misses it."""
    monkeypatch.setattr(groups, "_row_of", lambda groep, user: None)


def test_two_simultaneous_joins_make_one_membership(monkeypatch):
    groep, person = group(Toegang.OPEN), member()
    first, _ = groups.join(groep, person)
    _as_if_not_there_yet(monkeypatch)
    second, created = groups.join(groep, person)
    assert not created and second.pk == first.pk
    assert groep.leden.filter(user=person).count() == 1


def test_two_simultaneous_acceptances_of_one_invitation_make_one_membership(monkeypatch):
    groep = group(Toegang.UITNODIGING)
    invited = UserFactory(email="twee@gemeente.nl")
    invitation, _ = groups.invite(groep, invited.email, groep.manager)
    GroepslidFactory(groep=groep, user=invited)  # the other tab got there first
    _as_if_not_there_yet(monkeypatch)
    lid, created = groups.accept_invitation(invitation, invited)
    assert not created and groep.leden.filter(user=invited).count() == 1


def test_two_simultaneous_invitations_of_one_address_make_one(monkeypatch):
    groep = group(Toegang.UITNODIGING)
    first, _ = groups.invite(groep, "zelfde@gemeente.nl", groep.manager)
    real_filter = groep.uitnodigingen.filter
    calls = {"n": 0}

    def missing_once(*args, **kwargs):
        calls["n"] += 1
        return real_filter(pk=-1) if calls["n"] == 1 else real_filter(*args, **kwargs)

    with mock.patch("members.models.GroepUitnodiging.objects.create") as create:
        from django.db import IntegrityError

        create.side_effect = IntegrityError("groepuitnodiging_een_open_per_adres")
        with mock.patch("members.groups._lock", return_value=groep):
            monkeypatch.setattr(groep.uitnodigingen, "filter", missing_once)
            second, created = groups.invite(groep, "zelfde@gemeente.nl", groep.manager)
    assert not created and second.pk == first.pk
