"""The demo's video: a small file made for this project, kept in the repository, with Dutch
WebVTT captions that say what the transcript says; loaded once as documents and a video
article, and nothing fetched to do so."""

import re
import struct
from html import unescape

import pytest
from django.utils.html import strip_tags
from wagtail.documents import get_document_model

from leerhuis.core.models import HomePage
from leerhuis.demo.artikelen_video import ARTICLES, TRANSCRIPT
from leerhuis.demo.kennisbank import load_kennisbank
from leerhuis.knowledge.models import ArticleKind, ArticlePage
from tests.knowledge.helpers import html_of
from tests.knowledge_factories import DEMO_VIDEO

VIDEO = DEMO_VIDEO / "wat-is-een-opgave.mp4"
CAPTIONS = DEMO_VIDEO / "wat-is-een-opgave.vtt"
CUE_TIMES = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d\d\d) --> (\d\d):(\d\d):(\d\d\.\d\d\d)$")


def fold(text):
    return " ".join(unescape(strip_tags(text.replace("<br/>", " "))).split())


def seconds(hours, minutes, rest):
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def cues():
    """(start, end, text) of each cue of the captions file."""
    blocks = CAPTIONS.read_text(encoding="utf-8").strip().split("\n\n")
    assert blocks[0].startswith("WEBVTT")
    found = []
    for block in blocks[1:]:
        lines = block.splitlines()
        times = next(CUE_TIMES.match(line) for line in lines if "-->" in line)
        text = " ".join(lines[lines.index(times.group(0)) + 1 :])
        found.append((seconds(*times.groups()[:3]), seconds(*times.groups()[3:]), text))
    return found


def mp4_duration(data):
    """Seconds, from the movie header box (ISO/IEC 14496-12 'mvhd')."""
    at = data.index(b"mvhd") + 4
    version = data[at]
    if version == 1:
        timescale, duration = struct.unpack(">IQ", data[at + 20 : at + 32])
    else:
        timescale, duration = struct.unpack(">II", data[at + 12 : at + 20])
    return duration / timescale


def test_the_video_is_small_and_an_mp4_that_plays_without_waiting_for_its_end():
    data = VIDEO.read_bytes()
    assert len(data) < 500 * 1024
    assert data[4:8] == b"ftyp"
    # faststart: the index comes before the media, so a browser starts before the end.
    assert data.index(b"moov") < data.index(b"mdat")
    assert 20 <= mp4_duration(data) <= 45


def test_the_captions_are_dutch_webvtt_in_order_and_inside_the_video():
    found = cues()
    assert len(found) >= 10
    length = mp4_duration(VIDEO.read_bytes())
    previous_end = 0
    for start, end, text in found:
        assert previous_end <= start < end <= length
        assert 0 < len(text) <= 60  # two short lines at most
        previous_end = end
    assert found[0][2] == "Wat is een opgave?"


def test_the_transcript_says_what_the_captions_say():
    voice = re.findall(r"Stem: (.*?)</p>", TRANSCRIPT, re.S)
    spoken = " ".join(text for _start, _end, text in cues())
    assert fold(" ".join(voice)) == spoken
    # …in the article the block says too, with the file's own length.
    [video_block] = [value for kind, value in ARTICLES[0]["body"] if kind == "video"]
    assert abs(video_block["duration"] - mp4_duration(VIDEO.read_bytes())) < 1


@pytest.mark.django_db
def test_the_video_article_is_loaded_once_with_its_files(client):
    Document = get_document_model()
    home = HomePage.objects.get()
    assert load_kennisbank(home, ARTICLES) == 2  # the kennisbank and the article
    assert load_kennisbank(home, ARTICLES) == 0
    assert Document.objects.count() == 2
    page = ArticlePage.objects.get(slug="video-wat-is-een-opgave")
    assert page.kind == ArticleKind.VIDEO and page.live
    [block] = [block for block in page.body if block.block_type == "video"]
    assert block.value["video"].file.read() == VIDEO.read_bytes()
    assert block.value["captions"].content_type == "text/vtt"

    html = html_of(client, page.url)
    assert f'<source src="{block.value["video"].url}" type="video/mp4">' in html
    assert 'srclang="nl" label="Nederlands" default>' in html
    assert "Uitgeschreven tekst" in html
    assert "<iframe" not in html


@pytest.mark.django_db
def test_documents_left_by_an_earlier_load_are_used_again():
    Document = get_document_model()
    home = HomePage.objects.get()
    load_kennisbank(home, ARTICLES)
    ArticlePage.objects.get(slug="video-wat-is-een-opgave").delete()
    assert load_kennisbank(home, ARTICLES) == 1
    assert Document.objects.count() == 2
