"""The random salt of each day's anonymous visitor keys (``home.abuse.visitor_key``).

A salt is drawn at random on the day's first use and deleted by the periodic job ``purge_visitor_keys``
once its day is over: from then on nobody, not even with the site's secret key, can recompute which
address and browser gave a stored key, and keys of different days cannot be linked.
"""

import secrets

from django.db import IntegrityError, models, router, transaction
from django.utils.translation import gettext_lazy as _


class DailySalt(models.Model):
    day = models.DateField(_("day"), unique=True)
    salt = models.CharField(_("salt"), max_length=64)

    class Meta:
        verbose_name = _("daily salt")
        verbose_name_plural = _("daily salts")

    def __str__(self):
        return str(self.day)

    @classmethod
    def for_day(cls, day):
        """``(salt, created)`` for ``day``; made at random on first use. Two processes racing to create it
        agree: the unique day lets one INSERT win and the other reads the winner's salt."""
        for _attempt in range(3):
            row = cls.objects.filter(day=day).only("salt").first()
            if row is not None:
                return row.salt, False
            try:
                with transaction.atomic(using=router.db_for_write(cls)):
                    row = cls.objects.create(day=day, salt=secrets.token_hex(32))
            except IntegrityError:
                continue  # another request created it first: read theirs
            return row.salt, True
        raise IntegrityError(f"Could not read or create the daily salt of {day}")
