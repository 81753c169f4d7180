"""Counting public page views and visitors (R1.16) in the site itself.

``eservices.visits.middleware.VisitCounterMiddleware`` counts a request when all of these hold (see README, "Satisfaction survey
and visit statistics"):

- it is a GET (not HEAD, not a form POST) answered 200 with an HTML page, or answered 304 by the page cache
  (``home.page_cache``: the browser revalidated a page it already had, marked ``revalidated_page``);
- its path is not the admin, static files, media, documents or other files (``settings.VISITS_EXCLUDED_PREFIXES``);
- the browser does not call itself a bot, crawler, script or headless browser, and sends a User-Agent;
- the user is not signed-in staff: anyone who may use the Wagtail admin (the hospital's own editors
  checking their pages).

Per counted view the cost is one cache ``add`` (has this visitor been seen today?) and one
``UPDATE … SET views = views + 1``, done after the response is sent; a visitor's first view of the day
adds one INSERT of its daily key. The database does the arithmetic, so concurrent requests never lose a count, and unique
constraints decide who is "new" when two first views race. A failure to count is logged and never
breaks the page.
"""

import datetime as dt
import re

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone

from eservices.models import DailyVisitor, DailyVisits
from home.abuse import visitor_key

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|preview|monitor|uptime|headless|phantomjs|"
    r"python-|curl/|wget/|httpclient|okhttp|java/|go-http-client|libwww|scrapy|axios|node-fetch|postman",
    re.IGNORECASE,
)


def is_bot(user_agent):
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def is_countable(request, response):
    if request.method != "GET":
        return False
    if response.status_code == 304:
        return _counted_visitor(request) if getattr(response, "revalidated_page", False) else False
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return False
    return _counted_visitor(request)


def _counted_visitor(request):
    if request.path.startswith(tuple(settings.VISITS_EXCLUDED_PREFIXES)):
        return False
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    return not is_hospital_staff(getattr(request, "user", None))


def is_hospital_staff(user):
    """Signed in with access to the Wagtail admin (users made in Wagtail are not ``is_staff``).
    Anonymous visitors cost nothing: permissions are only looked up for a signed-in user."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


def _seconds_left_today(now):
    tomorrow = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time.min, tzinfo=now.tzinfo)
    return max(60, int((tomorrow - now).total_seconds()) + 60)


def count_view(request):
    """Count one page view of ``request``'s visitor, today (local time)."""
    now = timezone.localtime()
    day = now.date()
    key = visitor_key(request, day)
    # The cache only saves the INSERT for visitors already seen; the unique key decides for real.
    seen_key = f"visits:seen:{day.isoformat()}:{key}"
    maybe_new = cache.add(seen_key, 1, timeout=_seconds_left_today(now))
    try:
        new_visitor = DailyVisitor.add(day, key) if maybe_new else False
    except DatabaseError:
        cache.delete(seen_key)  # not recorded: let the next view try again
        raise
    DailyVisits.count(day, new_visitor)
