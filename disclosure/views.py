"""Admin views of the ITA/MOIT dashboard (R3.4): the status of a fiscal year and its export."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home import thai_dates

from . import ita_export, ita_status


def _fiscal_year(request):
    """The fiscal year asked for (?fy=2569), or the current one; bad input falls back with a message."""
    current = thai_dates.current_fiscal_year()
    raw = (request.GET.get("fy") or "").strip()
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
    access = ita_status.dashboard_access(request.user)
    if access is None:
        raise PermissionDenied
    fy, error = _fiscal_year(request)
    report = ita_status.year_report(fy)
    user = request.user
    for status in report.items:  # only the fix links this user may follow
        status.user_fix_links = [link for link in status.fix_links if user.is_superuser or link.allowed(user)]
    checks = ita_status.completeness_checks(fy)
    for check in checks:
        check.may_fix = check.user_may_fix(user)
    years = ita_status.available_years()
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
        },
    )


def export_view(request, fiscal_year, fmt):
    if ita_status.dashboard_access(request.user) is None:
        raise PermissionDenied
    if fmt not in ("xlsx", "csv") or not 2550 <= fiscal_year <= 2700:
        raise Http404
    report = ita_status.year_report(fiscal_year)
    if fmt == "xlsx":
        return ita_export.xlsx_response(report, request, public=False)
    return ita_export.csv_response(report, request, public=False)
