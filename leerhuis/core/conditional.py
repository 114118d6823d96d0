"""Conditional GET for anything the site publishes as a file: calendar feeds, RDF and CSV
exports, RSS.

A view works out, cheaply, a version of what it would send (an ETag and a Last-Modified),
and only builds the body when the client does not have that version yet. Bodies that are
the same for everyone can be kept in the shared cache under their ETag, so many clients
fetching without a conditional header cost one build per version.
"""

import hashlib

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import (
    content_disposition_header,
    http_date,
    parse_etags,
    parse_http_date_safe,
)

from members.access import private

# A built public body stays in the shared cache this long; a change makes a new ETag (a new
# key), so this only bounds how long an old version takes up room.
SHARED_BODY_SECONDS = 3600


def make_etag(*parts):
    """A strong ETag from whatever identifies one version (ids, counts, timestamps)."""
    key = "|".join(map(str, parts))
    return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


def not_modified(request, etag, last_modified):
    """Whether the client's copy is current: by the ETag when it sends one, else only when
    its If-Modified-Since is exactly our Last-Modified (a Unix time). The newest change can
    move back in time (something unpublished or withdrawn), so "not newer than" would keep
    an outdated copy."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        theirs = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
        return "*" in theirs or etag in theirs
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE"))
    return since is not None and since == last_modified


def shared_body(namespace, etag, build, seconds=SHARED_BODY_SECONDS):
    """The body for this ETag from the shared cache, built once per version."""
    key = namespace + ":" + etag.strip('"')
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, seconds)
    return body


def conditional_response(
    request,
    build,
    *,
    etag,
    last_modified,
    content_type,
    public_max_age=None,
    filename=None,
    shared=None,
):
    """304 when the client has this version; otherwise `build()` the body and send it.

    `last_modified` is an aware datetime. `public_max_age` (seconds) lets shared caches keep
    the answer; without it the answer is private and kept out of search engines. `shared`
    names the cache namespace of a body that is the same for everyone.
    """
    stamp = int(last_modified.timestamp())
    if not_modified(request, etag, stamp):
        response = HttpResponseNotModified()
    else:
        body = shared_body(shared, etag, build) if shared else build()
        response = HttpResponse(body, content_type=content_type)
        if filename:
            response["Content-Disposition"] = content_disposition_header(True, filename)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stamp)
    if public_max_age is not None:
        patch_cache_control(response, public=True, max_age=public_max_age)
    else:
        private(response)
        response["X-Robots-Tag"] = "noindex"
    return response
