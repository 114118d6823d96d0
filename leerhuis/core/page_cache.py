"""Anonymous full-page cache: a stored page costs one cache round trip and no query.

The middleware sits right after WhiteNoise, so a hit returns before sessions, auth, CSRF and
URL resolving, with the headers the inner middleware gave the stored response (CSP, frame
options). Only what is the same for every anonymous visitor is stored: a GET without a
session or messages cookie, answered 200 with no cookie, no CSRF token, no flash message and
nothing that marks it private or not to be stored (members.access.private(), never_cache).

Staleness has two causes, handled apart:
- content changes: one generation for the whole public site, a new random value on every
  change (leerhuis.core.page_cache_signals); an entry counts only under the generation it
  was rendered under, so a publish shows at once on every worker.
- the clock: an entry holds until its own expiry, the earliest of PAGE_CACHE_SECONDS, the
  view's `cache_until()`, the next midnight, and what the EXPIRY_HOOK functions answer (the
  next moment any meeting opens, closes or starts). It is compared with timezone.now(), not
  left to the cache's TTL, so scheduled transitions are exact.

The cache is a cache, not a dependency: a failing read is a miss, a failing write is skipped.
"""

import datetime
import hashlib
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.http import parse_http_date_safe
from wagtail import hooks

from leerhuis.core.conditional import not_modified

logger = logging.getLogger(__name__)

# The keys sort before every other key of the site ("0…"): Django's database cache, once
# full, culls the lowest third of keys by name. So a flood of stored pages (any query string
# makes one) throws out pages, which render again, not sessions or login rate limits.
GENERATION_KEY = "0page-cache:generation"
KEY_PREFIX = "0page-cache:page:"
# Wagtail hook: functions (request, now) -> an aware datetime or None, the next moment at
# which what the site shows changes by the clock alone.
EXPIRY_HOOK = "page_cache_expires"
DEFAULT_EXCLUDE = ("/admin/", "/accounts/", "/mijn-leerhuis/", "/documenten/")
# Vary on these is covered: no session cookie was sent, the public site is Dutch only, and
# the key holds the Accept header (a begrip answers Turtle or JSON-LD to who asks for it)
# and whether gzip is accepted.
COVERED_VARY = {"cookie", "accept-language", "accept", "accept-encoding"}
HEADERS_NOT_STORED = {"set-cookie"}
UNTIL_ATTRIBUTE = "_page_cache_until"
# A body larger than this with an ETag or Last-Modified (the whole calendar as .ics) is kept
# under its own key, named by its digest: a conditional GET answered 304 then reads only the
# small entry. A page without validators gets no 304, so it stays in one entry.
LARGE_BODY = 64 * 1024
LARGE_BODY_PREFIX = "0page-cache:body:"


# --- what views and writers call --------------------------------------------------------


def cache_until(response, moment):
    """The content of `response` holds until `moment` at the latest (a view's hint)."""
    if moment is not None:
        current = getattr(response, UNTIL_ATTRIBUTE, None)
        setattr(response, UNTIL_ATTRIBUTE, moment if current is None else min(current, moment))
    return response


def changed(using=None):
    """Something the public site shows has changed: no stored page counts any more.

    Inside a transaction, after its commit only: no cache write under the transaction's
    locks (a sign-up holds its meeting's), and a failing cache cannot abort it. A page
    rendered meanwhile, from the data as it was, is stored under the old generation, which
    the bump then retires. Outside a transaction, or inside a test's (which never commits,
    so an after-commit bump would never come), now.
    Writers that bypass the model signals (queryset.update(), raw SQL) call this themselves.
    """
    when_committed(_new_generation, using)


def when_committed(bump, using=None):
    """Run `bump` (a new version of something kept in the cache) once the data it stands
    for is committed: after the commit of the transaction we are in, once however many rows
    it wrote; now when outside one, or inside a test's, which is rolled back and whose
    after-commit work would never run. Also the menu's version (navigation_cache)."""
    connection = transaction.get_connection(using)
    if not _commit_will_come(connection):
        bump()
    elif not any(entry[1] is bump for entry in connection.run_on_commit):
        transaction.on_commit(bump, using=using)


def _commit_will_come(connection):
    # Django marks the atomic blocks a TestCase wraps every test in; they are rolled back.
    blocks = connection.atomic_blocks
    return connection.in_atomic_block and not getattr(blocks[0], "_from_testcase", False)


def _new_generation():
    try:
        cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)
    except Exception:  # noqa: BLE001 - an unreachable cache holds no page to invalidate
        logger.warning("Paginacache: nieuwe generatie niet opgeslagen", exc_info=True)


# --- the middleware ---------------------------------------------------------------------


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not _may_read(request):
            return self.get_response(request)
        key = _key(request)
        try:
            found = cache.get_many([GENERATION_KEY, key])
        except Exception:  # noqa: BLE001 - a cache outage is a miss, never an error
            logger.warning("Paginacache: lezen mislukt", exc_info=True)
            return self.get_response(request)
        generation = found.get(GENERATION_KEY)
        now = timezone.now()
        hit = _serve(request, found.get(key), generation, now)
        if hit is not None:
            return hit
        response = self.get_response(request)
        if generation is None:
            # Nothing stored yet (or evicted): start a generation for the next request. Not
            # this one: a change during its render would have set one it cannot know of.
            _start_generation()
        elif request.method == "GET" and _may_store(request, response):
            _store(request, response, key, generation, now, seconds)
        return response


