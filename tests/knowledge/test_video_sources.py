"""Which addresses are a YouTube or Vimeo video, and the privacy-enhanced player and the
plain watch address built from them, without asking the provider anything."""

import pytest

from leerhuis.knowledge.video import recognise

YOUTUBE_ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "start"),
    [
        (f"https://www.youtube.com/watch?v={YOUTUBE_ID}", 0),
        (f"https://youtube.com/watch?v={YOUTUBE_ID}&list=PL123&index=2", 0),
        (f"http://m.youtube.com/watch?feature=share&v={YOUTUBE_ID}", 0),
        (f"https://youtu.be/{YOUTUBE_ID}", 0),
        (f"https://youtu.be/{YOUTUBE_ID}?t=90", 90),
        (f"https://www.youtube.com/watch?v={YOUTUBE_ID}&t=1m30s", 90),
        (f"https://www.youtube.com/watch?v={YOUTUBE_ID}#t=1h2m3s", 3723),
        (f"https://www.youtube.com/embed/{YOUTUBE_ID}?start=12", 12),
        (f"https://www.youtube.com/shorts/{YOUTUBE_ID}", 0),
        (f"https://www.youtube.com/live/{YOUTUBE_ID}", 0),
        (f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}", 0),
        (f"  https://WWW.YouTube.com/watch?v={YOUTUBE_ID}  ", 0),
    ],
)
def test_youtube_addresses(url, start):
    video = recognise(url)
    assert (video.provider, video.video_id, video.start) == ("YouTube", YOUTUBE_ID, start)
    assert video.player_url.startswith(f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?")
    assert "autoplay=1" in video.player_url
    assert (f"start={start}" in video.player_url) == bool(start)
    assert video.watch_url.startswith(f"https://www.youtube.com/watch?v={YOUTUBE_ID}")


@pytest.mark.parametrize(
    ("url", "video_id", "key"),
    [
        ("https://vimeo.com/76979871", "76979871", ""),
        ("https://www.vimeo.com/76979871/", "76979871", ""),
        ("https://vimeo.com/76979871/8272103f6e", "76979871", "8272103f6e"),
        ("https://player.vimeo.com/video/76979871", "76979871", ""),
        ("https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0", "76979871", "8272103f6e"),
        ("https://vimeo.com/channels/staffpicks/76979871", "76979871", ""),
        ("https://vimeo.com/showcase/9182734/video/76979871", "76979871", ""),
    ],
)
def test_vimeo_addresses(url, video_id, key):
    video = recognise(url)
    assert (video.provider, video.video_id, video.vimeo_hash) == ("Vimeo", video_id, key)
    assert video.player_url.startswith(f"https://player.vimeo.com/video/{video_id}?dnt=1")
    assert (f"h={key}" in video.player_url) == bool(key)
    assert video.watch_url == f"https://vimeo.com/{video_id}" + (f"/{key}" if key else "")


def test_a_vimeo_start_time_travels_along():
    video = recognise("https://vimeo.com/76979871#t=95")
    assert video.start == 95
    assert video.player_url.endswith("#t=95s")


@pytest.mark.parametrize(
    "url",
    [
        "",
        None,
        "https://www.dailymotion.com/video/x8abc12",
        "https://www.youtube.com/",
        "https://www.youtube.com/watch?v=",
        "https://www.youtube.com/watch?v=kort",
        "https://www.youtube.com/channel/UC1234567890",
        "https://youtu.be/",
        f"https://youtube.com.evil.example/watch?v={YOUTUBE_ID}",
        f"https://evil.example/?next=https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"javascript:alert(1)//youtube.com/watch?v={YOUTUBE_ID}",
        f"ftp://www.youtube.com/watch?v={YOUTUBE_ID}",
        "https://vimeo.com/",
        "https://vimeo.com/about",
        "https://vimeo.com/76979871/niet-een-sleutel",
        "https://vimeo.com/76979871/8272103f6e/extra",
        "https://player.vimeo.com/76979871",
        "https://[::1",
    ],
)
def test_anything_else_is_not_a_video(url):
    assert recognise(url) is None


def test_an_id_with_markup_never_reaches_the_player_address():
    assert recognise('https://youtu.be/abc"><svg>') is None
    assert recognise("https://www.youtube.com/embed/dQw4w9WgXc%22") is None
