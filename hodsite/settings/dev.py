"""Development settings: ``make run`` and ``manage.py`` default to these."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Development only; production refuses to start without its own SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-hod-hospital-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The demo hospital (``manage.py load_demo_data``): development and tests only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
