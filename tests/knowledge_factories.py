"""Factories for the kennisbank, shared by tests/knowledge/ and the browser tests."""

import datetime
from pathlib import Path

import factory
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from leerhuis.core.models import HomePage
from leerhuis.knowledge.models import ArticlePage, KnowledgeIndexPage
from tests.events_factories import THEMES, step_of, themes, tree_step


def kennisbank_page():
    """The one /kennisbank/ page, made under the home page when it is not there yet."""
    existing = KnowledgeIndexPage.objects.first()
    if existing:
        return existing
    page = KnowledgeIndexPage(title="Kennisbank", slug="kennisbank", intro="Alle kennis.")
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A public artikel of yesterday, with a short body."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Artikel {n}")
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    intro = "Wat opgave-sturing vraagt van het opdrachtgevende niveau."
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>Een korte tekst over de praktijk.</p>"))]
    )
    date = factory.LazyFunction(lambda: days_ago(1))
    parent = factory.LazyFunction(kennisbank_page)


def bulk_articles(count, offset=0, vary=lambda n: {}, model=ArticlePage):
    """`count` more live articles (or cases, `model=CasePage`) for query-count tests,
    written in bulk as `loaddata` would (see tests/events_factories.py bulk_meetings): the
    Page rows in one statement, each ArticlePage (and CasePage) row saved raw, every other
    one with two of THEMES."""
    parent = kennisbank_page()
    parent.refresh_from_db()
    last = parent.get_children().order_by("path").last()
    step = step_of(last.path) if last else 0
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    pages = []
    for i, n in enumerate(range(offset, offset + count), start=1):
        slug = f"opgeslagen-artikel-{n}"
        pages.append(
            model(
                title=f"Opgeslagen artikel {n}",
                draft_title=f"Opgeslagen artikel {n}",
                slug=slug,
                path=parent.path + tree_step(step + i),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                live=True,
                first_published_at=now,
                last_published_at=now,
                intro="Een stuk uit het archief.",
                date=days_ago(30 + n % 365),
                reading_time=2,
                **vary(n),
            )
        )
    page_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        Page(**{name: getattr(page, name) for name in page_fields}) for page in pages
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    # A raw save writes one table: the article's rows first, then a case's own.
    articles = [
        ArticlePage(
            **{f.attname: getattr(page, f.attname) for f in ArticlePage._meta.concrete_fields}
        )
        for page in pages
    ]
    tables = [articles]
    if model is not ArticlePage:
        for page in pages:
            page.articlepage_ptr_id = page.id
        tables.append(pages)
    for table in tables:
        for stored in serializers.deserialize("python", serializers.serialize("python", table)):
            stored.save(save_m2m=False)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    tags = themes(*THEMES)
    links = ArticlePage.themes.through
    links.objects.bulk_create(
        links(articlepage=page, thema=tag)
        for n, page in enumerate(articles)
        if n % 2 == 0
        for tag in (tags[0], tags[1 + n % 3])
    )
    return pages


def article(*, theme_names=(), begrippen=(), meetings=(), **fields):
    """An article with its themes, begrippen and related meetings saved, as the admin does."""
    page = ArticlePageFactory(**fields)
    if theme_names or begrippen or meetings:
        from leerhuis.knowledge.models import ArticleBegrip, ArticleMeeting

        page.themes = themes(*theme_names)
        page.begrippen = [ArticleBegrip(concept=concept) for concept in begrippen]
        page.related_meetings = [ArticleMeeting(meeting=meeting) for meeting in meetings]
        page.save()
    return page


# Videos ------------------------------------------------------------------------------------

YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
DEMO_VIDEO = Path(__file__).resolve().parent.parent / "leerhuis" / "demo" / "video"


def video_document(name, title=None, content=None, **fields):
    """A document holding `content`, or the demo's own file `name` (leerhuis/demo/video/)."""
    from wagtail.documents import get_document_model

    data = content if content is not None else (DEMO_VIDEO / name).read_bytes()
    document = get_document_model()(title=title or name, **fields)
    document.file.save(name, ContentFile(data))
    return document


def video_value(**fields):
    """A video block's value as the admin posts it: an embed on YouTube unless told."""
    value = {
        "title": "Wat is een opgave?",
        "embed_url": YOUTUBE_URL,
        "video": None,
        "captions": None,
        "poster": None,
        "duration": 42,
        "transcript": RichText("<p>Stem: een opgave is een maatschappelijk vraagstuk.</p>"),
    }
    return {**value, **fields}
