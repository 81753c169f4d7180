"""PDPA data-subject requests (issue #12): who may use the screen, what each role finds, export and erasure
with a reason and a confirmation, the audit log, and Thai messages on bad input."""

import io
import json

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.models import ModelLogEntry

import pytest
from openpyxl import load_workbook

from eservices.complaints.stats import complaint_statistics
from eservices.models import Complaint, ComplaintAccessLog, Feedback, PersonalDataRequest
from home import thai_dates
from tests.eservices.complaints_support import PDF, make_complaint, role_users
from tests.publishing import conftest as publishing_fixtures

hospital = publishing_fixtures.hospital  # the roles fixture of the publishing tests
URL = "/admin/eservices/personal-data/"
REASON = "คำขอเข้าถึงข้อมูลเลขที่ 12/2569 ผู้ร้องเรียนยื่นด้วยตนเอง"

# role → (may use the screen, finds service complaints, finds corruption complaints, finds feedback)
EXPECTED = {
    "editor": (False, False, False, False),
    "head": (False, False, False, False),
    "webmaster": (False, False, False, False),
    "director": (False, False, False, False),
    "centre": (True, True, False, True),
    "integrity": (True, False, True, False),
    "admin": (True, True, False, True),
}


@pytest.fixture
def users(hospital):
    return role_users(hospital)


@pytest.fixture
def records(db):
    service = make_complaint(
        "service", name="นางสมใจ ทองดี", phone="081-234-5678", email="Somjai@Example.com", subject="รอนาน"
    )
    service.attachment.save("evidence.pdf", ContentFile(PDF))
    corruption = make_complaint("corruption", name="นางสมใจ ทองดี", phone="0812345678", subject="เรียกรับเงิน")
    other = make_complaint("service", name="นายสมชาย ใจดี", phone="089-111-2222", subject="ที่จอดรถ")
    feedback = Feedback.objects.create(subject="เวลาเปิดคลินิก", message="ถามเวลา", name="สมใจ ทองดี", email="s@x.th")
    return {"service": service, "corruption": corruption, "other": other, "feedback": feedback}


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


def search(client, **data):
    return client.post(URL, {"match": "partial", "reason": REASON, "step": "search", **data})


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_reaches_only_what_it_may(role, users, records):
    allowed, service, corruption, feedback = EXPECTED[role]
    client = as_user(users[role])
    page = client.get(URL)
    assert page.status_code == (200 if allowed else 302), page.status_code  # Wagtail: "permission denied"
    menu = client.get("/admin/").content.decode()
    assert (URL in menu) is allowed
    response = search(client, name="สมใจ")
    if not allowed:
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert not PersonalDataRequest.objects.exists()
        return
    html = response.content.decode()
    assert response.status_code == 200
    assert (records["service"].tracking_code in html) is service
    assert (records["corruption"].tracking_code in html) is corruption
    assert ("เวลาเปิดคลินิก" in html) is feedback
    assert records["other"].tracking_code not in html  # another person
    if not corruption:
        assert "เรียกรับเงิน" not in html


@pytest.mark.parametrize("role", ["centre", "admin"])
def test_a_forged_id_never_exports_or_erases_a_corruption_complaint(role, users, records):
    client = as_user(users[role])
    forged = {"complaint": [records["service"].pk, records["corruption"].pk], "name": "สมใจ"}
    response = search(client, step="export-json", **forged)
    exported = json.loads(response.content)
    assert [c["tracking_code"] for c in exported["complaints"]] == [records["service"].tracking_code]
    search(client, step="erase_confirm", erase_reason="ทดสอบ", confirm="on", **forged)
    records["corruption"].refresh_from_db()
    assert records["corruption"].anonymised_at is None and records["corruption"].name == "นางสมใจ ทองดี"
    assert not records["corruption"].access_log.exists()


def test_partial_thai_name_phone_in_any_format_and_exact_email(users, records):
    client = as_user(users["admin"])
    for terms in ({"name": "สมใจ"}, {"phone": "+66 81 234 5678"}, {"phone": "2345678"}, {"email": "somjai@"}):
        html = search(client, **terms).content.decode()
        assert records["service"].tracking_code in html, terms
        assert records["other"].tracking_code not in html, terms
    exact = {"match": "exact"}
    assert records["service"].tracking_code in search(client, email="somjai@example.com", **exact).content.decode()
    assert records["service"].tracking_code not in search(client, email="somjai@", **exact).content.decode()
    html = search(client, name="นางสมใจ ทองดี", **exact).content.decode()
    assert records["service"].tracking_code in html and "เวลาเปิดคลินิก" not in html  # feedback says "สมใจ ทองดี"


