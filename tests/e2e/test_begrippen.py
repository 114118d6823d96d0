"""The begrippenkader in a browser: the A–Z index, a search, one begrip; axe on each, and
nothing wider than a phone."""

import pytest
from playwright.sync_api import expect

from glossary.models import ConceptStatus
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import too_wide
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def begrippen(db):
    opgave = begrip(
        "Opgave",
        "Een maatschappelijk vraagstuk dat een gemeente met anderen aanpakt.",
        explanation="Iets wat de stad echt nodig heeft, zoals genoeg woningen.",
    )
    sturing = begrip(
        "Opgave-sturing",
        "Sturen op een maatschappelijke opgave over de grenzen van afdelingen heen.",
        alt_labels="opgavesturing",
        broader=[opgave],
        examples="De woningbouwopgave in Veenendaal.",
    )
    begrip("Programmamanagementondersteuning", "Hulp bij het besturen van programma's.")
    begrip("Súdwest-Fryslân-model", "Hoe Súdwest-Fryslân zijn opgave-managers mandateert.")
    begrip("Integraal werken", status=ConceptStatus.VERVANGEN, replaced_by=sturing)
    return sturing


def test_a_visitor_finds_a_begrip_by_letter_and_by_search(page, begrippen):
    page.goto("/begrippen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Begrippenkader opgavesturing")
    assert_accessible(page, "begrippen: index")

    page.get_by_role("link", name="Begrippen met de letter S").click()
    expect(page.get_by_role("link", name="Súdwest-Fryslân-model")).to_be_visible()
    expect(page.get_by_role("link", name="Opgave", exact=True)).to_have_count(0)

    page.get_by_label("Zoek een begrip").fill("sudwest")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status")).to_have_text("1 begrip")
    assert_accessible(page, "begrippen: gezocht")

    page.get_by_label("Status").select_option("vervangen")
    page.get_by_label("Zoek een begrip").fill("")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Integraal werken")).to_be_visible()


def test_a_begrip_page_reads_well_and_leads_on(page, begrippen):
    page.goto("/begrippen/opgave-sturing/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Opgave-sturing")
    expect(page.get_by_text("Sturen op een maatschappelijke opgave")).to_be_visible()
    assert_accessible(page, "begrip")

    page.get_by_role("link", name="Opgave", exact=True).click()
    expect(page).to_have_url(f"{page.url.split('/begrippen/')[0]}/begrippen/opgave/")
    expect(page.get_by_role("heading", name="In gewone woorden")).to_be_visible()

    page.goto("/begrippen/integraal-werken/")
    expect(page.get_by_text("Dit begrip is vervangen")).to_be_visible()
    assert_accessible(page, "vervangen begrip")


@pytest.mark.parametrize("path", ["/begrippen/", "/begrippen/opgave-sturing/"])
def test_the_begrippen_fit_a_narrow_phone(page, begrippen, path):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(path)
    assert too_wide(page) == []
