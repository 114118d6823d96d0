"""What the kennisbank's feed (/kennisbank/feed/) holds, and its version.

A feed is read by anyone, without a login, so it holds only what an anonymous visitor may
see (the one access policy), whoever fetches it. The page types it lists are named once, in
SOURCES: a later page type (the praktijkcasus) joins by one line there, provided it has
`themes = theme_field()`, a visibility, `published_on` and `author_name`.

The version (ETag and Last-Modified) comes from one aggregate query per source, so a feed
reader polling an unchanged feed gets its 304 before any article is loaded. An article that
leaves the feed (unpublished, deleted, made members-only) changes no public row, so
Wagtail's log of publishes, unpublishes and deletions counts too, as in events/fingerprints.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Max, Q, Subquery
from wagtail.models import ModelLogEntry, PageLogEntry

from events.fingerprints import PAGE_ACTIONS
from leerhuis.core.conditional import make_etag
from leerhuis.core.themes import having_theme, live_themes
from members.access import visible_to

from .models import ArticlePage

HOW_MANY = 30
# Raised when what an item says changes, so readers fetch the feed anew.
FORMAT_VERSION = 1
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
# Names an item shows besides its own: a theme, an author or their organisation renamed.
SNIPPET_CHANGES = Q(content_type__app_label="core", content_type__model="thema") | Q(
    content_type__app_label="members", content_type__model__in=["person", "organisation"]
)


@dataclass(frozen=True)
class Source:
    """A page type the feed lists: `description` names the field read as an item's
    description, `date` the field it is sorted by (newest first), `related` what its
    author_name reads."""

    model: type
    description: str = "intro"
    date: str = "date"
    related: tuple = ()

    def public(self, theme=""):
        items = visible_to(AnonymousUser(), self.model.objects.live())
        return having_theme(items, theme) if theme else items

    def newest(self, theme, limit):
        items = self.public(theme).order_by(
            F(self.date).desc(nulls_last=True), "-first_published_at", "-pk"
        )
        items = items.select_related(*self.related).prefetch_related(live_themes())
        return list(items.defer("body")[:limit])


SOURCES = (Source(ArticlePage, related=("author", "author_user", "organisation")),)


def _newest(entries):
    return Max(Subquery(entries.order_by("-timestamp").values("timestamp")[:1]))


def _logged_changes():
    """The newest logged change to a page of a source, or to a name an item shows."""
    pages = Q()
    for source in SOURCES:
        meta = source.model._meta
        pages |= Q(content_type__app_label=meta.app_label, content_type__model=meta.model_name)
    return {
        "pages": _newest(PageLogEntry.objects.filter(pages, action__in=PAGE_ACTIONS)),
        "names": _newest(ModelLogEntry.objects.filter(SNIPPET_CHANGES)),
    }


@dataclass(frozen=True)
class Version:
    count: int
    last_modified: datetime.datetime

    def etag(self, *parts):
        return make_etag("kennisbank-feed", FORMAT_VERSION, *parts, self.count, self.last_modified)


def version(theme=""):
    """Count and last change of what the feed (of `theme`) holds: one query per source."""
    count, moments = 0, []
    for n, source in enumerate(SOURCES):
        extra = _logged_changes() if n == 0 else {}
        result = source.public(theme).aggregate(
            count=Count("pk", distinct=True), changed=Max("last_published_at"), **extra
        )
        count += result.pop("count")
        moments += [moment for moment in result.values() if moment is not None]
    return Version(count, max(moments, default=EPOCH))


def sort_key(page):
    return (page.published_on or datetime.date.min, page.first_published_at or EPOCH, page.pk)


def newest(theme=""):
    """The newest public items of every source (of `theme`), newest first: a fixed number
    of queries (two per source), however many are stored."""
    items = [item for source in SOURCES for item in source.newest(theme, HOW_MANY)]
    return sorted(items, key=sort_key, reverse=True)[:HOW_MANY]


def description_of(page):
    for source in SOURCES:
        if isinstance(page, source.model):
            return getattr(page, source.description) or ""
    return ""
