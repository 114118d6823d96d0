"""How load_demo fills the kennisbank: the /kennisbank/ page and its articles.

`load_kennisbank(home, articles)` takes articles as plain dicts (the schema below), so the
texts can live in their own module (leerhuis.demo.artikelen) and this loader stays the one
place that knows the page types. Pages are created only when missing (matched by slug),
each with a published revision, and dated `days_ago` before the first demo load: a later
load changes nothing, not even the dates.

An article: {"slug", "title", "intro", "kind" ("artikel"|"nieuws"|"methode"|"video"|"verslag"),
"themes": [theme names], "begrippen": [begrip slugs], "meeting": meeting slug or None,
"author": person name or None, "organisation": organisation name or None, "days_ago": int,
"body": [("heading", "text") | ("paragraph", "<p>html</p>") | ("quote", {"quote",
"attribution"}) | ("kader", {"heading", "text": "<p>html</p>"}) | ("video", {"title",
"file", "captions" (names in leerhuis/demo/video/), "duration", "transcript"})]}.

A video's files become documents when its article is made (found by title if an earlier
load left them), so the demo fetches nothing and a second load uploads nothing.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import EventPage
from glossary.models import Concept
from leerhuis.core.themes import Thema
from leerhuis.knowledge.models import ArticleBegrip, ArticleKind, ArticlePage, KnowledgeIndexPage
from members.models import Organisation, Person

INDEX = {
    "title": "Kennisbank",
    "slug": "kennisbank",
    "intro": "Artikelen, nieuws, methoden, video's en verslagen over opgave-sturing, van de "
    "vereniging en haar leden. Kies op soort, thema of organisatie.",
}


def _index(home):
    existing = KnowledgeIndexPage.objects.first()
    if existing:
        return existing, 0
    page = KnowledgeIndexPage(show_in_menus=True, **INDEX)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, 1


VIDEO_FILES = Path(__file__).resolve().parent / "video"


def _document(name, title):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title, file=ContentFile((VIDEO_FILES / name).read_bytes(), name))
    document._set_document_file_metadata()
    document.save()
    return document


def _video(value):
    return {
        "title": value["title"],
        "embed_url": "",
        "video": _document(value["file"], f"Video: {value['title']}").pk,
        "captions": _document(value["captions"], f"Ondertiteling: {value['title']}").pk,
        "poster": None,
        "duration": value.get("duration"),
        "transcript": value["transcript"],
    }


def _block(kind, value):
    if kind == "heading":
        return {"type": "heading", "value": {"text": value, "level": "h2"}}
    if kind == "video":
        return {"type": "video", "value": _video(value)}
    return {"type": kind, "value": value}


def _moment(first_load, days_ago):
    day = first_load - datetime.timedelta(days=days_ago)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def _add(index, spec, first_load):
    if ArticlePage.objects.filter(slug=spec["slug"]).exists():
        return None
    published = _moment(first_load, spec.get("days_ago", 0))
    meeting = spec.get("meeting")
    page = ArticlePage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        kind=spec["kind"],
        body=[_block(kind, value) for kind, value in spec.get("body", ())],
        date=published.date(),
        first_published_at=published,
        author=Person.objects.filter(name=spec.get("author") or "").first(),
        organisation=Organisation.objects.filter(name=spec.get("organisation") or "").first(),
        meeting=EventPage.objects.filter(slug=meeting).first() if meeting else None,
    )
    page.themes = Thema.objects.named(*spec.get("themes", ()))
    concepts = Concept.objects.filter(slug__in=spec.get("begrippen", ()))
    by_slug = {concept.slug: concept for concept in concepts}
    page.begrippen = [
        ArticleBegrip(concept=by_slug[slug])
        for slug in spec.get("begrippen", ())
        if slug in by_slug
    ]
    report_of = page.meeting if page.kind == ArticleKind.VERSLAG else None
    if report_of is not None and report_of.start > published:
        # A verslag of a meeting still ahead waits as a draft for the editors after the day.
        page.live = False
        index.add_child(instance=page)
        page.save_revision()
        return page
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_kennisbank(home, articles, first_load=None) -> int:
    """The kennisbank and those of `articles` that are missing; the number of pages made."""
    first_load = first_load or timezone.localdate()
    index, created = _index(home)
    made = [page for spec in articles if (page := _add(index, spec, first_load))]
    return created + len(made)
