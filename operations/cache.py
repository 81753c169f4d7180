"""A Redis cache that a Redis outage cannot turn into a 500.

Everything the site keeps in the cache can be rebuilt or skipped: Wagtail's site lookups, the visit
counter's "seen today" marks, the public counter, the rate-limit counts. So when Redis does not answer
(refused, timed out, restarting), ``ResilientRedisCache`` logs a warning and answers like an empty cache:

- ``get`` → the default (a miss), ``get_many`` → ``{}``, ``has_key`` → ``False``;
- ``set``, ``set_many``, ``delete``, ``touch``, ``clear`` → nothing happens;
- ``add`` → ``True``, as if the key were new: ``home.abuse.rate_limited`` then counts this request as the
  first of its window, so **rate limits fail open** (nobody is refused while Redis is down, and the log says
  so); the visit counter lets the database's unique key decide who is new, as it always does;
- ``incr``/``decr`` → ``delta``, a counter that starts again.

The warning is logged at most once a minute per process and operation, so an outage does not flood the log.
Short socket timeouts (``OPTIONS``, see ``hodsite/settings/production.py``) keep a hung Redis from holding
a page for long.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("hodsite.cache")

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
WARN_EVERY_SECONDS = 60


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, answering like an empty cache while Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._last_warning = {}

    def _outage(self, operation, error, consequence):
        now = time.monotonic()
        if now - self._last_warning.get(operation, -WARN_EVERY_SECONDS) >= WARN_EVERY_SECONDS:
            self._last_warning[operation] = now
            logger.warning("Cache unavailable (%s: %s); %s", operation, error.__class__.__name__, consequence)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except OUTAGE_ERRORS as error:
            self._outage("add", error, "treated as a new key: rate limits fail open")
            return True

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except OUTAGE_ERRORS as error:
            self._outage("get", error, "treated as a miss")
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except OUTAGE_ERRORS as error:
            self._outage("set", error, "value not stored")
            return None

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except OUTAGE_ERRORS as error:
            self._outage("touch", error, "ignored")
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except OUTAGE_ERRORS as error:
            self._outage("delete", error, "ignored")
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except OUTAGE_ERRORS as error:
            self._outage("get_many", error, "treated as misses")
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except OUTAGE_ERRORS as error:
            self._outage("has_key", error, "treated as absent")
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except OUTAGE_ERRORS as error:
            self._outage("incr", error, "counter restarts: rate limits fail open")
            return delta

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except OUTAGE_ERRORS as error:
            self._outage("set_many", error, "values not stored")
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except OUTAGE_ERRORS as error:
            self._outage("delete_many", error, "ignored")
            return None

    def clear(self):
        try:
            return super().clear()
        except OUTAGE_ERRORS as error:
            self._outage("clear", error, "ignored")
            return False

    def ping(self):
        """True when Redis answers (for /healthz)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except OUTAGE_ERRORS:
            return False
