"""The video block: an address on YouTube or Vimeo or an uploaded file with WebVTT captions,
exactly one, always with a transcript; rendered with nothing from a third party in the page
until the visitor chooses to play."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from leerhuis.knowledge.blocks import VideoBlock
from leerhuis.knowledge.models import ArticleKind, ArticlePage
from tests.knowledge.helpers import html_of
from tests.knowledge_factories import article, kennisbank_page, video_document, video_value

pytestmark = pytest.mark.django_db

THIRD_PARTY = re.compile(r"<iframe|\ssrc=\"https?://", re.I)


@pytest.fixture
def block():
    return VideoBlock()


@pytest.fixture
def files():
    return video_document("wat-is-een-opgave.mp4"), video_document("wat-is-een-opgave.vtt")


def errors_of(block, value, *, draft=False):
    with pytest.raises(ValidationError) as raised:
        block.clean_deferred(value) if draft else block.clean(value)
    return {name: " ".join(error.messages) for name, error in raised.value.block_errors.items()}


# Validation ---------------------------------------------------------------------------------


def test_an_embed_or_a_file_with_captions_is_accepted(block, files):
    video, captions = files
    assert block.clean(video_value())["embed_url"]
    cleaned = block.clean(video_value(embed_url="", video=video, captions=captions))
    assert cleaned["video"] == video


def test_neither_an_address_nor_a_file(block):
    errors = errors_of(block, video_value(embed_url=""))
    assert errors == {"embed_url": "Geef een adres op YouTube of Vimeo, of kies een videobestand."}


def test_both_an_address_and_a_file(block, files):
    video, captions = files
    errors = errors_of(block, video_value(video=video, captions=captions))
    assert errors["video"] == "Kies een adres óf een videobestand, niet allebei."


def test_an_address_of_another_provider(block):
    errors = errors_of(block, video_value(embed_url="https://www.dailymotion.com/video/x8abc12"))
    assert "herkennen we niet" in errors["embed_url"]
    assert "YouTube" in errors["embed_url"] and "Vimeo" in errors["embed_url"]


def test_a_file_without_captions(block, files):
    video, _captions = files
    errors = errors_of(block, video_value(embed_url="", video=video))
    assert errors == {
        "captions": "Een videobestand heeft ondertiteling nodig: kies een WebVTT-bestand (.vtt)."
    }


def test_captions_that_are_not_webvtt_and_a_video_that_is_not_a_video(block):
    pdf = video_document("ondertiteling.pdf", content=b"%PDF-1.4")
    text = video_document("film.txt", content=b"geen video")
    errors = errors_of(block, video_value(embed_url="", video=text, captions=pdf))
    assert errors == {
        "video": "Kies een videobestand in mp4 of webm.",
        "captions": "De ondertiteling moet een WebVTT-bestand zijn (.vtt).",
    }


def test_captions_belong_to_a_file_not_to_an_embed(block, files):
    errors = errors_of(block, video_value(captions=files[1]))
    assert "Ondertiteling hoort bij een videobestand" in errors["captions"]


@pytest.mark.parametrize("transcript", ["", "<p></p>", "<p> &nbsp; </p>", "<p><br/></p>"])
def test_a_transcript_is_always_needed(block, transcript):
    errors = errors_of(block, video_value(transcript=RichText(transcript)))
    assert set(errors) == {"transcript"}
    assert errors["transcript"].strip()  # Wagtail's "verplicht" or ours, in Dutch
    assert "required" not in errors["transcript"]


def test_a_draft_may_wait_for_its_file_and_transcript_but_not_for_a_wrong_address(block, files):
    unfinished = video_value(embed_url="", transcript=RichText(""))
    assert block.clean_deferred(unfinished)["title"] == "Wat is een opgave?"
    assert block.clean_deferred(video_value(embed_url="", video=files[0]))
    wrong = video_value(embed_url="https://example.org/film")
    assert "herkennen we niet" in errors_of(block, wrong, draft=True)["embed_url"]
    # After the draft, publishing asks for everything again.
    assert "embed_url" in errors_of(block, unfinished)


# Rendering ----------------------------------------------------------------------------------


def render(block, **fields):
    return block.render(block.to_python(block.get_prep_value(video_value(**fields))))


def test_an_embed_shows_a_dutch_notice_and_no_player(block):
    html = render(block)
    assert "Deze video staat op YouTube." in html
    assert "cookies" in html and "IP-adres" in html
    assert re.search(r"<button [^>]*data-video-play[^>]*hidden>Video afspelen via YouTube", html)
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "Bekijk de video op YouTube" in html
    # The player's address is there for the script, as data: no iframe, no third-party src.
    assert not THIRD_PARTY.search(html)
    assert 'data-player-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?' in html
    assert 'src="/static/js/video.js"' in html
    assert "<summary>Uitgeschreven tekst" in html
    assert "een opgave is een maatschappelijk vraagstuk" in html
    assert '<time datetime="PT42S">0:42</time>' in html


def test_a_vimeo_video_is_asked_for_without_tracking(block):
    html = render(block, embed_url="https://vimeo.com/76979871")
    assert "Video afspelen via Vimeo" in html
    assert 'data-player-src="https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1"' in html
    assert not THIRD_PARTY.search(html)


def test_a_file_plays_on_the_page_with_dutch_captions_and_a_transcript(block, files):
    video, captions = files
    html = render(block, embed_url="", video=video, captions=captions, duration=None)
    assert re.search(r'<video class="video__player" controls preload="metadata">', html)
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert (
        f'<track kind="captions" src="{captions.url}" srclang="nl" label="Nederlands" default>'
        in html
    )
    assert video.url.startswith("/documenten/") and captions.url.endswith(".vtt")
    assert "Uitgeschreven tekst" in html
    assert "data-video-consent" not in html and "video.js" not in html
    assert "<time" not in html
    assert not THIRD_PARTY.search(html)


def test_an_article_page_with_a_video(client, files):
    video, captions = files
    page = article(
        title="Video: wat is een opgave?",
        kind=ArticleKind.VIDEO,
        body=[
            ("video", video_value()),
            ("video", video_value(embed_url="", video=video, captions=captions)),
        ],
    )
    html = html_of(client, page.url)
    assert html.count('<figure class="video">') == 2
    assert html.count("Video afspelen via YouTube") == 1
    assert html.count("<track ") == 1
    assert not THIRD_PARTY.search(html)
    # The transcript is text of the article: searched and counted in its reading time.
    assert "maatschappelijk vraagstuk" in " ".join(
        page.body.stream_block.get_searchable_content(page.body)
    )


def test_the_policy_lets_the_players_in_after_the_click_and_nothing_else(client):
    response = client.get("/")
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["frame-src"].split() == [
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]
    assert policy["media-src"] == "'self'"
    assert policy["script-src"] == "'self'"


# In the admin -------------------------------------------------------------------------------


def article_form(video):
    return nested_form_data(
        {
            "title": "Video: wat is een opgave?",
            "slug": "video-wat-is-een-opgave",
            "intro": "Een korte uitleg.",
            "kind": "video",
            "body": streamfield([("video", video)]),
            "begrippen": inline_formset([]),
            "related_meetings": inline_formset([]),
            "visibility": "public",
            "action-publish": "publish",
        }
    )


def admin_video(**fields):
    return {
        "title": "Wat is een opgave?",
        "embed_url": "https://youtu.be/dQw4w9WgXcQ",
        "video": "",
        "captions": "",
        "poster": "",
        "duration": "",
        "transcript": rich_text("<p>Stem: een opgave is een maatschappelijk vraagstuk.</p>"),
        **fields,
    }


def test_an_editor_adds_a_video_in_the_admin_and_hears_in_dutch_what_is_wrong(
    admin_client_with_mfa,
):
    add = f"/admin/pages/add/knowledge/articlepage/{kennisbank_page().pk}/"
    wrong = admin_video(embed_url="https://www.dailymotion.com/video/x8abc12")
    response = admin_client_with_mfa.post(add, article_form(wrong))
    assert response.status_code == 200
    assert "Dit adres herkennen we niet als video." in response.content.decode()
    assert not ArticlePage.objects.filter(slug="video-wat-is-een-opgave").exists()

    response = admin_client_with_mfa.post(add, article_form(admin_video()))
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="video-wat-is-een-opgave")
    assert page.live and page.body[0].value.embedded.video_id == "dQw4w9WgXcQ"
