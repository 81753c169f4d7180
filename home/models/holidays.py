"""Extra days the hospital is closed (วันหยุดของโรงพยาบาล), beside weekends and Thai public holidays.

The Thai public holidays come from the ``holidays`` package (``home.thai_dates.is_working_day``); a
webmaster adds the days the cabinet declares at short notice, or the hospital's own closing days,
here (*Settings › Hospital holidays*). Complaint and urgent-approval deadlines skip them all.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HospitalHoliday(models.Model):
    date = models.DateField(
        _("date"),
        unique=True,
        help_text=_("A day the hospital is closed: time limits counted in working days skip it."),
        error_messages={"unique": _("This date is already a hospital holiday.")},
    )
    name = models.CharField(_("name of the holiday"), max_length=200)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("hospital holiday")
        verbose_name_plural = _("hospital holidays")

    def __str__(self):
        from home.thai_dates import thai_date

        return f"{thai_date(self.date)} {self.name}"

    @property
    def date_label(self):
        from home.thai_dates import thai_date

        return thai_date(self.date)
