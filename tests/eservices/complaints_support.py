"""Helpers the complaint and feedback tests share: the e-services section with its four pages,
users for every role, valid form data and small files."""

import io

from django.contrib.auth.models import Group
from django.core.cache import cache

from eservices.complaints import rules
from eservices.models import (
    Complaint,
    ComplaintFormPage,
    ComplaintStatisticsPage,
    ComplaintTrackingPage,
    FeedbackPage,
)
from home.models import StandardPage
from home.roles import COMPLAINT_CENTRE, CORRUPTION_WORKING_GROUP
from tests.conftest import add_page

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def build_pages(home_page):
    cache.clear()  # rate-limit counters of earlier tests
    services = add_page(home_page, StandardPage, title="บริการประชาชน", slug="services")
    section = add_page(services, StandardPage, title="บริการอิเล็กทรอนิกส์", slug="e-services")
    return {
        "form": add_page(section, ComplaintFormPage, title="ร้องเรียน", slug="complaint"),
        "tracking": add_page(section, ComplaintTrackingPage, title="ติดตามสถานะ", slug="complaint-status"),
        "stats": add_page(section, ComplaintStatisticsPage, title="สถิติเรื่องร้องเรียน", slug="complaint-statistics"),
        "feedback": add_page(section, FeedbackPage, title="แสดงความคิดเห็นและถาม-ตอบ", slug="feedback"),
    }


def service_data(**overrides):
    data = {
        "kind": "service",
        "subject": "รอตรวจนานเกินไป",
        "details": "วันที่ 12 พ.ย. รอพบแพทย์ที่แผนกผู้ป่วยนอกตั้งแต่เจ็ดโมงเช้าจนบ่ายโมง",
        "incident_when": "12 พ.ย. 2569",
        "incident_where": "แผนกผู้ป่วยนอก",
        "name": "นางสมใจ ทองดี",
        "phone": "081-234-5678",
        "email": "somjai@example.com",
        "privacy_ack": "on",
        "website_url": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def corruption_data(**overrides):
    data = service_data(
        kind="corruption",
        subject="เรียกรับเงินเพื่อลัดคิว",
        details="มีเจ้าหน้าที่เรียกเงินห้าร้อยบาทเพื่อให้ได้ตรวจก่อนคิวปกติ",
        is_anonymous="on",
    )
    data.update(overrides)
    return data


def make_complaint(kind="service", **fields):
    fields.setdefault("subject", "เรื่องทดสอบ")
    fields.setdefault("details", "รายละเอียดเรื่องร้องเรียนสำหรับการทดสอบ")
    return Complaint.objects.create(kind=kind, **fields)


def role_users(hospital):
    """The hospital fixture's users plus a member of each complaint group and a superuser."""
    from django.contrib.auth import get_user_model

    from tests.publishing.conftest import make_user

    rules.setup_complaint_groups()
    users = dict(hospital["users"])
    users["admin"] = get_user_model().objects.create_superuser("admin", "admin@hodhospital.go.th", "pass-1234567")
    users["integrity"] = make_user("integrity", Group.objects.get(name=CORRUPTION_WORKING_GROUP))
    users["centre"] = make_user("centre", Group.objects.get(name=COMPLAINT_CENTRE))
    return users
