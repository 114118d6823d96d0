"""The shape of a demo article in the kennisbank, as leerhuis.demo.artikelen_* write them.

The texts are written in triple-quoted strings wrapped where the source needs it; the
helpers fold the white space, so what the loader gets is one line of HTML per block.
Blocks are (type, value) pairs: heading, paragraph, quote, kader (a call-out) and video.
"""

KINDS = ("artikel", "nieuws", "methode", "video", "verslag")
BLOCK_TYPES = ("heading", "paragraph", "quote", "kader", "video")


def _fold(text):
    return " ".join(text.split())


def artikel(slug, title, intro, *, kind="artikel", themes, begrippen, days_ago, body, **optional):
    """One article. `optional` may give meeting (a verslag's meeting slug), author (a demo
    Person's name) and organisation (a demo Organisation's name); each is None otherwise."""
    unknown = set(optional) - {"meeting", "author", "organisation"}
    if unknown:
        raise TypeError(f"{slug}: onbekende velden {sorted(unknown)}")
    return {
        "slug": slug,
        "title": title,
        "intro": _fold(intro),
        "kind": kind,
        "themes": list(themes),
        "begrippen": list(begrippen),
        "meeting": optional.get("meeting"),
        "author": optional.get("author"),
        "organisation": optional.get("organisation"),
        "days_ago": days_ago,
        "body": list(body),
    }


def kop(text):
    return ("heading", _fold(text))


def tekst(html):
    return ("paragraph", _fold(html))


def citaat(quote, attribution):
    return ("quote", {"quote": _fold(quote), "attribution": _fold(attribution)})


def kader(heading, html):
    return ("kader", {"heading": _fold(heading), "text": _fold(html)})


def video(title, *, file, captions, duration, transcript):
    """A video uploaded with the demo: `file` and `captions` are names in leerhuis/demo/video/,
    which the loader turns into documents."""
    return (
        "video",
        {
            "title": _fold(title),
            "file": file,
            "captions": captions,
            "duration": duration,
            "transcript": _fold(transcript),
        },
    )
