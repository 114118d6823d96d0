"""The Permissions-Policy as Chromium applies it: the page may not use the camera, the
microphone or the location, the video player it lets in may still go full screen, and the
browser knows every feature the header names (it logs any it does not)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_video import record, video_article  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)

DENIED = ["camera", "microphone", "geolocation", "payment", "usb"]


def allows(frame, feature):
    return frame.evaluate("f => document.featurePolicy.allowsFeature(f)", feature)


def test_the_browser_applies_the_policy_to_the_page_and_the_player(
    browser,
    live_server,
    video_article,  # noqa: F811
):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(15_000)
    record(context, live_server)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(video_article.url)

    for feature in DENIED:
        assert not allows(page, feature), feature
    assert allows(page, "fullscreen")

    page.get_by_role("button", name="Video afspelen via YouTube").click()
    expect(
        page.frame_locator("iframe.video__player").get_by_text("Nagebootste speler")
    ).to_be_visible()
    player = page.frame(url=lambda url: "youtube-nocookie.com" in url)
    assert allows(player, "fullscreen") and allows(player, "autoplay")
    for feature in DENIED:
        assert not allows(player, feature), feature
    assert [text for text in console if "Permissions-Policy" in text] == []
    context.close()
