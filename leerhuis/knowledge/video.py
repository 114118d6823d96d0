"""Where an embedded video lives: YouTube or Vimeo, recognised from the address an editor
pastes, and the player address we build for it ourselves.

No oEmbed: Wagtail's embed finders ask the provider over the network while the page is
rendered, and the site fetches nothing from a third party, then or ever. The visitor's
browser loads the provider's player only after the visitor chose to play
(templates/blocks/video_block.html, static/js/video.js). The player addresses are the
privacy-enhanced ones: youtube-nocookie.com, and Vimeo's `dnt=1` (do not track).

The hosts here are also the CSP's frame-src (leerhuis/settings/base.py): change both.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
YOUTUBE_NOCOOKIE_HOSTS = {"youtube-nocookie.com", "www.youtube-nocookie.com"}
YOUTUBE_SHORT_HOSTS = {"youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_PATH = re.compile(r"^/(?:embed|shorts|live|v)/([^/]+)/?$")
VIMEO_ID = re.compile(r"^\d{1,12}$")
VIMEO_HASH = re.compile(r"^[0-9a-f]{6,20}$")
# "1h2m3s", "90s", "90": the start time YouTube puts after ?t= or #t=.
START_TIME = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")


@dataclass(frozen=True)
class EmbeddedVideo:
    provider: str  # "YouTube" or "Vimeo", as the visitor reads it
    video_id: str
    start: int = 0  # seconds
    vimeo_hash: str = ""  # an unlisted Vimeo video's key

    @property
    def player_url(self):
        """The iframe's address, loaded only after the visitor pressed play."""
        if self.provider == "YouTube":
            query = {"autoplay": 1, "rel": 0}
            if self.start:
                query["start"] = self.start
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?{urlencode(query)}"
        query = {"dnt": 1, "autoplay": 1}
        if self.vimeo_hash:
            query["h"] = self.vimeo_hash
        address = f"https://player.vimeo.com/video/{self.video_id}?{urlencode(query)}"
        return address + (f"#t={self.start}s" if self.start else "")

    @property
    def watch_url(self):
        """The video on the provider's own site: for visitors without JavaScript."""
        if self.provider == "YouTube":
            query = {"v": self.video_id}
            if self.start:
                query["t"] = f"{self.start}s"
            return f"https://www.youtube.com/watch?{urlencode(query)}"
        path = self.video_id + (f"/{self.vimeo_hash}" if self.vimeo_hash else "")
        return f"https://vimeo.com/{path}"


def _start_time(value):
    match = START_TIME.match(value or "")
    if not value or not match:
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _youtube(host, path, query, fragment):
    if host in YOUTUBE_SHORT_HOSTS:
        video_id = path.strip("/")
    elif path in ("/watch", "/watch/"):
        video_id = query.get("v", [""])[0]
    else:
        match = YOUTUBE_PATH.match(path)
        video_id = match.group(1) if match else ""
    if not YOUTUBE_ID.match(video_id):
        return None
    start = query.get("t", query.get("start", [""]))[0] or fragment.removeprefix("t=")
    return EmbeddedVideo("YouTube", video_id, start=_start_time(start))


def _vimeo(host, path, query, fragment):
    parts = [part for part in path.split("/") if part]
    if host == "player.vimeo.com":
        video_id = parts[1] if len(parts) == 2 and parts[0] == "video" else ""
        key = query.get("h", [""])[0]
    elif parts and parts[0] in ("channels", "showcase", "groups"):
        # vimeo.com/channels/staffpicks/123, vimeo.com/showcase/9/video/123
        video_id, key = parts[-1], ""
    elif 1 <= len(parts) <= 2:
        # vimeo.com/123, or an unlisted video with its key: vimeo.com/123/abcdef12
        video_id, key = parts[0], parts[1] if len(parts) == 2 else ""
    else:
        return None
    if not VIMEO_ID.match(video_id) or (key and not VIMEO_HASH.match(key)):
        return None
    start = _start_time(fragment.removeprefix("t="))
    return EmbeddedVideo("Vimeo", video_id, start=start, vimeo_hash=key)


def recognise(url):
    """The YouTube or Vimeo video at `url`, or None for any other address."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS | YOUTUBE_NOCOOKIE_HOSTS | YOUTUBE_SHORT_HOSTS:
        return _youtube(host, parts.path, query, parts.fragment)
    if host in VIMEO_HOSTS:
        return _vimeo(host, parts.path, query, parts.fragment)
    return None
