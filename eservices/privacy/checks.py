"""System checks of the retention settings (``manage.py check``; registered in ``EservicesConfig.ready``)."""

from django.conf import settings
from django.core.checks import Error

MINIMUM_DAYS = 365  # a year: the fiscal year's complaint reports and the ITA evidence are made from the cases
MAXIMUM_DAYS = 36_525  # a hundred years: anything longer is a typo or "forever", which PDPA s.37(3) forbids


def retention_settings(app_configs=None, **kwargs):
    errors = []
    for name, days, check_id in (
        ("COMPLAINT_RETENTION_DAYS", settings.COMPLAINT_RETENTION_DAYS, "eservices.E001"),
        ("FEEDBACK_RETENTION_DAYS", settings.FEEDBACK_RETENTION_DAYS, "eservices.E002"),
    ):
        if isinstance(days, bool) or not isinstance(days, int) or not MINIMUM_DAYS <= days <= MAXIMUM_DAYS:
            errors.append(
                Error(
                    f"{name} is {days!r}; it must be a whole number of days from {MINIMUM_DAYS} to {MAXIMUM_DAYS}.",
                    hint=f"Set {name} to the period the privacy notice states (see docs/security.md, PDPA).",
                    id=check_id,
                )
            )
    return errors
