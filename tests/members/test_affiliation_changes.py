"""How a link to an organisation changes: new address, choice, link by hand, merger, relink."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_changed, email_confirmed, email_removed

from members import affiliations
from members.affiliations import AffiliationError
from members.membership import membership_on
from members.models import (
    Affiliation,
    AffiliationChange,
    AffiliationStatus,
    Organisation,
    OrganisationDomain,
)
from tests.factories import OrganisationFactory, StaffFactory, UserFactory
from tests.members.helpers import TODAY

pytestmark = pytest.mark.django_db


def confirm_address(user, email):
    """What allauth does when a new address is verified with ACCOUNT_CHANGE_EMAIL."""
    old = EmailAddress.objects.filter(user=user, primary=True).first()
    address = EmailAddress.objects.create(user=user, email=email, verified=True, primary=False)
    address.set_as_primary()
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    if old:
        old.delete()
        email_changed.send(
            sender=EmailAddress,
            request=None,
            user=user,
            from_email_address=old,
            to_email_address=address,
        )
    return address


def test_changing_the_address_to_another_domain_moves_the_affiliation():
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    tilburg = OrganisationFactory(name="Gemeente Tilburg", domain="tilburg.nl")
    user = UserFactory(email="astrid@veenendaal.nl")

    confirm_address(user, "astrid@tilburg.nl")

    assert membership_on(user, TODAY).organisation == tilburg
    history = list(user.affiliation_history.values_list("organisation_name", flat=True))
    assert history == ["Gemeente Tilburg", "Gemeente Veenendaal"]


def test_changing_to_an_unknown_domain_ends_membership():
    OrganisationFactory(domain="veenendaal.nl")
    user = UserFactory(email="astrid@veenendaal.nl")
    confirm_address(user, "astrid@gmail.com")

    status = membership_on(user, TODAY)
    assert not status.is_member
    assert status.reason == AffiliationStatus.UNKNOWN_DOMAIN


def test_removing_the_verified_address_removes_the_affiliation():
    OrganisationFactory(domain="veenendaal.nl")
    user = UserFactory(email="astrid@veenendaal.nl")
    address = EmailAddress.objects.get(user=user)
    address.delete()
    email_removed.send(sender=EmailAddress, request=None, user=user, email_address=address)

    assert membership_on(user, TODAY).reason == AffiliationStatus.UNVERIFIED


def test_shared_domain_asks_the_user_to_choose_and_staff_to_confirm():
    wolden = OrganisationFactory(name="Gemeente De Wolden", domain="dewoldenhoogeveen.nl")
    hoogeveen = OrganisationFactory(name="Gemeente Hoogeveen", domain=False)
    OrganisationDomain.objects.create(organisation=hoogeveen, domain="dewoldenhoogeveen.nl")
    user = UserFactory(email="gert@dewoldenhoogeveen.nl")

    assert membership_on(user, TODAY).reason == AffiliationStatus.CHOICE_NEEDED
    assert affiliations.organisations_for_domain("dewoldenhoogeveen.nl") == [wolden, hoogeveen]

    affiliations.choose(user, hoogeveen)
    status = membership_on(user, TODAY)
    assert (status.is_member, status.reason, status.organisation) == (
        False,
        AffiliationStatus.PENDING,
        hoogeveen,
    )

    staff = StaffFactory()
    affiliations.confirm(user.affiliation, by=staff)
    status = membership_on(user, TODAY)
    assert status.is_member and status.organisation == hoogeveen
    assert user.affiliation_history.first().by == staff

    # Evaluating again (say, a second address confirmed) keeps the confirmed choice.
    affiliations.evaluate(user)
    assert membership_on(user, TODAY).organisation == hoogeveen


def test_user_cannot_choose_an_organisation_outside_the_domain():
    OrganisationFactory(name="A", domain="gedeeld.nl")
    b = OrganisationFactory(name="B", domain=False)
    OrganisationDomain.objects.create(organisation=b, domain="gedeeld.nl")
    other = OrganisationFactory(name="C", domain="c.nl")
    user = UserFactory(email="x@gedeeld.nl")

    with pytest.raises(AffiliationError):
        affiliations.choose(user, other)
    assert user.affiliation.organisation is None


def test_staff_link_by_hand_with_a_reason_that_is_kept():
    tilburg = OrganisationFactory(name="Gemeente Tilburg", domain="tilburg.nl")
    user = UserFactory(email="wilbert@ext-detachering.nl")
    staff = StaffFactory()

    with pytest.raises(AffiliationError):
        affiliations.link_manually(user, tilburg, "  ", by=staff)

    affiliations.link_manually(user, tilburg, "Gedetacheerd bij Tilburg, contract 2026", by=staff)
    status = membership_on(user, TODAY)
    assert status.is_member and status.organisation == tilburg
    change = AffiliationChange.objects.filter(user=user).first()
    assert (change.reason, change.by, change.status) == (
        "Gedetacheerd bij Tilburg, contract 2026",
        staff,
        AffiliationStatus.MANUAL,
    )
    # Evaluating again on the same address keeps the hand-made link.
    affiliations.evaluate(user)
    assert membership_on(user, TODAY).organisation == tilburg


def test_hand_made_link_ends_when_the_address_moves_to_another_domain():
    tilburg = OrganisationFactory(name="Gemeente Tilburg", domain="tilburg.nl")
    user = UserFactory(email="wilbert@ext-detachering.nl")
    affiliations.link_manually(user, tilburg, "Gedetacheerd", by=StaffFactory())

    confirm_address(user, "wilbert@gmail.com")
    assert membership_on(user, TODAY).reason == AffiliationStatus.UNKNOWN_DOMAIN


def test_herindeling_moves_people_and_keeps_the_old_membership_history(
    django_capture_on_commit_callbacks,
):
    amsterdam = OrganisationFactory(name="Gemeente Amsterdam", domain="amsterdam.nl", member=False)
    weesp = OrganisationFactory(
        name="Gemeente Weesp", domain="weesp.nl", member__until=datetime.date(2022, 3, 23)
    )
    user = UserFactory(email="an@weesp.nl")
    assert membership_on(user, datetime.date(2022, 1, 1)).organisation == weesp

    weesp.merged_into = amsterdam
    weesp.merged_on = datetime.date(2022, 3, 24)
    with django_capture_on_commit_callbacks(execute=True):
        weesp.save()

    user = type(user).objects.get(pk=user.pk)
    assert user.affiliation.organisation == amsterdam
    assert "Herindeling" in user.affiliation_history.first().reason
    # Before the merger Weesp's membership still counts; after it, Amsterdam's decides.
    assert membership_on(user, datetime.date(2022, 1, 1)).is_member
    assert membership_on(user, TODAY).reason == "geen_lid"
    # New people with an old Weesp address land at Amsterdam too.
    newcomer = UserFactory(email="nieuw@weesp.nl")
    assert membership_on(newcomer, TODAY).organisation == amsterdam


def test_organisation_cannot_merge_into_itself():
    org = OrganisationFactory()
    org.merged_into = org
    org.merged_on = TODAY
    with pytest.raises(Exception, match="zichzelf"):
        org.full_clean()


def test_deleting_an_organisation_relinks_its_people(django_capture_on_commit_callbacks):
    zaanstad = OrganisationFactory(name="Gemeente Zaanstad", domain="zaanstad.nl")
    tilburg = OrganisationFactory(name="Gemeente Tilburg", domain="tilburg.nl")
    by_domain = UserFactory(email="a@zaanstad.nl")
    by_hand = UserFactory(email="b@tilburg.nl")
    affiliations.link_manually(by_hand, zaanstad, "Gedetacheerd", by=StaffFactory())

    with django_capture_on_commit_callbacks(execute=True):
        zaanstad.delete()

    by_domain = type(by_domain).objects.get(pk=by_domain.pk)
    by_hand = type(by_hand).objects.get(pk=by_hand.pk)
    assert membership_on(by_domain, TODAY).reason == AffiliationStatus.UNKNOWN_DOMAIN
    assert membership_on(by_hand, TODAY).organisation == tilburg
    # The history keeps the name of the organisation that is gone.
    assert "Gemeente Zaanstad" in by_hand.affiliation_history.values_list(
        "organisation_name", flat=True
    )


def test_merger_cannot_be_entered_ahead_of_time():
    from django.core.exceptions import ValidationError

    amsterdam = OrganisationFactory(name="Gemeente Amsterdam")
    weesp = OrganisationFactory(name="Gemeente Weesp")
    weesp.merged_into = amsterdam
    weesp.merged_on = datetime.date.today() + datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as refused:
        weesp.full_clean()
    assert "merged_on" in refused.value.message_dict


def test_undoing_a_merger_links_the_people_back(django_capture_on_commit_callbacks):
    amsterdam = OrganisationFactory(name="Gemeente Amsterdam", domain="amsterdam.nl")
    weesp = OrganisationFactory(name="Gemeente Weesp", domain="weesp.nl")
    user = UserFactory(email="an@weesp.nl")
    weesp.merged_into, weesp.merged_on = amsterdam, datetime.date(2022, 3, 24)
    with django_capture_on_commit_callbacks(execute=True):
        weesp.save()
    assert Affiliation.objects.get(user=user).organisation == amsterdam

    weesp = Organisation.objects.get(pk=weesp.pk)
    weesp.merged_into, weesp.merged_on = None, None
    with django_capture_on_commit_callbacks(execute=True):
        weesp.save()
    assert Affiliation.objects.get(user=user).organisation == weesp


def test_membership_history_follows_a_chain_of_mergers(django_capture_on_commit_callbacks):
    """Haaren-like: C merged into B (2019), B into A (2022)."""
    a = OrganisationFactory(name="Gemeente A", domain="a.nl", member=False)
    b = OrganisationFactory(name="Gemeente B", domain="b.nl", member=False)
    c = OrganisationFactory(
        name="Gemeente C",
        domain="c.nl",
        member__from=datetime.date(2010, 1, 1),
        member__until=datetime.date(2018, 12, 31),
    )
    user = UserFactory(email="x@c.nl")
    with django_capture_on_commit_callbacks(execute=True):
        c.merged_into, c.merged_on = b, datetime.date(2019, 1, 1)
        c.save()
        b.merged_into, b.merged_on = a, datetime.date(2022, 1, 1)
        b.save()
    user = type(user).objects.get(pk=user.pk)
    assert user.affiliation.organisation == a
    assert membership_on(user, datetime.date(2018, 6, 1)).is_member  # C's membership
    assert not membership_on(user, datetime.date(2020, 6, 1)).is_member


def test_a_confirmed_choice_cannot_be_undone_by_the_person():
    wolden = OrganisationFactory(name="Gemeente De Wolden", domain="gedeeld.nl")
    hoogeveen = OrganisationFactory(name="Gemeente Hoogeveen", domain=False)
    OrganisationDomain.objects.create(organisation=hoogeveen, domain="gedeeld.nl")
    user = UserFactory(email="g@gedeeld.nl")
    affiliations.choose(user, hoogeveen)
    affiliations.choose(user, wolden)  # changing one's mind before staff decide is fine
    affiliations.confirm(user.affiliation, by=StaffFactory())

    with pytest.raises(AffiliationError):
        affiliations.choose(user, hoogeveen)
    assert membership_on(type(user).objects.get(pk=user.pk), TODAY).organisation == wolden


@pytest.mark.django_db(transaction=True)
def test_changing_the_address_through_allauth_moves_the_affiliation(client, mailoutbox):
    """The real flow, not hand-sent signals: add an address, follow the link in the mail."""
    import re

    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    tilburg = OrganisationFactory(name="Gemeente Tilburg", domain="tilburg.nl")
    user = UserFactory(email="astrid@veenendaal.nl")
    client.force_login(user)

    response = client.post("/accounts/email/", {"email": "astrid@tilburg.nl", "action_add": ""})
    assert response.status_code == 302
    # Until the new address is confirmed, the old one still decides.
    assert Affiliation.objects.get(user=user).organisation.name == "Gemeente Veenendaal"

    link = re.search(r"/accounts/confirm-email/[^/\s]+/", mailoutbox[-1].body).group(0)
    assert client.post(link).status_code == 302

    assert EmailAddress.objects.get(user=user).email == "astrid@tilburg.nl"
    assert Affiliation.objects.get(user=user).organisation == tilburg
    assert membership_on(type(user).objects.get(pk=user.pk), TODAY).organisation == tilburg


def test_relink_command_links_old_accounts_and_changes_nothing_the_second_time():
    from io import StringIO

    from django.core.management import call_command

    veenendaal = OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    old = UserFactory(email="oud@veenendaal.nl")
    UserFactory(email="gast@voorbeeld.nl")
    Affiliation.objects.filter(user=old).delete()  # an account from before affiliations

    out = StringIO()
    call_command("relink_affiliations", stdout=out)
    assert Affiliation.objects.get(user=old).organisation == veenendaal
    assert "gekoppeld via e-maildomein: 1" in out.getvalue()
    assert "onbekend domein: 1" in out.getvalue()
    assert "2 accounts, 1 gewijzigd." in out.getvalue()

    out = StringIO()
    call_command("relink_affiliations", stdout=out)
    assert "2 accounts, 0 gewijzigd." in out.getvalue()