def test_a_search_is_audited_with_who_when_and_why(users, records):
    client = as_user(users["centre"])
    search(client, name="สมใจ")
    record = PersonalDataRequest.objects.get()
    assert (record.action, record.username, record.reason) == ("search", "centre", REASON)
    assert record.terms == {"name": "สมใจ", "match": "partial"}
    assert (record.complaint_count, record.feedback_count) == (1, 1)
    entry = ModelLogEntry.objects.get(action="eservices.pdpa.search")
    assert entry.user == users["centre"] and entry.data["reason"] == REASON and entry.timestamp
    assert str(entry.formatter.label) == "ข้อมูลส่วนบุคคล: ค้นหา"
    found = ComplaintAccessLog.objects.get(action="found")
    assert found.complaint == records["service"] and found.username == "centre" and found.detail == REASON


def test_the_audit_entries_are_not_in_the_complaint_centres_site_history(users, records):
    search(as_user(users["integrity"]), name="สมใจ")
    entries = ModelLogEntry.objects.filter(action__startswith="eservices.pdpa")
    assert entries.count() == 1
    viewable = ModelLogEntry.objects.viewable_by_user
    assert not viewable(users["centre"]).filter(action__startswith="eservices.pdpa").exists()
    assert not viewable(users["integrity"]).filter(action__startswith="eservices.pdpa").exists()
    assert viewable(users["admin"]).filter(action__startswith="eservices.pdpa").count() == 1
    # and the superuser's view says nothing of the corruption case
    assert records["corruption"].tracking_code not in json.dumps(entries.get().data) + entries.get().label
    history = as_user(users["centre"]).get("/admin/reports/site-history/").content.decode()
    assert "ข้อมูลส่วนบุคคล" not in history


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "name", "โปรดระบุชื่อ อีเมล หรือหมายเลขโทรศัพท์ที่ต้องการค้นหา"),
        ({"name": "   "}, "name", "โปรดระบุชื่อ อีเมล หรือหมายเลขโทรศัพท์ที่ต้องการค้นหา"),
        ({"name": "ส"}, "name", "โปรดพิมพ์ชื่ออย่างน้อย 2 ตัวอักษร"),
        ({"phone": "08x"}, "phone", "โปรดกรอกหมายเลขโทรศัพท์เป็นตัวเลข"),
        ({"phone": "08"}, "phone", "โปรดพิมพ์หมายเลขโทรศัพท์อย่างน้อย 4 หลัก"),
        ({"name": "สมใจ", "reason": ""}, "reason", "โปรดระบุเหตุผลของการค้นหา"),
        ({"name": "สมใจ", "reason": "   "}, "reason", "โปรดระบุเหตุผลของการค้นหา"),
    ],
)
def test_bad_input_gets_a_thai_message_on_its_field(users, records, data, field, message):
    response = search(as_user(users["centre"]), **data)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    assert message in response.content.decode()
    assert not PersonalDataRequest.objects.exists() and not ComplaintAccessLog.objects.exists()


def test_export_as_xlsx_reads_back_in_thai_and_is_audited(users, records):
    client = as_user(users["centre"])
    chosen = {"complaint": [records["service"].pk], "feedback": [records["feedback"].pk], "name": "สมใจ"}
    response = search(client, step="export-xlsx", **chosen)
    assert response["Content-Disposition"].startswith('attachment; filename="personal-data-')
    assert "no-store" in response["Cache-Control"]
    book = load_workbook(io.BytesIO(response.content))
    complaints, feedback = book.worksheets
    rows = [[c.value for c in row] for row in complaints.iter_rows()]
    assert rows[1][:3] == ["รหัสติดตามเรื่อง", "ประเภท", "ช่องทาง"]
    assert rows[2][0] == records["service"].tracking_code and "นางสมใจ ทองดี" in rows[2]
    assert thai_dates.thai_datetime(records["service"].received_at) in rows[2]
    assert records["service"].attachment.name.rsplit("/", 1)[-1] in rows[2]
    assert [c.value for c in feedback[3]][:1] == ["คำถาม"]
    record = PersonalDataRequest.objects.get(action="export")
    assert record.terms["format"] == "xlsx" and (record.complaint_count, record.feedback_count) == (1, 1)
    assert ModelLogEntry.objects.filter(action="eservices.pdpa.export", user=users["centre"]).count() == 1
    assert ComplaintAccessLog.objects.filter(action="export", complaint=records["service"]).count() == 1


