"""The kennisbank as a feed: RSS 2.0 at /kennisbank/feed/, Atom at /kennisbank/feed/atom/,
each per theme with ?thema=<slug> (the kennisbank's own filter, so a filtered view
subscribes as is).

Two addresses rather than a ?formaat= switch: a feed reader is given one URL and expects
one format there, and each address can be announced with its own type in a page's head.
Plain views, not page routes (see events/feeds.py): a reader's conditional GET is answered
304 from the version (feed_items.version) before any article is loaded. Django's
feedgenerator writes the XML, so escaping and dates are its concern, not ours.
"""

import datetime

from django.conf import settings
from django.http import HttpResponseNotFound
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from leerhuis.core.conditional import conditional_response
from leerhuis.core.formatting import absolute_url, page_url
from leerhuis.core.themes import Thema

from . import feed_items
from .models import KnowledgeIndexPage

# Long enough to spare the server a burst of readers, short enough for a new article.
PUBLIC_MAX_AGE = 600
FORMATS = {
    "rss": (Rss201rev2Feed, "kennisbank_feed"),
    "atom": (Atom1Feed, "kennisbank_feed_atom"),
}


def feed_url(kind="rss", theme=""):
    """The address of the kennisbank's feed (of `theme`), as pages announce it."""
    url = reverse(FORMATS[kind][1])
    return f"{url}?{urlencode({'thema': theme})}" if theme else url


def _pubdate(page):
    """The moment of the date the article carries: the moment it was first published when
    that is the same day, else the start of its own date."""
    first = page.first_published_at
    day = page.published_on
    if first and (day is None or timezone.localdate(first) == day):
        return first
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _author(page):
    """The person who wrote it, else the organisation it comes from (as its schema.org
    Article says), else nobody."""
    if page.author_name:
        return page.author_name
    organisation = getattr(page, "organisation", None)
    return organisation.name if organisation and organisation.live else None


def _add(feed, page, request):
    feed.add_item(
        title=page.title,
        link=page_url(page, request),
        # A description is HTML to a reader; the intro is plain text, shown as written.
        description=escape(feed_items.description_of(page)),
        # Stable whatever happens to the title, slug or address of the site.
        unique_id=f"urn:uuid:{page.translation_key}",
        unique_id_is_permalink=False,
        pubdate=_pubdate(page),
        updateddate=page.last_published_at,
        categories=[theme.name for theme in page.themes.all()],
        author_name=_author(page),
    )


def _build(request, kind, theme, theme_name):
    site = settings.WAGTAIL_SITE_NAME
    index = KnowledgeIndexPage.objects.live().first()
    link = page_url(index, request) if index else absolute_url("/kennisbank/")
    title = _("%(site)s: kennisbank") % {"site": site}
    description = _("Nieuwe artikelen, methoden en verslagen in de kennisbank van het %(site)s.")
    if theme:
        link = f"{link}?{urlencode({'thema': theme})}"
        title = f"{title} ({theme_name})"
    feed = FORMATS[kind][0](
        title=title,
        link=link,
        description=description % {"site": site},
        language="nl",
        feed_url=absolute_url(feed_url(kind, theme)),
    )
    for page in feed_items.newest(theme):
        _add(feed, page, request)
    return feed.writeString("utf-8")


def _unknown_theme():
    # The value is not repeated: it came from anyone, and the reader shows text as is.
    return HttpResponseNotFound(
        _("Dit thema bestaat niet (meer). De hele kennisbank staat op %(url)s.")
        % {"url": absolute_url(feed_url())},
        content_type="text/plain; charset=utf-8",
    )


def _respond(request, kind):
    theme = request.GET.get("thema", "").strip()
    theme_name = ""
    if theme:
        if "\x00" in theme:  # PostgreSQL refuses NUL in text: no theme has it
            return _unknown_theme()
        theme_name = Thema.objects.live().filter(slug=theme).values_list("name", flat=True).first()
        if theme_name is None:
            return _unknown_theme()
    version = feed_items.version(theme)
    return conditional_response(
        request,
        lambda: _build(request, kind, theme, theme_name),
        etag=version.etag(kind, theme, theme_name, settings.BASE_URL),
        last_modified=version.last_modified,
        content_type=FORMATS[kind][0].content_type,
        public_max_age=PUBLIC_MAX_AGE,
        shared="knowledge:feed",
    )


@require_safe
def rss(request):
    return _respond(request, "rss")


@require_safe
def atom(request):
    return _respond(request, "atom")
