"""The registry of periodic jobs run by ``manage.py run_periodic_jobs``.

Apps add jobs with ``@periodic_job("name")``. Each job must be safe to run twice at once and to
catch up after missed runs; the runner additionally holds a lock so that two runners never
overlap (a cron run and ``make run``'s loop, say).
"""

import fcntl
import logging
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

logger = logging.getLogger("hodsite.periodic")
JOBS = {}


def periodic_job(name):
    def register(func):
        JOBS[name] = func
        return func

    return register


@contextmanager
def runner_lock():
    """An exclusive, non-blocking lock; yields False when another runner holds it."""
    lock_dir = Path(settings.PERIODIC_LOCK_DIR)
    lock_dir.mkdir(parents=True, exist_ok=True)
    with open(lock_dir / "periodic-jobs.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
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
    return results


@periodic_job("publish_scheduled")
def publish_scheduled(stdout=None):
    """Wagtail's own scheduler: publish pages whose go-live time has come, unpublish expired ones."""
    call_command("publish_scheduled", stdout=stdout)
    return "ok"
