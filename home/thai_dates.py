"""Thai dates: the Buddhist Era, Thai month names, and the government fiscal year.

One module for every date people see. The Buddhist-Era year is the Common-Era year + 543. The
fiscal year starts on 1 October and is named by the BE year in which it ends: FY2569 runs from
1 October 2025 to 30 September 2026. Quarter 1 is October–December, quarter 4 July–September.
Working days (for time limits) skip weekends, Thai public holidays and the hospital's own holidays.
"""

import datetime as dt
import re
import time

from django.conf import settings
from django.utils import timezone

import holidays

BE_OFFSET = 543

THAI_MONTHS = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
THAI_MONTHS_SHORT = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]
THAI_WEEKDAYS = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]

_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", _THAI_DIGITS)
_FROM_THAI = str.maketrans(_THAI_DIGITS, "0123456789")


def to_thai_digits(text):
    """Replace Arabic digits with Thai digits: "2569" -> "๒๕๖๙"."""
    return str(text).translate(_TO_THAI)


def from_thai_digits(text):
    """Replace Thai digits with Arabic digits: "๒๕๖๙" -> "2569"."""
    return str(text).translate(_FROM_THAI)


def _as_date(value):
    """A date from a date or datetime (aware datetimes are taken in Asia/Bangkok)."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def be_year(value):
    """The Buddhist-Era year of a date, a datetime, or a CE year number."""
    if isinstance(value, int):
        return value + BE_OFFSET
    return _as_date(value).year + BE_OFFSET


def ce_year(be):
    """The Common-Era year of a BE year number."""
    return int(be) - BE_OFFSET


def thai_month(month, short=False):
    """Thai name of month 1–12."""
    return (THAI_MONTHS_SHORT if short else THAI_MONTHS)[month - 1]


def _digits(text, thai_digits):
    return to_thai_digits(text) if thai_digits else text


def thai_date(value, short=False, thai_digits=False):
    """ "26 พฤศจิกายน 2569" (or "26 พ.ย. 2569" when short)."""
    if value in (None, ""):
        return ""
    d = _as_date(value)
    text = f"{d.day} {thai_month(d.month, short)} {be_year(d)}"
    return _digits(text, thai_digits)


def thai_datetime(value, short=True, thai_digits=False):
    """ "26 พ.ย. 2569 14:05 น." in Asia/Bangkok time."""
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = f"{thai_date(value, short)} {value:%H:%M} น."
    return _digits(text, thai_digits)


def thai_month_year(value, short=False, thai_digits=False):
    """ "พฤศจิกายน 2569" — the name of a month, e.g. for monthly reports."""
    d = _as_date(value)
    return _digits(f"{thai_month(d.month, short)} {be_year(d)}", thai_digits)


_DATE_RE = re.compile(r"^\s*(\d{1,2})\s+(\S+)\s+(?:พ\.ศ\.\s*)?(\d{4})\s*$")


def parse_thai_date(text):
    """Read back "26 พฤศจิกายน 2569", "26 พ.ย. 2569" or the same in Thai digits into a date.

    Raises ValueError with a Thai message if the text is not such a date.
    """
    match = _DATE_RE.match(from_thai_digits(text or ""))
    if not match:
        raise ValueError(f"อ่านวันที่ไม่ได้: {text!r} (ตัวอย่าง: 26 พฤศจิกายน 2569)")
    day, month_name, year = match.groups()
    if month_name in THAI_MONTHS:
        month = THAI_MONTHS.index(month_name) + 1
    elif month_name in THAI_MONTHS_SHORT:
        month = THAI_MONTHS_SHORT.index(month_name) + 1
    else:
        raise ValueError(f"ไม่รู้จักชื่อเดือน: {month_name!r}")
    return dt.date(ce_year(year), month, int(day))


def fiscal_year(value):
    """The fiscal year (BE) a date belongs to: 1 Oct 2025 – 30 Sep 2026 is FY2569."""
    d = _as_date(value)
    return be_year(d.year + 1 if d.month >= 10 else d.year)


def fiscal_year_range(fy):
    """First and last day of fiscal year ``fy`` (BE)."""
    end_ce = ce_year(fy)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def fiscal_quarter(value):
    """Quarter 1–4 of the fiscal year: Oct–Dec is 1, Jan–Mar 2, Apr–Jun 3, Jul–Sep 4."""
    month = _as_date(value).month
    return (month - 10) // 3 + 1 if month >= 10 else (month - 1) // 3 + 2


def fiscal_quarter_range(fy, quarter):
    """First and last day of quarter 1–4 of fiscal year ``fy`` (BE)."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("ไตรมาสต้องเป็น 1 ถึง 4")
    start, _end = fiscal_year_range(fy)
    first_month = (start.month - 1 + 3 * (quarter - 1)) % 12 + 1
    year = start.year if first_month >= 10 else start.year + 1
    first = dt.date(year, first_month, 1)
    last_month = first_month + 2
    next_first = dt.date(year + (last_month // 12), last_month % 12 + 1, 1)
    return first, next_first - dt.timedelta(days=1)


def fiscal_months(fy):
    """The twelve (year, month) pairs of fiscal year ``fy``, October first."""
    start, _end = fiscal_year_range(fy)
    return [(start.year + (start.month + i - 1) // 12, (start.month + i - 1) % 12 + 1) for i in range(12)]


def current_fiscal_year():
    return fiscal_year(timezone.localdate())


def fiscal_year_label(fy, thai_digits=False):
    """ "ปีงบประมาณ พ.ศ. 2569"."""
    return _digits(f"ปีงบประมาณ พ.ศ. {fy}", thai_digits)


def fiscal_quarter_label(quarter, fy=None, thai_digits=False):
    """ "ไตรมาสที่ 1" or "ไตรมาสที่ 1/2569"."""
    text = f"ไตรมาสที่ {quarter}" + (f"/{fy}" if fy else "")
    return _digits(text, thai_digits)


# -- working days: Monday to Friday, less Thai public holidays and the hospital's own closed days ----------

_THAI_PUBLIC_HOLIDAYS = holidays.country_holidays("TH", language="th")
_hospital_days = {"read_at": None, "days": frozenset()}


def hospital_holidays():
    """The extra closed days webmasters keep in *Settings › Hospital holidays* (``HospitalHoliday``).

    Read at most once per ``HOSPITAL_HOLIDAYS_CACHE_SECONDS`` in each process (a long list of complaints
    asks for every row's deadline); saving or deleting a holiday clears this process's copy at once.
    """
    now = time.monotonic()
    read_at = _hospital_days["read_at"]
    if read_at is None or now - read_at >= settings.HOSPITAL_HOLIDAYS_CACHE_SECONDS:
        from home.models import HospitalHoliday

        _hospital_days["days"] = frozenset(HospitalHoliday.objects.values_list("date", flat=True))
        _hospital_days["read_at"] = now
    return _hospital_days["days"]


def forget_hospital_holidays(**kwargs):
    """Signal receiver: the next question re-reads the hospital's holidays."""
    _hospital_days["read_at"] = None


def public_holiday_name(value):
    """The Thai name of the public holiday on that day ("วันสงกรานต์"), or None on an ordinary day."""
    return _THAI_PUBLIC_HOLIDAYS.get(_as_date(value))


def is_working_day(value):
    """Monday to Friday and neither a Thai public holiday (substitute days included) nor a hospital holiday."""
    d = _as_date(value)
    return d.weekday() < 5 and d not in _THAI_PUBLIC_HOLIDAYS and d not in hospital_holidays()


def add_working_days(start, days):
    """``start`` (a date or datetime) moved forward by ``days`` working days (``is_working_day``).

    The time of day is kept; an aware datetime's days are counted in Asia/Bangkok. Used by the complaint
    acknowledgement and urgent written-approval time limits.
    """
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current
