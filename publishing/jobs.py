"""Periodic jobs of the publishing process (R3.3 schedules and expiry; R2.2–R2.3 time targets).

Each job is safe to run twice at once (it re-reads and locks each row before acting) and catches
up after missed runs (it acts on everything due up to now). The runner (``run_periodic_jobs``)
adds a lock so two runners never overlap.
"""

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import dateparse, timezone

from wagtail.log_actions import log
from wagtail.models import Page, Revision, TaskState

from home.mail import absolute_url, render_subject, send_templated
from home.periodic import periodic_job
from home.roles import WEBMASTERS

from .models import HeadReviewTask, Notification, UrgentPublication, WebmasterPublishTask
from .notifications import admin_url, public_url, recipients_for
from .urgent import approval_url, is_overdue, written_approval_due

logger = logging.getLogger(__name__)


def _once(key):
    """True the first time ``key`` is seen (so a reminder is sent once), False afterwards."""
    try:
        with transaction.atomic():
            Notification.objects.create(key=key[:200])
        return True
    except IntegrityError:
        return False


def _revision_expire_at(revision):
    value = revision.content.get("expire_at")
    return dateparse.parse_datetime(value) if value else None


@periodic_job("publish_scheduled")
def publish_scheduled(stdout=None, now=None):
    """Take down expired items, then publish items whose go-live time has come — never an expired one."""
    now = now or timezone.now()
    taken_down = published = skipped = 0
    for page_id in list(Page.objects.filter(live=True, expire_at__lte=now).values_list("pk", flat=True)):
        with transaction.atomic():
            page = Page.objects.select_for_update().filter(pk=page_id, live=True, expire_at__lte=now).first()
            if page is None:
                continue  # another run took it down already
            page.specific.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            taken_down += 1
    for revision_id in list(Revision.objects.filter(approved_go_live_at__lte=now).values_list("pk", flat=True)):
        with transaction.atomic():
            revision = Revision.objects.select_for_update().filter(pk=revision_id, approved_go_live_at__lte=now).first()
            if revision is None:
                continue  # another run published it already
            expire_at = _revision_expire_at(revision)
            if expire_at is not None and expire_at <= now:
                # Missed its window: its publication period is over, so it must not appear at all.
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                log(
                    instance=revision.content_object,
                    action="hodsite.schedule_expired",
                    revision=revision,
                    data={"expire_at": expire_at.isoformat()},
                )
                skipped += 1
                continue
            revision.publish(log_action="wagtail.publish.scheduled")
            published += 1
    return f"published {published}, taken down {taken_down}, skipped expired {skipped}"


@periodic_job("expiry_warnings")
def expiry_warnings(stdout=None, now=None):
    """Warn owners N days (default 7) before an item is taken down, once per expiry date."""
    now = now or timezone.now()
    soon = now + dt.timedelta(days=settings.PUBLISHING_EXPIRY_WARNING_DAYS)
    sent = 0
    for page in Page.objects.live().filter(expire_at__gt=now, expire_at__lte=soon).specific():
        if _once(f"expiry:{page.pk}:{page.expire_at.isoformat()}"):
            sent += send_templated(
                "publishing/email/expiry_warning",
                {"page": page, "url": public_url(page), "edit_url": admin_url(page)},
                recipients_for(page),
            )
    return f"sent {sent}"


