"""Traffic data (Computer Crime Act B.E. 2550 s.26) and sign-in events, one JSON line each.

``AccessLogMiddleware`` writes one line per request to the ``hodsite.access`` logger::

    {"time": "2026-12-03T20:15:02+07:00", "ip": "203.0.113.9", "method": "GET", "path": "/news/",
     "status": 200, "bytes": 18234, "user": null, "ms": 41}

- ``time`` is local time (Asia/Bangkok) in ISO 8601 with its +07:00 offset;
- ``ip`` is the client address as ``home.abuse.client_ip`` sees it (behind nginx: the address nginx saw);
- ``path`` never carries the query string (search words, tokens) and password-reset tokens in the
  path are replaced by ``[redacted]``; request bodies (passwords, complaint text) are never logged;
- ``user`` is the signed-in user's id, ``null`` for visitors.

Sign-in events go to the ``hodsite.auth`` logger: ``login``, ``login_failed`` (with the username that was
tried, never the password) and ``logout``, each with time and address. Production routes both loggers to
files in ``TRAFFIC_LOG_DIR`` (``access.log``, ``auth.log``); rotation, sealing and retention are in
``operations.logfiles``.
"""

import json
import logging
import re
import time

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from home.abuse import client_ip

access_logger = logging.getLogger("hodsite.access")
auth_logger = logging.getLogger("hodsite.auth")

# Secrets that travel in a URL path: Django's and Wagtail's password-reset links.
_SECRET_PATHS = re.compile(r"(/reset/|/password_reset/confirm/)([^/]+/)([^/]+)")
MAX_PATH = 2000
MAX_USERNAME = 150


def now_iso():
    return timezone.localtime().isoformat(timespec="seconds")


def clean_path(path):
    path = _SECRET_PATHS.sub(r"\1\2[redacted]", path)
    return path[:MAX_PATH]


def _json(record):
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _user_id(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user.pk
    return None


def _response_bytes(response):
    if getattr(response, "streaming", False):
        length = response.get("Content-Length")
        return int(length) if length and length.isdigit() else None
    return len(response.content)


class AccessLogMiddleware:
    """Outermost middleware: records every request with the status the client finally got."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        try:
            line = {
                "time": now_iso(),
                "ip": client_ip(request),
                "method": request.method[:10],
                "path": clean_path(request.path),
                "status": response.status_code,
                "bytes": _response_bytes(response),
                "user": _user_id(request),
                "ms": int((time.monotonic() - started) * 1000),
            }
            access_logger.info(_json(line))
        except Exception:  # the log must never break the page
            logging.getLogger("hodsite.operations").exception("Could not write the access log line")
        return response


def auth_event(event, request, *, user=None, username=None, **extra):
    line = {"time": now_iso(), "event": event, "ip": client_ip(request) if request is not None else None}
    if user is not None:
        line["user"] = user.pk
        username = user.get_username()
    line["username"] = (username or "")[:MAX_USERNAME]
    line.update(extra)
    auth_logger.info(_json(line))


@receiver(user_logged_in, dispatch_uid="operations_login")
def record_login(sender, request, user, **kwargs):
    auth_event("login", request, user=user)


@receiver(user_login_failed, dispatch_uid="operations_login_failed")
def record_login_failed(sender, credentials, request=None, **kwargs):
    from django.contrib.auth import get_user_model

    # Django has already masked secrets in ``credentials``; only the username is kept in any case.
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username") or ""
    auth_event("login_failed", request, username=str(username))


@receiver(user_logged_out, dispatch_uid="operations_logout")
def record_logout(sender, request, user, **kwargs):
    if user is not None:
        auth_event("logout", request, user=user)
    else:
        auth_event("logout", request)
