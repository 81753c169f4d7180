"""The public feedback channel (MOIT 2.1.8): the form, its guards, answering in the admin, the Q&A."""

import pytest

from eservices.models import Feedback
from tests.eservices.complaints_support import build_pages, role_users
from tests.publishing import conftest as publishing_fixtures

hospital = publishing_fixtures.hospital  # the roles fixture of the publishing tests
INDEX = "/admin/eservices/feedback/"


@pytest.fixture
def page(home_page):
    return build_pages(home_page)["feedback"]


def data(**overrides):
    values = {
        "kind": "question",
        "subject": "เวลาเปิดคลินิกฟัน",
        "message": "คลินิกทันตกรรมเปิดวันเสาร์หรือไม่ ผมชื่อสมชาย โทร 0812345678",
        "name": "สมชาย ใจดี",
        "email": "somchai@example.com",
        "privacy_ack": "on",
        "website_url": "",
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def test_a_question_is_received_and_thanked(client, page):
    response = client.post(page.url, data())
    assert response.status_code == 302 and response["Location"].endswith("/sent/")
    item = Feedback.objects.get()
    assert item.name == "สมชาย ใจดี" and not item.is_published
    assert item.public_question == ""  # staff write the public version; the raw text is never copied into it
    assert item.privacy_notice_version == page.privacy_notice_version
    assert "ขอบคุณ" in client.get(response["Location"]).content.decode()


def test_missing_acknowledgement_and_subject_keep_the_text(client, page):
    response = client.post(page.url, data(privacy_ack=None, subject=""))
    html = response.content.decode()
    assert Feedback.objects.count() == 0
    assert "โปรดระบุเรื่องโดยย่อ" in html and "ทำเครื่องหมายรับทราบก่อนส่งข้อความ" in html
    assert "คลินิกทันตกรรมเปิดวันเสาร์หรือไม่" in html


def test_honeypot_and_rate_limit(client, page, settings):
    client.post(page.url, data(website_url="http://spam.example"))
    assert Feedback.objects.count() == 0
    settings.FEEDBACK_RATE_LIMIT = 1
    assert client.post(page.url, data()).status_code == 302
    response = client.post(page.url, data(subject="ครั้งที่สอง"))
    assert response.status_code == 200 and 'value="ครั้งที่สอง"' in response.content.decode()
    assert Feedback.objects.count() == 1


def test_qa_lists_only_published_answers_without_personal_data(client, page):
    Feedback.objects.create(
        subject="เวลาเปิดคลินิกฟัน สมชาย",
        message="โทร 0812345678",
        name="สมชาย",
        email="somchai@example.com",
        public_question="คลินิกทันตกรรมเปิดวันเสาร์หรือไม่",
        answer="เปิดวันเสาร์แรกของเดือน 08.30–12.00 น.",
        is_published=True,
    )
    Feedback.objects.create(subject="ยังไม่ตอบ", message="คำถามที่ยังไม่เผยแพร่", public_question="คำถามที่ยังไม่เผยแพร่")
    html = client.get(page.url).content.decode()
    assert "คลินิกทันตกรรมเปิดวันเสาร์หรือไม่" in html and "เปิดวันเสาร์แรกของเดือน" in html
    assert "คำถามที่ยังไม่เผยแพร่" not in html
    for private in ("สมชาย", "0812345678", "somchai@example.com"):
        assert private not in html


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("admin", True),
        ("centre", True),
        ("director", False),
        ("webmaster", False),
        ("head", False),
        ("editor", False),
        ("integrity", False),
    ],
)
def test_who_may_answer(role, allowed, hospital):
    from django.test import Client

    users = role_users(hospital)
    item = Feedback.objects.create(subject="ถามเรื่องวัคซีน", message="มีวัคซีนไข้หวัดใหญ่ไหม", public_question="มีวัคซีนไหม")
    client = Client()
    client.force_login(users[role])
    response = client.get(f"{INDEX}edit/{item.pk}/")
    assert (response.status_code == 200) is allowed
    assert ("มีวัคซีนไข้หวัดใหญ่ไหม" in response.content.decode()) is allowed