def _may_read(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or _messages_cookie() in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META or getattr(request, "is_dummy", False):
        return False  # credentials, or Wagtail's preview of a draft
    excluded = getattr(settings, "PAGE_CACHE_EXCLUDE", DEFAULT_EXCLUDE)
    return not request.path_info.startswith(tuple(excluded))


def _messages_cookie():
    return getattr(settings, "MESSAGE_COOKIE_NAME", "messages")


def _key(request):
    scheme = "https" if request.is_secure() else "http"
    address = f"{scheme}://{request.get_host()}{request.get_full_path()}"
    # BASE_URL: feeds, sitemaps and mails write absolute addresses from it.
    # Compressed or not: a feed is sent gzipped to whoever accepts it (events.feeds).
    gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    # The type a view can negotiate, not the raw Accept header: a browser, curl and a load
    # tool share one entry, and no visitor makes new entries by varying the header.
    offered = getattr(settings, "PAGE_CACHE_NEGOTIATED_TYPES", ["text/html"])
    wanted = request.get_preferred_type(offered) or ""
    varies = f"{address}\n{wanted}\n{settings.BASE_URL}\n{gzip}"
    return KEY_PREFIX + hashlib.sha256(varies.encode()).hexdigest()


def _serve(request, entry, generation, now):
    if entry is None or generation is None:
        return None
    stored_generation, expires, status, headers, body = entry
    if stored_generation != generation or now.timestamp() >= expires:
        return None
    names = {name.lower(): value for name, value in headers}
    if _not_modified(request, names):
        response = HttpResponseNotModified()
        for name in ("ETag", "Last-Modified", "Cache-Control", "Vary", "Expires"):
            if name.lower() in names:
                response[name] = names[name.lower()]
    else:
        if isinstance(body, str):  # a large body, kept apart under this digest
            body = _large_body(body)
            if body is None:
                return None
        response = HttpResponse(body, status=status)
        for name, value in headers:
            response[name] = value
    response["X-Cache"] = "hit"
    return response


def _validators(response):
    return response.has_header("ETag") or response.has_header("Last-Modified")


def _large_body(digest):
    try:
        return cache.get(LARGE_BODY_PREFIX + digest)
    except Exception:  # noqa: BLE001 - a cache outage is a miss
        logger.warning("Paginacache: lezen mislukt", exc_info=True)
        return None


def _not_modified(request, headers):
    etag = headers.get("etag")
    if etag:
        etag = etag.removeprefix("W/")  # gzip marks the ETag of what it compressed as weak
    last_modified = parse_http_date_safe(headers.get("last-modified"))
    if etag is None and last_modified is None:
        return False
    if not ("HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META):
        return False
    return not_modified(request, etag, last_modified)


def _may_store(request, response):
    """Only what any anonymous visitor would get alike."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage.used or storage.added_new):
        return False  # a flash message is for this visitor, once
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    # "no-cache" alone asks a cache to check with the site before each reuse; the
    # generation is that check, so such a page (a public conversation) may be kept here.
    if cache_control & {"private", "no-store"}:
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    return vary <= COVERED_VARY


def _store(request, response, key, generation, now, seconds):
    expires = _expiry(request, response, now, seconds)
    timeout = int((expires - now).total_seconds())
    if timeout < 1:
        return
    headers = [(n, v) for n, v in response.items() if n.lower() not in HEADERS_NOT_STORED]
    body = response.content
    try:
        if len(body) > LARGE_BODY and _validators(response):
            digest = hashlib.sha256(body).hexdigest()
            cache.set(LARGE_BODY_PREFIX + digest, body, timeout + 1)
            body = digest
        entry = (generation, expires.timestamp(), response.status_code, headers, body)
        cache.set(key, entry, timeout + 1)
    except Exception:  # noqa: BLE001 - not stored is only slower
        logger.warning("Paginacache: opslaan mislukt", exc_info=True)


def _expiry(request, response, now, seconds):
    moments = [now + datetime.timedelta(seconds=seconds), *_midnights(now)]
    hint = getattr(response, UNTIL_ATTRIBUTE, None)
    if hint is not None:
        moments.append(hint)
    for expires in hooks.get_hooks(EXPIRY_HOOK):
        moment = expires(request, now)
        if moment is not None:
            moments.append(moment)
    return min(moments)


def _midnights(now):
    """What a page says of "today" turns at midnight, here and in UTC (security.txt)."""
    for zone in (timezone.get_current_timezone(), datetime.UTC):
        day = now.astimezone(zone).date() + datetime.timedelta(days=1)
        yield datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


def _start_generation():
    try:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
    except Exception:  # noqa: BLE001
        logger.warning("Paginacache: generatie niet gestart", exc_info=True)
