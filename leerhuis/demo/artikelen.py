"""The demo's articles for the kennisbank: Dutch texts on opgave-sturing, written for the
Digitale Leerhuis along the questions of the study day, as data a loader turns into pages.

Each article is a dict (leerhuis.demo.artikelen_vorm.artikel): slug, title, intro, kind
(artikel, nieuws, methode, video, verslag), themes by their name in leerhuis.demo.themes,
begrippen by slug, the meeting of a verslag by slug, author and organisation by the name
of a demo Person and Organisation (or None), days_ago (its age when published), and body,
a list of (block type, value): heading, paragraph, quote, kader, video. The texts use the terms
of the begrippenkader, so the site links them.
"""

from leerhuis.demo import (
    artikelen_begrip,
    artikelen_inrichting,
    artikelen_leerhuis,
    artikelen_rollen,
    artikelen_verantwoording,
    artikelen_video,
    artikelen_wyberen,
)

ARTICLES = [
    *artikelen_begrip.ARTICLES,
    *artikelen_rollen.ARTICLES,
    *artikelen_inrichting.ARTICLES,
    *artikelen_verantwoording.ARTICLES,
    *artikelen_wyberen.ARTICLES,
    *artikelen_leerhuis.ARTICLES,
    *artikelen_video.ARTICLES,
]
