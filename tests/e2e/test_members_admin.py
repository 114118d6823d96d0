"""The "Leden" admin in a browser: staff log in with a real TOTP code, then work through
organisations, one organisation, the affiliations (confirm a choice, link by hand) and the
unknown domains, each page checked with axe.

axe checks the whole page, Wagtail's own menu and header included: those pass, so there is
no reason to narrow it to our templates' content.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from members import affiliations
from members.models import Affiliation, OrganisationDomain
from tests.e2e.admin import STAFF_NAME, check_admin_accessible, log_in_staff
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ORGANISATIONS = reverse("wagtailsnippets_members_organisation:list")
ORGANISATION_ADD = reverse("wagtailsnippets_members_organisation:add")
AFFILIATIONS = reverse("koppelingen:index")
UNKNOWN_DOMAINS = reverse("onbekende-domeinen:index")
TIMESTAMP = re.compile(r"^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$")


@pytest.fixture
def staff_page(page):
    return log_in_staff(page)


check_accessible = check_admin_accessible


def fact(page, term):
    """The <dd> that follows <dt>term</dt> on an inspect page."""
    term = page.locator("dl > dt").filter(has_text=re.compile(rf"^\s*{re.escape(term)}\s*$"))
    return term.locator("xpath=following-sibling::dd[1]")


def listing_rows(page):
    return page.locator("main table.listing tbody tr")


def test_organisations_filtered_on_members_and_searched_without_accents(staff_page):
    page = staff_page
    OrganisationFactory(name="Gemeente Súdwest-Fryslân", province="fryslan")
    OrganisationFactory(name="Gemeente Waadhoeke", province="fryslan")
    # Also matches "sudwest", but is no member: the filter must still hold while searching.
    OrganisationFactory(
        name="Samenwerking Súdwest", kind="samenwerkingsverband", province="fryslan", member=False
    )

    page.goto(f"{ORGANISATIONS}?lid_nu=true")
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisaties")
    rows = listing_rows(page)
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Gemeente Súdwest-Fryslân")
    expect(rows.nth(1)).to_contain_text("Gemeente Waadhoeke")
    check_accessible(page, "organisaties, lid nu")

    # Wagtail searches as you type and replaces the results without a page load.
    page.get_by_role("textbox", name="Zoekterm").fill("sudwest")
    expect(page).to_have_url(re.compile(r"[?&]q=sudwest"))
    expect(page).to_have_url(re.compile(r"[?&]lid_nu=true"))
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td")).to_contain_text(
        ["Gemeente Súdwest-Fryslân", "gemeente", "Fryslân", "ja"]
    )
    expect(page.get_by_text("Samenwerking Súdwest")).to_have_count(0)
    check_accessible(page, "organisaties, lid nu, gezocht op sudwest")


def test_an_organisations_inspect_page_shows_its_facts_and_links_to_its_people(staff_page):
    page = staff_page
    sudwest = OrganisationFactory(
        name="Gemeente Súdwest-Fryslân",
        province="fryslan",
        cbs_code="GM1900",
        domain="sudwestfryslan.nl",
    )
    UserFactory(email="anne@sudwestfryslan.nl", full_name="Anne Hoekstra")

    page.goto(reverse("wagtailsnippets_members_organisation:inspect", args=[sudwest.pk]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gemeente Súdwest-Fryslân")
    expect(fact(page, "Soort")).to_have_text("gemeente")
    expect(fact(page, "Provincie")).to_have_text("Fryslân")
    expect(fact(page, "CBS-code")).to_have_text("GM1900")
    expect(fact(page, "Lid vandaag")).to_have_text("ja")
    expect(fact(page, "Gekoppelde accounts")).to_contain_text("1")
    expect(page.get_by_role("listitem").filter(has_text="sudwestfryslan.nl")).to_be_visible()
    memberships = page.locator("main table.listing tbody tr")
    expect(memberships).to_have_count(1)
    expect(memberships.first.locator("td")).to_have_text(["regulier", "vanaf 01-01-2020", "ja"])
    check_accessible(page, "organisatie inspecteren")

    page.get_by_role("link", name="Bekijk de koppelingen").click()
    expect(page).to_have_url(re.compile(rf"{AFFILIATIONS}\?organisation={sudwest.pk}$"))
    rows = listing_rows(page)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Anne Hoekstra")


def test_staff_confirm_a_choice_and_link_by_hand_with_a_reason(staff_page):
    page = staff_page
    buren = OrganisationFactory(name="Gemeente Buren", domain=False)
    culemborg = OrganisationFactory(name="Gemeente Culemborg", domain=False)
    for organisation in (buren, culemborg):
        OrganisationDomain.objects.create(organisation=organisation, domain="shared-domain.nl")
    user = UserFactory(email="x@shared-domain.nl", full_name="Pim de Wit")
    affiliations.choose(user, buren)
    UserFactory(email="iemand@onbekend-domein.nl", full_name="Iris Bos")

    page.goto(AFFILIATIONS)
    expect(page.get_by_role("heading", level=1)).to_have_text("Koppelingen")
    rows = listing_rows(page)
    # Work waiting for staff comes first: Pim's choice to confirm.
    expect(rows.first.locator("td")).to_contain_text(
        ["Pim de Wit", "x@shared-domain.nl", "Gemeente Buren", "wacht op bevestiging"]
    )
    check_accessible(page, "koppelingen")

    rows.first.get_by_role("link", name="Pim de Wit").click()
    expect(page).to_have_url(re.compile(rf"{AFFILIATIONS}{user.affiliation.pk}/$"))
    expect(fact(page, "Status")).to_have_text("wacht op bevestiging")
    expect(fact(page, "Lid vandaag")).to_have_text("nee")
    confirm = page.get_by_role("region", name="Keuze bevestigen")
    expect(confirm).to_contain_text("Pim de Wit koos voor Gemeente Buren")
    history = page.get_by_role("region", name="Geschiedenis").locator("tbody tr")
    expect(history).to_have_count(2)
    check_accessible(page, "koppeling met een keuze om te bevestigen")

    confirm.get_by_role("button", name="Bevestigen").click()
    expect(page.locator(".messages")).to_contain_text(
        "De keuze van Pim de Wit voor Gemeente Buren is bevestigd."
    )
    expect(fact(page, "Status")).to_have_text("gekoppeld via e-maildomein")
    expect(fact(page, "Besloten door")).to_have_text(STAFF_NAME)
    expect(fact(page, "Lid vandaag")).to_have_text("ja")
    expect(page.get_by_role("button", name="Bevestigen")).to_have_count(0)
    expect(history).to_have_count(3)
    expect(history.first.locator("td")).to_have_text(
        [
            TIMESTAMP,
            "gekoppeld via e-maildomein",
            "Gemeente Buren",
            "shared-domain.nl",
            "Keuze bevestigd.",
            STAFF_NAME,
        ]
    )
    check_accessible(page, "koppeling na bevestigen")

    # Linking by hand without a reason: a Dutch error at the field, and nothing changes.
    manual = page.get_by_role("region", name="Handmatig koppelen")
    organisation = manual.get_by_label("Organisatie")
    organisation.select_option(label="Gemeente Culemborg")
    manual.get_by_role("button", name="Koppelen").click()
    reason = page.get_by_role("region", name="Handmatig koppelen").get_by_label("Reden")
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Geef een reden voor de koppeling.")).to_be_visible()
    expect(organisation).to_have_value(str(culemborg.pk))  # the choice survives the error
    expect(fact(page, "Status")).to_have_text("gekoppeld via e-maildomein")
    expect(history).to_have_count(3)
    check_accessible(page, "handmatig koppelen zonder reden")

    reason.fill("Gedetacheerd bij Culemborg, mailt vanaf het gedeelde adres.")
    manual.get_by_role("button", name="Koppelen").click()
    expect(page.locator(".messages")).to_contain_text(
        "Pim de Wit is gekoppeld aan Gemeente Culemborg."
    )
    expect(fact(page, "Status")).to_have_text("handmatig gekoppeld")
    expect(fact(page, "Organisatie")).to_have_text("Gemeente Culemborg")
    expect(history).to_have_count(4)
    expect(history.first.locator("td")).to_have_text(
        [
            TIMESTAMP,
            "handmatig gekoppeld",
            "Gemeente Culemborg",
            "shared-domain.nl",
            "Gedetacheerd bij Culemborg, mailt vanaf het gedeelde adres.",
            STAFF_NAME,
        ]
    )
    check_accessible(page, "koppeling na handmatig koppelen")

    affiliation = Affiliation.objects.get(user=user)
    assert (affiliation.status, affiliation.organisation) == ("handmatig", culemborg)


def test_unknown_domains_most_used_first_with_links_to_add_and_to_the_people(staff_page):
    page = staff_page
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    UserFactory(email="lid@veenendaal.nl")
    UserFactory(email="een@onbekend-domein.nl", full_name="Eva Jansen")
    UserFactory(email="twee@onbekend-domein.nl", full_name="Tom Visser")
    UserFactory(email="drie@ander-domein.nl")

    page.goto(UNKNOWN_DOMAINS)
    expect(page.get_by_role("heading", level=1)).to_have_text("Onbekende domeinen")
    rows = listing_rows(page)
    # The staff member's own address (leerhuis-beheer.nl) is an unknown domain too.
    expect(rows).to_have_count(3)
    expect(rows.first.locator("td").nth(0)).to_have_text("onbekend-domein.nl")
    expect(rows.first.locator("td").nth(1)).to_have_text("2")
    expect(page.get_by_text("veenendaal.nl")).to_have_count(0)
    expect(
        page.get_by_role("link", name="Organisatie toevoegen voor onbekend-domein.nl")
    ).to_have_attribute("href", ORGANISATION_ADD)
    check_accessible(page, "onbekende domeinen")

    rows.first.get_by_role("link", name="Bekijk personen met onbekend-domein.nl").click()
    expect(page).to_have_url(re.compile(r"status=onbekend_domein"))
    people = listing_rows(page)
    expect(people).to_have_count(2)
    expect(page.locator("main table.listing tbody")).to_contain_text("Eva Jansen")
    expect(page.locator("main table.listing tbody")).to_contain_text("Tom Visser")


def test_the_people_link_on_unknown_domains_says_what_it_shows(staff_page):
    page = staff_page
    UserFactory(email="een@onbekend-domein.nl")
    page.goto(UNKNOWN_DOMAINS)
    expect(page.locator("main table.listing")).to_contain_text("onbekend-domein.nl")
    # label-content-name-mismatch is one of axe's "experimental" rules, so the WCAG tags in
    # assert_accessible leave it out. Scoped to the table our column renders: Wagtail's own
    # "Toon filters" button in the header (aria-label, icon only) trips it too.
    results = Axe().run(
        page,
        context="main table.listing",
        options={
            "runOnly": {"type": "rule", "values": ["label-content-name-mismatch"]},
            "resultTypes": ["violations"],
        },
    )
    found = results.response["violations"]
    assert found == [], [node["html"] for violation in found for node in violation["nodes"]]


def test_the_lid_nu_filter_pill_reads_ja(staff_page):
    page = staff_page
    OrganisationFactory(name="Gemeente Buren")
    page.goto(f"{ORGANISATIONS}?lid_nu=true")
    expect(page.locator(".w-active-filters .w-pill__content")).to_have_text(
        re.compile(r"^\s*Lid nu:\s*Ja\s*$"), timeout=2_000
    )
