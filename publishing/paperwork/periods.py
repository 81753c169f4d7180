"""Periods and durations: the month or fiscal year a person types, month bounds, times taken."""

import datetime as dt
import re

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from home import thai_dates


def head_review_target():
    """The head's target time (R2.3: 30 minutes), the one the review-time report and reminders use."""
    return dt.timedelta(minutes=settings.PUBLISHING_HEAD_REMINDER_MINUTES)


class PeriodError(ValueError):
    """A month or fiscal year that cannot be read; the message is in Thai and English."""


_MONTH_RE = re.compile(r"^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*$")


def _be(year):
    """A year typed by a person: 2400 and later is Buddhist Era, earlier Common Era."""
    return year if year >= 2400 else year + thai_dates.BE_OFFSET


def parse_month(text):
    """ "2569-01" (BE) or "2026-01" (CE) → (CE year, month). Raises PeriodError."""
    match = _MONTH_RE.match(thai_dates.from_thai_digits(text or ""))
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        be = _be(year)
        if 1 <= month <= 12 and 2500 <= be <= 2700:
            return thai_dates.ce_year(be), month
    raise PeriodError(
        f"เดือนไม่ถูกต้อง: {text!r} ใช้รูปแบบ ปปปป-ดด เช่น 2569-01 (พ.ศ.) หรือ 2026-01 (ค.ศ.) / "
        f"Invalid month {text!r}: use YYYY-MM, e.g. 2569-01 (Buddhist Era) or 2026-01 (Common Era)."
    )


def parse_fiscal_year(text):
    """ "2569" (BE) or "2026" (CE, the year the fiscal year ends) → the BE fiscal year. Raises PeriodError."""
    value = thai_dates.from_thai_digits(str(text or "")).strip()
    if value.isdigit():
        be = _be(int(value))
        if 2500 <= be <= 2700:
            return be
    raise PeriodError(
        f"ปีงบประมาณไม่ถูกต้อง: {text!r} ใช้ปี พ.ศ. เช่น 2569 / "
        f"Invalid fiscal year {text!r}: use a Buddhist-Era year such as 2569."
    )


def month_range(year, month):
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def aware_bounds(start, end):
    tz = timezone.get_current_timezone()
    low = timezone.make_aware(dt.datetime.combine(start, dt.time.min), tz)
    high = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min), tz)
    return low, high


def duration_label(delta):
    """A time taken, in Thai: "20 นาที", "4 ชม. 5 นาที", "3 วัน" (the report and the review-times screen)."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return _("%(minutes)d min") % {"minutes": minutes}
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return _("%(days)d days") % {"days": hours // 24}
