"""PDPA retention (issue #12): finished complaints and feedback past retention lose their personal data,
open cases never do, the statistics stay the same, attachment files are deleted, every run is audited."""

import datetime as dt
import zoneinfo

from django.core.checks import Error
from django.core.files.base import ContentFile

from wagtail.models import ModelLogEntry

import pytest
from freezegun import freeze_time

from eservices.complaints.stats import complaint_statistics
from eservices.models import Complaint, ComplaintEvent, Feedback, PersonalDataRequest
from eservices.privacy import checks, erasure
from eservices.privacy.retention import anonymise_past_retention
from home.periodic import JOBS
from tests.eservices.complaints_support import PDF, make_complaint

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")
FINISHED = dt.datetime(2020, 3, 10, 9, 0, tzinfo=BANGKOK)  # fiscal year 2563


@pytest.fixture
def retention(settings, db):
    settings.COMPLAINT_RETENTION_DAYS = 3653
    settings.FEEDBACK_RETENTION_DAYS = 730
    return settings


def finished_complaint(**fields):
    complaint = make_complaint(
        "service",
        name="นางสมใจ ทองดี",
        phone="081-234-5678",
        email="somjai@example.com",
        subject="พนักงานพูดจาไม่สุภาพกับคุณสมใจ",
        details="คุณสมใจ ทองดี บ้านเลขที่ 12 ถูกตะคอกที่ห้องยา",
        incident_where="ห้องยา",
        received_at=FINISHED - dt.timedelta(days=20),
        channel=Complaint.Channel.PHONE,
        status=Complaint.Status.CLOSED,
        acknowledged_at=FINISHED - dt.timedelta(days=19),
        finished_at=FINISHED,
        response="เรียนคุณสมใจ โรงพยาบาลได้ตักเตือนเจ้าหน้าที่แล้ว",
        **fields,
    )
    complaint.attachment.save("evidence.pdf", ContentFile(PDF))
    ComplaintEvent.objects.create(complaint=complaint, action=ComplaintEvent.Action.NOTE, note="โทรหาคุณสมใจแล้ว")
    ComplaintEvent.objects.create(complaint=complaint, action=ComplaintEvent.Action.ASSIGNED, note="งานเภสัชกรรม")
    return complaint


def stats_of(fiscal_year):
    data = complaint_statistics(fiscal_year)
    return {k: data[k] for k in ("totals", "by_status", "by_channel", "by_month", "total", "resolved")}


def test_the_job_is_registered_and_the_setting_is_declared_once(settings):
    assert JOBS["anonymise_past_retention"] is anonymise_past_retention
    assert settings.COMPLAINT_RETENTION_DAYS == 3653 and settings.FEEDBACK_RETENTION_DAYS == 730


@pytest.mark.parametrize("value", [0, -1, 30, 364, "3653", 3.5, True, None, 40_000])
def test_the_system_check_refuses_nonsense_retention(settings, value):
    settings.COMPLAINT_RETENTION_DAYS = value
    errors = checks.retention_settings()
    assert [e.id for e in errors] == ["eservices.E001"]
    assert isinstance(errors[0], Error) and "COMPLAINT_RETENTION_DAYS" in errors[0].msg


def test_the_system_check_accepts_a_sensible_period(retention):
    assert checks.retention_settings() == []
    retention.FEEDBACK_RETENTION_DAYS = 10
    assert [e.id for e in checks.retention_settings()] == ["eservices.E002"]


def test_a_finished_complaint_is_kept_whole_until_its_retention_ends(retention):
    complaint = finished_complaint()
    with freeze_time(FINISHED + dt.timedelta(days=3653) - dt.timedelta(hours=1)):
        anonymise_past_retention()
    complaint.refresh_from_db()
    assert complaint.anonymised_at is None and complaint.name == "นางสมใจ ทองดี"
    assert complaint.attachment.storage.exists(complaint.attachment.name)
    assert not PersonalDataRequest.objects.exists() and not ModelLogEntry.objects.exists()


def test_past_retention_the_personal_data_and_file_go_and_the_statistics_stay(retention):
    complaint = finished_complaint()
    file_name = complaint.attachment.name
    storage = complaint.attachment.storage
    old_open = make_complaint("service", name="นายเปิด ค้างอยู่", phone="0899999999", received_at=FINISHED)
    old_corruption = make_complaint(
        "corruption", name="ผู้แจ้ง", received_at=FINISHED, status=Complaint.Status.RESOLVED, finished_at=FINISHED
    )
    before = stats_of(2563)
    assert before["total"] == 3

    with freeze_time(FINISHED + dt.timedelta(days=3654)):
        result = anonymise_past_retention()
    assert result == "2 complaints, 0 feedback anonymised"

    complaint.refresh_from_db()
    for field in ("name", "phone", "email", "subject", "details", "incident_where", "response"):
        assert getattr(complaint, field) == "", field
    assert not complaint.attachment and not storage.exists(file_name)
    assert complaint.anonymised_at is not None
    # what the statistics count is untouched
    assert (complaint.kind, complaint.channel, complaint.status) == ("service", "phone", "closed")
    assert complaint.finished_at == FINISHED and complaint.tracking_code
    assert stats_of(2563) == before
    notes = dict(complaint.events.values_list("action", "note"))
    assert notes == {"note": "", "assigned": "งานเภสัชกรรม"}
    # an open case is never touched, however old; corruption cases follow the same rule
    old_open.refresh_from_db()
    assert old_open.anonymised_at is None and old_open.name == "นายเปิด ค้างอยู่"
    old_corruption.refresh_from_db()
    assert old_corruption.anonymised_at is not None and old_corruption.name == ""

    record = PersonalDataRequest.objects.get()
    assert record.action == "retention" and record.complaint_count == 2 and record.user is None
    entry = ModelLogEntry.objects.get(action="eservices.pdpa.retention")
    assert entry.object_id == str(record.pk) and entry.data["complaints"] == 2
    assert entry.user is None
    assert str(entry.formatter.label) == "ข้อมูลส่วนบุคคล: ลบเมื่อพ้นระยะเวลาเก็บรักษา"
    # no code of a corruption complaint in the audit log
    assert old_corruption.tracking_code not in str(entry.data) + entry.label


