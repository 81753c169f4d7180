"""The periodic-jobs runner: publishes due pages, and never runs twice at once."""

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from home import periodic
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


def test_runner_publishes_a_page_whose_go_live_time_has_come(section, settings, tmp_path):
    settings.PERIODIC_LOCK_DIR = tmp_path
    page = add_page(section, title="ประกาศตั้งเวลา", slug="scheduled", publish=False)
    revision = page.save_revision()
    revision.publish()  # with go_live_at in the future this schedules instead of publishing
    page.refresh_from_db()
    page.go_live_at = timezone.now() - dt.timedelta(minutes=1)
    page.live = False
    page.save()
    rev = page.save_revision()
    rev.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    rev.save()
    out = StringIO()
    call_command("run_periodic_jobs", stdout=out)
    page.refresh_from_db()
    assert page.live
    assert "publish_scheduled=published 1" in out.getvalue()


def test_second_runner_skips_while_the_first_holds_the_lock(settings, tmp_path):
    settings.PERIODIC_LOCK_DIR = tmp_path
    out = StringIO()
    with periodic.runner_lock() as first:
        assert first is True
        call_command("run_periodic_jobs", stdout=out)
    assert "Another periodic-jobs runner is active" in out.getvalue()
    with periodic.runner_lock() as again:
        assert again is True


def test_a_failing_job_does_not_stop_the_others(monkeypatch):
    ran = []
    monkeypatch.setattr(
        periodic, "JOBS", {"broken": lambda stdout=None: 1 / 0, "fine": lambda stdout=None: ran.append(1) or "ok"}
    )
    assert periodic.run_all() == {"broken": "failed", "fine": "ok"}
    assert ran == [1]
