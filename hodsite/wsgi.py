"""WSGI entry point. Defaults to production settings: a server never runs dev settings by accident."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hodsite.settings.production")

application = get_wsgi_application()