@pytest.mark.parametrize("step", ["export-xlsx", "erase", "erase_confirm"])
def test_nothing_chosen_exports_or_erases_nothing_and_shows_the_results_again(users, records, step):
    response = search(as_user(users["centre"]), step=step, name="สมใจ", erase_reason="ทดสอบ", confirm="on")
    html = response.content.decode()
    assert response.status_code == 200 and "โปรดเลือกอย่างน้อยหนึ่งรายการจากผลการค้นหา" in html
    assert records["service"].tracking_code in html
    assert list(PersonalDataRequest.objects.values_list("action", flat=True)) == ["search"]
    records["service"].refresh_from_db()
    assert records["service"].anonymised_at is None


def test_a_formula_typed_by_the_public_stays_text(users, db):
    make_complaint("service", name='=HYPERLINK("http://x")สมใจ', phone="0812345678")
    client = as_user(users["centre"])
    pk = Complaint.objects.get().pk
    response = search(client, step="export-xlsx", complaint=[pk], phone="0812345678")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    cell = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_erasure_asks_for_a_reason_and_a_confirmation_first(users, records):
    client = as_user(users["centre"])
    chosen = {"complaint": [records["service"].pk], "feedback": [records["feedback"].pk], "name": "สมใจ"}
    confirm = search(client, step="erase", **chosen)
    html = confirm.content.decode()
    assert "ลบข้อมูลส่วนบุคคล" in html and records["service"].tracking_code in html
    refused = search(client, step="erase_confirm", erase_reason=" ", **chosen)
    errors = refused.context["erase_form"].errors
    assert "โปรดระบุเหตุผลที่ลบ" in errors["erase_reason"][0]
    assert "โปรดทำเครื่องหมายเพื่อยืนยันการลบ" in errors["confirm"][0]
    records["service"].refresh_from_db()
    assert records["service"].anonymised_at is None
    assert not PersonalDataRequest.objects.filter(action="erase").exists()


def test_erasure_blanks_the_records_deletes_the_file_keeps_the_statistics_and_is_audited(users, records):
    client = as_user(users["centre"])
    complaint = records["service"]
    file_name, storage = complaint.attachment.name, complaint.attachment.storage
    year = thai_dates.fiscal_year(complaint.received_at)
    before = complaint_statistics(year)
    chosen = {"complaint": [complaint.pk], "feedback": [records["feedback"].pk], "name": "สมใจ"}
    response = search(client, step="erase_confirm", erase_reason="คำขอลบ 13/2569", confirm="on", **chosen)
    assert response.status_code == 302 and response["Location"] == URL
    complaint.refresh_from_db()
    assert complaint.anonymised_at and (complaint.name, complaint.phone, complaint.email, complaint.subject) == (
        "",
        "",
        "",
        "",
    )
    assert not storage.exists(file_name)
    records["feedback"].refresh_from_db()
    assert records["feedback"].name == "" and records["feedback"].anonymised_at
    assert complaint_statistics(year) == before
    message = "ลบข้อมูลส่วนบุคคลแล้ว: เรื่องร้องเรียน 1 เรื่อง ความคิดเห็นและคำถาม 1 รายการ"
    assert message in client.get(URL).content.decode()
    record = PersonalDataRequest.objects.get(action="erase")
    assert record.reason == "คำขอลบ 13/2569" and (record.complaint_count, record.feedback_count) == (1, 1)
    entry = ModelLogEntry.objects.get(action="eservices.pdpa.erase")
    assert entry.user == users["centre"] and entry.data["reason"] == "คำขอลบ 13/2569"
    trail = ComplaintAccessLog.objects.get(complaint=complaint, action="erase")
    assert trail.username == "centre" and "13/2569" in trail.detail
    # the case page says so and refuses changes; a new search finds nothing any more
    page = client.get(f"/admin/eservices/complaint/edit/{complaint.pk}/").content.decode()
    assert "ข้อมูลส่วนบุคคลของเรื่องร้องเรียนนี้ถูกลบเมื่อ" in page
    edit = client.post(f"/admin/eservices/complaint/edit/{complaint.pk}/", {"status": "in_progress"})
    assert "แก้ไขเรื่องนี้ไม่ได้อีก" in edit.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == "received"
    assert complaint.tracking_code not in search(client, name="สมใจ").content.decode()


def test_the_corruption_group_erases_its_own_cases(users, records):
    client = as_user(users["integrity"])
    chosen = {"complaint": [records["corruption"].pk], "phone": "0812345678"}
    search(client, step="erase_confirm", erase_reason="คำขอลบ 14/2569", confirm="on", **chosen)
    records["corruption"].refresh_from_db()
    assert records["corruption"].anonymised_at and records["corruption"].name == ""
    records["service"].refresh_from_db()
    assert records["service"].anonymised_at is None  # not theirs, not chosen, not visible
