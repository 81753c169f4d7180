"""``/healthz``: for the load balancer and the monitor. No private data, never cached, not a visit."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from . import health


@never_cache
def healthz(request):
    database = health.database_ok()
    # The jobs' heartbeat is in the database: with the database down they count as stale.
    jobs_stale = health.jobs_are_stale()[0] if database else True
    body = {
        "database": "ok" if database else "down",
        "cache": "ok" if health.cache_ok() else "degraded",
        "jobs": "stale" if jobs_stale else "ok",
    }
    return JsonResponse(body, status=200 if database else 503)
