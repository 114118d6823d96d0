"""Affiliations and unknown domains in the members admin, and who may reach any of it."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members import affiliations
from members.membership import membership_on
from members.models import Affiliation, AffiliationStatus
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from tests.members.helpers import ORGANISATION_ADD, ORGANISATIONS, PEOPLE, html, inspect_url, rows

pytestmark = pytest.mark.django_db

AFFILIATIONS = reverse("koppelingen:index")
UNKNOWN_DOMAINS = reverse("onbekende-domeinen:index")


def affiliation_url(affiliation):
    return reverse("koppelingen:inspect", args=[affiliation.pk])


def confirm_url(affiliation):
    return reverse("koppelingen:confirm", args=[affiliation.pk])


def pending_choice(email="pim@werkorganisatie-bc.nl"):
    """Someone at a shared werkorganisatie who chose Buren and waits for staff."""
    buren = OrganisationFactory(name="Gemeente Buren", domain="werkorganisatie-bc.nl")
    OrganisationFactory(name="Gemeente Culemborg", domain="werkorganisatie-bc.nl")
    user = UserFactory(email=email, full_name="Pim de Wit")
    affiliations.choose(user, buren)
    return user.affiliation


def staff_in_group(*codenames, email):
    """Staff who may enter the admin, with only the given permissions."""
    group = Group.objects.create(name=f"groep {email}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="members", codename__in=codenames),
    )
    user = UserFactory(email=email, is_staff=True)
    user.groups.add(group)
    return user


# --- Affiliations ----------------------------------------------------------------------


def test_affiliations_list_puts_choices_to_confirm_first(admin_client_with_mfa):
    pending = pending_choice()
    UserFactory(email="later@onbekend-bureau.nl", full_name="Later Aangemeld")

    page = html(admin_client_with_mfa.get(AFFILIATIONS))
    listed = rows(page)
    assert listed[0][:5] == [
        "Pim de Wit",
        "pim@werkorganisatie-bc.nl",
        "Gemeente Buren",
        "wacht op bevestiging",
        "werkorganisatie-bc.nl",
    ]
    assert ["Later Aangemeld", "later@onbekend-bureau.nl", "", "onbekend domein"] in [
        row[:4] for row in listed
    ]
    assert affiliation_url(pending) in page

    only_pending = html(
        admin_client_with_mfa.get(AFFILIATIONS, {"status": AffiliationStatus.PENDING})
    )
    assert "Pim de Wit" in only_pending and "Later Aangemeld" not in only_pending
    found = html(admin_client_with_mfa.get(AFFILIATIONS, {"q": "later@onbekend"}))
    assert "Later Aangemeld" in found and "Pim de Wit" not in found


def test_confirm_action_confirms_a_pending_choice(admin_client_with_mfa):
    client = admin_client_with_mfa
    affiliation = pending_choice()

    page = html(client.get(affiliation_url(affiliation)))
    assert "Bevestigen" in page and "Pim de Wit koos voor Gemeente Buren" in page

    response = client.post(confirm_url(affiliation), follow=True)
    page = html(response)
    assert "De keuze van Pim de Wit voor Gemeente Buren is bevestigd." in page
    assert "Keuze bevestigd." in page and "Toin Routers" in page  # in the history
    affiliation.refresh_from_db()
    assert affiliation.status == AffiliationStatus.DOMAIN
    assert affiliation.decided_by == client.staff


def test_confirming_twice_says_why_and_does_not_fail(admin_client_with_mfa):
    affiliation = pending_choice()
    admin_client_with_mfa.post(confirm_url(affiliation))
    response = admin_client_with_mfa.post(confirm_url(affiliation), follow=True)
    assert "Er is geen keuze om te bevestigen." in html(response)
    assert admin_client_with_mfa.get(confirm_url(affiliation)).status_code == 405


def test_confirm_needs_a_csrf_token(admin_client_with_mfa):
    affiliation = pending_choice()
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = admin_client_with_mfa.cookies
    assert strict.post(confirm_url(affiliation)).status_code == 403
    affiliation.refresh_from_db()
    assert affiliation.status == AffiliationStatus.PENDING


def test_manual_link_needs_a_reason_then_shows_it_in_the_history(admin_client_with_mfa):
    client = admin_client_with_mfa
    veenendaal = OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    user = UserFactory(email="jos@detachering.nl", full_name="Jos Bakker")
    url = affiliation_url(user.affiliation)

    page = html(client.post(url, {"organisation": veenendaal.pk, "reason": "  "}))
    assert "Geef een reden voor de koppeling." in page
    user.affiliation.refresh_from_db()
    assert user.affiliation.status == AffiliationStatus.UNKNOWN_DOMAIN

    reason = "Gedetacheerd bij Veenendaal, mailt vanaf zijn bureau."
    response = client.post(url, {"organisation": veenendaal.pk, "reason": reason}, follow=True)
    page = html(response)
    assert "Jos Bakker is gekoppeld aan Gemeente Veenendaal." in page
    assert reason in page and "handmatig gekoppeld" in page and "Toin Routers" in page
    user.affiliation.refresh_from_db()
    assert user.affiliation.status == AffiliationStatus.MANUAL
    assert membership_on(user).is_member


def test_manual_link_offers_only_existing_organisations(admin_client_with_mfa):
    new = OrganisationFactory(name="Gemeente Voorne aan Zee")
    old = OrganisationFactory(name="Gemeente Brielle", domain=False)
    old.merged_into, old.merged_on = new, datetime.date(2023, 1, 1)
    old.save()
    user = UserFactory(email="ria@havenbedrijf.nl")
    url = affiliation_url(user.affiliation)

    page = html(admin_client_with_mfa.get(url))
    assert "Gemeente Voorne aan Zee" in page and "Gemeente Brielle" not in page
    page = html(admin_client_with_mfa.post(url, {"organisation": old.pk, "reason": "Oud adres"}))
    assert "Kies een organisatie uit de lijst." in page


def test_a_refusal_of_the_rules_is_a_form_error_not_a_500(admin_client_with_mfa):
    veenendaal = OrganisationFactory(name="Gemeente Veenendaal")
    user = UserFactory(email="ex@elders.nl")
    EmailAddress.objects.filter(user=user).update(verified=False)

    page = html(
        admin_client_with_mfa.post(
            affiliation_url(user.affiliation),
            {"organisation": veenendaal.pk, "reason": "Werkt er echt"},
        )
    )
    assert "Deze persoon heeft nog geen bevestigd e-mailadres." in page


# --- Unknown domains -------------------------------------------------------------------


def unknown(domain, count):
    for n in range(count):
        UserFactory(email=f"p{n}@{domain}")


def test_unknown_domains_are_listed_most_used_first_with_a_way_to_add(admin_client_with_mfa):
    unknown("weinig.nl", 1)
    unknown("veel-bureau.nl", 3)
    unknown("gmail.com", 5)  # personal mail: never an organisation's domain
    OrganisationFactory(domain="bekend.nl")
    unknown("bekend.nl", 2)

    page = html(admin_client_with_mfa.get(UNKNOWN_DOMAINS))
    listed = [row[:2] for row in rows(page)]
    # The staff member's own account (persoon…@gemeente….nl) is an unknown domain too.
    assert listed[0] == ["veel-bureau.nl", "3"]
    assert ["weinig.nl", "1"] in listed
    assert not any(row[0] in ("bekend.nl", "gmail.com") for row in listed)
    assert f'href="{ORGANISATION_ADD}"' in page
    people = f"{AFFILIATIONS}?status=onbekend_domein&amp;email_domain=veel-bureau.nl"
    assert people in page
    assert "domeinen" in page


def test_unknown_domains_report_needs_the_same_queries_for_2_and_30_domains(
    admin_client_with_mfa,
):
    def make(domains):
        for n in domains:
            user = UserFactory(email=f"iemand@domein-{n}.nl", verified=False)
            Affiliation.objects.create(
                user=user, status=AffiliationStatus.UNKNOWN_DOMAIN, email_domain=f"domein-{n}.nl"
            )

    make(range(2))
    with CaptureQueriesContext(connection) as two:
        html(admin_client_with_mfa.get(UNKNOWN_DOMAINS))
    make(range(2, 30))
    with CaptureQueriesContext(connection) as thirty:
        page = html(admin_client_with_mfa.get(UNKNOWN_DOMAINS))
    assert "domein-29.nl" in page
    assert len(thirty) == len(two)


# --- Who may -----------------------------------------------------------------------------


def member_urls():
    organisation = OrganisationFactory()
    affiliation = pending_choice(email="wie@werkorganisatie-bc.nl")
    return [
        ORGANISATIONS,
        inspect_url(organisation),
        PEOPLE,
        AFFILIATIONS,
        affiliation_url(affiliation),
        UNKNOWN_DOMAINS,
    ], affiliation


def test_a_member_without_admin_access_reaches_none_of_it(client):
    urls, affiliation = member_urls()
    member = UserFactory(email="lid@veenendaal.nl")
    client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url
    client.post(confirm_url(affiliation))
    affiliation.refresh_from_db()
    assert affiliation.status == AffiliationStatus.PENDING


DENIED = "Sorry, je hebt geen toegang tot dit gedeelte."


def test_staff_without_permissions_reach_none_of_it(client, login_with_mfa):
    urls, affiliation = member_urls()
    login_with_mfa(client, staff_in_group(email="redactie@leerhuis.example"))
    home = html(client.get("/admin/"))
    assert "Koppelingen" not in home and "Onbekende domeinen" not in home
    for url in urls:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    assert DENIED in html(client.get(AFFILIATIONS, follow=True))

    veenendaal = OrganisationFactory(name="Gemeente Veenendaal")
    assert client.post(confirm_url(affiliation)).status_code == 302
    client.post(affiliation_url(affiliation), {"organisation": veenendaal.pk, "reason": "Zomaar"})
    affiliation.refresh_from_db()
    assert affiliation.status == AffiliationStatus.PENDING


def test_change_affiliation_is_enough_to_confirm_but_not_for_the_domains_report(
    client, login_with_mfa
):
    affiliation = pending_choice()
    login_with_mfa(
        client, staff_in_group("change_affiliation", email="ledenadmin@leerhuis.example")
    )
    assert client.get(AFFILIATIONS).status_code == 200
    assert client.post(confirm_url(affiliation)).status_code == 302
    affiliation.refresh_from_db()
    assert affiliation.status == AffiliationStatus.DOMAIN
    assert DENIED in html(client.get(UNKNOWN_DOMAINS, follow=True))


def test_add_organisation_opens_the_unknown_domains_report(client, login_with_mfa):
    unknown("nieuw-bureau.nl", 1)
    login_with_mfa(client, staff_in_group("add_organisation", email="beheer2@leerhuis.example"))
    page = html(client.get(UNKNOWN_DOMAINS))
    assert "nieuw-bureau.nl" in page
    assert "Bekijk personen" not in page  # that list needs change_affiliation
