"""A real file of every type the site takes, and the files it must refuse, for the upload
and document-serving tests."""

import io
import zipfile

from PIL import Image as PillowImage

from tests.knowledge_factories import DEMO_VIDEO

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9" onload="alert(1)"/>'
HTML = b"<!DOCTYPE html><html><script>fetch('/mijn-leerhuis/')</script></html>"


def office(first_part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(*first_part)
        archive.writestr("content.xml", "<inhoud/>")
    return buffer.getvalue()


def png(size=(40, 30)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (20, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


OOXML = office(("[Content_Types].xml", "<Types/>"))
ODF = office(("mimetype", "application/vnd.oasis.opendocument.text"))
# One real file of every type the editors may upload.
GOOD = {
    "pdf": b"%PDF-1.7\n%%EOF\n",
    "docx": OOXML,
    "xlsx": OOXML,
    "pptx": OOXML,
    "odt": ODF,
    "ods": ODF,
    "odp": ODF,
    "txt": "Afspraken van dinsdag: één actiepunt.".encode(),
    "csv": b"naam;gemeente\nAnna;Ede\n",
    "mp4": (DEMO_VIDEO / "wat-is-een-opgave.mp4").read_bytes(),
    "webm": b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm",
    "vtt": (DEMO_VIDEO / "wat-is-een-opgave.vtt").read_bytes(),
}
