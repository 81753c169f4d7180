"""Views of the ITA status: the admin ITA/MOIT dashboard (R3.4) with its export, and what the public
ITA year page shows and exports (handed to ``ITAYearPage`` by ``DisclosureConfig.ready``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home import thai_dates

from ..models import MoitItem
from .access import dashboard_access
from .completeness import completeness_checks
from .export import csv_response, xlsx_response
from .report import available_years, year_report

# -- the public ITA year page ---------------------------------------------------------------------


def public_report(page):
    """The public status of an ITA year page: only evidence the public can open."""
    return year_report(page.fiscal_year, public=True, ita_page=page)


def public_export(page, request, fmt):
    """The page's evidence list with absolute public addresses, for MITAS (``export/xlsx/``, ``export/csv/``)."""
    if fmt not in ("xlsx", "csv"):
        raise Http404
    report = public_report(page)
    if fmt == "xlsx":
        return xlsx_response(report, request, public=True)
    return csv_response(report, request, public=True)


# -- the admin dashboard ---------------------------------------------------------------------------


def _copy_source(fy):
    """The newest fiscal year before ``fy`` that has MOIT items, or None."""
    return (
        MoitItem.objects.filter(fiscal_year__lt=fy)
        .order_by("-fiscal_year")
        .values_list("fiscal_year", flat=True)
        .first()
    )


def _fiscal_year(data):
    """The fiscal year asked for (``fy=2569`` in ``data``), or the current one; bad input falls back with a message."""
    current = thai_dates.current_fiscal_year()
    raw = (data.get("fy") or "").strip()
    if not raw:
        return current, ""
    try:
        fy = int(thai_dates.from_thai_digits(raw))
    except ValueError:
        return current, _("“%(value)s” is not a fiscal year; showing %(fy)s.") % {"value": raw, "fy": current}
    if not 2550 <= fy <= 2700:
        return current, _("Choose a fiscal year between 2550 and 2700; showing %(fy)s.") % {"fy": current}
    return fy, ""


def dashboard_view(request):
    access = dashboard_access(request.user)
    if access is None:
        raise PermissionDenied
    fy, error = _fiscal_year(request.GET)
    report = year_report(fy)
    user = request.user
    for status in report.items:  # only the fix links this user may follow
        status.user_fix_links = [link for link in status.fix_links if user.is_superuser or link.allowed(user)]
    checks = completeness_checks(fy)
    for check in checks:
        check.may_fix = check.user_may_fix(user)
    years = available_years()
    if fy not in years:
        years = sorted({*years, fy}, reverse=True)
    return TemplateResponse(
        request,
        "disclosure/admin/ita_dashboard.html",
        {
            "header_title": _("ITA/MOIT dashboard"),
            "page_title": _("ITA/MOIT dashboard"),
            "report": report,
            "groups": report.groups(),
            "checks": checks,
            "years": years,
            "fy": fy,
            "fy_error": error,
            "is_current": fy == thai_dates.current_fiscal_year(),
            "copy_source": _copy_source(fy) if not report.items and user.has_perm("disclosure.add_moititem") else None,
        },
    )


def export_view(request, fiscal_year, fmt):
    if dashboard_access(request.user) is None:
        raise PermissionDenied
    if fmt not in ("xlsx", "csv") or not 2550 <= fiscal_year <= 2700:
        raise Http404
    report = year_report(fiscal_year)
    if fmt == "xlsx":
        return xlsx_response(report, request, public=False)
    return csv_response(report, request, public=False)


@require_POST
def copy_year_view(request):
    """Create a fiscal year's MOIT items from the newest earlier year (``MoitItem.copy_year``), as a draft to check."""
    if dashboard_access(request.user) is None or not request.user.has_perm("disclosure.add_moititem"):
        raise PermissionDenied
    fy, error = _fiscal_year(request.POST)
    url = reverse("disclosure_ita_dashboard") + f"?fy={fy}"
    source = _copy_source(fy)
    if error or source is None:
        messages.error(request, error or _("There is no earlier fiscal year to copy the MOIT items from."))
        return redirect(url)
    count = MoitItem.copy_year(source, fy)
    messages.success(
        request,
        _("Created %(count)d MOIT items of %(fy)s from %(source)s. Check each title against the new manual.")
        % {"count": count, "fy": fy, "source": source},
    )
    return redirect(url)
