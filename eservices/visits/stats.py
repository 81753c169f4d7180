"""Visit statistics for the public page and the admin: monthly and daily rows, and the geometry of
the server-rendered SVG column chart (no JavaScript, no CDN; a data table always goes with it)."""

import calendar
import datetime as dt

from django.db.models import Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from eservices.models import DailyVisits
from home.thai_dates import THAI_MONTHS_SHORT, be_year, thai_date, thai_month_year


def last_months(count, today=None):
    """The last ``count`` (year, month) pairs, oldest first, ending with the current month."""
    today = today or timezone.localdate()
    pairs = []
    year, month = today.year, today.month
    for _i in range(count):
        pairs.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(pairs))


def monthly(pairs):
    """Views and visitors of each (year, month) in ``pairs``, in one query."""
    if not pairs:
        return []
    start = dt.date(pairs[0][0], pairs[0][1], 1)
    last_year, last_month = pairs[-1]
    end = dt.date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    sums = {
        (row["y"], row["m"]): row
        for row in DailyVisits.objects.filter(day__gte=start, day__lte=end)
        .annotate(y=ExtractYear("day"), m=ExtractMonth("day"))
        .values("y", "m")
        .annotate(views_sum=Sum("views"), visitors_sum=Sum("visitors"))
        .order_by()
    }
    rows = []
    for year, month in pairs:
        row = sums.get((year, month), {})
        rows.append(
            {
                "date": dt.date(year, month, 1),
                "label": f"{THAI_MONTHS_SHORT[month - 1]} {str(be_year(year))[-2:]}",
                "full_label": thai_month_year(dt.date(year, month, 1)),
                "views": int(row.get("views_sum") or 0),
                "visitors": int(row.get("visitors_sum") or 0),
            }
        )
    return rows


def daily(year, month):
    """Views and visitors of every day of a month (days without visits as zero)."""
    days = calendar.monthrange(year, month)[1]
    found = {
        row.day: row
        for row in DailyVisits.objects.filter(day__gte=dt.date(year, month, 1), day__lte=dt.date(year, month, days))
    }
    rows = []
    for number in range(1, days + 1):
        day = dt.date(year, month, number)
        row = found.get(day)
        rows.append(
            {
                "date": day,
                "label": str(number),
                "full_label": thai_date(day, short=True),
                "views": row.views if row else 0,
                "visitors": row.visitors if row else 0,
            }
        )
    return rows


def _nice_ceiling(value):
    """A round axis maximum ≥ value: 1, 2, 5 × 10^n."""
    if value <= 0:
        return 10
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return 10 * magnitude


def column_chart(rows, series, height=260, width=800, label_every=1):
    """Geometry for ``templates/eservices/visits/column_chart.html``: one group of columns per row,
    one column per (key, label, css class) in ``series``; y axis with five grid lines. The SVG scales
    to the page's width; on a phone it keeps a readable minimum width and scrolls sideways."""
    left, top, bottom, right = 56, 12, 34, 8
    group_width = max(24, (width - left - right) / max(1, len(rows)))
    width = round(left + right + group_width * max(1, len(rows)))
    plot_height = height - top - bottom
    top_value = _nice_ceiling(max((row[key] for row in rows for key, _label, _css in series), default=0))
    gap = max(4, group_width * 0.2)
    bar_width = (group_width - gap) / len(series)
    groups = []
    for index, row in enumerate(rows):
        x0 = left + index * group_width + gap / 2
        bars = []
        for number, (key, label, css) in enumerate(series):
            value = row[key]
            bar_height = round(plot_height * value / top_value, 1)
            bars.append(
                {
                    "x": round(x0 + number * bar_width, 1),
                    "y": round(top + plot_height - bar_height, 1),
                    "width": round(bar_width - 1, 1),
                    "height": bar_height,
                    "value": value,
                    "label": label,
                    "css": css,
                }
            )
        groups.append(
            {
                "label": row["label"],
                "show_label": index % label_every == 0,
                "label_x": round(x0 + (group_width - gap) / 2, 1),
                "bars": bars,
            }
        )
    ticks = [{"value": top_value * i // 4, "y": round(top + plot_height - plot_height * i / 4, 1)} for i in range(0, 5)]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right_edge": width - right,
        "baseline": top + plot_height,
        "label_y": height - 12,
        "groups": groups,
        "ticks": ticks,
        "series": [{"label": label, "css": css} for _key, label, css in series],
    }