def _webmaster_emails():
    User = get_user_model()
    return list(
        User.objects.filter(is_active=True, groups__name=WEBMASTERS)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def _reviewer_emails(task, page):
    task = task.specific
    User = get_user_model()
    emails = list(
        User.objects.filter(is_active=True, groups__in=task.groups.all())
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if isinstance(task, HeadReviewTask) and task.review_by_owner_unit:
        owner = getattr(page, "owner_unit", None)
        if owner is not None and owner.head_group_id:
            emails += list(
                owner.head_group.user_set.filter(is_active=True).exclude(email="").values_list("email", flat=True)
            )
    return sorted(set(emails))


@periodic_job("review_time_targets")
def review_time_targets(stdout=None, now=None):
    """Remind the head after 30 minutes (R2.3) and tell the webmasters after 4 hours; each once."""
    now = now or timezone.now()
    head_after = dt.timedelta(minutes=settings.PUBLISHING_HEAD_REMINDER_MINUTES)
    escalate_after = dt.timedelta(hours=settings.PUBLISHING_ESCALATE_HOURS)
    reminders = escalations = 0
    states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).select_related("task", "workflow_state")
    for state in states:
        task = state.task.specific
        page = state.workflow_state.content_object
        if not isinstance(page, Page):
            continue
        page = page.specific
        waited = now - state.started_at
        context = {
            "page": page,
            "task": task,
            "started_at": state.started_at,
            "edit_url": admin_url(page),
            "waited": waited,
        }
        if (
            isinstance(task, HeadReviewTask | WebmasterPublishTask)
            and waited >= head_after
            and _once(f"remind:{state.pk}")
        ):
            reminders += send_templated("publishing/email/review_reminder", context, _reviewer_emails(task, page))
        if waited >= escalate_after and _once(f"escalate:{state.pk}"):
            escalations += send_templated("publishing/email/review_escalation", context, _webmaster_emails())
    return f"reminders {reminders}, escalations {escalations}"


def written_approval_reminder_key(record, day):
    return f"written-approval-overdue:{record.pk}:{day.isoformat()}"


@periodic_job("written_approval_reminders")
def written_approval_reminders(stdout=None, now=None):
    """Each day an urgent item's written approval is overdue (R2.6), remind its verbal approver and the
    webmasters — at most once per item per day (Bangkok date). The day's row and the e-mail go in one
    transaction: a second run that day (or one at the same instant) finds the row and sends nothing, and a
    failed send rolls the row back, so the next run retries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    webmasters = _webmaster_emails()
    sent = failed = 0
    awaiting = UrgentPublication.objects.filter(written_approved_at__isnull=True).select_related(
        "page", "published_by", "verbal_approver"
    )
    for record in awaiting:
        if not is_overdue(record, now):
            continue
        approver = record.verbal_approver
        recipients = sorted({*webmasters, *([approver.email] if approver.is_active and approver.email else [])})
        context = {
            "page": record.page.specific,
            "record": record,
            "due": written_approval_due(record),
            "url": public_url(record.page),
            "approve_url": approval_url(record),
        }
        try:
            with transaction.atomic():
                Notification.objects.create(key=written_approval_reminder_key(record, today))
                sent += send_templated("publishing/email/written_approval_overdue", context, recipients)
        except IntegrityError:
            continue  # already reminded today (by an earlier run, or by another runner a moment ago)
        except OSError:  # the mail server: the day's row is rolled back, so the next run tries again
            logger.exception("Could not send the written-approval reminder of urgent publication %s", record.pk)
            failed += 1
    return f"sent {sent}" + (f", failed {failed}" if failed else "")


def stale_items(now=None):
    """(page, responsibility row) for live items not updated within their section's review period."""
    from wagtail.models import Site

    from .roles import load_table

    now = now or timezone.now()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    found = []
    for row in load_table():
        cutoff = now - dt.timedelta(days=31 * row.review_period_months)
        for path in row.paths:
            section = Page.objects.filter(url_path=f"{site.root_page.url_path}{path}/").first()
            if section is None:
                continue
            for page in section.get_descendants().live().filter(last_published_at__lt=cutoff).specific():
                found.append((page, row))
    return found


@periodic_job("stale_item_reminders")
def stale_item_reminders(stdout=None, now=None):
    """Remind owners of items not updated within their category's review period (R2.2, R3.3), once each."""
    sent = 0
    for page, row in stale_items(now):
        if _once(f"stale:{page.pk}:{page.last_published_at.isoformat()}"):
            context = {
                "page": page,
                "months": row.review_period_months,
                "category": row.category,
                "edit_url": admin_url(page),
            }
            sent += send_templated("publishing/email/stale_reminder", context, recipients_for(page))
    return f"sent {sent}"


def monthly_report_key(year, month):
    return f"monthly-report:{year:04d}-{month:02d}"


@periodic_job("monthly_publication_report")
def monthly_publication_report(stdout=None, now=None):
    """Once a month: the previous month's publication report (PDF) to the heads and webmasters (R3.1),
    with the ITA evidence due this month. A unique row per month makes it once, however often or
    in how many processes the job runs; a failed send rolls the row back, so the next run retries."""
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string

    from home import compliance, thai_dates
    from home.exports import PDF_CONTENT_TYPE

    from .exports import report_pdf
    from .paperwork.people import report_recipients
    from .paperwork.periods import month_range
    from .paperwork.report import monthly_report

    now = now or timezone.now()
    today = timezone.localdate(now)
    last = today.replace(day=1) - dt.timedelta(days=1)
    key = monthly_report_key(last.year, last.month)
    if Notification.objects.filter(key=key).exists():
        return "already sent"
    recipients = report_recipients()
    if not recipients:
        return "no recipients"
    data = monthly_report(last.year, last.month, today=today)
    start, end = month_range(today.year, today.month)
    due = compliance.due_between(start, end, today)
    context = {
        "data": data,
        "due": due,
        "month_label": thai_dates.thai_month_year(last),
        "next_month_label": thai_dates.thai_month_year(today),
        "report_url": absolute_url(f"/admin/publishing/report/?month={last.month}&year={thai_dates.be_year(last)}"),
    }
    # Not ``send_templated``: this e-mail carries the report as an attachment.
    subject = render_subject("publishing/email/monthly_report_subject.txt", context)
    body = render_to_string("publishing/email/monthly_report_body.txt", context)
    pdf = report_pdf(data)
    try:
        with transaction.atomic():
            Notification.objects.create(key=key)
            message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to=recipients)
            message.attach(f"{data['basename']}.pdf", pdf, PDF_CONTENT_TYPE)
            message.send()
    except IntegrityError:
        return "already sent"  # another process sent it a moment ago
    return f"sent to {len(recipients)}"
