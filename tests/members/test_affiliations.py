"""Who is linked to which organisation, and when they count as a member."""

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

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 28)


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


def test_verified_address_at_exact_domain_links_to_the_organisation():
    veenendaal = OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    user = UserFactory(email="astrid@veenendaal.nl")

    status = membership_on(user, TODAY)
    assert status.is_member
    assert status.organisation == veenendaal
    assert user.affiliation.status == AffiliationStatus.DOMAIN


def test_domain_is_matched_without_regard_to_case():
    veenendaal = OrganisationFactory(domain="veenendaal.nl")
    user = UserFactory(email="Astrid@VEENENDAAL.nl")
    assert membership_on(user, TODAY).organisation == veenendaal


def test_unverified_address_gives_no_organisation():
    OrganisationFactory(domain="veenendaal.nl")
    user = UserFactory(email="astrid@veenendaal.nl", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    affiliations.evaluate(user)

    status = membership_on(user, TODAY)
    assert not status.is_member
    assert status.reason == AffiliationStatus.UNVERIFIED
    assert status.organisation is None


def test_subdomain_counts_only_where_the_domain_allows_it():
    OrganisationFactory(
        name="Provincie Utrecht", domain="provincie-utrecht.nl", domain__subdomains=True
    )
    OrganisationFactory(name="Gemeente Tilburg", domain="tilburg.nl")

    allowed = UserFactory(email="jan@ruimte.provincie-utrecht.nl")
    refused = UserFactory(email="piet@ruimte.tilburg.nl")

    assert membership_on(allowed, TODAY).organisation.name == "Provincie Utrecht"
    assert membership_on(refused, TODAY).reason == AffiliationStatus.UNKNOWN_DOMAIN
    assert refused.affiliation.email_domain == "ruimte.tilburg.nl"


def test_a_look_alike_domain_is_no_subdomain():
    OrganisationFactory(domain="tilburg.nl", domain__subdomains=True)
    user = UserFactory(email="kees@nottilburg.nl")
    assert membership_on(user, TODAY).reason == AffiliationStatus.UNKNOWN_DOMAIN


def test_exact_domain_wins_over_a_parent_that_allows_subdomains():
    OrganisationFactory(name="Gemeente Groot", domain="groot.nl", domain__subdomains=True)
    dienst = OrganisationFactory(name="Omgevingsdienst Groot", domain="odg.groot.nl")
    user = UserFactory(email="an@odg.groot.nl")
    assert membership_on(user, TODAY).organisation == dienst


def test_unknown_domain_keeps_a_working_account_without_benefits():
    user = UserFactory(email="gast@voorbeeld.nl")
    status = membership_on(user, TODAY)
    assert not status.is_member
    assert status.reason == AffiliationStatus.UNKNOWN_DOMAIN
    assert "voorbeeld.nl" in status.message
    assert user.is_active


def test_adding_the_domain_later_links_the_people_who_use_it(django_capture_on_commit_callbacks):
    user = UserFactory(email="an@zaanstad.nl")
    assert membership_on(user, TODAY).reason == AffiliationStatus.UNKNOWN_DOMAIN
    zaanstad = OrganisationFactory(name="Gemeente Zaanstad", domain=False)
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationDomain.objects.create(organisation=zaanstad, domain="zaanstad.nl")

    user = type(user).objects.get(pk=user.pk)  # a new request sees the new link
    assert membership_on(user, TODAY).organisation == zaanstad


def test_expired_membership_is_not_membership():
    OrganisationFactory(
        name="Gemeente Oud",
        domain="oud.nl",
        member__from=datetime.date(2020, 1, 1),
        member__until=datetime.date(2025, 12, 31),
    )
    user = UserFactory(email="a@oud.nl")

    status = membership_on(user, TODAY)
    assert not status.is_member
    assert status.reason == "verlopen"
    assert status.message == "Het lidmaatschap van Gemeente Oud liep tot en met 31-12-2025."
    # On a date inside the period the same person was a member.
    assert membership_on(user, datetime.date(2025, 12, 31)).is_member


def test_membership_starting_in_the_future_counts_from_its_first_day():
    OrganisationFactory(
        name="Gemeente Nieuw", domain="nieuw.nl", member__from=datetime.date(2027, 1, 1)
    )
    user = UserFactory(email="a@nieuw.nl")

    today = membership_on(user, TODAY)
    assert not today.is_member
    assert today.reason == "nog_niet"
    assert today.message == "Het lidmaatschap van Gemeente Nieuw gaat in op 01-01-2027."
    assert membership_on(user, datetime.date(2027, 1, 1)).is_member


def test_membership_message_names_organisation_and_end_date():
    OrganisationFactory(
        name="Gemeente Veenendaal",
        domain="veenendaal.nl",
        member__until=datetime.date(2027, 12, 31),
    )
    user = UserFactory(email="lid@veenendaal.nl")
    status = membership_on(user, TODAY)
    assert status.message == "Gemeente Veenendaal is lid t/m 31-12-2027."
    assert status.category == "regulier"


def test_organisation_without_membership():
    OrganisationFactory(name="Gemeente Buiten", domain="buiten.nl", member=False)
    status = membership_on(UserFactory(email="a@buiten.nl"), TODAY)
    assert (status.is_member, status.reason) == (False, "geen_lid")
    assert status.message == "Gemeente Buiten is geen lid van de vereniging."


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


def test_anonymous_visitor_is_no_member():
    from django.contrib.auth.models import AnonymousUser

    status = membership_on(AnonymousUser(), TODAY)
    assert (status.is_member, status.reason) == (False, "anoniem")


def test_membership_lookup_is_remembered_for_the_request(django_assert_num_queries):
    OrganisationFactory(domain="veenendaal.nl")
    user = type(UserFactory(email="a@veenendaal.nl")).objects.get(email="a@veenendaal.nl")
    # The affiliation, the mergers, the memberships: once, however often asked.
    with django_assert_num_queries(3):
        membership_on(user, TODAY)
        membership_on(user, TODAY)


def test_organisation_names_are_searched_without_accents():
    OrganisationFactory(name="Gemeente Súdwest-Fryslân", domain="sudwestfryslan.nl")
    assert [o.name for o in Organisation.objects.search("sudwest fryslan".replace(" ", "-"))] == [
        "Gemeente Súdwest-Fryslân"
    ]
    assert Organisation.objects.search("SÚDWEST").count() == 1


def test_account_without_an_affiliation_row_is_worked_out_on_first_use():
    """Accounts from before this feature, or made with createsuperuser."""
    veenendaal = OrganisationFactory(domain="veenendaal.nl")
    user = UserFactory(email="oud@veenendaal.nl")
    Affiliation.objects.filter(user=user).delete()
    user = type(user).objects.get(pk=user.pk)

    assert membership_on(user, TODAY).organisation == veenendaal
    assert Affiliation.objects.get(user=user).status == AffiliationStatus.DOMAIN


@pytest.mark.parametrize("spelling", ["Veenendaal.NL", "veenendaal.nl.", "@veenendaal.nl"])
def test_same_domain_in_another_spelling_is_refused_as_a_duplicate(spelling):
    from django.core.exceptions import ValidationError

    veenendaal = OrganisationFactory(domain="veenendaal.nl")
    duplicate = OrganisationDomain(organisation=veenendaal, domain=spelling)
    with pytest.raises(ValidationError) as refused:
        duplicate.full_clean()
    assert duplicate.domain == "veenendaal.nl"
    assert "__all__" in refused.value.message_dict or "domain" in refused.value.message_dict


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


def test_a_personal_mail_provider_cannot_be_an_organisations_domain():
    from django.core.exceptions import ValidationError

    veenendaal = OrganisationFactory(domain=False)
    with pytest.raises(ValidationError, match="persoonlijke mailprovider"):
        OrganisationDomain(organisation=veenendaal, domain="Gmail.com").full_clean()


def test_someone_with_a_personal_address_is_told_to_use_the_work_address():
    status = membership_on(UserFactory(email="astrid.vdk@gmail.com"), TODAY)
    assert status.reason == AffiliationStatus.UNKNOWN_DOMAIN
    assert status.message == (
        "Je gebruikt een persoonlijk e-mailadres (gmail.com). Met je e-mailadres van het werk "
        "koppelen we je aan je organisatie."
    )