def test_running_twice_changes_nothing_more(retention):
    complaint = finished_complaint()
    with freeze_time(FINISHED + dt.timedelta(days=3654)):
        anonymise_past_retention()
        first = Complaint.objects.values().get(pk=complaint.pk)
        assert anonymise_past_retention() == "0 anonymised"
    assert Complaint.objects.values().get(pk=complaint.pk) == first
    assert PersonalDataRequest.objects.count() == 1 and ModelLogEntry.objects.count() == 1


def test_a_racing_run_that_lost_the_claim_neither_deletes_nor_records(retention, monkeypatch):
    """Two runners read the same case: the conditional UPDATE lets one through; the other stops."""
    complaint = finished_complaint()
    storage = Complaint._meta.get_field("attachment").storage
    deleted = []
    monkeypatch.setattr(storage, "delete", lambda name: deleted.append(name))
    real_update = erasure.Complaint.objects.filter

    def filter_after_the_other_runner(*args, **kwargs):
        if "anonymised_at__isnull" in kwargs:  # the claim: the other runner got there first
            Complaint.objects.filter(pk=complaint.pk).update(anonymised_at=FINISHED)
        return real_update(*args, **kwargs)

    monkeypatch.setattr(erasure.Complaint.objects, "filter", filter_after_the_other_runner)
    assert erasure.erase_complaint(complaint.pk) is False
    assert deleted == []
    monkeypatch.undo()
    complaint.refresh_from_db()
    assert complaint.name == "นางสมใจ ทองดี"  # the winner (here: the simulated one) does the blanking


def test_a_storage_failure_keeps_the_case_for_the_next_run(retention, monkeypatch):
    complaint = finished_complaint()
    storage = Complaint._meta.get_field("attachment").storage

    def broken(name):
        raise OSError("disk unavailable")

    monkeypatch.setattr(storage, "delete", broken)
    with freeze_time(FINISHED + dt.timedelta(days=3654)):
        assert anonymise_past_retention() == "0 complaints, 0 feedback anonymised"
    complaint.refresh_from_db()
    assert complaint.anonymised_at is None and complaint.name == "นางสมใจ ทองดี"
    monkeypatch.undo()
    with freeze_time(FINISHED + dt.timedelta(days=3655)):
        assert anonymise_past_retention() == "1 complaints, 0 feedback anonymised"
    complaint.refresh_from_db()
    assert complaint.anonymised_at is not None and not storage.exists("complaints/evidence.pdf")


def test_feedback_past_retention_keeps_only_the_published_q_and_a(retention):
    answered = dt.datetime(2023, 1, 5, 10, 0, tzinfo=BANGKOK)
    published = Feedback.objects.create(
        subject="เวลาเปิดคลินิก",
        message="ผมชื่อสมชาย โทร 0812345678",
        name="สมชาย ใจดี",
        email="somchai@example.com",
        received_at=answered - dt.timedelta(days=3),
        public_question="คลินิกเปิดวันเสาร์หรือไม่",
        answer="เปิดทุกวันเสาร์",
        answered_at=answered,
        is_published=True,
    )
    private = Feedback.objects.create(
        subject="ขอบคุณหมอ",
        message="ขอบคุณคุณหมอสมศรี",
        name="สมหญิง",
        received_at=answered,
        answer="ขอบคุณคุณสมหญิง",
        answered_at=answered,
    )
    unanswered = Feedback.objects.create(subject="ที่จอดรถ", message="ที่จอดรถเต็ม", name="ก", received_at=answered)
    recent = Feedback.objects.create(subject="ใหม่", message="ข้อความใหม่", name="ข", received_at=answered)
    recent.answered_at = answered + dt.timedelta(days=400)  # answered later: its two years start then
    recent.save()

    with freeze_time(answered + dt.timedelta(days=731)):
        assert anonymise_past_retention() == "0 complaints, 3 feedback anonymised"

    published.refresh_from_db()
    assert (published.name, published.email, published.message, published.subject) == ("", "", "", "")
    assert published.public_question == "คลินิกเปิดวันเสาร์หรือไม่" and published.answer == "เปิดทุกวันเสาร์"
    private.refresh_from_db()
    assert (private.name, private.message, private.answer) == ("", "", "")
    unanswered.refresh_from_db()
    assert unanswered.anonymised_at is not None and unanswered.name == ""
    recent.refresh_from_db()
    assert recent.anonymised_at is None and recent.name == "ข"
    assert str(private) == "(ลบข้อมูลส่วนบุคคลแล้ว)"
