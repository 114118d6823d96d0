"""What members send with a case is made harmless and checked: payloads in every text field
come out inert wherever the case is shown, and only real images and documents of a
reasonable size are taken."""

import io
import zipfile
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from leerhuis.core.sanitise import member_html
from leerhuis.knowledge.models import CasePage
from tests.events_factories import member, themes
from tests.knowledge.case_helpers import decide, form_data, moderator
from tests.knowledge_factories import kennisbank_page

pytestmark = pytest.mark.django_db

NEW_URL = "/kennisbank/casus-indienen/"
PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert('x')>",
    "\"><svg onload=alert('x')>",
    "<a href=\"javascript:alert('x')\">klik</a>",
    "<p style=\"background:url(javascript:alert('x'))\" onclick=\"alert('x')\">tekst</p>",
    '<iframe src="https://kwaad.example"></iframe>',
]
TEXT_FIELDS = ["title", "intro", "opgave", "approach", "results", "lessons", "image_alt"]


class ActiveMarkup(HTMLParser):
    """What in a page could run: scripts, event handlers, javascript: URLs, frames."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in {"iframe", "svg", "object", "embed"}:
            self.found.append(f"<{tag}>")
        if tag == "script":
            self._in_script = dict(attrs).get("type") not in {"application/ld+json"}
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if (
                (value or "").strip().lower().startswith("javascript:")
                or "javascript:" in (value or "").replace(" ", "").lower()
                and name in {"href", "src", "style"}
            ):
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append("script with the payload")


def active(html):
    parser = ActiveMarkup()
    parser.feed(html)
    return parser.found


def png(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 60)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _kennisbank():
    kennisbank_page()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_text_field_come_out_inert(client, payload):
    theme = themes("Wonen")[0]
    user = member(full_name="Kees de Tester")
    client.force_login(user)
    data = form_data(theme, actie="indienen")
    data.update({name: f"{payload} {name}" for name in TEXT_FIELDS})
    data["attachment"] = SimpleUploadedFile("kaart.png", png(), content_type="image/png")
    response = client.post(NEW_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = decide(CasePage.objects.get(), moderator(), "approve")
    assert case.live
    pages = [
        case.url,
        "/kennisbank/",
        "/kennisbank/?type=praktijkcasus",
        "/kennisbank/feed/",
        "/zoeken/?q=opgave",
        "/mijn-leerhuis/",
        f"{NEW_URL}{case.pk}/",
        f"{NEW_URL}{case.pk}/voorbeeld/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert active(response.content.decode()) == [], url
    # The words around a payload survive; only what could run is gone.
    assert "approach" in client.get(case.url).content.decode()


def test_member_text_keeps_paragraphs_lists_and_safe_links():
    html = member_html(
        'Eerste alinea met <a href="https://example.nl">een link</a>.\n\n- een\n- twee'
    )
    assert html == (
        '<p>Eerste alinea met <a href="https://example.nl" rel="nofollow noopener noreferrer">'
        "een link</a>.</p><ul><li>een</li><li>twee</li></ul>"
    )
    assert member_html("a < b & c") == "<p>a &lt; b &amp; c</p>"


def _submit_with(client, upload, **extra):
    theme = themes("Wonen")[0]
    data = form_data(theme, actie="opslaan", attachment=upload, **extra)
    return client.post(NEW_URL, data)


def test_an_image_needs_a_description_and_is_stored_with_it(client):
    client.force_login(member())
    upload = SimpleUploadedFile("kaart.png", png(), content_type="image/png")
    response = _submit_with(client, upload, image_alt="")
    assert response.status_code == 200
    assert "Beschrijf wat er op de afbeelding te zien is." in response.content.decode()
    assert not CasePage.objects.exists()
    upload = SimpleUploadedFile("kaart.png", png(), content_type="image/png")
    response = _submit_with(client, upload, image_alt="Kaart van de wijk Zuid")
    assert response.status_code == 302
    draft = CasePage.objects.get().get_latest_revision_as_object()
    assert draft.image.width == 40 and draft.image_alt == "Kaart van de wijk Zuid"
    # Stored under a name nobody can guess from the member's own file name.
    assert "kaart" not in draft.image.file.name and draft.image.file.name.endswith(".png")
    assert draft.document is None


def test_a_document_is_taken_by_what_it_is_not_by_its_name(client):
    client.force_login(member())
    fake = SimpleUploadedFile("verslag.pdf", b"MZ\x90\x00 niet echt een pdf", "application/pdf")
    response = _submit_with(client, fake)
    assert response.status_code == 200
    assert "Dit bestandstype kunnen we niet aannemen." in response.content.decode()
    renamed = SimpleUploadedFile("kaart.pdf", png(), content_type="application/pdf")
    assert _submit_with(client, renamed).status_code == 200
    html_as_docx = SimpleUploadedFile("plan.docx", b"<html><script>x</script></html>")
    assert _submit_with(client, html_as_docx).status_code == 200
    assert not CasePage.objects.exists()

    real = io.BytesIO()
    with zipfile.ZipFile(real, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    upload = SimpleUploadedFile("plan.docx", real.getvalue())
    assert _submit_with(client, upload).status_code == 302
    pdf = SimpleUploadedFile("aanpak.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    case = CasePage.objects.get()
    response = client.post(f"{NEW_URL}{case.pk}/", form_data(themes("Wonen")[0], attachment=pdf))
    assert response.status_code == 302, response.content.decode()[-3000:]
    draft = CasePage.objects.get(pk=case.pk).get_latest_revision_as_object()
    assert draft.document.file_extension == "pdf"


def test_a_file_over_the_limit_is_refused_with_its_size(client, settings):
    client.force_login(member())
    big = SimpleUploadedFile("groot.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1))
    response = _submit_with(client, big)
    assert response.status_code == 200
    assert "mag hoogstens 10,0\xa0MB zijn" in response.content.decode()
    assert not CasePage.objects.exists()


def test_the_attachment_can_be_removed(client):
    user = member()
    client.force_login(user)
    upload = SimpleUploadedFile("kaart.png", png(), content_type="image/png")
    _submit_with(client, upload, image_alt="Kaart")
    case = CasePage.objects.get()
    page = client.get(f"{NEW_URL}{case.pk}/").content.decode()
    assert "Huidige bijlage" in page
    data = form_data(themes("Wonen")[0], remove_attachment="on", image_alt="")
    assert client.post(f"{NEW_URL}{case.pk}/", data).status_code == 302
    assert CasePage.objects.get(pk=case.pk).get_latest_revision_as_object().image is None


def test_a_document_of_an_unpublished_case_is_its_authors_and_the_redactie_s_alone(client):
    author = member()
    client.force_login(author)
    pdf = SimpleUploadedFile("aanpak.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    data = form_data(themes("Wonen")[0], actie="indienen", attachment=pdf)
    assert client.post(NEW_URL, data).status_code == 302
    case = CasePage.objects.get()
    document = case.get_latest_revision_as_object().document
    url = document.url
    assert client.get(url).status_code == 200
    client.force_login(member())
    assert client.get(url).status_code == 404
    editor = moderator()
    client.force_login(editor)
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 404

    decide(case, editor, "approve")
    assert client.get(url).status_code == 200
