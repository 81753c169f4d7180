"""Test settings: fenced off from the outside world (own media folder, no real e-mail)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

DEBUG = False
# The demo hospital (``load_demo_data``) is loaded by tests and browser journeys; never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
SECRET_KEY = "test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG"  # noqa: S105 — tests only
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env("TEST_MEDIA_ROOT", default=tempfile.mkdtemp(prefix="hodsite-test-media-"))
COMPLAINTS_PRIVATE_ROOT = tempfile.mkdtemp(prefix="hodsite-test-private-")
STATIC_ROOT = tempfile.mkdtemp(prefix="hodsite-test-static-")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
WAGTAILADMIN_BASE_URL = "http://testserver"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# The suite searches hundreds of times within a minute from one address; the limit itself has its own test.
SEARCH_RATE_LIMIT = (100_000, 60)
# A rolled-back test's hospital holidays must not stay in the process's copy for the next test.
HOSPITAL_HOLIDAYS_CACHE_SECONDS = 0
TRAFFIC_LOG_DIR = Path(tempfile.mkdtemp(prefix="hodsite-test-logs-"))
OPERATIONS_STATE_DIR = Path(tempfile.mkdtemp(prefix="hodsite-test-state-"))
