"""The registry of periodic jobs run by ``manage.py run_periodic_jobs``.

Apps add jobs with ``@periodic_job("name")``. Each job must be safe to run twice at once and to
catch up after missed runs; the runner additionally holds two guards so that runners do not overlap:
a host-local ``flock`` (cheap: a cron run and ``make run``'s loop on one machine) and a lease row in
the database (``home.models.PeriodicLease``) shared by every app server on the same database. The lease
expires (``PERIODIC_LEASE_SECONDS``), so a host that crashed mid-run is taken over by the next runner,
and it is renewed between jobs so that a long run keeps it. ``last_run()`` tells when the jobs last ran
to the end, on any host (for the health check and its alert).
"""

import fcntl
import logging
import os
import socket
import threading
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger("hodsite.periodic")
JOBS = {}
LEASE_NAME = "periodic-jobs"
# The lease this thread holds while it runs the jobs (renewed by run_all between jobs).
_held = threading.local()


def periodic_job(name):
    def register(func):
        JOBS[name] = func
        return func

    return register


def holder_id():
    """Who holds the lease: host name and process, plus a random part so that two runners never share one."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _lease_ttl():
    return timedelta(seconds=settings.PERIODIC_LEASE_SECONDS)


def acquire_lease(holder, name=LEASE_NAME):
    """Take the lease if it is free, expired or already ours; True when ``holder`` now holds it.

    One UPDATE with the condition in its WHERE clause: PostgreSQL re-checks the condition on the row a
    concurrent UPDATE committed, SQLite serialises writers, so of two hosts at once exactly one wins."""
    from home.models import PeriodicLease

    # A locked SQLite table (another runner writing this instant) is retried: the UPDATE is conditional,
    # so a retry can only find the lease free or held, never take it twice.
    for attempt in range(5):
        now = timezone.now()
        try:
            if not PeriodicLease.objects.filter(name=name).exists():
                try:
                    with transaction.atomic():
                        PeriodicLease.objects.create(name=name)
                except IntegrityError:
                    pass  # another host created the row first; the UPDATE below decides
            taken = (
                PeriodicLease.objects.filter(name=name)
                .filter(Q(expires_at__isnull=True) | Q(expires_at__lt=now) | Q(holder=holder))
                .update(holder=holder, expires_at=now + _lease_ttl(), last_started_at=now)
            )
        except OperationalError:  # SQLite "database/table is locked"
            time.sleep(0.05 * (attempt + 1))
            continue
        return taken == 1
    logger.warning("Periodic-jobs lease %s: database busy, not taken this time", name)
    return False


def renew_lease(holder, name=LEASE_NAME):
    """Push the expiry forward while we still hold the lease; False when another host took it over."""
    from home.models import PeriodicLease

    return bool(PeriodicLease.objects.filter(name=name, holder=holder).update(expires_at=timezone.now() + _lease_ttl()))


def release_lease(holder, name=LEASE_NAME, finished=True):
    """Give the lease back; a run that went through every job records when it finished."""
    from home.models import PeriodicLease

    now = timezone.now()
    fields = {"expires_at": now}
    if finished:
        fields["last_finished_at"] = now
    PeriodicLease.objects.filter(name=name, holder=holder).update(**fields)


def last_run(name=LEASE_NAME):
    """The aware datetime at which a runner (on any host) last went through every job, or None."""
    from home.models import PeriodicLease

    return PeriodicLease.objects.filter(name=name).values_list("last_finished_at", flat=True).first()


@contextmanager
def runner_lock(holder=None, lock_dir=None):
    """Exclusive and non-blocking: yields False when another runner (this host or another) is active.

    Leaving the block without an exception records a complete run (``last_run()``)."""
    lock_dir = Path(lock_dir or settings.PERIODIC_LOCK_DIR)
    lock_dir.mkdir(parents=True, exist_ok=True)
    holder = holder or holder_id()
    with open(lock_dir / "periodic-jobs.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            if not acquire_lease(holder):
                yield False
                return
            _held.holder = holder
            try:
                yield True
            except BaseException:
                release_lease(holder, finished=False)
                raise
            else:
                release_lease(holder, finished=True)
            finally:
                _held.holder = None
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_all(stdout=None):
    """Run every registered job once; one job's failure is logged and does not stop the others."""
    results = {}
    for name, job in JOBS.items():
        try:
            results[name] = job(stdout=stdout)
        except Exception:  # a broken job must not keep scheduled pages from going live
            logger.exception("Periodic job %s failed", name)
            results[name] = "failed"
        holder = getattr(_held, "holder", None)
        if holder and not renew_lease(holder):
            # Our lease expired and another host took over: it runs the remaining jobs.
            logger.warning("Periodic-jobs lease lost to another host after job %s; stopping this run", name)
            break
    return results


@periodic_job("publish_scheduled")
def publish_scheduled(stdout=None):
    """Wagtail's own scheduler: publish pages whose go-live time has come, unpublish expired ones."""
    call_command("publish_scheduled", stdout=stdout)
    return "ok"
