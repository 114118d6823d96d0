"""Videos in a browser that records every request: nothing goes to YouTube or Vimeo until
the visitor presses play (the provider is a local stub, so nothing goes out at all), the
player then takes the notice's place with the focus, the uploaded video plays with its
Dutch captions, and axe finds nothing at 1280 and 375 px."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from leerhuis.knowledge.models import ArticleKind
from tests.e2e.axe import assert_accessible
from tests.e2e.helpers import too_wide
from tests.knowledge_factories import article, video_document, video_value

pytestmark = pytest.mark.django_db(transaction=True)

PROVIDERS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "ytimg.com", "vimeo.com")
STUB = "<!DOCTYPE html><html lang='nl'><title>Speler</title><p>Nagebootste speler</p></html>"
PLAYER = re.compile(r"^https://www\.youtube-nocookie\.com/embed/dQw4w9WgXcQ\?")


@pytest.fixture
def video_article(db):
    video = video_document("wat-is-een-opgave.mp4", title="Video: Wat is een opgave?")
    captions = video_document("wat-is-een-opgave.vtt", title="Ondertiteling")
    return article(
        title="Video: wat is een opgave?",
        slug="video-wat-is-een-opgave",
        kind=ArticleKind.VIDEO,
        body=[
            ("paragraph", RichText("<p>Twee video's over de opgave.</p>")),
            ("video", video_value(title="Sturen op de opgave")),
            (
                "video",
                video_value(
                    title="Wat is een opgave?", embed_url="", video=video, captions=captions
                ),
            ),
        ],
    )


def record(context, live_server):
    """Every request the page makes; the provider answered by a stub, the rest of the world
    refused, so a test never reaches the network."""
    seen = []
    site = urlsplit(live_server.url).netloc

    def handle(route):
        url = route.request.url
        seen.append(url)
        host = urlsplit(url).hostname or ""
        if urlsplit(url).netloc == site:
            route.continue_()
        elif host.endswith(PROVIDERS):
            route.fulfill(status=200, content_type="text/html", body=STUB)
        else:
            route.abort()

    context.route("**/*", handle)
    return seen


def third_party(seen, live_server):
    site = urlsplit(live_server.url).netloc
    return [url for url in seen if urlsplit(url).netloc != site]


def test_nothing_comes_from_youtube_until_the_visitor_presses_play(
    browser, live_server, video_article
):
    # The site's own CSP in force: the player must be allowed in by frame-src.
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(15_000)
    seen = record(context, live_server)
    page = context.new_page()
    # The shared browser may hold other pages; focus is only asked of the one in front.
    page.bring_to_front()
    page.goto(video_article.url)
    page.wait_for_load_state("networkidle")

    notice = page.locator("[data-video-consent]")
    expect(notice).to_contain_text("Deze video staat op YouTube.")
    expect(page.get_by_role("link", name="Bekijk de video op YouTube")).to_have_attribute(
        "href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    expect(page.locator("iframe")).to_have_count(0)
    assert third_party(seen, live_server) == []

    with page.expect_request(PLAYER) as asked:
        page.get_by_role("button", name="Video afspelen via YouTube").click()
    player = page.locator("iframe.video__player")
    expect(player).to_have_attribute("src", PLAYER)
    expect(player).to_have_attribute("title", "Video: Sturen op de opgave")
    expect(player).to_be_focused()
    expect(notice).to_have_count(0)
    expect(
        page.frame_locator("iframe.video__player").get_by_text("Nagebootste speler")
    ).to_be_visible()
    # YouTube's player needs to know the site it is on: the origin, nothing more.
    assert asked.value.all_headers().get("referer") == f"{live_server.url}/"
    assert all(urlsplit(url).hostname.endswith(PROVIDERS) for url in third_party(seen, live_server))
    context.close()


def test_the_uploaded_video_plays_with_dutch_captions(browser, live_server, video_article):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(15_000)
    seen = record(context, live_server)
    page = context.new_page()
    statuses = []
    page.on("response", lambda response: statuses.append((response.url, response.status)))
    page.goto(video_article.url)

    video = page.locator("video.video__player")
    expect(video).to_have_attribute("controls", "")
    page.wait_for_function(
        "() => { const v = document.querySelector('video'); return v.readyState >= 1; }"
    )
    page.wait_for_function("() => document.querySelector('video track').readyState === 2")
    track = page.evaluate(
        """() => {
            const t = document.querySelector('video').textTracks[0];
            return {kind: t.kind, language: t.language, label: t.label, mode: t.mode,
                    cues: t.cues.length, first: t.cues[0].text,
                    duration: document.querySelector('video').duration};
        }"""
    )
    assert track["kind"] == "captions" and track["language"] == "nl"
    assert (track["label"], track["mode"]) == ("Nederlands", "showing")
    assert track["cues"] >= 10 and track["first"] == "Wat is een opgave?"
    assert 20 < track["duration"] < 45
    assert third_party(seen, live_server) == []
    # The browser asks for the video in parts, and gets them (Safari insists on it).
    assert any(url.endswith(".mp4") and status == 206 for url, status in statuses), statuses
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_a_video_article_is_accessible_before_and_after_play(
    page, live_server, video_article, width
):
    record(page.context, live_server)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(video_article.url)
    expect(page.get_by_role("button", name="Video afspelen via YouTube")).to_be_visible()
    assert_accessible(page, f"video-artikel op {width} px")
    assert too_wide(page) == []

    page.get_by_text("Uitgeschreven tekst: Wat is een opgave?").click()
    expect(
        page.get_by_text("Stem: een opgave is een maatschappelijk vraagstuk.").last
    ).to_be_visible()
    page.get_by_role("button", name="Video afspelen via YouTube").click()
    expect(page.locator("iframe.video__player")).to_be_visible()
    assert_accessible(page, f"video-artikel na afspelen op {width} px")
    assert too_wide(page) == []


def test_without_javascript_the_notice_links_to_the_video_on_youtube(
    browser, live_server, video_article
):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", bypass_csp=True, java_script_enabled=False
    )
    seen = record(context, live_server)
    page = context.new_page()
    page.goto(video_article.url)
    expect(page.get_by_role("button", name="Video afspelen via YouTube")).to_be_hidden()
    expect(page.get_by_role("link", name="Bekijk de video op YouTube")).to_be_visible()
    expect(page.locator("video track[kind=captions]")).to_have_count(1)
    assert third_party(seen, live_server) == []
    context.close()
