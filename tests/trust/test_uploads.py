"""Every upload form takes only files that are what their name says, of a listed type and a
bounded size: the admin's document and image forms (one file and several at once), a group's
documents, a case's attachment and the proof of learning elsewhere. SVG, HTML under another
name and oversized images are refused with a Dutch message, and nothing is stored."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from events.models import ExternalLearning
from leerhuis.core import uploads
from leerhuis.knowledge.models import CasePage
from tests.community.groups_helpers import group
from tests.events_factories import member, themes
from tests.factories import UserFactory
from tests.knowledge.case_helpers import form_data
from tests.knowledge_factories import kennisbank_page
from tests.trust.upload_samples import GOOD, HTML, ODF, OOXML, SVG, png

pytestmark = pytest.mark.django_db
Document = get_document_model()
Image = get_image_model()

# What an attacker (or a careless colleague) might send, and why it is refused.
BAD = [
    ("logo.svg", SVG, "Dit soort bestand kan hier niet"),
    ("pagina.html", HTML, "Dit soort bestand kan hier niet"),
    ("archief.zip", OOXML, "Dit soort bestand kan hier niet"),
    ("installeer.exe", b"MZ\x90\x00", "Dit soort bestand kan hier niet"),
    ("geen-extensie", b"%PDF-1.7\n", "Dit soort bestand kan hier niet"),
    ("verslag.pdf", HTML, "Dit bestand is geen echt PDF-bestand"),
    ("plan.docx", HTML, "Dit bestand is geen echt DOCX-bestand"),
    ("lijst.csv", b"%PDF-1.7\nbinair\x00", "Dit bestand is geen echt CSV-bestand"),
    ("film.mp4", HTML, "Dit bestand is geen echt MP4-bestand"),
    ("ondertitels.vtt", HTML, "Dit bestand is geen echt VTT-bestand"),
]


def stored_files():
    location = Path(settings.STORAGES["documents"]["OPTIONS"]["location"])
    return {path for path in location.rglob("*") if path.is_file()}


def root():
    return Collection.get_first_root_node().pk


def add_document(client, name, content, **data):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Bijlage",
            "file": SimpleUploadedFile(name, content),
            "collection": root(),
            "visibility": "public",
            **data,
        },
    )


def test_the_lists_hold_no_type_a_browser_could_run_and_each_type_has_a_check():
    dangerous = {"svg", "svgz", "html", "htm", "xhtml", "xml", "js", "mjs", "exe", "zip"}
    assert dangerous.isdisjoint(settings.WAGTAILDOCS_EXTENSIONS)
    assert dangerous.isdisjoint(settings.WAGTAILIMAGES_EXTENSIONS)
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == set(GOOD)
    for extension in settings.WAGTAILDOCS_EXTENSIONS:
        assert extension in uploads.CHECKS and extension in uploads.CONTENT_TYPES, extension


# --- the admin: documents ------------------------------------------------------------------


@pytest.mark.parametrize("extension", sorted(GOOD))
def test_an_editor_uploads_every_listed_type(admin_client_with_mfa, extension):
    response = add_document(admin_client_with_mfa, f"bijlage.{extension}", GOOD[extension])
    assert response.status_code == 302
    assert Document.objects.get().file_extension == extension


@pytest.mark.parametrize(("name", "content", "message"), BAD)
def test_an_editor_s_bad_file_is_refused_in_dutch_and_not_stored(
    admin_client_with_mfa, name, content, message
):
    before = stored_files()
    response = add_document(admin_client_with_mfa, name, content, title="Mag niet")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Bestandsextensie" not in html  # one clear message, not Wagtail's second one
    assert not Document.objects.exists()
    assert stored_files() == before


@pytest.mark.parametrize(("name", "content", "message"), BAD)
def test_several_files_at_once_are_checked_the_same_way(
    admin_client_with_mfa, name, content, message
):
    before = stored_files()
    response = admin_client_with_mfa.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert not Document.objects.exists()
    assert stored_files() == before


def test_only_a_video_may_be_larger_than_a_document(admin_client_with_mfa, settings):
    settings.LEERHUIS_DOCUMENT_MAX_UPLOAD_SIZE = 1000
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 5000
    client = admin_client_with_mfa
    response = add_document(client, "verslag.pdf", b"%PDF-1.7\n" + b"0" * 1000)
    assert response.status_code == 200
    assert "een PDF-bestand mag hooguit 1000\xa0bytes zijn" in response.content.decode()
    assert add_document(client, "film.mp4", GOOD["mp4"][:4000]).status_code == 302
    response = add_document(client, "lang.mp4", GOOD["mp4"][:6000])
    assert response.status_code == 200
    assert Document.objects.count() == 1


def test_replacing_a_document_s_file_is_checked_and_a_refusal_keeps_the_old_one(
    admin_client_with_mfa,
):
    client = admin_client_with_mfa
    add_document(client, "verslag.pdf", GOOD["pdf"], title="Verslag")
    document = Document.objects.get()
    response = client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "Verslag",
            "file": SimpleUploadedFile("verslag.pdf", HTML),
            "collection": root(),
            "visibility": "public",
        },
    )
    assert response.status_code == 200
    assert "Dit bestand is geen echt PDF-bestand" in response.content.decode()
    document.refresh_from_db()
    assert document.file.read() == GOOD["pdf"]


# --- the admin: images ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", SVG, "Geen ondersteund afbeeldingsformaat"),
        ("logo.png", SVG, "Geen geldige .png afbeelding"),
        ("foto.jpg", HTML, "Geen geldige .jpeg afbeelding"),
        ("foto.jpg", png(), "Geen geldige .jpeg afbeelding"),
        ("foto.webp", b"\x00\x01 geen beeld", "Upload een geldige afbeelding"),
    ],
)
def test_an_image_must_be_a_listed_format_that_willow_opens_as_such(
    admin_client_with_mfa, name, content, message
):
    response = admin_client_with_mfa.post(
        "/admin/images/add/",
        {"title": "Beeld", "file": SimpleUploadedFile(name, content), "collection": root()},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Image.objects.exists()


def test_an_image_with_too_many_pixels_or_bytes_is_refused(admin_client_with_mfa, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000  # the upload below has 1200
    response = admin_client_with_mfa.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("kaart.png", png())}
    )
    assert response.json()["success"] is False
    assert "teveel pixels" in response.json()["error_message"]
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = admin_client_with_mfa.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("kaart.png", png())}
    )
    assert response.json()["success"] is False
    assert "te groot" in response.json()["error_message"]
    assert not Image.objects.exists()


# --- the member forms ----------------------------------------------------------------------


def test_a_group_document_may_not_be_an_svg(client):
    groep = group()
    client.force_login(groep.member)
    response = client.post(
        reverse("groep_document", args=[groep.slug]),
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", SVG)},
    )
    assert response.status_code == 200
    assert "Dit soort bestand kan hier niet" in response.content.decode()
    assert not Document.objects.exists()


def test_a_group_takes_opendocument_files_too(client):
    groep = group()
    client.force_login(groep.member)
    for extension in ("odt", "ods", "odp"):
        response = client.post(
            reverse("groep_document", args=[groep.slug]),
            {"title": f"Stuk {extension}", "file": SimpleUploadedFile(f"stuk.{extension}", ODF)},
        )
        assert response.status_code == 302
    assert Document.objects.count() == 3


@pytest.mark.parametrize(
    ("name", "content"),
    [("logo.svg", SVG), ("logo.png", SVG), ("verslag.pdf", HTML), ("kaart.gif", b"GIF89a")],
)
def test_a_case_attachment_is_no_svg_and_no_html_whatever_its_name(client, name, content):
    kennisbank_page()
    client.force_login(member())
    data = form_data(themes("Wonen")[0], actie="opslaan", image_alt="Logo")
    data["attachment"] = SimpleUploadedFile(name, content)
    response = client.post("/kennisbank/casus-indienen/", data)
    assert response.status_code == 200
    assert "Dit bestandstype kunnen we niet aannemen." in response.content.decode()
    assert not CasePage.objects.exists() and not Image.objects.exists()


def test_a_case_image_with_too_many_pixels_is_refused(client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000  # the upload below has 1200
    kennisbank_page()
    client.force_login(member())
    data = form_data(themes("Wonen")[0], actie="opslaan", image_alt="Kaart van de wijk")
    data["attachment"] = SimpleUploadedFile("kaart.png", png())
    response = client.post("/kennisbank/casus-indienen/", data)
    assert response.status_code == 200
    assert "Deze afbeelding heeft te veel beeldpunten" in response.content.decode()
    assert not CasePage.objects.exists() and not Image.objects.exists()


def test_a_proof_of_learning_may_not_be_an_svg(client):
    client.force_login(UserFactory())
    day = timezone.localdate() - datetime.timedelta(days=7)
    response = client.post(
        "/mijn-leerhuis/ontwikkeling/elders/nieuw/",
        {
            "title": "Leergang Programmamanagement",
            "organiser": "Hogeschool Utrecht",
            "date": day.isoformat(),
            "hours": "24",
            "proof": SimpleUploadedFile("certificaat.svg", SVG),
        },
    )
    assert response.status_code == 200
    assert "Dit soort bestand kan hier niet" in response.content.decode()
    assert not ExternalLearning.objects.exists()
