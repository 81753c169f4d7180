"""Settings of the benchmark's server (``tests/bench``): the development settings with DEBUG off.

DEBUG off as in production (no query log kept in memory, no debug pages); the demo app stays installed so
the database can be built with ``load_demo_data`` and ``generate_volume`` (run with ``DEBUG=true``). The
search rate limit is lifted: every benchmark request comes from one address. Logs and state go under
``test-results/bench``.
"""

from pathlib import Path

from hodsite.settings.dev import *  # noqa: F403
from hodsite.settings.dev import BASE_DIR, env

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
SEARCH_RATE_LIMIT = (1_000_000, 60)
BENCH_DIR = Path(BASE_DIR) / "test-results" / "bench"
TRAFFIC_LOG_DIR = BENCH_DIR / "logs"
OPERATIONS_STATE_DIR = BENCH_DIR / "state"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# As in production with REDIS_URL: the page cache and search cache on Redis, shared by both workers. The
# prefix is the gunicorn master's pid, so each benchmark server starts with an empty cache (a true cold pass).
import os  # noqa: E402

CACHES = {
    "default": {
        "BACKEND": "operations.cache.ResilientRedisCache",
        "LOCATION": env("BENCH_REDIS_URL", default="redis://127.0.0.1:6379/3"),
        "KEY_PREFIX": f"bench-{os.getppid()}",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}
PAGE_CACHE_SECONDS = 300
