"""The screenshots of the editor guide (docs/redactie.md), made in a browser from invented
data: `make docs-screenshots` runs this module with DOCS_SCREENSHOTS=1 and writes the PNGs
to docs/img/redactie/. An ordinary test run skips it: the pictures change only when someone
means to change them, and a run of the suite writes nothing into the repository."""

import datetime
import importlib
import os
from io import BytesIO
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from events import services
from events.models import EventSpeaker, ProgrammeSlot
from glossary import review
from glossary.models import ConceptStatus
from members.models import Organisation
from tests.e2e.admin import log_in_staff
from tests.e2e.helpers import browser_page
from tests.events_factories import EventPageFactory, in_days, member
from tests.factories import OrganisationFactory, PersonFactory, StaffFactory, UserFactory
from tests.glossary_factories import begrip
from tests.knowledge.case_helpers import restore_moderator_rights, submitted_case
from tests.knowledge_factories import kennisbank_page

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        os.environ.get("DOCS_SCREENSHOTS") != "1",
        reason="maakt de schermafbeeldingen van docs/redactie.md; alleen met "
        "DOCS_SCREENSHOTS=1 (make docs-screenshots)",
    ),
]

OUT = Path(__file__).resolve().parents[2] / "docs" / "img" / "redactie"
MAX_BYTES = 250_000
TITLE = "Studiedag sturen op maatschappelijke opgaven"
# Invented people at three member organisations (their own domains, as members sign up).
ATTENDEES = [
    ("Anouk Verbeek", "a.verbeek", "Gemeente Amersfoort", "amersfoort.nl"),
    ("Bas Hoogendoorn", "b.hoogendoorn", "Gemeente Veenendaal", "veenendaal.nl"),
    ("Chantal de Graaf", "c.degraaf", "Provincie Utrecht", "provincie-utrecht.nl"),
    ("Daan Kuipers", "d.kuipers", "Gemeente Amersfoort", "amersfoort.nl"),
    ("Esther van Dam", "e.vandam", "Gemeente Veenendaal", "veenendaal.nl"),
]


def shoot(page, name):
    """The window as the editor sees it, in at most 256 colours: the admin is flat colour,
    and a quantised PNG is a fifth of the size of the raw one."""
    for messages in page.locator(".messages > ul:has(li)").all():
        expect(messages).to_have_css("opacity", "1")
    raw = page.screenshot(animations="disabled", caret="hide")
    image = Image.open(BytesIO(raw)).convert("RGB")
    image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    image.save(path, optimize=True)
    assert image.width == 1280
    assert path.stat().st_size < MAX_BYTES, f"{path.name} is {path.stat().st_size} bytes"


def study_day():
    """A meeting as the demo has them: a programme with a break and two speakers."""
    start = in_days(30, 9, 30)
    event = EventPageFactory(
        title=TITLE,
        slug="studiedag-opgaven",
        intro="Een dag over opgave-sturing in de praktijk: wat vraagt het van gemeenten?",
        start=start,
        end=start + datetime.timedelta(hours=6, minutes=30),
        venue="Stadskantoor Amersfoort",
        address="Stadhuisplein 1, 3811 LM Amersfoort",
        capacity=4,
    )
    marieke = PersonFactory(name="Marieke Oudeboer", role="Opgave-manager, gemeente Zeewolde")
    jurre = PersonFactory(name="Jurre van Lieshout", role="Lector publiek management")
    slots = [
        ("09:30", "10:30", "Opening: waar staan we met opgave-sturing?", marieke, False),
        ("10:30", "11:00", "Koffiepauze", None, True),
        ("11:00", "12:30", "Sturen op effecten in de wijk", jurre, False),
    ]
    for order, (begins, ends, title, speaker, is_break) in enumerate(slots):
        ProgrammeSlot.objects.create(
            page=event,
            sort_order=order,
            starts_at=begins,
            ends_at=ends,
            title=title,
            speaker=speaker,
            is_break=is_break,
        )
    for order, person in enumerate((marieke, jurre)):
        EventSpeaker.objects.create(page=event, sort_order=order, person=person)
    event.save_revision().publish()
    return event


