"""Complaint counts for the 6-month (October–March) and 12-month (October–September) rounds of a
fiscal year (R1.6, MOIT 10), for the public page and its XLSX file (``exports``).

Only counts leave this module: no subject, no text, no name, no unit, no code — so even a round with
one corruption complaint says nothing about who complained or about whom. Months are counted in the
hospital's time zone (Asia/Bangkok) in Python, the same on SQLite and PostgreSQL.
"""

import datetime as dt
from collections import Counter

from django.utils import timezone
from django.utils.translation import gettext_lazy

from eservices.models import Complaint, ComplaintKind
from home import thai_dates

ROUNDS = [(6, gettext_lazy("6-month round (October–March)")), (12, gettext_lazy("12-month round (October–September)"))]


def round_range(fiscal_year, months):
    """First and last day of the round: months 6 ends on 31 March, 12 on 30 September."""
    start, end = thai_dates.fiscal_year_range(fiscal_year)
    if months == 6:
        end = dt.date(end.year, 3, 31)
    return start, end


def available_years():
    """Fiscal years that have complaints, newest first, always including the current one."""
    years = {thai_dates.current_fiscal_year()}
    first = Complaint.objects.order_by("received_at").values_list("received_at", flat=True).first()
    if first:
        years.update(range(thai_dates.fiscal_year(timezone.localtime(first)), thai_dates.current_fiscal_year() + 1))
    return sorted(years, reverse=True)


def complaint_statistics(fiscal_year, months=12):
    """Counts of the round: totals per type, and per type by channel, by status and by month."""
    start, end = round_range(fiscal_year, months)
    tz = timezone.get_current_timezone()
    start_at = timezone.make_aware(dt.datetime.combine(start, dt.time.min), tz)
    end_at = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min), tz)
    rows = Complaint.objects.filter(received_at__gte=start_at, received_at__lt=end_at).values_list(
        "kind", "channel", "status", "received_at"
    )
    kinds = list(ComplaintKind.choices)
    by_kind = Counter()
    by_channel = Counter()
    by_status = Counter()
    by_month = Counter()
    for kind, channel, status, received_at in rows:
        local = timezone.localtime(received_at, tz)
        by_kind[kind] += 1
        by_channel[(kind, channel)] += 1
        by_status[(kind, status)] += 1
        by_month[(kind, local.year, local.month)] += 1

    month_keys = [ym for ym in thai_dates.fiscal_months(fiscal_year)][:months]

    def table(keys, counter, labels):
        out = []
        for key, label in zip(keys, labels, strict=True):
            counts = [counter[(k, *key) if isinstance(key, tuple) else (k, key)] for k, _l in kinds]
            out.append({"label": label, "counts": counts, "total": sum(counts)})
        return out

    channels = list(Complaint.Channel.choices)
    statuses = list(Complaint.Status.choices)
    return {
        "fiscal_year": fiscal_year,
        "months": months,
        "start": start,
        "end": end,
        "round_label": dict(ROUNDS)[months],
        "kinds": [str(label) for _k, label in kinds],
        "totals": [by_kind[k] for k, _l in kinds],
        "kind_totals": [{"label": str(label), "count": by_kind[k]} for k, label in kinds],
        "total": sum(by_kind.values()),
        "by_status": table([s for s, _l in statuses], by_status, [str(lbl) for _s, lbl in statuses]),
        "by_channel": [
            row
            for row in table([c for c, _l in channels], by_channel, [str(lbl) for _c, lbl in channels])
            if row["total"]
        ],
        "by_month": table(
            month_keys, by_month, [thai_dates.thai_month_year(dt.date(y, m, 1), short=True) for y, m in month_keys]
        ),
        "resolved": sum(by_status[(k, s)] for k, _l in kinds for s in ("resolved", "closed", "forwarded")),
    }
