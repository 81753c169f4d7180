"""The monthly report (R3.1) and, over a fiscal year, the annual report (MOIT 1.2) of the publishing process."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from home import compliance, thai_dates

from ..models import UrgentPublication
from ..urgent import written_approval_due
from .page_facts import category_of, moit_of, section_categories
from .people import director_position, hospital_contact, user_name
from .periods import aware_bounds, duration_label, head_review_target, month_range
from .records import URGENT, WORKFLOW, task_types

TAKEDOWN_ACTIONS = ("wagtail.unpublish", "wagtail.unpublish.scheduled")


def _yes_no(value):
    if value is None:
        return "—"
    return _("yes") if value else _("no")


def _within(value, low, high):
    return value is not None and low <= value < high


def report_data(start, end, today=None, annual=False, with_gaps=True):
    """Everything that happened in the publishing process between two dates (inclusive).

    Rows are the requests (workflows) and urgent publications with any step in the period; take-downs
    are listed apart; the counts count the steps that fell in the period.
    """
    today = today or timezone.localdate()
    low, high = aware_bounds(start, end)
    head_ct, web_ct = task_types()
    page_ct = ContentType.objects.get_for_model(Page)
    target = head_review_target()

    touched = TaskState.objects.filter(
        task__content_type__in=[head_ct, web_ct], finished_at__gte=low, finished_at__lt=high
    ).values_list("workflow_state_id", flat=True)
    states = list(
        WorkflowState.objects.filter(base_content_type=page_ct)
        .filter(
            models.Q(created_at__gte=low, created_at__lt=high, task_states__task__content_type__in=[head_ct, web_ct])
            | models.Q(pk__in=touched)
        )
        .distinct()
        .select_related("requested_by")
        .prefetch_related("task_states__task", "task_states__finished_by", "task_states__revision")
        .order_by("created_at", "pk")
    )
    urgents = list(
        UrgentPublication.objects.filter(
            models.Q(published_at__gte=low, published_at__lt=high)
            | models.Q(written_approved_at__gte=low, written_approved_at__lt=high)
        )
        .select_related("revision__user", "published_by", "verbal_approver", "written_approved_by")
        .order_by("published_at", "pk")
    )
    takedowns = list(
        PageLogEntry.objects.filter(action__in=TAKEDOWN_ACTIONS, timestamp__gte=low, timestamp__lt=high)
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    # Pages brought in from the former website: listed as such, never as approved through the process.
    imports = list(
        PageLogEntry.objects.filter(action=compliance.IMPORTED_ACTION, timestamp__gte=low, timestamp__lt=high)
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    page_ids = {int(s.object_id) for s in states} | {u.page_id for u in urgents} | {e.page_id for e in takedowns}
    page_ids |= {e.page_id for e in imports}
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids).specific()}
    categories = section_categories()
    counts = dict.fromkeys(("requested", "approved", "rejected", "published", "urgent", "taken_down"), 0)

    def describe(page):
        unit = getattr(page, "owner_unit", None) if page is not None else None
        category = category_of(page, categories) if page is not None else ""
        moit = moit_of(page) if page is not None else ""
        return unit.name if unit is not None else "", " · ".join(x for x in (category, moit) if x)

    rows = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None:
            continue
        tstates = sorted(state.task_states.all(), key=lambda s: (s.started_at, s.pk))
        if _within(state.created_at, low, high):
            counts["requested"] += 1
        head_result = head_by = head_at = head_taken = head_met = ""
        head_late = False
        publisher = published_at = ""
        reasons = []
        title = page.title
        for ts in tstates:
            is_head = ts.task.content_type_id == head_ct.pk
            is_web = ts.task.content_type_id == web_ct.pk
            if not (is_head or is_web):
                continue
            if ts.revision is not None and ts.revision.content.get("title"):
                title = ts.revision.content["title"]
            in_period = _within(ts.finished_at, low, high)
            if ts.status == TaskState.STATUS_REJECTED:
                reasons.append(
                    _("%(step)s, %(name)s, %(date)s: %(reason)s")
                    % {
                        "step": _("Head review") if is_head else _("Webmaster publication"),
                        "name": user_name(ts.finished_by),
                        "date": thai_dates.thai_datetime(ts.finished_at),
                        "reason": ts.comment or "—",
                    }
                )
                counts["rejected"] += in_period
            if is_head and ts.status in (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED):
                head_result = _("approved") if ts.status == TaskState.STATUS_APPROVED else _("changes requested")
                head_by = user_name(ts.finished_by)
                head_at = thai_dates.thai_datetime(ts.finished_at)
                head_taken = duration_label(ts.finished_at - ts.started_at)
                head_late = ts.finished_at - ts.started_at > target
                head_met = _yes_no(not head_late)
                if ts.status == TaskState.STATUS_APPROVED:
                    counts["approved"] += in_period
            if is_web and ts.status == TaskState.STATUS_APPROVED:
                publisher = user_name(ts.finished_by)
                go_live = ts.revision.approved_go_live_at if ts.revision is not None else None
                published_at = thai_dates.thai_datetime(ts.finished_at)
                if go_live and go_live > ts.finished_at:
                    published_at += " " + _("(scheduled for %(date)s)") % {"date": thai_dates.thai_datetime(go_live)}
                counts["published"] += in_period
        if state.status == WorkflowState.STATUS_APPROVED:
            status = _("published")
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            status = _("changes requested")
        elif state.status == WorkflowState.STATUS_CANCELLED:
            status = _("cancelled")
        else:
            status = _("in progress")
        unit, category = describe(page)
        rows.append(
            {
                "sort": state.created_at,
                "requested_at": thai_dates.thai_datetime(state.created_at),
                "submitter": user_name(state.requested_by),
                "title": title,
                "unit": unit,
                "category": category,
                "head_result": head_result or _("awaiting review"),
                "head_by": head_by,
                "head_at": head_at,
                "head_taken": head_taken,
                "head_met": head_met or "—",
                "head_late": head_late,
                "reasons": reasons,
                "publisher": publisher,
                "published_at": published_at,
                "urgent": "",
                "written_met": "—",
                "status": status,
                "form_url": reverse("publishing_request_form_record", args=[page.pk, WORKFLOW, state.pk])
                if state.status == WorkflowState.STATUS_APPROVED
                else "",
            }
        )
    for urgent in urgents:
        page = pages.get(urgent.page_id)
        if page is None:
            continue
        published_in_period = _within(urgent.published_at, low, high)
        counts["urgent"] += published_in_period
        counts["published"] += published_in_period
        due = written_approval_due(urgent)
        if urgent.written_approved_at:
            written = _("approved in writing by %(name)s, %(date)s") % {
                "name": user_name(urgent.written_approved_by),
                "date": thai_dates.thai_datetime(urgent.written_approved_at),
            }
            written_met = _yes_no(urgent.written_approved_at <= due)
        else:
            written = _("written approval awaited (due %(date)s)") % {"date": thai_dates.thai_datetime(due)}
            written_met = _yes_no(False) if timezone.now() > due else "—"
        unit, category = describe(page)
        submitter = urgent.revision.user if urgent.revision is not None else None
        rows.append(
            {
                "sort": urgent.published_at,
                "requested_at": thai_dates.thai_datetime(urgent.verbal_approved_at),
                "submitter": user_name(submitter),
                "title": (urgent.revision.content.get("title") if urgent.revision else "") or page.title,
                "unit": unit,
                "category": category,
                "head_result": _("approved verbally"),
                "head_by": user_name(urgent.verbal_approver),
                "head_at": thai_dates.thai_datetime(urgent.verbal_approved_at),
                "head_taken": "",
                "head_met": "—",
                "head_late": False,
                "reasons": [],
                "publisher": user_name(urgent.published_by),
                "published_at": thai_dates.thai_datetime(urgent.published_at),
                "urgent": written,
                "written_met": written_met,
                "status": _("published urgently"),
                "form_url": reverse("publishing_request_form_record", args=[page.pk, URGENT, urgent.pk]),
            }
        )
    for entry in imports:
        page = pages.get(entry.page_id)
        if page is None:
            continue
        unit, category = describe(page)
        rows.append(
            {
                "sort": entry.timestamp,
                "requested_at": thai_dates.thai_datetime(entry.timestamp),
                "submitter": user_name(entry.user) if entry.user else "",
                "title": page.title,
                "unit": unit,
                "category": category,
                "head_result": "—",
                "head_by": "",
                "head_at": "",
                "head_taken": "",
                "head_met": "—",
                "head_late": False,
                "reasons": [],
                "publisher": "",
                "published_at": thai_dates.thai_datetime(page.first_published_at) if page.first_published_at else "",
                "urgent": "",
                "written_met": "—",
                "status": _("imported from the former system"),
                "form_url": "",
            }
        )
    rows.sort(key=lambda r: r["sort"])
    for number, row in enumerate(rows, start=1):
        row["number"] = number
        del row["sort"]

    down = []
    for entry in takedowns:
        page = pages.get(entry.page_id)
        unit, category = describe(page)
        counts["taken_down"] += 1
        down.append(
            {
                "title": page.title if page is not None else entry.label,
                "unit": unit,
                "category": category,
                "at": thai_dates.thai_datetime(entry.timestamp),
                "by": user_name(entry.user) if entry.user else _("the system, when its publication period ended"),
                "scheduled": entry.action == "wagtail.unpublish.scheduled",
            }
        )

    fy = thai_dates.fiscal_year(end)
    as_of = min(end, today)
    gaps = [
        {"code": g.code, "title": g.title, "period": g.period, "status": g.status_label}
        for g in (compliance.gaps(fy, as_of) if with_gaps else [])
    ]
    contact = hospital_contact()
    if annual:
        period_label = _("Fiscal year B.E. %(year)s (%(start)s – %(end)s)") % {
            "year": fy,
            "start": thai_dates.thai_date(start),
            "end": thai_dates.thai_date(end),
        }
        title = _("Report on the monitoring of information published on the agency's website")
        basename = f"publication-report-fy{fy}"
    else:
        period_label = _("Month of %(month)s") % {"month": thai_dates.thai_month_year(start)}
        title = _("Record of the results of publishing information on the website")
        basename = f"publication-report-{thai_dates.be_year(start)}-{start.month:02d}"
    count_labels = [
        ("requested", _("Requests received")),
        ("approved", _("Approved")),
        ("rejected", _("Sent back with a reason")),
        ("published", _("Published")),
        ("urgent", _("of which urgently, on verbal approval")),
        ("taken_down", _("Taken down")),
    ]
    data = {
        "title": title,
        "period_label": period_label,
        "hospital_name": contact.hospital_name if contact else "",
        "agency": " ".join(p for p in ((contact.hospital_name, contact.parent_agency) if contact else ()) if p),
        "counts": counts,
        "count_rows": [(label, counts[key]) for key, label in count_labels],
        "rows": rows,
        "takedowns": down,
        "gaps": gaps,
        "gaps_heading": _("ITA (MOIT) evidence still missing for fiscal year %(year)s, as of %(date)s")
        % {"year": fy, "date": thai_dates.thai_date(as_of)},
        "target_note": _(
            "Targets: the head reviews within %(minutes)d minutes (R2.3); the written approval of an urgent "
            "publication follows within %(days)d working days (R2.6)."
        )
        % {
            "minutes": int(head_review_target().total_seconds() // 60),
            "days": settings.PUBLISHING_WRITTEN_APPROVAL_WORKING_DAYS,
        },
        "signatures": [
            {"role": _("Reported by"), "position": _("Webmaster officer")},
            {"role": _("Acknowledged by"), "position": director_position()},
        ],
        "generated": _("Printed on %(date)s") % {"date": thai_dates.thai_datetime(timezone.now(), short=False)},
        "basename": basename,
        "months": [],
        "annual": annual,
    }
    return data


def monthly_report(year, month, today=None):
    start, end = month_range(year, month)
    return report_data(start, end, today=today)


def annual_report(fy, today=None):
    """The MOIT 1.2 report: the fiscal year's twelve months, October first, with a line per month."""
    start, end = thai_dates.fiscal_year_range(fy)
    data = report_data(start, end, today=today, annual=True)
    for year, month in thai_dates.fiscal_months(fy):
        first, last = month_range(year, month)
        if first > (today or timezone.localdate()):
            counts = dict.fromkeys(data["counts"], 0)
        else:
            counts = _month_counts(first, last)
        data["months"].append({"label": thai_dates.thai_month_year(first), "counts": counts})
    return data


def _month_counts(start, end):
    """Only the counts of a month (for the annual report's line per month)."""
    return report_data(start, end, with_gaps=False)["counts"]
