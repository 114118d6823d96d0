"""A brake on scripts for the site's own forms (signing up, passing a place on, submitting a
case, proposing a begrip, posting, searching): so many requests per person per window,
counted in the shared cache, so every worker sees the same count. allauth limits its own
forms (login, sign-up, password reset; ACCOUNT_RATE_LIMITS).

A person is their account when logged in, else their address as the trusted proxies report
it (members/client_ip.py, the same one allauth's limits key on): keying anonymous visitors on
the connection would put everyone behind the proxy in one bucket."""

import time

from allauth.core.internal.ratelimit import truncate_ip
from django.conf import settings
from django.core.cache import cache

from members.access import render_private
from members.client_ip import client_ip


def who(request) -> str:
    """The bucket of this request: the account, or the client's address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    # As allauth does: an IPv6 visitor holds a whole /64 (RATE_LIMIT_IPV6_PREFIX), and would
    # otherwise get a fresh bucket for every address in it.
    return f"ip:{truncate_ip(client_ip(request))}"


def over_limit(request, scope, *, limit, window):
    """Count this request; True once the person made more than `limit` in the current
    `window` (seconds) of `scope`. Fixed windows: simple, and enough for honest use.
    LEERHUIS_RATE_LIMIT_FACTOR raises every limit at once (the benchmark's settings)."""
    limit *= getattr(settings, "LEERHUIS_RATE_LIMIT_FACTOR", 1)
    slot = int(time.time() // window)
    key = f"ratelimit:{scope}:{who(request)}:{slot}"
    # For the answer's Retry-After and the security log (members/security_log.py).
    request.leerhuis_retry_after = window - int(time.time() % window)
    request.leerhuis_limit = scope
    if cache.add(key, 1, window):
        return limit < 1  # the first request of the window: one write, not two
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window expired between add() and incr()
        cache.set(key, 1, window)
        return False


def too_many(request):
    """The answer once over the limit: the Dutch 429 page, for this person only, saying
    when the window ends (Retry-After, in seconds)."""
    response = render_private(request, "429.html", {}, 429)
    response["Retry-After"] = str(getattr(request, "leerhuis_retry_after", 60))
    return response


def handler429(request):
    """allauth's limits answer through this (it looks for ROOT_URLCONF.handler429): the
    same Dutch page as ours. Its windows are a minute or a few; a minute is a fair hint."""
    return too_many(request)
