"""Admin report of the visit statistics: every day of a chosen month and every month of its fiscal
year, as charts with their data tables (webmasters, director, administrators)."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from eservices.models import DailyVisits
from eservices.permissions import can_see_statistics
from eservices.visits import stats as visits_stats
from home.thai_dates import fiscal_months, fiscal_year


def selected_month(value, today):
    """The month of ``?month=2026-11`` (CE, as the month input sends it); this month when missing,
    malformed or in the future, so a wrong link never fails."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        chosen = dt.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)
    if chosen > today or year < 2000:
        return today.replace(day=1)
    return chosen


def visits_report_view(request):
    if not can_see_statistics(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    month = selected_month(request.GET.get("month"), today)
    days = visits_stats.daily(month.year, month.month)
    fy = fiscal_year(month)
    months = visits_stats.monthly([pair for pair in fiscal_months(fy) if dt.date(*pair, 1) <= today])
    series = [("views", _("Page views"), "views"), ("visitors", _("Visitors"), "visitors")]
    context = {
        "month": month,
        "fiscal_year": fy,
        "daily_rows": days,
        "daily_chart": visits_stats.column_chart(days, series, label_every=2),
        "monthly_rows": months,
        "monthly_chart": visits_stats.column_chart(months, series),
        "totals": DailyVisits.totals(today),
        "month_views": sum(row["views"] for row in days),
        "month_visitors": sum(row["visitors"] for row in days),
        "fy_views": sum(row["views"] for row in months),
        "fy_visitors": sum(row["visitors"] for row in months),
        "max_month": today.strftime("%Y-%m"),
        "header_title": _("Website visit statistics"),
        "page_title": _("Website visit statistics"),
        "header_icon": "view",
    }
    return TemplateResponse(request, "eservices/visits/admin_report.html", context)