def test_publishing_a_meeting_and_its_registrations(page, browser, live_server):
    event = study_day()
    for name, mailbox, organisation, domain in ATTENDEES:
        if not Organisation.objects.filter(name=organisation).exists():
            OrganisationFactory(name=organisation, domain=domain)
        user = UserFactory(full_name=name, email=f"{mailbox}@{domain}")
        services.register(event, user, services.Answers())
    log_in_staff(page, StaffFactory(full_name="Eva Zwanenburg", email="eva@leerhuis-beheer.nl"))

    page.goto(reverse("wagtailadmin_home"))
    expect(page.locator("#komende-activiteiten-content")).to_contain_text(TITLE)
    shoot(page, "dashboard")

    page.goto(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    expect(page.get_by_role("tab", name="Programma")).to_be_visible()
    shoot(page, "activiteit-inhoud")
    page.get_by_role("tab", name="Programma").click()
    expect(page.locator("#id_programme-0-title")).to_be_visible()
    shoot(page, "activiteit-programma")

    page.goto(reverse("aanmeldingen:registrations", args=[event.pk]))
    expect(page.locator(".w-summary")).to_contain_text("1 wachtlijst")
    shoot(page, "aanmeldingen")

    page.goto(f"{reverse('aanmeldingen:yearly')}?jaar={event.start.year}")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    shoot(page, "jaaroverzicht")

    with browser_page(browser, live_server) as visitor:
        visitor.goto(event.url)
        expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
        shoot(visitor, "activiteit-gepubliceerd")


def test_moderating_a_case_and_a_begrip(page):
    importlib.import_module(
        "leerhuis.knowledge.migrations.0004_case_review_workflow"
    ).create_case_workflow(django_apps)
    importlib.import_module("glossary.migrations.0003_review_workflow").create_review_workflow(
        django_apps
    )
    importlib.import_module("glossary.migrations.0004_editor_permissions").grant_permissions(
        django_apps
    )
    restore_moderator_rights()
    kennisbank_page()
    author = member(full_name="Fenna de Vries")
    case = submitted_case(author)
    concept = begrip(
        "Kwartiermaker",
        "Iemand die een nieuwe opgave verkent en organiseert voordat er een vaste "
        "organisatie voor is.",
        publish=False,
        status=ConceptStatus.VOORGESTELD,
    )
    concept.save_revision(user=author)
    review.start_review(concept, author)
    log_in_staff(page, StaffFactory(full_name="Eva Zwanenburg", email="eva@leerhuis-beheer.nl"))

    waiting = page.get_by_role("region", name="In afwachting van jouw beoordeling")
    expect(waiting).to_contain_text(case.title)
    waiting.scroll_into_view_if_needed()
    shoot(page, "moderatie-wachtrij")

    page.goto(reverse("wagtailadmin_pages:edit", args=[case.pk]))
    page.get_by_role("button", name="Meer acties").click()
    expect(page.get_by_role("button", name="Goedkeuren en publiceren")).to_be_visible()
    shoot(page, "casus-beoordelen")

    page.goto(reverse("wagtailsnippets_glossary_concept:edit", args=[concept.pk]))
    page.get_by_role("button", name="Meer acties").click()
    expect(page.get_by_role("button", name="Wijzigingsverzoek")).to_be_visible()
    shoot(page, "begrip-beoordelen")


def test_adding_a_begrip_and_an_organisation(page):
    log_in_staff(page, StaffFactory(full_name="Eva Zwanenburg", email="eva@leerhuis-beheer.nl"))

    page.goto(reverse("wagtailsnippets_glossary_concept:add"))
    page.locator("#id_pref_label").fill("Opgave-eigenaar")
    page.locator("#id_definition").fill(
        "De bestuurder of manager die verantwoordelijk is voor het resultaat van een opgave."
    )
    page.locator("#id_explanation").fill("Wie zegt wat de opgave moet opleveren.")
    shoot(page, "begrip-toevoegen")

    page.goto(reverse("wagtailsnippets_members_organisation:add"))
    page.locator("#id_name").fill("Gemeente Lingewaard")
    page.locator("#id_kind").select_option("gemeente")
    page.locator("#id_province").select_option("gelderland")
    page.locator("#id_cbs_code").fill("GM1705")
    page.locator("#id_website").fill("https://www.lingewaard.nl")
    page.get_by_role("button", name="Voeg domein toe").click()
    page.locator("#id_domains-0-domain").fill("lingewaard.nl")
    page.locator("#id_domains-0-domain").scroll_into_view_if_needed()
    shoot(page, "organisatie-toevoegen")
