"""System checks for production tunables (``manage.py check``)."""

from django.conf import settings
from django.core.checks import Error, register

from .logfiles import MINIMUM_RETENTION_DAYS


@register()
def traffic_log_retention(app_configs, **kwargs):
    days = settings.TRAFFIC_LOG_RETENTION_DAYS
    if not isinstance(days, int) or days < MINIMUM_RETENTION_DAYS:
        return [
            Error(
                f"TRAFFIC_LOG_RETENTION_DAYS is {days!r}; the Computer Crime Act (s.26) needs traffic data "
                f"kept at least {MINIMUM_RETENTION_DAYS} days.",
                hint=f"Set TRAFFIC_LOG_RETENTION_DAYS to {MINIMUM_RETENTION_DAYS} or more.",
                id="operations.E001",
            )
        ]
    return []
