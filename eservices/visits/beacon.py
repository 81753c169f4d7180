"""The visit beacon (``VISITS_COUNT_BY = "beacon"``): pages cached by nginx never reach Django, so each public
page, once loaded, sends one tiny request here and the view is counted by the same rules as
``eservices.visits.counting`` (docs/operations.md, "Caching").

- ``site.js`` sends ``navigator.sendBeacon`` (a POST of ``p=<the page's path>``); without JavaScript, a
  ``<noscript>`` 1×1 image asks ``GET /v/?p=<path>``. ``templates/base.html`` writes both only when the
  beacon counts (``beacon_context``); error pages leave them out (a 404 is not a page view).
- Counted: a browser (not a bot, script or headless browser), not signed-in staff, a page path outside
  ``VISITS_EXCLUDED_PREFIXES``. Views and visitors go through ``count_view``: one visitor per key per day.
- Only from our own pages: ``Sec-Fetch-Site: same-origin``, or (older browsers) an ``Origin`` or ``Referer``
  whose host is this request's host (itself checked against ``ALLOWED_HOSTS``). Anything else is refused
  (403) and not counted; a client over ``VISITS_BEACON_RATE_LIMIT`` gets 429.
- The answer is always ``204``, ``Cache-Control: no-store``, with no cookie: no session, no CSRF token
  (the view is CSRF-exempt, as a beacon carries none and changes nothing but a counter).
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from eservices.visits.counting import is_bot, is_hospital_staff
from eservices.visits.middleware import _count_safely
from home.abuse import rate_limited

logger = logging.getLogger("hodsite.visits")
MAX_PATH_LENGTH = 500


def counts_by_beacon():
    return settings.VISITS_COUNTING and settings.VISITS_COUNT_BY == "beacon"


def beacon_context(request):
    """Template context: ``visit_beacon_url`` when this page sends the beacon, else empty. Only a page got by
    GET counts (the answer to a form's POST is not a page view, as in ``counting.is_countable``)."""
    counted = counts_by_beacon() and getattr(request, "method", "") == "GET"
    return {"visit_beacon_url": "/v/" if counted else ""}


def _same_origin(request):
    try:
        host = request.get_host()
    except DisallowedHost:
        return False
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    for header in ("HTTP_ORIGIN", "HTTP_REFERER"):
        value = request.META.get(header)
        if value and value != "null":
            return urlsplit(value).netloc.lower() == host.lower()
    return False


def _page_path(request):
    path = (request.POST.get("p") if request.method == "POST" else request.GET.get("p")) or ""
    if not path.startswith("/") or path.startswith("//") or len(path) > MAX_PATH_LENGTH:
        return None
    return path


def _answer(status=204):
    response = HttpResponse(status=status)
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
def visit_beacon(request):
    if not _same_origin(request):
        return _answer(403)
    limit, seconds = settings.VISITS_BEACON_RATE_LIMIT
    if rate_limited(request, "visit-beacon", limit, seconds):
        return _answer(429)
    path = _page_path(request)
    if (
        counts_by_beacon()
        and path is not None
        and not path.startswith(tuple(settings.VISITS_EXCLUDED_PREFIXES))
        and not is_bot(request.META.get("HTTP_USER_AGENT", ""))
        and not is_hospital_staff(getattr(request, "user", None))
    ):
        response = _answer()
        # Counted once the answer is sent, like the middleware: the browser never waits for the database.
        response._resource_closers.append(lambda: _count_safely(request))
        return response
    return _answer()
