"""Members in a browser: the demo's member and guest, the directory, the board, the 403 page
and the Mijn Leerhuis forms, each checked with axe."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from leerhuis.core.models import HomePage
from tests.e2e.axe import assert_accessible
from tests.factories import PASSWORD, StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_PASSWORD = "leerhuis-demo"
MEMBER = "lid@veenendaal.nl"
GUEST = "gast@voorbeeld.nl"
MEMBERS_ONLY = "/alleen-voor-leden/"


@pytest.fixture
def demo(settings, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins", verbosity=0)
    settings.DEBUG = False


@pytest.fixture
def members_page(demo):
    return StandardPageFactory(
        parent=HomePage.objects.get(),
        title="Alleen voor leden",
        slug="alleen-voor-leden",
        intro="Praktijkervaringen met opgave-sturing, gedeeld door lidgemeenten.",
        visibility="members",
    )


def log_in(page, email, password=DEMO_PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_be_visible()


def test_the_member_sees_the_membership_and_its_end_date(page, members_page):
    log_in(page, MEMBER)
    page.goto("/mijn-leerhuis/")
    status = page.locator(".status")
    expect(status).to_contain_text(
        re.compile(r"Gemeente Veenendaal is lid t/m \d{2}-\d{2}-\d{4}\.")
    )
    expect(status).to_contain_text("Bijeenkomsten zijn voor jou gratis")
    assert_accessible(page, "mijn leerhuis (lid)")

    response = page.goto(MEMBERS_ONLY)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Alleen voor leden")


def test_the_guest_sees_why_it_is_no_member(page, members_page):
    log_in(page, GUEST)
    page.goto("/mijn-leerhuis/")
    expect(page.locator(".status")).to_contain_text(
        "Het domein voorbeeld.nl hoort (nog) niet bij een aangesloten organisatie."
    )
    expect(page.get_by_text("het tarief voor niet-leden")).to_be_visible()
    assert_accessible(page, "mijn leerhuis (gast)")

    response = page.goto(MEMBERS_ONLY)
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina is alleen voor leden")
    expect(page.get_by_text("niet gekoppeld aan een organisatie die lid is")).to_be_visible()
    expect(page.get_by_text("voorbeeld.nl hoort (nog) niet bij")).to_be_visible()
    expect(page.get_by_text("Alleen voor leden", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="welke organisaties al lid zijn")).to_be_visible()
    assert_accessible(page, "403 (ingelogd, geen lid)")


def test_an_anonymous_visitor_is_asked_to_log_in(page, members_page):
    response = page.goto(MEMBERS_ONLY)
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina is alleen voor leden")
    expect(page.get_by_text("Praktijkervaringen met opgave-sturing")).to_have_count(0)
    assert_accessible(page, "403 (anoniem)")
    page.get_by_role("link", name="Inloggen").last.click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/alleen-voor-leden/"))
    page.get_by_label("E-mail").fill(MEMBER)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/alleen-voor-leden/$"))
    expect(page.get_by_text("Praktijkervaringen met opgave-sturing")).to_be_visible()


def test_the_member_directory_and_its_search(page, demo):
    page.goto("/leden/")
    expect(page.locator("h1")).to_have_text("Leden")
    expect(page.locator(".lead")).to_contain_text(re.compile(r"\d+ aangesloten organisaties"))
    expect(page.get_by_role("heading", name=re.compile("^Drenthe"))).to_be_visible()
    expect(page.get_by_role("link", name="Gemeente Veenendaal")).to_be_visible()
    expect(page.get_by_text("Gemeente Weesp")).to_have_count(0)
    assert_accessible(page, "/leden/")

    page.get_by_label("Zoek een organisatie").fill("sudwest")
    page.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"/leden/\?q=sudwest$"))
    expect(page.get_by_role("status")).to_contain_text("1 organisatie gevonden voor ‘sudwest’")
    expect(page.get_by_role("link", name="Gemeente Súdwest-Fryslân")).to_be_visible()
    assert_accessible(page, "/leden/?q=sudwest")

    page.get_by_label("Zoek een organisatie").fill("Atlantis")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status")).to_contain_text("0 organisaties gevonden")
    expect(page.get_by_text("Geen aangesloten organisatie gevonden.")).to_be_visible()
    assert_accessible(page, "/leden/?q=Atlantis (geen resultaten)")


def test_the_board(page, demo):
    page.goto("/bestuur/")
    names = page.locator(".person__name")
    expect(names).to_have_text(
        ["Francois van Doesburg", "Fernando Salinas Camara", "Wilbert Wouters", "Gert Bolkesteijn"]
    )
    expect(page.get_by_text("Samenwerkingsorganisatie De Wolden Hoogeveen")).to_be_visible()
    assert_accessible(page, "/bestuur/")


def test_profile_form_with_a_validation_error(page, demo):
    log_in(page, GUEST)
    page.goto("/mijn-leerhuis/profiel/")
    assert_accessible(page, "profiel")
    page.get_by_label("Volledige naam").fill("")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".field__error").first).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Profiel bewerken")
    assert_accessible(page, "profiel met fout")

    page.get_by_label("Volledige naam").fill("Sanne de Vries")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(r"/mijn-leerhuis/$"))
    expect(page.get_by_text("Je profiel is bijgewerkt.")).to_be_visible()


def test_a_shared_domain_asks_which_organisation(page, demo):
    UserFactory(email="g.bolkesteijn@dewoldenhoogeveen.nl", full_name="Gert Bolkesteijn")
    log_in(page, "g.bolkesteijn@dewoldenhoogeveen.nl", PASSWORD)
    page.goto("/mijn-leerhuis/")
    expect(page.locator(".status")).to_contain_text(
        "Meerdere organisaties gebruiken dewoldenhoogeveen.nl."
    )
    assert_accessible(page, "mijn leerhuis (keuze nodig)")

    page.get_by_role("link", name="Kies je organisatie").click()
    expect(page).to_have_url(re.compile(r"/mijn-leerhuis/organisatie/$"))
    expect(page.get_by_role("radio")).to_have_count(2)
    assert_accessible(page, "organisatie kiezen")

    page.get_by_role("button", name="Deze organisatie kiezen").click()
    expect(page.get_by_text("Kies een organisatie.").first).to_be_visible()
    assert_accessible(page, "organisatie kiezen met fout")

    page.get_by_label("Gemeente Hoogeveen").check()
    page.get_by_role("button", name="Deze organisatie kiezen").click()
    expect(page).to_have_url(re.compile(r"/mijn-leerhuis/$"))
    expect(page.locator(".status")).to_contain_text(
        "Je keuze voor Gemeente Hoogeveen wacht op bevestiging"
    )
    assert_accessible(page, "mijn leerhuis (keuze gemaakt)")


def test_deleting_the_account_from_start_to_end(page, demo):
    log_in(page, GUEST)
    page.goto("/mijn-leerhuis/")
    page.get_by_role("link", name="Verwijder mijn account").click()
    # allauth asks for the password again before a step that cannot be undone.
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig dat jij het bent")
    assert_accessible(page, "toegang bevestigen")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Bevestig").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account verwijderen")
    assert_accessible(page, "account verwijderen")
    page.get_by_role("button", name="Account definitief verwijderen").click()
    expect(page.get_by_text("Vink aan dat je dit begrijpt.").first).to_be_visible()
    assert_accessible(page, "account verwijderen met fout")

    page.get_by_label("Ik begrijp dat mijn account en gegevens definitief verdwijnen.").check()
    page.get_by_role("button", name="Account definitief verwijderen").click()
    expect(page.get_by_text("Je account en je gegevens zijn verwijderd.")).to_be_visible()
    assert_accessible(page, "na verwijderen")

    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(GUEST)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_role("link", name="Mijn Leerhuis")).to_have_count(0)


def test_the_sessions_page_lists_where_you_are_logged_in(page, demo):
    log_in(page, MEMBER)
    page.goto("/mijn-leerhuis/")
    page.get_by_role("link", name="Waar je bent ingelogd").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Waar je bent ingelogd")
    expect(page.get_by_text("Dit apparaat", exact=True)).to_be_visible()
    assert_accessible(page, "sessies")
