"""The public visit counter in the footer (``{% visit_counter %}``) and on the statistics page."""

from django.core.cache import cache
from django.utils import timezone

from eservices.models import DailyVisits, StatisticsPage

COUNTER_CACHE_SECONDS = 300


def counter_numbers():
    """Today, this month and all time for the public counter: one cache lookup per render; the
    database is asked (two queries) at most every ``COUNTER_CACHE_SECONDS`` per day."""
    today = timezone.localdate()
    key = f"visits:counter:{today.isoformat()}"
    numbers = cache.get(key)
    if numbers is None:
        numbers = DailyVisits.totals(today)
        page = StatisticsPage.objects.live().public().only("url_path", "path", "depth").first()
        numbers["url"] = page.get_url() if page else ""
        cache.set(key, numbers, COUNTER_CACHE_SECONDS)
    return numbers
