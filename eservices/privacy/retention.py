"""The retention job (PDPA s.37(3)): anonymise finished complaints and feedback past their retention.

- a complaint whose case was finished (resolved, closed or forwarded) more than
  ``settings.COMPLAINT_RETENTION_DAYS`` days ago; open cases are never touched, however old;
- a comment or question answered — or, if never answered, received — more than
  ``settings.FEEDBACK_RETENTION_DAYS`` days ago.

Registered with ``home.periodic`` (``run_periodic_jobs`` runs it every minute; a run with nothing past
retention costs two indexed queries and writes nothing). Each run that anonymised something is one
``PersonalDataRequest`` and one audit-log entry. ``eservices.privacy.erasure`` makes it safe to run twice
at once.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from wagtail.log_actions import log

from eservices.models import Complaint, Feedback, PersonalDataRequest
from eservices.privacy.erasure import erase
from home.periodic import periodic_job


def complaints_past_retention(now=None):
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.COMPLAINT_RETENTION_DAYS)
    return Complaint.objects.filter(
        anonymised_at__isnull=True, status__in=Complaint.FINISHED, finished_at__lt=cutoff
    ).order_by("pk")


def feedback_past_retention(now=None):
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.FEEDBACK_RETENTION_DAYS)
    return Feedback.objects.filter(
        Q(answered_at__lt=cutoff) | Q(answered_at__isnull=True, received_at__lt=cutoff), anonymised_at__isnull=True
    ).order_by("pk")


@periodic_job("anonymise_past_retention")
def anonymise_past_retention(stdout=None):
    now = timezone.now()
    complaint_ids = list(complaints_past_retention(now).values_list("pk", flat=True))
    feedback_ids = list(feedback_past_retention(now).values_list("pk", flat=True))
    if not complaint_ids and not feedback_ids:
        return "0 anonymised"
    complaints, feedback = erase(complaint_ids, feedback_ids)
    if complaints or feedback:
        record = PersonalDataRequest.objects.create(
            action=PersonalDataRequest.Action.RETENTION,
            reason=(
                f"COMPLAINT_RETENTION_DAYS={settings.COMPLAINT_RETENTION_DAYS} "
                f"FEEDBACK_RETENTION_DAYS={settings.FEEDBACK_RETENTION_DAYS}"
            ),
            complaint_count=complaints,
            feedback_count=feedback,
        )
        log(instance=record, action="eservices.pdpa.retention", data=record.log_data())
    return f"{complaints} complaints, {feedback} feedback anonymised"
