"""Mijn ontwikkeling in a browser: a member sees their year, adds a course elsewhere with a
proof, downloads the proof, sets a goal, downloads the year's statement as PDF and takes the
course away again; axe at 1280 and 375 px on every page and form state on the way."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from events.development.codes import code_for
from events.models import ExternalLearning
from tests.development_factories import PDF, accredit, attended
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import log_in, too_wide
from tests.events_factories import EventPageFactory, LearningTrackPageFactory, in_days, member

pytestmark = pytest.mark.django_db(transaction=True)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


def check_both_widths(page, label):
    assert_accessible(page, f"{label} (1280 px)")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], too_wide(page)
    assert_accessible(page, f"{label} (375 px)")
    page.set_viewport_size(DESKTOP)


def test_a_member_keeps_their_record_of_the_year(page, tmp_path):
    person = member()
    days = min(20, timezone.localdate().timetuple().tm_yday - 1)
    track = LearningTrackPageFactory(title="Leergang opgavegericht werken voor gemeenten")
    event = EventPageFactory(
        title="Opgave-sturing: het opdrachtgevende niveau versterken",
        start=in_days(-days, 10),
        end=in_days(-days, 13),
        learning_track=track,
    )
    accredit(event, points="3")
    attended_code = code_for(attended(person, event))
    log_in(page, person.email)

    # The meeting's page says what it is worth.
    page.goto(event.url)
    expect(page.locator("body")).to_contain_text("3 PE-punten")
    check_both_widths(page, "een activiteit met accreditatie")

    page.goto("/mijn-leerhuis/")
    expect(page.locator("#ontwikkeling")).to_contain_text("3 uur")
    check_both_widths(page, "mijn leerhuis, mijn ontwikkeling")
    page.locator("#ontwikkeling").get_by_role("link", name="Bekijk je ontwikkeling").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mijn ontwikkeling in")
    expect(page.get_by_role("link", name=event.title)).to_be_visible()
    check_both_widths(page, "mijn ontwikkeling")

    page.get_by_role("link", name="Leren elders toevoegen").click()
    check_both_widths(page, "leren elders toevoegen")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_role("heading", name="Controleer wat je hebt ingevuld")).to_be_visible()
    check_both_widths(page, "leren elders toevoegen, met fouten")

    proof = tmp_path / "certificaat-prince2.pdf"
    proof.write_bytes(PDF)
    page.get_by_label("Wat heb je gedaan?").fill("PRINCE2 Foundation")
    page.get_by_label("Organisator").fill("Academie voor Overheidsmanagement")
    page.get_by_label("Datum").fill(
        (timezone.localdate() - datetime.timedelta(days=days)).isoformat()
    )
    page.get_by_label("Studie-uren").fill("12,5")
    page.get_by_label("Bewijsstuk").set_input_files(str(proof))
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text("‘PRINCE2 Foundation’ staat in je overzicht.")).to_be_visible()
    expect(page.get_by_text("15,5 uur").first).to_be_visible()
    check_both_widths(page, "mijn ontwikkeling, met leren elders")

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Bewijsstuk")).click()
    assert download.value.suggested_filename == "certificaat-prince2.pdf"

    page.get_by_role("link", name="Stel een doel").click()
    check_both_widths(page, "mijn doel")
    page.get_by_label("Studie-uren").fill("31")
    page.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_text("15,5 uur van je doel van 31 uur: 50%")).to_be_visible()
    check_both_widths(page, "mijn ontwikkeling, met doel")

    with page.expect_download() as download:
        page.get_by_role("link", name=f"Overzicht {timezone.localdate().year} downloaden").click()
    assert download.value.suggested_filename.endswith(".pdf")
    statement = " ".join(p.extract_text() for p in PdfReader(download.value.path()).pages).replace(
        "\n", " "
    )
    for expected in (person.full_name, "PRINCE2 Foundation", "eigen opgave", "15,5 uur"):
        assert expected in statement
    assert attended_code in statement

    page.get_by_role("link", name=re.compile(r"^Verwijderen")).click()
    check_both_widths(page, "leren elders verwijderen")
    page.get_by_role("button", name="Ja, verwijderen").click()
    expect(page.get_by_text("‘PRINCE2 Foundation’ is uit je overzicht gehaald.")).to_be_visible()
    assert not ExternalLearning.objects.exists()
