"""The periodic jobs on several app servers: one database lease, so each run's jobs run once; a crashed
host's lease expires and is taken over; ``last_run()`` tells when the jobs last went through."""

import datetime as dt
import threading
import time
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

import pytest

from home import periodic
from home.models import PeriodicLease


@pytest.mark.django_db
def test_a_second_host_cannot_take_a_lease_that_is_held():
    assert periodic.acquire_lease("host-a") is True
    assert periodic.acquire_lease("host-b") is False
    # the holder may take it again (renewing), the other still not
    assert periodic.acquire_lease("host-a") is True
    assert PeriodicLease.objects.get(name=periodic.LEASE_NAME).holder == "host-a"


@pytest.mark.django_db
def test_an_expired_lease_of_a_crashed_host_is_taken_over():
    assert periodic.acquire_lease("crashed-host") is True
    # the host died mid-run: it never released; its lease runs out
    PeriodicLease.objects.filter(name=periodic.LEASE_NAME).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert periodic.acquire_lease("host-b") is True
    lease = PeriodicLease.objects.get(name=periodic.LEASE_NAME)
    assert lease.holder == "host-b"
    assert lease.expires_at > timezone.now()
    assert periodic.renew_lease("crashed-host") is False


@pytest.mark.django_db
def test_runner_on_another_host_skips_while_the_lease_is_held(settings, tmp_path):
    settings.PERIODIC_LOCK_DIR = tmp_path / "this-host"  # a free flock: only the database can stop it
    assert periodic.acquire_lease("other-host")
    out = StringIO()
    call_command("run_periodic_jobs", stdout=out)
    assert "Another periodic-jobs runner is active" in out.getvalue()
    assert periodic.last_run() is None


@pytest.mark.django_db
def test_last_run_is_when_a_runner_last_went_through_every_job(settings, tmp_path, monkeypatch):
    settings.PERIODIC_LOCK_DIR = tmp_path
    monkeypatch.setattr(periodic, "JOBS", {"fine": lambda stdout=None: "ok"})
    assert periodic.last_run() is None
    before = timezone.now()
    call_command("run_periodic_jobs", stdout=StringIO())
    finished = periodic.last_run()
    assert finished is not None and timezone.is_aware(finished)
    assert before <= finished <= timezone.now()
    # released: another host may run next time
    assert periodic.acquire_lease("next-host") is True


@pytest.mark.django_db
def test_a_run_that_crashes_releases_the_lease_without_counting_as_complete(tmp_path):
    with pytest.raises(RuntimeError), periodic.runner_lock(holder="host-a", lock_dir=tmp_path) as acquired:
        assert acquired
        raise RuntimeError("killed")
    assert periodic.last_run() is None
    assert periodic.acquire_lease("host-b") is True


@pytest.mark.django_db
def test_a_runner_that_lost_its_lease_stops_between_jobs(tmp_path, monkeypatch):
    ran = []

    def slow_first(stdout=None):
        ran.append("first")
        # meanwhile our lease ran out and another host took it over
        PeriodicLease.objects.update(holder="host-b", expires_at=timezone.now() + dt.timedelta(minutes=5))
        return "ok"

    monkeypatch.setattr(periodic, "JOBS", {"first": slow_first, "second": lambda stdout=None: ran.append("second")})
    with periodic.runner_lock(holder="host-a", lock_dir=tmp_path) as acquired:
        assert acquired
        assert periodic.run_all() == {"first": "ok"}
    assert ran == ["first"]
    # host-b's lease is untouched by host-a's release
    assert PeriodicLease.objects.get().holder == "host-b"
    assert periodic.last_run() is None


# serialized_rollback: its flush must not re-run post_migrate (the complaint groups), or the next test that
# restores the migrated site collides with them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_hosts_starting_at_once_run_the_jobs_once(tmp_path, monkeypatch):
    runs = []
    lock = threading.Lock()

    def job(stdout=None):
        with lock:
            runs.append(threading.current_thread().name)
        time.sleep(0.3)  # still running when the other host tries
        return "ok"

    monkeypatch.setattr(periodic, "JOBS", {"job": job})
    start = threading.Barrier(2)
    outcome = {}

    def host(name):
        try:
            start.wait()
            with periodic.runner_lock(holder=name, lock_dir=tmp_path / name) as acquired:
                outcome[name] = acquired
                if acquired:
                    periodic.run_all()
        finally:
            connection.close()

    threads = [threading.Thread(target=host, args=(n,), name=n) for n in ("host-a", "host-b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcome.values()) == [False, True]
    assert len(runs) == 1
    assert runs[0] == next(name for name, got in outcome.items() if got)
    assert periodic.last_run() is not None
