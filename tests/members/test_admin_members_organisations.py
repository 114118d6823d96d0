"""Organisations and people in the members admin: listing, filtering, searching, adding."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from members.membership import membership_on
from members.models import AffiliationStatus, Membership, Organisation
from tests.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.members.helpers import (
    ORGANISATION_ADD,
    ORGANISATIONS,
    PEOPLE,
    html,
    inspect_url,
    new_organisation_form,
    rows,
)

pytestmark = pytest.mark.django_db


# --- Organisations ------------------------------------------------------------------


def test_the_leden_menu_holds_the_four_entries(admin_client_with_mfa):
    page = html(admin_client_with_mfa.get("/admin/"))
    for label in ("Leden", "Organisaties", "Personen", "Koppelingen", "Onbekende domeinen"):
        assert label in page


def test_filter_lid_nu_shows_only_current_members(admin_client_with_mfa):
    OrganisationFactory(name="Gemeente Veenendaal")
    OrganisationFactory(name="Gemeente Zeist", member=False)
    OrganisationFactory(name="Gemeente Oudewater", member__until=datetime.date(2021, 12, 31))

    everyone = rows(html(admin_client_with_mfa.get(ORGANISATIONS)))
    assert everyone == [
        ["Gemeente Oudewater", "gemeente", "Utrecht", "nee", ""],
        ["Gemeente Veenendaal", "gemeente", "Utrecht", "ja", ""],
        ["Gemeente Zeist", "gemeente", "Utrecht", "nee", ""],
    ]
    members = html(admin_client_with_mfa.get(ORGANISATIONS, {"lid_nu": "true"}))
    assert "Gemeente Veenendaal" in members
    assert "Gemeente Zeist" not in members
    assert "Gemeente Oudewater" not in members

    others = html(admin_client_with_mfa.get(ORGANISATIONS, {"lid_nu": "false"}))
    assert "Gemeente Veenendaal" not in others
    assert "Gemeente Zeist" in others and "Gemeente Oudewater" in others


def test_list_filters_on_kind_and_province(admin_client_with_mfa):
    OrganisationFactory(name="Gemeente Leeuwarden", province="fryslan")
    OrganisationFactory(name="Provincie Utrecht", kind="provincie", province="utrecht")

    page = html(admin_client_with_mfa.get(ORGANISATIONS, {"province": "fryslan"}))
    assert "Gemeente Leeuwarden" in page and "Provincie Utrecht" not in page
    page = html(admin_client_with_mfa.get(ORGANISATIONS, {"kind": "provincie"}))
    assert "Provincie Utrecht" in page and "Gemeente Leeuwarden" not in page


def test_list_shows_columns_and_its_query_count_does_not_grow(admin_client_with_mfa):
    OrganisationFactory(name="Gemeente Ede", cbs_code="GM0228", province="gelderland", member=False)
    OrganisationFactory(name="Gemeente Wageningen", cbs_code="GM0289", province="gelderland")
    with CaptureQueriesContext(connection) as few:
        page = html(admin_client_with_mfa.get(ORGANISATIONS))
    assert "Lid nu" in page and "CBS-code" in page
    assert rows(page) == [
        ["Gemeente Ede", "gemeente", "Gelderland", "nee", "GM0228"],
        ["Gemeente Wageningen", "gemeente", "Gelderland", "ja", "GM0289"],
    ]
    for n in range(12):
        OrganisationFactory(name=f"Gemeente Extra {n}", member=n % 2 == 0)
    with CaptureQueriesContext(connection) as many:
        html(admin_client_with_mfa.get(ORGANISATIONS))
    assert len(many) == len(few)


def test_search_finds_part_of_the_name_without_accents(admin_client_with_mfa):
    OrganisationFactory(name="Gemeente Súdwest-Fryslân", province="fryslan")
    OrganisationFactory(name="Gemeente Waadhoeke", province="fryslan")

    page = html(admin_client_with_mfa.get(ORGANISATIONS, {"q": "sudwest"}))
    assert "Gemeente Súdwest-Fryslân" in page
    assert "Gemeente Waadhoeke" not in page
    assert "Súdwest-Fryslân" in html(admin_client_with_mfa.get(ORGANISATIONS, {"q": "west-fry"}))


def test_inspect_page_shows_domains_memberships_and_people(admin_client_with_mfa):
    veenendaal = OrganisationFactory(
        name="Gemeente Veenendaal", domain="veenendaal.nl", domain__subdomains=True
    )
    Membership.objects.create(
        organisation=veenendaal,
        category=Membership.Category.ASPIRANT,
        valid_from=datetime.date(2018, 1, 1),
        valid_until=datetime.date(2019, 12, 31),
    )
    PersonFactory(name="Astrid van de Klift", organisation=veenendaal)
    PersonFactory(name="Nog Iemand", organisation=veenendaal)
    old = OrganisationFactory(name="Gemeente Rhenen-Oud", domain=False, member=False)
    old.merged_into = veenendaal
    old.merged_on = datetime.date(2024, 1, 1)
    old.save()

    page = html(admin_client_with_mfa.get(inspect_url(veenendaal)))
    assert "veenendaal.nl" in page and "(ook subdomeinen)" in page
    assert "vanaf 01-01-2020" in page  # the factory's open-ended membership
    assert "01-01-2018 t/m 31-12-2019" in page and "aspirant" in page
    assert "Lid vandaag" in page
    assert "Gemeente Rhenen-Oud" in page  # a predecessor after the herindeling

    merged = html(admin_client_with_mfa.get(inspect_url(old)))
    assert "Opgegaan in" in merged and "Gemeente Veenendaal" in merged and "01-01-2024" in merged


def test_the_edit_form_has_the_domain_and_membership_inlines(admin_client_with_mfa):
    organisation = OrganisationFactory(domain="zeist.nl")
    edit = reverse("wagtailsnippets_members_organisation:edit", args=[organisation.pk])
    page = html(admin_client_with_mfa.get(edit))
    assert 'name="domains-0-domain"' in page and 'value="zeist.nl"' in page
    assert 'name="memberships-TOTAL_FORMS"' in page


def test_adding_an_organisation_with_a_domain_links_its_people(
    admin_client_with_mfa, django_capture_on_commit_callbacks
):
    user = UserFactory(email="fernando@nieuwegein.nl")
    assert user.affiliation.status == AffiliationStatus.UNKNOWN_DOMAIN

    data = new_organisation_form("Nieuwegein.NL")
    with django_capture_on_commit_callbacks(execute=True):
        # Published at once: a draft organisation links nobody (tests/members/test_history.py).
        response = admin_client_with_mfa.post(ORGANISATION_ADD, {**data, "action-publish": "1"})
    assert response.status_code == 302

    nieuwegein = Organisation.objects.get(name="Gemeente Nieuwegein")
    assert list(nieuwegein.domains.values_list("domain", flat=True)) == ["nieuwegein.nl"]
    user.affiliation.refresh_from_db()
    assert user.affiliation.status == AffiliationStatus.DOMAIN
    assert user.affiliation.organisation == nieuwegein
    assert membership_on(user).is_member


def test_a_bad_cbs_code_is_shown_on_the_form(admin_client_with_mfa):
    data = nested_form_data(
        {
            "name": "Gemeente Houten",
            "kind": "gemeente",
            "province": "utrecht",
            "cbs_code": "XX12",
            "domains": inline_formset([]),
            "memberships": inline_formset([]),
        }
    )
    page = html(admin_client_with_mfa.post(ORGANISATION_ADD, data))
    assert "Een CBS-code ziet eruit als GM0345 of PV26." in page
    assert not Organisation.objects.filter(name="Gemeente Houten").exists()


# --- People ----------------------------------------------------------------------------


def test_people_filter_on_board_role_and_search_by_name(admin_client_with_mfa):
    PersonFactory(name="Astrid van de Klift", board_role="voorzitter", role="Opgave-manager")
    PersonFactory(name="Toon Jansen", role="Procesregisseur")

    page = html(admin_client_with_mfa.get(PEOPLE))
    assert "Astrid van de Klift" in page and "Opgave-manager" in page and "voorzitter" in page
    board = html(admin_client_with_mfa.get(PEOPLE, {"board_role": "voorzitter"}))
    assert "Astrid van de Klift" in board and "Toon Jansen" not in board
    found = html(admin_client_with_mfa.get(PEOPLE, {"q": "Jansen"}))
    assert "Toon Jansen" in found and "Astrid van de Klift" not in found
