"""A brake on scripts for the site's own forms (signing up, passing a place on, and next
submitting a case or proposing a begrip): so many posts per person per window, counted in
the shared cache, so every worker sees the same count. allauth limits its own forms."""

import time

from django.conf import settings
from django.core.cache import cache

from members.access import render_private


def over_limit(request, scope, *, limit, window):
    """Count this post; True once the person made more than `limit` in the current
    `window` (seconds) of `scope`. Fixed windows: simple, and enough for honest use.
    LEERHUIS_RATE_LIMIT_FACTOR raises every limit at once (the benchmark's settings)."""
    limit *= getattr(settings, "LEERHUIS_RATE_LIMIT_FACTOR", 1)
    slot = int(time.time() // window)
    key = f"ratelimit:{scope}:{request.user.pk}:{slot}"
    if cache.add(key, 1, window):
        return limit < 1  # the first post of the window: one write, not two
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window expired between add() and incr()
        cache.set(key, 1, window)
        return False


def too_many(request):
    """The answer once over the limit: the Dutch 429 page, for this person only."""
    return render_private(request, "429.html", {}, 429)
