"""Who is linked to which organisation by a verified address's domain, and who is a member."""

import datetime

import pytest
from allauth.account.models import EmailAddress

from members import affiliations
from members.membership import membership_on
from members.models import Affiliation, AffiliationStatus, Organisation, OrganisationDomain
from tests.factories import OrganisationFactory, UserFactory
from tests.members.helpers import TODAY

pytestmark = pytest.mark.django_db


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
