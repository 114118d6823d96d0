"""Redis as a cache, not a dependency.

Django's Redis backend raises when Redis cannot be reached, and Wagtail reads the cache on
every request (the site roots), as do sessions and rate limits: a Redis outage would make
every page a 500. Here a failed read is a miss and a failed write is skipped, each logged;
the site runs on, slower, until Redis is back. Errors other than a lost or slow connection
still raise: those are mistakes, not outages.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)


def _on_outage(answer):
    """Run the backend's own method; on an outage log it and return `answer(args)`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OUTAGE:
                logger.warning("Cache onbereikbaar bij %s", method.__name__, exc_info=True)
                return answer(*args, **kwargs)

        return wrapper

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    get = _on_outage(_default)(RedisCache.get)
    get_many = _on_outage(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _on_outage(lambda *a, **k: False)(RedisCache.has_key)
    set = _on_outage(lambda *a, **k: None)(RedisCache.set)
    add = _on_outage(lambda *a, **k: False)(RedisCache.add)
    touch = _on_outage(lambda *a, **k: False)(RedisCache.touch)
    set_many = _on_outage(lambda *a, **k: [])(RedisCache.set_many)
    delete = _on_outage(lambda *a, **k: False)(RedisCache.delete)
    delete_many = _on_outage(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _on_outage(lambda *a, **k: False)(RedisCache.clear)
    # A counter that cannot count lets the request through (a rate limit fails open).
    incr = _on_outage(lambda key, delta=1, *a, **k: delta)(RedisCache.incr)
    decr = _on_outage(lambda key, delta=1, *a, **k: -delta)(RedisCache.decr)

    def get_or_set(self, key, default, timeout=None, version=None):
        value = self.get(key, version=version)
        if value is None:
            value = default() if callable(default) else default
            self.add(key, value, timeout=timeout, version=version)
        return value
