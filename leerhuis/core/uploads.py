"""Which uploaded documents the site takes, checked by what a file is, not by its name.

A name proves nothing: a "verslag.pdf" may hold HTML that a browser would run as a page of
this site, and an SVG is an XML document that may carry script. So an upload is taken only
when its extension is on the list and its first bytes are what that format starts with: a
PDF with %PDF-, an office file is a zip holding the parts an office file holds, a text or
CSV file is readable text without NUL bytes, a video has its container's signature and
captions start with WEBVTT. An extension without a check here is refused (fail closed).

The list is short on purpose (settings.WAGTAILDOCS_EXTENSIONS for the editors, the member
forms use a part of it): what public bodies exchange (PDF, Microsoft Office and
OpenDocument, plain text, CSV) and the video files and captions a video block plays. No
HTML, SVG, scripts, executables or archives; a zip could hold any of those and nothing
here could look inside. Images are Wagtail's (Willow opens them; WAGTAILIMAGES_*).

What is served keeps to the same list: a document stored before a type left the list goes
out as application/octet-stream, never as something a browser would render.
"""

import zipfile

from django.conf import settings

OFFICE_EXTENSIONS = frozenset({"docx", "xlsx", "pptx", "odt", "ods", "odp"})
TEXT_EXTENSIONS = frozenset({"txt", "csv"})
VIDEO_EXTENSIONS = frozenset({"mp4", "webm"})
# What members may share (group documents, a case's attachment leaves out text files).
DOCUMENT_EXTENSIONS = frozenset({"pdf", *OFFICE_EXTENSIONS, *TEXT_EXTENSIONS})


# Fixed here rather than guessed from the server's mime.types, which may lack some (a
# <track> loads only as text/vtt).
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain",
    "csv": "text/csv",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "vtt": "text/vtt",
}


def extension_of(name) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def _head(upload, size=16):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _is_office(upload):
    if not _head(upload).startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    # OOXML (docx, xlsx, pptx) lists its parts in [Content_Types].xml; ODF has a mimetype.
    return "[Content_Types].xml" in names or "mimetype" in names


def _is_text(upload):
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if b"\x00" in content or content.startswith((b"%PDF-", b"PK\x03\x04")):
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _is_captions(upload):
    head = _head(upload, 10).removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"WEBVTT") and head[6:7] in (b"", b" ", b"\t", b"\n", b"\r")


CHECKS = {
    "pdf": lambda upload: _head(upload).startswith(b"%PDF-"),
    **dict.fromkeys(OFFICE_EXTENSIONS, _is_office),
    **dict.fromkeys(TEXT_EXTENSIONS, _is_text),
    "mp4": lambda upload: _head(upload)[4:8] == b"ftyp",
    "webm": lambda upload: _head(upload).startswith(b"\x1a\x45\xdf\xa3"),
    "vtt": _is_captions,
}


def content_matches(upload, extension) -> bool:
    """Whether the file is what its extension says; unknown extensions never are."""
    check = CHECKS.get(extension)
    return check is not None and check(upload)


def size_limit(extension) -> int:
    """An editor's video may be large; any other document is held to the document limit."""
    if extension in VIDEO_EXTENSIONS:
        return settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    return settings.LEERHUIS_DOCUMENT_MAX_UPLOAD_SIZE


def served_type(filename) -> str:
    """The Content-Type a stored document goes out with: its own for a listed type,
    otherwise one that no browser renders."""
    extension = extension_of(filename)
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        return "application/octet-stream"
    return CONTENT_TYPES.get(extension, "application/octet-stream")
