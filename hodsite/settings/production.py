"""Production settings: every secret from the environment; refuses to start half-configured.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. Optional: REDIS_URL (cache), EMAIL_URL,
WAGTAILADMIN_BASE_URL, CSRF_TRUSTED_ORIGINS, TRAFFIC_LOG_DIR (default /var/log/hodsite), ADMINS.
See docs/operations.md "Configuration variables" and the recipe, docs/production.md.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import LOGGING, STORAGES, env

DEBUG = False


def _required(name, value):
    if not value:
        raise ImproperlyConfigured(f"Production settings need the environment variable {name}.")
    return value


SECRET_KEY = _required("SECRET_KEY", env("SECRET_KEY", default=""))
ALLOWED_HOSTS = _required("ALLOWED_HOSTS", env.list("ALLOWED_HOSTS", default=[]))
# No silent SQLite fallback in production.
DATABASES = {"default": env.db_url_config(_required("DATABASE_URL", env("DATABASE_URL", default="")))}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A kept connection is tested before each request reuses it: a PostgreSQL restart costs no 500.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[f"https://{h}" for h in ALLOWED_HOSTS])

# Cache: Redis when REDIS_URL is set (redis://127.0.0.1:6379/1), local memory otherwise. A Redis outage
# is logged and the site goes on without the cache; rate limits fail open (operations/cache.py).
if env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "hodsite",
            # Give up on a hung Redis quickly (seconds) rather than hold the page.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    # Anonymous pages from Redis for up to 5 minutes, purged on every publication (home/page_cache.py).
    PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)

# Views are counted by the pages' beacon (eservices/visits/beacon.py): nginx may serve a page from its cache.
VISITS_COUNT_BY = env("VISITS_COUNT_BY", default="beacon")
if VISITS_COUNT_BY not in ("server", "beacon"):
    raise ImproperlyConfigured("VISITS_COUNT_BY must be 'server' or 'beacon'.")

# E-mail: EMAIL_URL such as smtp+tls://user:password@smtp.example.go.th:587
if env("EMAIL_URL", default=""):
    vars().update(env.email("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# HTTPS everywhere (check --deploy clean).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The monitor may poll /healthz over plain HTTP on the host itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies append to X-Forwarded-For in front of the site (the TLS proxy: 1). Rate limits,
# one-vote-per-day and unique visitors key on the client address the nearest trusted proxy saw; with 0
# every visitor would look like the proxy. Set 0 only when clients reach the WSGI server directly.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Media as base chose (local folder, or S3 with MEDIA_STORAGE=s3); static files through WhiteNoise.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# Traffic and sign-in logs (Computer Crime Act s.26): JSON lines in TRAFFIC_LOG_DIR, rotated by logrotate
# (deploy/logrotate/hodsite), sealed and expired by ``seal_logs``. WatchedFileHandler reopens the file after
# logrotate moved it; ``delay`` opens it only when a line is written (management commands rarely do).
TRAFFIC_LOG_DIR = Path(env("TRAFFIC_LOG_DIR", default="/var/log/hodsite"))
LOGGING = {
    **LOGGING,
    "formatters": {**LOGGING["formatters"], "line": {"format": "%(message)s"}},
    "handlers": {
        **LOGGING["handlers"],
        "access_file": {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": str(TRAFFIC_LOG_DIR / "access.log"),
            "formatter": "line",
            "delay": True,
        },
        "auth_file": {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": str(TRAFFIC_LOG_DIR / "auth.log"),
            "formatter": "line",
            "delay": True,
        },
    },
    "loggers": {
        **LOGGING["loggers"],
        "hodsite.access": {"handlers": ["access_file"], "level": "INFO", "propagate": False},
        "hodsite.auth": {"handlers": ["auth_file"], "level": "INFO", "propagate": False},
    },
}
