"""One byte range of a document (RFC 9110 §14), and the whole file whenever a range can't
be given as asked: several ranges, another unit, a stale If-Range."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db

DATA = bytes(range(256)) * 4  # 1024 bytes


@pytest.fixture
def url():
    document = get_document_model()(title="Bytes")
    document.file.save("bytes.txt", ContentFile(DATA))
    return document.url


def get(client, url, **headers):
    response = client.get(url, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-0", 0, 0),
        ("bytes=100-199", 100, 199),
        ("bytes=1000-", 1000, 1023),
        ("bytes=1000-5000", 1000, 1023),
        ("bytes=-24", 1000, 1023),
        ("bytes=-5000", 0, 1023),
        ("bytes = 10 - 19", 10, 19),
    ],
)
def test_one_range(client, url, header, first, last):
    response, body = get(client, url, HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/1024"
    assert int(response["Content-Length"]) == last - first + 1
    assert body == DATA[first : last + 1]


@pytest.mark.parametrize(
    "header", ["bytes=0-9,20-29", "items=0-9", "bytes=", "bytes=-", "bytes=20-10", "onzin"]
)
def test_what_we_do_not_cut_comes_whole(client, url, header):
    response, body = get(client, url, HTTP_RANGE=header)
    assert response.status_code == 200
    assert body == DATA


@pytest.mark.parametrize("header", ["bytes=1024-", "bytes=5000-6000", "bytes=-0"])
def test_a_range_past_the_end(client, url, header):
    response, _body = get(client, url, HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == "bytes */1024"


def test_if_range_gives_the_part_only_of_the_same_version(client, url):
    first, _body = get(client, url)
    etag = first["ETag"]
    response, body = get(client, url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag)
    assert (response.status_code, body) == (206, DATA[:10])
    response, body = get(client, url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"een-oude-versie"')
    assert (response.status_code, body) == (200, DATA)


def test_a_head_request_and_a_plain_get_are_whole(client, url):
    response, body = get(client, url)
    assert (response.status_code, response["Accept-Ranges"], body) == (200, "bytes", DATA)
    assert client.head(url, HTTP_RANGE="bytes=0-9").status_code == 200
