"""Admin views of the publishing process: urgent publishing, written approval, the reports, and the
printed paperwork (the request form of a publication; the monthly and annual publication report)."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page, TaskState

from home import compliance
from home.exports import PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE
from home.roles import DIRECTOR, WEBMASTERS

from . import exports
from .forms import AnnualReportForm, MonthlyReportForm
from .models import HeadReviewTask, UrgentPublication, WebmasterPublishTask
from .paperwork.periods import duration_label, head_review_target
from .paperwork.records import can_download_form, draft_record, find_record, latest_record
from .paperwork.report import annual_report, monthly_report
from .paperwork.request_form import request_form_data
from .urgent import (
    UrgentPublishForm,
    WrittenApprovalForm,
    approve_in_writing,
    is_overdue,
    is_webmaster,
    may_approve_in_writing,
    urgent_publish,
    written_approval_due,
    written_approval_refusal,
)


def can_see_reports(user):
    return user.is_active and (
        user.is_superuser
        or user.groups.filter(name__in=[WEBMASTERS, DIRECTOR]).exists()
        or user.groups.filter(head_of__isnull=False).exists()
    )


def urgent_publish_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_webmaster(request.user):
        raise PermissionDenied
    if page.is_root() or page.get_latest_revision() is None:
        raise Http404
    form = UrgentPublishForm(
        request.POST or None,
        page=page,
        user=request.user,
        initial={"verbal_approved_at": timezone.localtime().replace(second=0, microsecond=0)},
    )
    if request.method == "POST" and form.is_valid():
        urgent_publish(page, request.user, **form.cleaned_data)
        messages.success(
            request,
            _("“%(title)s” is published. It awaits written approval from %(name)s.")
            % {
                "title": page.get_admin_display_title(),
                "name": form.cleaned_data["verbal_approver"].get_full_name()
                or form.cleaned_data["verbal_approver"].get_username(),
            },
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "publishing/admin/urgent_publish.html",
        {"page": page, "form": form, "header_title": _("Urgent publication"), "page_title": _("Urgent publication")},
    )


def urgent_list_view(request):
    if not can_see_reports(request.user):
        raise PermissionDenied
    now = timezone.now()
    records = UrgentPublication.objects.select_related(
        "page", "published_by", "verbal_approver", "written_approved_by", "revision"
    )
    awaiting, approved = [], []
    for record in records[:500]:
        record.due = written_approval_due(record)
        record.overdue = is_overdue(record, now)
        record.can_approve = (
            record.written_approved_at is None and written_approval_refusal(record, request.user) is None
        )
        (awaiting if record.written_approved_at is None else approved).append(record)
    return TemplateResponse(
        request,
        "publishing/admin/urgent_list.html",
        {
            "awaiting": awaiting,
            "approved": approved[:50],
            "overdue_count": sum(r.overdue for r in awaiting),
            "header_title": _("Urgent publications"),
            "page_title": _("Urgent publications"),
        },
    )


def written_approval_view(request, pk):
    """The confirmation screen of a written approval: the item, who published it on whose word, a box to tick.

    Only heads who review the section and the director see it; the four-eyes refusals (who published,
    submitted or last edited the item) are shown on the box, and a POST from them is refused again."""
    record = get_object_or_404(
        UrgentPublication.objects.select_related("page", "revision", "published_by", "verbal_approver"), pk=pk
    )
    if not may_approve_in_writing(request.user, record.page):
        raise PermissionDenied
    if record.written_approved_at is not None:
        messages.info(request, _("“%(title)s” is already approved in writing.") % {"title": record.page.title})
        return redirect("publishing_urgent_list")
    form = WrittenApprovalForm(request.POST if request.method == "POST" else None, record=record, user=request.user)
    if request.method == "POST" and form.is_valid():
        approve_in_writing(record, request.user)
        messages.success(request, _("Written approval recorded for “%(title)s”.") % {"title": record.page.title})
        return redirect("publishing_urgent_list")
    record.due = written_approval_due(record)
    return TemplateResponse(
        request,
        "publishing/admin/written_approval_confirm.html",
        {
            "record": record,
            "page": record.page.specific,
            "form": form,
            "refusal": written_approval_refusal(record, request.user),
            "header_title": _("Written approval"),
            "page_title": _("Written approval"),
        },
    )


def review_times_view(request):
    """Time taken per step and per item, against the targets (head 30 minutes)."""
    if not can_see_reports(request.user):
        raise PermissionDenied
    now = timezone.now()
    head_target = head_review_target()
    states = (
        TaskState.objects.filter(task__content_type__app_label="publishing")
        .select_related("task", "finished_by", "workflow_state__requested_by", "revision")
        .order_by("-started_at")[:300]
    )
    rows = []
    for state in states:
        task = state.task.specific
        end = state.finished_at or now
        taken = end - state.started_at
        is_head = isinstance(task, HeadReviewTask)
        rows.append(
            {
                "state": state,
                "task": task,
                "page": state.workflow_state.content_object,
                "step": _("Head review")
                if is_head
                else (_("Webmaster publication") if isinstance(task, WebmasterPublishTask) else task.name),
                "taken": duration_label(taken),
                "in_progress": state.finished_at is None,
                "met": (taken <= head_target) if is_head else None,
            }
        )
    return TemplateResponse(
        request,
        "publishing/admin/review_times.html",
        {"rows": rows, "header_title": _("Review times"), "page_title": _("Review times")},
    )


def stale_items_view(request):
    """Live items not updated within their section's review period (e.g. quarterly reports: 3 months)."""
    if not can_see_reports(request.user):
        raise PermissionDenied
    from .jobs import stale_items

    rows = [
        {"page": page, "category": row.category, "months": row.review_period_months, "last": page.last_published_at}
        for page, row in stale_items()
    ]
    rows.sort(key=lambda r: r["last"])
    return TemplateResponse(
        request,
        "publishing/admin/stale_items.html",
        {"rows": rows, "header_title": _("Items due for review"), "page_title": _("Items due for review")},
    )


