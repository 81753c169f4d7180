"""Is the site healthy? The database, the cache and the periodic jobs, for /healthz and ``check_jobs``."""

import datetime as dt
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.utils import timezone

logger = logging.getLogger("hodsite.health")


def jobs_last_run():
    """When the periodic jobs last completed a run (any host), or None: ``home.periodic.last_run``."""
    from home import periodic

    last_run = getattr(periodic, "last_run", None)  # provided by the backup/scale-out work
    if last_run is None:
        return None
    return last_run()


def jobs_stale_after():
    return dt.timedelta(minutes=settings.JOBS_STALE_MINUTES)


def jobs_are_stale(now=None):
    """(stale, last_run): stale when the jobs never ran or not within ``JOBS_STALE_MINUTES``."""
    now = now or timezone.now()
    try:
        last = jobs_last_run()
    except DatabaseError:
        logger.warning("Health check: could not read the periodic jobs' last run", exc_info=True)
        last = None
    return (last is None or now - last > jobs_stale_after()), last


def database_ok():
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except DatabaseError:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return False


def cache_ok():
    ping = getattr(cache, "ping", None)
    if ping is not None:  # ResilientRedisCache hides errors; ask Redis itself
        return ping()
    key, token = "healthz:probe", secrets.token_hex(8)
    try:
        cache.set(key, token, timeout=30)
        return cache.get(key) == token
    except Exception:
        logger.warning("Health check: the cache does not answer", exc_info=True)
        return False
