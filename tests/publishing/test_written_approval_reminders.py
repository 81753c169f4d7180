"""The daily reminder of an overdue written approval (R2.6): to the verbal approver and the webmasters,
at most once per item per day, safe to run twice at once, retried when the mail server was down."""

import datetime as dt

from django.core import mail

import pytest
from freezegun import freeze_time

from publishing import jobs
from publishing.models import Notification
from publishing.urgent import approve_in_writing, urgent_publish
from tests.publishing.test_urgent_four_eyes import new_item

pytestmark = pytest.mark.django_db
BANGKOK = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture
def record(hospital):
    # Published on Friday 10 April 2026: three working days after Songkran (13–15 April) end on Monday 20th.
    with freeze_time("2026-04-10 09:00:00+07:00"):
        users = hospital["users"]
        record = urgent_publish(
            new_item(hospital), users["webmaster"], users["head"], dt.datetime(2026, 4, 10, 8, 45, tzinfo=BANGKOK)
        )
    mail.outbox.clear()  # the request for written approval and the "published" notice
    return record


def at(text):
    return dt.datetime.fromisoformat(text)


def test_nothing_is_sent_before_the_written_approval_is_overdue(record):
    assert jobs.written_approval_reminders(now=at("2026-04-20 08:59:00+07:00")) == "sent 0"
    assert mail.outbox == []


def test_the_approver_and_the_webmasters_are_reminded_in_thai(record, hospital):
    assert jobs.written_approval_reminders(now=at("2026-04-20 09:01:00+07:00")) == "sent 1"
    (message,) = mail.outbox
    assert sorted(message.to) == [
        "head@hodhospital.go.th",
        "webmaster2@hodhospital.go.th",
        "webmaster@hodhospital.go.th",
    ]
    assert "เลยกำหนดอนุมัติเป็นลายลักษณ์อักษร" in message.subject and "แจ้งงดบริการชั่วคราว" in message.subject
    assert "ครบกำหนดแล้วเมื่อ 20 เมษายน 2569" in message.body  # Songkran skipped
    assert f"/admin/publishing/urgent/{record.pk}/approve/" in message.body


def test_at_most_once_per_item_per_day(record):
    jobs.written_approval_reminders(now=at("2026-04-20 09:01:00+07:00"))
    assert jobs.written_approval_reminders(now=at("2026-04-20 23:59:00+07:00")) == "sent 0"
    assert len(mail.outbox) == 1
    # The next day in Bangkok (17:00 UTC on the 20th is midnight on the 21st) reminds again.
    assert jobs.written_approval_reminders(now=at("2026-04-20 17:00:00+00:00")) == "sent 1"
    assert len(mail.outbox) == 2
    assert Notification.objects.filter(key__startswith=f"written-approval-overdue:{record.pk}:").count() == 2


def test_a_second_runner_at_the_same_moment_sends_nothing(record):
    # The other runner has just recorded today's reminder (its transaction committed first).
    Notification.objects.create(key=jobs.written_approval_reminder_key(record, dt.date(2026, 4, 20)))
    assert jobs.written_approval_reminders(now=at("2026-04-20 09:01:00+07:00")) == "sent 0"
    assert mail.outbox == []


def test_a_failed_send_is_retried_by_the_next_run(record, monkeypatch):
    def down(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("publishing.jobs.send_templated", down)
    assert jobs.written_approval_reminders(now=at("2026-04-20 09:01:00+07:00")) == "sent 0, failed 1"
    assert not Notification.objects.filter(key__startswith="written-approval-overdue:").exists()
    monkeypatch.undo()
    assert jobs.written_approval_reminders(now=at("2026-04-20 09:02:00+07:00")) == "sent 1"


def test_approved_items_are_no_longer_reminded(record, hospital):
    approve_in_writing(record, hospital["users"]["director"])
    assert jobs.written_approval_reminders(now=at("2026-04-22 09:00:00+07:00")) == "sent 0"


def test_the_job_is_registered_for_run_periodic_jobs():
    from home.periodic import JOBS

    assert JOBS["written_approval_reminders"] is jobs.written_approval_reminders
