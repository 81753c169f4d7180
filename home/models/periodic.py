"""The database lease that lets only one host at a time run the periodic jobs (``home.periodic``).

Several app servers may each run ``run_periodic_jobs`` from their own timer; the host-local ``flock``
only keeps two runners on one machine apart. The lease is one row per runner name, taken with a single
conditional UPDATE (free, expired, or already ours), which both SQLite and PostgreSQL apply atomically.
A crashed host's lease expires and the next runner takes it over.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicLease(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    holder = models.CharField(_("holder"), max_length=200, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    last_started_at = models.DateTimeField(_("last started at"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("periodic-jobs lease")
        verbose_name_plural = _("periodic-jobs leases")

    def __str__(self):
        return self.name
