"""Redis as a cache, not a dependency.

Django's Redis backend raises when Redis cannot be reached, and Wagtail reads the cache on
every request (the site roots), as do sessions and rate limits: a Redis outage would make
every page a 500. Here a failed read is a miss and a failed write is skipped; the site runs
on, slower, from the database, until Redis is back. Errors other than a lost or slow
connection still raise: those are mistakes, not outages.

A circuit breaker, per process and per Redis: after a failed call the cache is not asked
for RETRY_AFTER seconds, every call answered at once as if Redis had missed or skipped it.
Without it each call would wait for Redis (half a second for a refused connection, which
redis-py retries, a full socket timeout for a hung one), and a request makes many. Then one
call tries again; it closes the breaker or opens it for another while. The outage is logged
when it starts and then at most once a minute, without a traceback (it is not a bug, and
one per call would bury everything else); its end once ("Cache weer bereikbaar").

Stale entries after an outage: a write or delete skipped during it (a session ended at
logout, a page cache generation bumped, a changed menu) leaves Redis holding what was true
before, which would come back with Redis. So a process that saw the outage does not use
Redis again until it has deleted every key of its prefix: the first call after the outage
does that, and counts as the try. Every such process clears, whether or not it skipped a
write itself (another worker may have, and been recycled since). What is lost is cache:
sessions are `cached_db` and read again from the database, pages are rendered again,
rate-limit counters start over. Left open: a worker that never noticed the outage (it
served nothing during it) may read a stale entry until a worker that noticed clears, at
most RETRY_AFTER seconds after Redis returns on a busy site. `clear()` too deletes only the
prefix, never the whole Redis database, which may hold other caches.
"""

import functools
import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER = 5.0  # seconds without Redis after a failed call
LOG_EVERY = 60.0  # seconds between two warnings of one outage
clock = time.monotonic  # tests move it


class Breaker:
    """The health of one Redis (and key prefix) as one process sees it, for all threads."""

    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.down_since = None  # None: closed, Redis is used
        self.retry_at = 0.0
        self.logged_at = None
        self.unanswered = 0  # calls answered without Redis since the last warning

    def state(self):
        """ "closed" (use Redis), "open" (answer without it) or "probe" (this call tries)."""
        if self.down_since is None:  # the common case, without the lock
            return "closed"
        with self.lock:
            if self.down_since is None:
                return "closed"
            if clock() < self.retry_at:
                self.unanswered += 1
                return "open"
            self.retry_at = clock() + RETRY_AFTER  # other threads wait for this try
            return "probe"

    def failed(self, error):
        with self.lock:
            now = clock()
            self.unanswered += 1
            if self.down_since is None:
                self.down_since = now
            self.retry_at = now + RETRY_AFTER
            if self.logged_at is not None and now - self.logged_at < LOG_EVERY:
                return
            self.logged_at = now
            count, self.unanswered = self.unanswered, 0
        logger.warning(
            "Cache onbereikbaar (%s): %s. De site werkt door zonder cache en probeert het "
            "over %d s opnieuw; %d aanroep(en) zonder cache beantwoord.",
            self.name,
            str(error).rstrip("."),
            RETRY_AFTER,
            count,
        )

    def recovered(self, cleared):
        with self.lock:
            if self.down_since is None:
                return
            seconds = clock() - self.down_since
            self.down_since, self.logged_at, self.unanswered = None, None, 0
        logger.warning(
            "Cache weer bereikbaar (%s) na %d s%s.",
            self.name,
            seconds,
            "; wat tijdens de storing niet geschreven kon worden is gewist" if cleared else "",
        )


_breakers = {}
_breakers_lock = threading.Lock()


def _breaker_for(servers, key_prefix):
    key = (tuple(servers), key_prefix)
    with _breakers_lock:
        if key not in _breakers:
            # Named without a password that the URL may hold.
            parts = urlsplit(servers[0])
            _breakers[key] = Breaker(f"{parts.hostname}:{parts.port or 6379}{parts.path}")
        return _breakers[key]


def _guarded(answer):
    """Run the backend's own method unless Redis is out; then return `answer(args)`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            breaker = self.breaker
            state = breaker.state()
            if state == "open":
                return answer(*args, **kwargs)
            try:
                # Every process that saw the outage clears once it ends, whether or not it
                # skipped a write itself: another worker may have, and then been recycled.
                cleared = state == "probe" and self._forget_stale()
                result = method(self, *args, **kwargs)
            except OUTAGE as error:
                breaker.failed(error)
                return answer(*args, **kwargs)
            if state == "probe":
                breaker.recovered(cleared)
            return result

        return wrapper

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    @functools.cached_property
    def breaker(self):
        return _breaker_for(self._servers, self.key_prefix)

    def _forget_stale(self):
        """Delete every key of this cache's prefix (not the whole database, which may hold
        other caches). Raises an outage error on any Redis error (a refused SCAN as well),
        so the breaker stays open rather than a request failing."""
        try:
            client = self._cache.get_client(write=True)
            prefix = "".join(f"\\{c}" if c in "*?[]\\" else c for c in self.key_prefix)
            batch = []
            for key in client.scan_iter(match=f"{prefix}:*", count=1000):
                batch.append(key)
                if len(batch) == 500:
                    client.delete(*batch)
                    batch = []
            if batch:
                client.delete(*batch)
        except RedisError as error:
            if isinstance(error, OUTAGE):
                raise
            raise RedisConnectionError(f"wissen na de storing mislukt: {error}") from error
        return True

    def _clear_prefix(self):
        return self._forget_stale()

    get = _guarded(_default)(RedisCache.get)
    get_many = _guarded(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _guarded(lambda *a, **k: False)(RedisCache.has_key)
    set = _guarded(lambda *a, **k: None)(RedisCache.set)
    # As if added: allauth's rate limits take a lock with add(), and a refused lock is a
    # 429 after waiting a second, for every login and sign-up of the outage. (allauth's
    # check that a TOTP code is not used twice is add() too: it fails open with the rest.)
    add = _guarded(lambda *a, **k: True)(RedisCache.add)
    touch = _guarded(lambda *a, **k: False)(RedisCache.touch)
    set_many = _guarded(lambda *a, **k: [])(RedisCache.set_many)
    delete = _guarded(lambda *a, **k: False)(RedisCache.delete)
    delete_many = _guarded(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _guarded(lambda *a, **k: False)(_clear_prefix)
    # A counter that cannot count lets the request through (a rate limit fails open).
    # decr is Django's own, which calls incr: one guarded call, never two nested.
    incr = _guarded(lambda key, delta=1, *a, **k: delta)(RedisCache.incr)

    def get_or_set(self, key, default, timeout=None, version=None):
        value = self.get(key, version=version)
        if value is None:
            value = default() if callable(default) else default
            self.add(key, value, timeout=timeout, version=version)
        return value