def _download(content, content_type, filename, inline=False):
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def request_form_view(request, page_id, kind=None, pk=None):
    """The publication request form of a page's latest publication (or of the one named), as a PDF."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_download_form(request.user, page):
        # The people of a publication may print its form even without rights on the page now.
        record = find_record(page, kind, pk) if kind else latest_record(page)
        if record is None or not can_download_form(request.user, page, record):
            raise PermissionDenied
    else:
        record = find_record(page, kind, pk) if kind else latest_record(page)
    if record is None:
        if not kind and compliance.was_imported(page):
            return imported_note(request, page)
        raise Http404(_("This item has no publication record: it was not published through the process."))
    data = request_form_data(record)
    return _download(exports.request_form_pdf(data), PDF_CONTENT_TYPE, f"{data['basename']}.pdf")


def imported_note(request, page):
    """Instead of a request form: the item came from the former system, when, by whom, with no approval here.

    A screen, not a PDF: a paper under the form's name could be filed as the approval evidence it is not.
    It says what to do to have a form (submit the item through the process)."""
    from wagtail.models import PageLogEntry

    from home.slugs import readable_url

    entries = list(
        PageLogEntry.objects.filter(page_id=page.pk, action=compliance.IMPORTED_ACTION)
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    first, last = entries[0], entries[-1]

    def who(entry):
        if entry.user is None:
            return _("the system (import command)")
        return entry.user.get_full_name() or entry.user.get_username()

    return TemplateResponse(
        request,
        "publishing/admin/imported_no_form.html",
        {
            "page": page,
            "imported_at": first.timestamp,
            "imported_by": who(first),
            "updated_at": last.timestamp if last.pk != first.pk else None,
            "updated_by": who(last),
            "old_url": readable_url((first.data or {}).get("old_url", "")),
            "header_title": _("Imported from the former system"),
            "page_title": _("Imported from the former system"),
        },
    )


def request_form_draft_view(request, page_id):
    """The request form of the submission now in the workflow, marked as a draft (ฉบับร่าง), as a PDF.

    From submission on, so the provider can print it and take it to the head; the same people may print
    it as the published form.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    record = draft_record(page)
    if not can_download_form(request.user, page, record):
        raise PermissionDenied
    if record is None:
        raise Http404(_("This item is not in the publication process now: submit it for review first."))
    data = request_form_data(record)
    return _download(exports.request_form_pdf(data), PDF_CONTENT_TYPE, f"{data['basename']}.pdf")


def _previous_month(today):
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.year, first.month


def publication_report_view(request):
    """The monthly report (R3.1) or, with a fiscal year, the annual one (MOIT 1.2): page, PDF or XLSX."""
    from home import thai_dates

    if not can_see_reports(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    year, month = _previous_month(today)
    annual = "fiscal_year" in request.GET
    monthly_form = MonthlyReportForm(
        request.GET if not annual and "month" in request.GET else None,
        initial={"month": month, "year": thai_dates.be_year(year)},
    )
    annual_form = AnnualReportForm(
        request.GET if annual else None, initial={"fiscal_year": thai_dates.fiscal_year(today)}
    )
    data = None
    if annual:
        if annual_form.is_valid():
            data = annual_report(annual_form.cleaned_data["fiscal_year"], today=today)
    elif monthly_form.is_bound:
        if monthly_form.is_valid():
            data = monthly_report(
                thai_dates.ce_year(monthly_form.cleaned_data["year"]), monthly_form.cleaned_data["month"], today=today
            )
    else:
        data = monthly_report(year, month, today=today)
    output = request.GET.get("format", "")
    if data is not None and output == "pdf":
        return _download(exports.report_pdf(data), PDF_CONTENT_TYPE, f"{data['basename']}.pdf")
    if data is not None and output == "xlsx":
        return _download(exports.report_xlsx(data), XLSX_CONTENT_TYPE, f"{data['basename']}.xlsx")
    query = request.GET.copy()
    query.pop("format", None)
    if data is not None and not query:
        query.update({"month": month, "year": thai_dates.be_year(year)})
    return TemplateResponse(
        request,
        "publishing/admin/publication_report.html",
        {
            "monthly_form": monthly_form,
            "annual_form": annual_form,
            "data": data,
            "query": query.urlencode(),
            "header_title": _("Publication report"),
            "page_title": _("Publication report"),
        },
    )
