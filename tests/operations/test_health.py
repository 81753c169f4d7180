"""/healthz and the periodic-jobs alert."""

import datetime as dt

from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.http import HttpResponse
from django.utils import timezone

import pytest
from freezegun import freeze_time

from eservices.visits.counting import is_countable
from home import periodic
from operations import health
from tests.operations.test_cache import dead_redis_caches

NOW = dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def last_run(monkeypatch):
    """Stands in for home.periodic.last_run (the heartbeat of the periodic jobs)."""
    holder = {"value": None}
    monkeypatch.setattr(periodic, "last_run", lambda: holder["value"], raising=False)
    return holder


def test_healthy(client, db, last_run):
    last_run["value"] = timezone.now() - dt.timedelta(minutes=2)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "jobs": "ok"}
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_jobs_not_run_for_ten_minutes_are_stale(client, db, last_run):
    last_run["value"] = timezone.now() - dt.timedelta(minutes=11)
    assert client.get("/healthz").json()["jobs"] == "stale"
    last_run["value"] = None
    assert client.get("/healthz").json()["jobs"] == "stale"


def test_redis_down_is_degraded_not_an_error(client, db, last_run, settings):
    settings.CACHES = dead_redis_caches()
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["cache"] == "degraded"


class DownDatabase:
    def ensure_connection(self):
        raise OperationalError("connection refused")


def test_database_down_is_503(client, db, last_run, monkeypatch):
    monkeypatch.setattr(health, "connection", DownDatabase())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "down", "cache": "ok", "jobs": "stale"}


def test_healthz_is_not_a_visit(rf):
    # JSON is never counted anyway; the prefix also keeps any HTML answer at /healthz out of the statistics.
    agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"
    html = HttpResponse("<html></html>", content_type="text/html")
    for path, counted in (("/healthz", False), ("/news/", True)):
        request = rf.get(path, HTTP_USER_AGENT=agent)
        request.user = AnonymousUser()
        assert is_countable(request, html) is counted


@pytest.fixture
def admins(settings):
    settings.ADMINS = [("ops@hodhospital.go.th", "ops@hodhospital.go.th")]
    settings.JOBS_STALE_MINUTES = 10


def test_one_alert_per_outage_and_one_on_recovery(db, last_run, admins, capsys):
    last_run["value"] = NOW
    with freeze_time(NOW + dt.timedelta(minutes=9)):
        call_command("check_jobs")
    assert mail.outbox == []
    with freeze_time(NOW + dt.timedelta(minutes=11)):
        call_command("check_jobs")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ops@hodhospital.go.th"]
    assert "หยุดทำงาน" in mail.outbox[0].subject  # Thai, from the catalog
    assert "10" in mail.outbox[0].body and "2569" in mail.outbox[0].body  # last run in the Buddhist Era
    for minutes in (16, 21, 26):
        with freeze_time(NOW + dt.timedelta(minutes=minutes)):
            call_command("check_jobs")
    assert len(mail.outbox) == 1  # not once every five minutes
    last_run["value"] = NOW + dt.timedelta(minutes=29)
    with freeze_time(NOW + dt.timedelta(minutes=30)):
        call_command("check_jobs")
    assert len(mail.outbox) == 2
    assert mail.outbox[0].subject != mail.outbox[1].subject
    with freeze_time(NOW + dt.timedelta(minutes=35)):
        call_command("check_jobs")
    assert len(mail.outbox) == 2
    assert "periodic jobs: ok" in capsys.readouterr().out


def test_jobs_that_never_ran_alert_too(db, last_run, admins):
    call_command("check_jobs")
    assert len(mail.outbox) == 1
