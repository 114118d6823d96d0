"""Groups in a browser: a member asks to join an intervision group, a manager (in a second
browser) accepts, and the member then finds the group's documents. Axe at 375 and 1280 px
on the list, the group page for an outsider, with a request pending, for the manager, for
the new member, and the upload form with an error."""

import re

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from members.access import Visibility
from members.models import Groepslid, Toegang
from tests.community_factories import GroepFactory, GroepslidFactory
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import browser_page, fill_login, log_in, too_wide
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (375, 1280)


def accessible_at_both_widths(page, label):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page, f"{label} ({width} px)")
        if width == 375:
            assert too_wide(page) == [], label


@pytest.fixture
def manager_page(browser, live_server):
    with browser_page(browser, live_server) as page:
        yield page


def test_a_member_asks_to_join_a_manager_accepts_and_the_member_reads_the_documents(
    page, manager_page
):
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    asker = UserFactory(email="anna@veenendaal.nl", full_name="Anna de Boer")
    manager = UserFactory(email="bram@veenendaal.nl", full_name="Bram Jansen")
    groep = GroepFactory(
        name="Intervisie opgave-managers",
        slug="intervisie",
        description="Opgave-managers die elkaar elke zes weken bevragen.",
        toegang=Toegang.OP_VERZOEK,
    )
    GroepslidFactory(groep=groep, user=manager, role=Groepslid.Rol.BEHEERDER)
    document = get_document_model()(
        title="Notulen intervisie maart", visibility=Visibility.GROUP, group=groep
    )
    document.file.save("notulen-maart.pdf", ContentFile(b"%PDF-1.4\n% notulen\n"), save=False)
    document.save()

    # The member: the list, the group from outside, the request.
    log_in(page, asker.email)
    page.goto("/groepen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Groepen")
    accessible_at_both_widths(page, "groepen")
    page.get_by_role("link", name="Intervisie opgave-managers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Intervisie opgave-managers")
    expect(page.locator("main")).not_to_contain_text("Notulen intervisie maart")
    accessible_at_both_widths(page, "groep van buiten")
    page.get_by_label("Toelichting (niet verplicht)").fill("Ik leid de opgave Wonen in Veenendaal.")
    page.get_by_role("button", name="Verzoek indienen").click()
    expect(page.locator(".messages")).to_contain_text("Je verzoek is verstuurd")
    expect(page.get_by_role("button", name="Verzoek intrekken")).to_be_visible()
    accessible_at_both_widths(page, "groep met verzoek")

    # The manager, in a browser of their own: the request with its motivation; accept.
    log_in(manager_page, manager.email)
    manager_page.goto("/groepen/intervisie/")
    expect(manager_page.locator("#beheer")).to_contain_text("Ik leid de opgave Wonen")
    accessible_at_both_widths(manager_page, "groep voor de beheerder")
    manager_page.get_by_role("button", name="Laat Anna de Boer toe").click()
    expect(manager_page.locator(".messages")).to_contain_text("Anna de Boer is nu lid")
    expect(manager_page.locator("#beheer")).to_contain_text("Geen openstaande verzoeken")

    # The member again: now inside, with the group's documents.
    page.reload()
    expect(page.locator("#meedoen")).to_have_text("Jouw lidmaatschap")
    link = page.get_by_role("link", name="Notulen intervisie maart")
    expect(link).to_be_visible()
    accessible_at_both_widths(page, "groep voor een lid")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF-")

    # A wrong file in the upload form: a Dutch message, the form open again.
    page.get_by_text("Document toevoegen").click()
    page.get_by_label("Titel").fill("Rooster")
    page.get_by_label("Bestand").set_input_files(
        {"name": "rooster.pdf", "mimeType": "application/pdf", "buffer": b"geen pdf"}
    )
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".error-summary")).to_contain_text("geen echt PDF-bestand")
    accessible_at_both_widths(page, "document met fout")
    expect(page).to_have_url(re.compile(r"/groepen/intervisie/documenten/$"))


def test_an_invited_person_accepts_a_hidden_group_s_invitation_after_logging_in(page):
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    manager = UserFactory(email="voorzitter@veenendaal.nl", full_name="Vera Voorzitter")
    invited = UserFactory(email="bestuurslid@veenendaal.nl", full_name="Bas Bestuurslid")
    groep = GroepFactory(
        name="Bestuur", slug="bestuur-groep", description="Het bestuur.", toegang=Toegang.VERBORGEN
    )
    GroepslidFactory(groep=groep, user=manager, role=Groepslid.Rol.BEHEERDER)

    log_in(page, manager.email)
    page.goto("/groepen/bestuur-groep/")
    page.get_by_label("E-mailadres").fill("geen adres")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".error-summary")).to_contain_text("Vul een geldig e-mailadres in")
    accessible_at_both_widths(page, "uitnodigen met fout")
    page.get_by_label("E-mailadres").fill(invited.email)
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".messages")).to_contain_text("De uitnodiging aan bestuurslid@")
    page.context.clear_cookies()

    token = groep.uitnodigingen.get().token
    page.goto(f"/groepen/uitnodiging/{token}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.goto(f"/accounts/login/?next=/groepen/uitnodiging/{token}/")
    fill_login(page, invited.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitnodiging voor Bestuur")
    accessible_at_both_widths(page, "uitnodiging")
    page.get_by_role("button", name="Uitnodiging aannemen").click()
    expect(page).to_have_url(re.compile(r"/groepen/bestuur-groep/$"))
    expect(page.locator(".messages")).to_contain_text("Welkom in Bestuur")
    accessible_at_both_widths(page, "groep na uitnodiging")
