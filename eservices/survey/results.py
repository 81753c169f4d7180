"""Survey results by fiscal-year round, as the ITA's "สรุปผลความพึงพอใจ" reports them: the 6-month
round (October–March) and the 12-month round (October–September) of a fiscal year (พ.ศ.)."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eservices.models import SurveyResponse, SurveyTopicScore
from eservices.survey.forms import SCORE_LABELS
from home.thai_dates import current_fiscal_year, fiscal_year, fiscal_year_range

ROUNDS = {6: _("6-month round (October–March)"), 12: _("12-month round (October–September)")}

# The usual Thai five-level reading of a mean score (เกณฑ์การแปลผลค่าเฉลี่ย).
LEVELS = [
    (Decimal("4.51"), _("Highest")),
    (Decimal("3.51"), _("High")),
    (Decimal("2.51"), _("Moderate")),
    (Decimal("1.51"), _("Low")),
    (Decimal("0"), _("Lowest")),
]


def round_range(fy, months):
    start, end = fiscal_year_range(fy)
    if months == 6:
        end = dt.date(start.year + 1, 3, 31)
    return start, end


def available_years():
    """Fiscal years (BE) with responses, newest first; the current year is always offered."""
    first = SurveyResponse.objects.aggregate(first=Min("day"))["first"]
    current = current_fiscal_year()
    oldest = fiscal_year(first) if first else current
    return list(range(current, min(oldest, current) - 1, -1))


def selected_round(params):
    """(fiscal year, months) from ``?year=2569&round=6``; anything unknown falls back to the current
    fiscal year's 12-month round, so a wrong link never fails."""
    years = available_years()
    try:
        fy = int(params.get("year", ""))
    except ValueError:
        fy = years[0]
    if fy not in years:
        fy = years[0]
    try:
        months = int(params.get("round", ""))
    except ValueError:
        months = 12
    if months not in ROUNDS:
        months = 12
    return fy, months


def _mean(value):
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if value is not None else None


def level(mean):
    if mean is None:
        return ""
    return next(label for floor, label in LEVELS if mean >= floor)


def percent(part, whole):
    if not whole:
        return Decimal("0.0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def results(start, end):
    """Counts and means between ``start`` and ``end`` (inclusive), for charts and tables."""
    end = min(end, timezone.localdate())
    responses = SurveyResponse.objects.filter(day__gte=start, day__lte=end)
    summary = responses.aggregate(count=Count("pk"), mean=Avg("website_score"))
    count = summary["count"]
    by_score = dict(responses.values_list("website_score").annotate(n=Count("pk")).values_list("website_score", "n"))
    widest = max(by_score.values(), default=0)
    distribution = [
        {
            "score": score,
            "label": label,
            "count": by_score.get(score, 0),
            "percent": percent(by_score.get(score, 0), count),
            "width": percent(by_score.get(score, 0), widest),
        }
        for score, label in SCORE_LABELS.items()
    ]
    website_mean = _mean(summary["mean"])
    topics = []
    rows = (
        SurveyTopicScore.objects.filter(response__day__gte=start, response__day__lte=end)
        .values("topic_name")
        .annotate(n=Count("pk"), mean=Avg("score"), order=Min("topic__sort_order"))
        .order_by(F("order").asc(nulls_last=True), "topic_name")
    )
    for row in rows:
        mean = _mean(row["mean"])
        topics.append(
            {
                "name": row["topic_name"],
                "count": row["n"],
                "mean": mean,
                "percent": percent(mean, 5),
                "level": level(mean),
            }
        )
    return {
        "start": start,
        "end": end,
        "count": count,
        "website_mean": website_mean,
        "website_percent": percent(website_mean, 5) if website_mean is not None else None,
        "website_level": level(website_mean),
        "distribution": distribution,
        "topics": topics,
    }


def round_results(fy, months):
    start, end = round_range(fy, months)
    data = results(start, end)
    data.update({"fiscal_year": fy, "months": months, "round_label": ROUNDS[months]})
    return data
