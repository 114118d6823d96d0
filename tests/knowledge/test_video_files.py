"""The files of an uploaded video as the browser asks for them: the video and its WebVTT
captions with their own types (a <track> loads only as text/vtt), as a download like every
document (a <video> plays it all the same), and uploads of the three kinds accepted in the
admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from members.access import Visibility
from tests.knowledge_factories import DEMO_VIDEO, video_document

pytestmark = pytest.mark.django_db


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("wat-is-een-opgave.mp4", "video/mp4"), ("wat-is-een-opgave.vtt", "text/vtt")],
)
def test_the_video_and_its_captions_are_served_with_their_own_type(client, name, content_type):
    document = video_document(name)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Accept-Ranges"] == "bytes"
    assert body_of(response) == (DEMO_VIDEO / name).read_bytes()


def test_a_webm_file_is_a_video_too(client):
    response = client.get(video_document("film.webm", content=b"\x1aE\xdf\xa3webm").url)
    assert response["Content-Type"] == "video/webm"
    assert response["Content-Disposition"].startswith("attachment")


def test_other_documents_download_too(client):
    response = client.get(video_document("verslag.pdf", content=b"%PDF-1.4 verslag").url)
    assert response["Content-Disposition"].startswith("attachment")


def test_the_player_seeks_in_the_video(client):
    document = video_document("wat-is-een-opgave.mp4")
    whole = (DEMO_VIDEO / "wat-is-een-opgave.mp4").read_bytes()
    response = client.get(document.url, HTTP_RANGE="bytes=1000-1999")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 1000-1999/{len(whole)}"
    assert response["Content-Length"] == "1000"
    assert response["Content-Type"] == "video/mp4"
    assert body_of(response) == whole[1000:2000]


def test_a_members_only_video_stays_closed_to_a_range_request(client):
    document = video_document("wat-is-een-opgave.mp4", visibility=Visibility.MEMBERS)
    response = client.get(document.url, HTTP_RANGE="bytes=0-99")
    assert response.status_code == 403
    assert b"ftyp" not in response.content


def test_editors_upload_a_video_and_its_captions(admin_client_with_mfa):
    for name in ("wat-is-een-opgave.mp4", "wat-is-een-opgave.vtt"):
        response = admin_client_with_mfa.post(
            "/admin/documents/add/",
            {
                "title": name,
                "file": SimpleUploadedFile(name, (DEMO_VIDEO / name).read_bytes()),
                "collection": Collection.get_first_root_node().pk,
                "visibility": "public",
            },
        )
        assert response.status_code == 302, name
    kinds = sorted(d.content_type for d in get_document_model().objects.all())
    assert kinds == ["text/vtt", "video/mp4"]
