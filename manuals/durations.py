"""Durations of the steps of a manual or a citizen guide, added up and written in Thai units.

A step states its time as a number and a unit: minutes, hours or working days (วันทำการ). To add
steps of mixed units, everything is counted in working minutes: an hour is 60 minutes and a working
day is 7 working hours — government office hours are 08.30–16.30 with a one-hour lunch break
(ระเบียบว่าด้วยวันเวลาทำงานของราชการ). The total is then written back as working days, hours and
minutes, e.g. "2 วันทำการ 30 นาที", as the Licensing Facilitation Act 2558 guides state it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

MINUTES_PER_HOUR = 60
HOURS_PER_WORKING_DAY = 7
MINUTES_PER_WORKING_DAY = MINUTES_PER_HOUR * HOURS_PER_WORKING_DAY


class DurationUnit(models.TextChoices):
    MINUTES = "minutes", _("minutes")
    HOURS = "hours", _("hours")
    WORKING_DAYS = "days", _("working days")


UNIT_MINUTES = {
    DurationUnit.MINUTES: 1,
    DurationUnit.HOURS: MINUTES_PER_HOUR,
    DurationUnit.WORKING_DAYS: MINUTES_PER_WORKING_DAY,
}


def to_minutes(amount, unit):
    """Working minutes of ``amount`` ``unit``; an unknown unit or a missing amount counts as nothing."""
    if not amount or unit not in UNIT_MINUTES:
        return 0
    return int(amount) * UNIT_MINUTES[unit]


def split(total_minutes):
    """(working days, hours, minutes) of a number of working minutes."""
    days, rest = divmod(max(int(total_minutes or 0), 0), MINUTES_PER_WORKING_DAY)
    hours, minutes = divmod(rest, MINUTES_PER_HOUR)
    return days, hours, minutes


def amount_label(amount, unit):
    """One amount in its own unit, e.g. "3 วันทำการ" (not converted)."""
    if unit == DurationUnit.WORKING_DAYS:
        return ngettext("%(count)s working day", "%(count)s working days", amount) % {"count": amount}
    if unit == DurationUnit.HOURS:
        return ngettext("%(count)s hour", "%(count)s hours", amount) % {"count": amount}
    return ngettext("%(count)s minute", "%(count)s minutes", amount) % {"count": amount}


def duration_label(total_minutes):
    """Working minutes as Thai text: "2 วันทำการ 30 นาที", "1 ชั่วโมง 15 นาที"; empty for nothing."""
    days, hours, minutes = split(total_minutes)
    parts = []
    if days:
        parts.append(amount_label(days, DurationUnit.WORKING_DAYS))
    if hours:
        parts.append(amount_label(hours, DurationUnit.HOURS))
    if minutes:
        parts.append(amount_label(minutes, DurationUnit.MINUTES))
    return " ".join(parts)