def test_answering_and_publishing_in_the_admin(hospital):
    from django.test import Client

    users = role_users(hospital)
    item = Feedback.objects.create(subject="ถามเรื่องวัคซีน", message="มีวัคซีนไข้หวัดใหญ่ไหม", public_question="มีวัคซีนไหม")
    client = Client()
    client.force_login(users["centre"])
    url = f"{INDEX}edit/{item.pk}/"
    refused = client.post(url, {"public_question": "มีวัคซีนไหม", "answer": "", "is_published": "on"})
    assert refused.status_code == 200 and "โปรดเขียนคำตอบก่อนเผยแพร่" in refused.content.decode()
    ok = client.post(url, {"public_question": "มีวัคซีนไข้หวัดใหญ่ไหม", "answer": "มี ทุกวันพฤหัสบดี", "is_published": "on"})
    assert ok.status_code == 302
    item.refresh_from_db()
    assert item.is_published and item.answered_by == users["centre"]
    assert item.answered_at is not None and item.published_at is not None
    assert item.message == "มีวัคซีนไข้หวัดใหญ่ไหม"  # what the person sent is read-only


def test_publishing_without_a_public_question_is_refused_in_thai(client, page, hospital):
    from django.test import Client

    users = role_users(hospital)
    client.post(page.url, data())
    item = Feedback.objects.get()
    staff = Client()
    staff.force_login(users["centre"])
    url = f"{INDEX}edit/{item.pk}/"
    refused = staff.post(url, {"public_question": "", "answer": "เปิดวันเสาร์แรกของเดือน", "is_published": "on"})
    assert refused.status_code == 200 and "โปรดเขียนคำถามในรูปแบบที่จะเผยแพร่" in refused.content.decode()
    item.refresh_from_db()
    assert not item.is_published
    assert "0812345678" not in client.get(page.url).content.decode()


def test_the_answer_is_emailed_to_an_asker_who_gave_an_address(hospital, mailoutbox):
    from django.test import Client

    users = role_users(hospital)
    item = Feedback.objects.create(
        subject="ถามเรื่องวัคซีน", message="มีวัคซีนไข้หวัดใหญ่ไหม", email="asker@example.com", public_question="มีไหม"
    )
    client = Client()
    client.force_login(users["centre"])
    client.post(f"{INDEX}edit/{item.pk}/", {"public_question": "มีไหม", "answer": "มี ทุกวันพฤหัสบดี"})
    assert [m.to for m in mailoutbox] == [["asker@example.com"]]
    assert "มี ทุกวันพฤหัสบดี" in mailoutbox[0].body
    client.post(f"{INDEX}edit/{item.pk}/", {"public_question": "มีไหม", "answer": "มี ทุกวันพฤหัสบดี", "is_published": "on"})
    assert len(mailoutbox) == 1  # publishing an unchanged answer does not send it again


def test_feedback_is_not_in_the_reference_index(hospital):
    from wagtail.models import ReferenceIndex

    users = role_users(hospital)
    item = Feedback.objects.create(subject="ถามเรื่องวัคซีน", message="มีวัคซีนไหม", answered_by=users["centre"])
    item.save()  # Wagtail indexes references on save, for models it does not ignore
    assert ReferenceIndex.is_indexed(Feedback) is False
    assert not ReferenceIndex.objects.filter(object_id=str(item.pk), base_content_type__model="feedback").exists()


def test_the_feedback_form_shows_its_own_privacy_notice_not_the_complaint_forms(client, page):
    html = client.get(page.url).content.decode()
    assert "ผู้ควบคุมข้อมูลส่วนบุคคล" in html
    assert "คำถามที่เป็นประโยชน์ต่อส่วนรวมอาจเผยแพร่พร้อมคำตอบ" in html  # what happens to a question
    assert "ดำเนินการตามเรื่องร้องเรียน" not in html and "เรื่องร้องเรียนการทุจริตไม่ต้องระบุชื่อได้" not in html
