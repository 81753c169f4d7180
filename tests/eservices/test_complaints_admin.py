"""Complaint handling in the admin: who sees what, state changes with who and when, the logs, overdue."""

import datetime as dt
import re
import zoneinfo

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

import pytest
from freezegun import freeze_time

from eservices.complaints import rules
from eservices.models import Complaint, ComplaintAccessLog, ComplaintEvent
from home.roles import COMPLAINT_CENTRE, CORRUPTION_WORKING_GROUP
from tests.eservices.complaints_support import PDF, make_complaint, role_users
from tests.publishing import conftest as publishing_fixtures

hospital = publishing_fixtures.hospital  # the roles fixture of the publishing tests
INDEX = "/admin/eservices/complaint/"
BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


def edit_url(complaint):
    return f"{INDEX}edit/{complaint.pk}/"


@pytest.fixture
def users(hospital):
    return role_users(hospital)


@pytest.fixture
def cases(db):
    return {
        "service": make_complaint("service", subject="พนักงานเปลพูดไม่สุภาพ", name="นายก", phone="0812345678"),
        "corruption": make_complaint("corruption", subject="เรียกรับเงินลัดคิว", is_anonymous=True),
    }


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


# role → (sees service complaints, sees corruption complaints)
EXPECTED = {
    "admin": (True, False),
    "director": (False, False),
    "webmaster": (False, False),
    "head": (False, False),
    "editor": (False, False),
    "centre": (True, False),
    "integrity": (False, True),
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_sees_only_the_complaints_it_may(role, users, cases):
    client = as_user(users[role])
    sees_service, sees_corruption = EXPECTED[role]
    index = client.get(INDEX)
    if not (sees_service or sees_corruption):
        assert index.status_code in (302, 403)
    else:
        html = index.content.decode()
        assert index.status_code == 200
        assert (cases["service"].tracking_code in html) is sees_service
        assert (cases["corruption"].tracking_code in html) is sees_corruption
    for kind, allowed in (("service", sees_service), ("corruption", sees_corruption)):
        response = client.get(edit_url(cases[kind]))
        assert (response.status_code == 200) is allowed, (role, kind, response.status_code)
        if not allowed:
            assert cases[kind].subject not in response.content.decode()
    # nobody reads a complaint without it being in the log; refused attempts leave no "viewed" entry
    viewed = set(ComplaintAccessLog.objects.filter(user=users[role]).values_list("complaint__kind", flat=True))
    assert viewed == {k for k, allowed in (("service", sees_service), ("corruption", sees_corruption)) if allowed}


def test_the_complaint_menu_is_shown_only_to_handlers(users):
    assert "/admin/eservices/complaint/" in as_user(users["centre"]).get("/admin/").content.decode()
    assert "/admin/eservices/complaint/" not in as_user(users["webmaster"]).get("/admin/").content.decode()


def test_restricted_group_exists_after_migrate_and_setup_is_idempotent(db):
    assert Group.objects.filter(name=CORRUPTION_WORKING_GROUP).exists()
    assert Group.objects.filter(name=COMPLAINT_CENTRE).exists()
    before = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    rules.setup_complaint_groups()
    rules.setup_complaint_groups()
    after = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    assert before == after
    assert "handle_service_complaints" not in after[CORRUPTION_WORKING_GROUP]
    assert "handle_service_complaints" in after[COMPLAINT_CENTRE]


def handling_post(client, complaint, **data):
    payload = {"status": complaint.status, "department": "", "forwarded_to": "", "response": "", "note": ""}
    payload.update(data)
    return client.post(edit_url(complaint), payload)


def test_acknowledging_records_who_and_when(users, cases):
    complaint = cases["service"]
    with freeze_time("2026-11-26 10:00:00+07:00"):
        response = handling_post(as_user(users["centre"]), complaint, status="acknowledged", note="โทรแจ้งผู้ร้องแล้ว")
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "acknowledged"
    assert complaint.acknowledged_at == dt.datetime(2026, 11, 26, 10, 0, tzinfo=BANGKOK)
    status_event = complaint.events.get(action=ComplaintEvent.Action.STATUS)
    assert status_event.user == users["centre"]
    assert (status_event.from_status, status_event.to_status) == ("received", "acknowledged")
    assert complaint.events.get(action=ComplaintEvent.Action.NOTE).note == "โทรแจ้งผู้ร้องแล้ว"


def test_assignment_and_response_are_recorded(users, cases):
    complaint = cases["service"]
    unit = publishing_unit()
    client = as_user(users["centre"])
    handling_post(client, complaint, status="in_progress", department=unit.pk)
    complaint.refresh_from_db()
    assert complaint.department == unit
    assert complaint.events.filter(action=ComplaintEvent.Action.ASSIGNED, note=unit.name).exists()
    handling_post(client, complaint, status="resolved", department=unit.pk, response="ตักเตือนพนักงานและอบรมแล้ว")
    complaint.refresh_from_db()
    assert complaint.status == "resolved" and complaint.finished_at is not None
    assert complaint.events.filter(action=ComplaintEvent.Action.RESPONSE).exists()


def test_the_complainant_is_emailed_when_the_status_changes(users, cases, mailoutbox):
    complaint = cases["service"]
    complaint.email = "nai-ko@example.com"
    complaint.save()
    handling_post(as_user(users["centre"]), complaint, status="acknowledged")
    assert [m.to for m in mailoutbox] == [["nai-ko@example.com"]]
    assert complaint.tracking_code in mailoutbox[0].subject and "ตอบรับเรื่องแล้ว" in mailoutbox[0].body
    assert "พนักงานเปล" not in mailoutbox[0].body  # the details stay behind the code
    handling_post(as_user(users["centre"]), complaint, status="acknowledged", note="บันทึกภายในเท่านั้น")
    assert len(mailoutbox) == 1  # an internal note alone sends nothing


def publishing_unit():
    from home.models import Department

    return Department.objects.get(name="งานประชาสัมพันธ์")


def test_finishing_needs_a_response_and_forwarding_an_agency(users, cases):
    complaint = cases["service"]
    client = as_user(users["centre"])
    response = handling_post(client, complaint, status="resolved")
    assert response.status_code == 200
    assert "คำตอบถึงผู้ร้องเรียน" in response.content.decode() or "โปรดเขียนคำตอบ" in response.content.decode()
    response = handling_post(client, complaint, status="forwarded", response="ส่งเรื่องต่อแล้ว")
    assert "โปรดระบุหน่วยงานที่ส่งเรื่องต่อไป" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == "received"


def test_a_handler_cannot_change_a_complaint_of_another_kind(users, cases):
    response = handling_post(as_user(users["centre"]), cases["corruption"], status="closed", response="ปิด")
    # Wagtail answers a refused admin action with a redirect to the dashboard and a message
    assert response.status_code in (302, 403, 404) and response.get("Location", "/admin/") == "/admin/"
    cases["corruption"].refresh_from_db()
    assert cases["corruption"].status == "received"


def test_nobody_can_delete_a_complaint(users, cases):
    response = as_user(users["admin"]).post(f"{INDEX}delete/{cases['service'].pk}/")
    assert response.status_code in (302, 403)
    assert Complaint.objects.filter(pk=cases["service"].pk).exists()


def test_export_is_logged_for_every_exported_complaint_and_holds_only_visible_ones(users, cases):
    make_complaint("service", subject="เรื่องที่สอง")
    response = as_user(users["centre"]).get(INDEX + "?export=csv")
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert response.status_code == 200
    assert cases["service"].tracking_code in body and cases["corruption"].tracking_code not in body
    assert "นายก" not in body and "0812345678" not in body  # no contact details in exports
    logged = ComplaintAccessLog.objects.filter(user=users["centre"], action="export")
    assert logged.count() == 2
    assert set(logged.values_list("complaint__kind", flat=True)) == {"service"}


def test_no_trace_of_a_complaint_in_wagtail_history(users, cases):
    from wagtail.models import ModelLogEntry

    handling_post(as_user(users["integrity"]), cases["corruption"], status="acknowledged")
    assert not ModelLogEntry.objects.filter(object_id=str(cases["corruption"].pk)).exists()
    # modeladmin's own history view (which checks no permission) is switched off
    assert as_user(users["webmaster"]).get(f"{INDEX}history/{cases['corruption'].pk}/").status_code == 404
    site_history = as_user(users["admin"]).get("/admin/reports/site-history/").content.decode()
    assert cases["corruption"].tracking_code not in site_history


def test_complaints_are_not_in_the_reference_index(cases):
    from wagtail.models import ReferenceIndex

    complaint = cases["corruption"]
    complaint.department = publishing_unit_or_new()
    complaint.save()  # Wagtail indexes references on save, for models it does not ignore
    assert ReferenceIndex.is_indexed(Complaint) is False
    assert not ReferenceIndex.objects.filter(object_id=str(complaint.pk), base_content_type__model="complaint").exists()


def publishing_unit_or_new():
    from home.models import Department

    return Department.objects.get_or_create(name="กลุ่มงานการพยาบาล")[0]


def test_export_dates_are_buddhist_era(users, cases):
    response = as_user(users["centre"]).get(INDEX + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    year = cases["service"].received_at.astimezone(BANGKOK).year + 543
    assert str(year) in body


def test_attachment_download_is_checked_and_logged(users, cases):
    complaint = cases["corruption"]
    complaint.attachment.save("evidence.pdf", ContentFile(PDF))
    url = f"/admin/eservices/complaint/{complaint.pk}/attachment/"
    assert as_user(users["centre"]).get(url).status_code == 404
    assert as_user(users["admin"]).get(url).status_code == 404
    response = as_user(users["integrity"]).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    assert list(ComplaintAccessLog.objects.values_list("username", "action")) == [("integrity", "attachment")]


def test_the_case_page_shows_history_and_access_log(users, cases):
    client = as_user(users["integrity"])
    client.get(edit_url(cases["corruption"]))
    html = client.get(edit_url(cases["corruption"])).content.decode()
    assert "ผู้ที่เปิดดูเรื่องร้องเรียนนี้" in html and "integrity" in html
    assert ComplaintAccessLog.objects.filter(complaint=cases["corruption"], action="view").count() == 2


@pytest.mark.parametrize(
    ("now", "ack_late", "resolve_late"),
    [
        ("2026-11-26 09:00:00+07:00", False, False),  # Thursday: due Tuesday 1 Dec 09:00
        ("2026-12-01 08:59:00+07:00", False, False),
        ("2026-12-01 09:01:00+07:00", True, False),
        ("2026-12-26 09:01:00+07:00", True, True),  # 30 days after 26 Nov 09:00
    ],
)
def test_overdue_flags_count_working_days_and_days(db, now, ack_late, resolve_late):
    received = dt.datetime(2026, 11, 26, 9, 0, tzinfo=BANGKOK)
    complaint = make_complaint("service", received_at=received)
    at = dt.datetime.fromisoformat(now)
    assert complaint.acknowledge_overdue(at) is ack_late
    assert complaint.resolve_overdue(at) is resolve_late


def test_time_limits_are_settings(db, settings):
    settings.COMPLAINTS_ACKNOWLEDGE_WORKING_DAYS = 1
    settings.COMPLAINTS_RESOLVE_DAYS = 7
    complaint = make_complaint("service", received_at=dt.datetime(2026, 11, 27, 9, 0, tzinfo=BANGKOK))  # Friday
    assert complaint.acknowledge_due == dt.datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK)  # Monday
    assert complaint.resolve_due == dt.datetime(2026, 12, 4, 9, 0, tzinfo=BANGKOK)


def test_overdue_filter_lists_late_complaints(users):
    with freeze_time("2026-11-26 09:00:00+07:00"):
        late = make_complaint("service", subject="ช้า", received_at=dt.datetime(2026, 11, 16, 9, 0, tzinfo=BANGKOK))
        fresh = make_complaint("service", subject="ใหม่", received_at=dt.datetime(2026, 11, 25, 9, 0, tzinfo=BANGKOK))
        html = as_user(users["centre"]).get(INDEX + "?overdue=acknowledge").content.decode()
    assert late.tracking_code in html and fresh.tracking_code not in html


def test_staff_can_record_a_complaint_received_by_telephone(users):
    response = as_user(users["centre"]).post(
        INDEX + "create/",
        {
            "kind": "service",
            "channel": "phone",
            "received_at": "2026-11-20 10:30",
            "subject": "โทรแจ้งเรื่องเสียงดังในหอผู้ป่วย",
            "details": "ญาติผู้ป่วยโทรแจ้งว่ามีเสียงดังในหอผู้ป่วยช่วงกลางคืน",
            "name": "นายข",
            "phone": "0899999999",
            "note": "รับสายโดยศูนย์รับเรื่อง",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    complaint = Complaint.objects.get(channel="phone")
    assert complaint.created_by == users["centre"]
    assert complaint.events.filter(action="received", user=users["centre"]).exists()


def test_a_service_handler_cannot_record_a_corruption_complaint(users):
    as_user(users["centre"]).post(
        INDEX + "create/",
        {"kind": "corruption", "channel": "phone", "received_at": "2026-11-20 10:30", "subject": "ก", "details": "ข"},
    )
    assert not Complaint.objects.exists()


def test_the_complaint_list_has_thai_column_headings(users, cases):
    html = as_user(users["centre"]).get(INDEX).content.decode()
    headings = re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", h) for h in headings)
    assert "Received thai" not in text and "Flags" not in text and "thai" not in text
    assert "วันที่รับเรื่อง" in text or "รับเรื่อง" in text
    assert "เกินกำหนด" in text
    assert 'class="field-subject' in html or "field-subject" in html  # the subject column the CSS keeps wide


def test_the_case_page_names_staff_by_full_name_not_username(users, cases):
    centre = users["centre"]
    centre.first_name, centre.last_name = "สมศรี", "ใจดี"
    centre.save()
    html = as_user(centre).get(edit_url(cases["service"])).content.decode()
    history = html[html.index("complaint-history") :]
    assert "สมศรี ใจดี" in history
    assert not re.search(r"<td>\s*centre\s*</td>", history)
