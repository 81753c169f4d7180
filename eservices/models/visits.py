"""Visit statistics counted by the site itself (R1.16): page views and unique visitors per day.

No cookie, no third-party analytics and no IP address: a visitor is known for one day only by
``home.abuse.visitor_key`` (an HMAC with the day's random salt), and once the day is over the periodic
job ``purge_visitor_keys`` deletes those keys and the day's salt and empties the survey's keys.
"""

from django.db import IntegrityError, models, router, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import DailySalt
from home.periodic import periodic_job


class DailyVisits(models.Model):
    """One row per day: how many public pages were viewed and by how many different visitors."""

    day = models.DateField(_("day"), unique=True)
    views = models.PositiveBigIntegerField(_("page views"), default=0)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)

    class Meta:
        ordering = ["day"]
        verbose_name = _("daily visits")
        verbose_name_plural = _("daily visits")

    def __str__(self):
        return f"{self.day}: {self.views} / {self.visitors}"

    @classmethod
    def count(cls, day, new_visitor):
        """Add one view (and one visitor if ``new_visitor``) to ``day``, exactly, under concurrency.

        The increment is a single ``UPDATE … SET views = views + 1``; the day's row is created on the
        first view of the day, and a concurrent creator's IntegrityError is absorbed.
        """
        changes = {"views": F("views") + 1}
        if new_visitor:
            changes["visitors"] = F("visitors") + 1
        if cls.objects.filter(day=day).update(**changes):
            return
        try:
            with transaction.atomic(using=router.db_for_write(cls)):
                cls.objects.create(day=day)
        except IntegrityError:
            pass  # another request created it first
        cls.objects.filter(day=day).update(**changes)

    @classmethod
    def totals(cls, today):
        """Today, this month and all time, in one query."""
        month_start = today.replace(day=1)
        result = cls.objects.aggregate(
            today_views=Sum("views", filter=Q(day=today), default=0),
            today_visitors=Sum("visitors", filter=Q(day=today), default=0),
            month_views=Sum("views", filter=Q(day__gte=month_start, day__lte=today), default=0),
            month_visitors=Sum("visitors", filter=Q(day__gte=month_start, day__lte=today), default=0),
            total_views=Sum("views", default=0),
            total_visitors=Sum("visitors", default=0),
        )
        return {key: int(value or 0) for key, value in result.items()}


class DailyVisitor(models.Model):
    """A visitor seen on a day, by its daily key only; unique per day, so each is counted once."""

    day = models.DateField(_("day"))
    visitor_key = models.CharField(_("visitor key"), max_length=64)

    class Meta:
        verbose_name = _("daily visitor key")
        verbose_name_plural = _("daily visitor keys")
        constraints = [models.UniqueConstraint(fields=["day", "visitor_key"], name="eservices_one_visitor_per_day")]

    def __str__(self):
        return f"{self.day}: {self.visitor_key[:8]}…"

    @classmethod
    def add(cls, day, key):
        """True if this is the visitor's first view of ``day`` (the row was new)."""
        try:
            with transaction.atomic(using=router.db_for_write(cls)):
                cls.objects.create(day=day, visitor_key=key)
        except IntegrityError:
            return False
        return True


@periodic_job("purge_visitor_keys")
def purge_visitor_keys(stdout=None):
    """Forget every day before today: its visitor keys and salt are deleted and the survey responses'
    keys emptied, so nothing stored can be traced back to a visitor; the daily totals and answers stay."""
    from .survey import SurveyResponse

    today = timezone.localdate()
    deleted, _details = DailyVisitor.objects.filter(day__lt=today).delete()
    SurveyResponse.objects.filter(day__lt=today, visitor_key__isnull=False).update(visitor_key=None)
    DailySalt.objects.filter(day__lt=today).delete()
    return f"{deleted} deleted"
