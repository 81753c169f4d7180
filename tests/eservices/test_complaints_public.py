"""The public complaint form, its abuse guards, and tracking by code."""

import re
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest

from eservices.complaints.codes import CODE_ALPHABET, new_tracking_code, normalise_code
from eservices.models import Complaint, ComplaintEvent
from tests.eservices.complaints_support import PDF, build_pages, corruption_data, png_bytes, role_users, service_data
from tests.publishing import conftest as publishing_fixtures

hospital = publishing_fixtures.hospital  # the roles fixture of the publishing tests


@pytest.fixture
def pages(home_page):
    return build_pages(home_page)


def post_form(client, page, data, files=None):
    payload = dict(data)
    if files:
        payload.update(files)
    return client.post(page.url, payload)


def field_block(html, name):
    """The markup of one field's wrapper (label, help, error and input)."""
    match = re.search(
        rf'<div class="eform__field[^"]*" id="field-{name}">(.*?)</div>\s*(?=<div class="eform__|</section>|<div class="hp-wrap|<p>|</div>)',
        html,
        re.S,
    )
    assert match, f"field {name} not found"
    return match.group(1)


def test_form_page_shows_the_privacy_notice_and_asks_acknowledgement(client, pages):
    response = client.get(pages["form"].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "ผู้ควบคุมข้อมูลส่วนบุคคล" in html and "ระยะเวลาเก็บรักษา" in html and "สิทธิของท่าน" in html
    assert 'name="privacy_ack"' in html and 'name="csrfmiddlewaretoken"' in html
    assert 'aria-hidden="true"' in html and 'name="website_url"' in html


def test_service_complaint_gets_a_code_an_email_and_a_record(client, pages):
    response = post_form(client, pages["form"], service_data())
    assert response.status_code == 302 and response["Location"].endswith("/sent/")
    complaint = Complaint.objects.get()
    assert re.fullmatch(r"[%s]{4}-[%s]{4}-[%s]{4}" % ((CODE_ALPHABET,) * 3), complaint.tracking_code)
    assert complaint.channel == "website" and complaint.status == "received"
    assert complaint.name == "นางสมใจ ทองดี" and complaint.email == "somjai@example.com"
    assert complaint.privacy_notice_version == pages["form"].privacy_notice_version
    assert complaint.privacy_acknowledged_at is not None
    assert complaint.events.get().action == ComplaintEvent.Action.RECEIVED
    sent = client.get(response["Location"])
    assert complaint.tracking_code in sent.content.decode()
    to_complainant = [m for m in mail.outbox if m.to == ["somjai@example.com"]]
    assert len(to_complainant) == 1 and complaint.tracking_code in to_complainant[0].body
    assert "รอตรวจนาน" not in to_complainant[0].body  # the e-mail carries the code, not the complaint


def test_missing_privacy_acknowledgement_keeps_what_was_typed(client, pages):
    response = post_form(client, pages["form"], service_data(privacy_ack=None))
    html = response.content.decode()
    assert response.status_code == 200
    assert Complaint.objects.count() == 0
    assert "โปรดอ่านประกาศความเป็นส่วนตัว" in html or "ประกาศความเป็นส่วนตัว" in field_block(html, "privacy_ack")
    block = field_block(html, "privacy_ack")
    assert 'class="eform__error"' in block
    assert "วันที่ 12 พ.ย. รอพบแพทย์" in html and 'value="รอตรวจนานเกินไป"' in html
    assert 'value="081-234-5678"' in html


def test_honeypot_refuses_the_form_without_saving(client, pages):
    response = post_form(client, pages["form"], service_data(website_url="http://spam.example"))
    assert response.status_code == 200
    assert Complaint.objects.count() == 0
    assert 'value="รอตรวจนานเกินไป"' in response.content.decode()


def test_rate_limit_refuses_after_the_limit_and_keeps_the_text(client, pages, settings):
    settings.COMPLAINTS_RATE_LIMIT = 2
    for _ in range(2):
        assert post_form(client, pages["form"], service_data()).status_code == 302
    response = post_form(client, pages["form"], service_data(subject="เรื่องที่สาม"))
    html = response.content.decode()
    assert response.status_code == 200
    assert Complaint.objects.count() == 2
    assert 'value="เรื่องที่สาม"' in html and 'role="alert"' in html


def test_oversize_attachment_is_refused_next_to_the_field(client, pages, settings):
    settings.COMPLAINTS_ATTACHMENT_MAX_SIZE = 100
    big = SimpleUploadedFile("scan.pdf", PDF + b"0" * 500, content_type="application/pdf")
    response = post_form(client, pages["form"], service_data(), {"attachment": big})
    html = response.content.decode()
    assert Complaint.objects.count() == 0
    block = field_block(html, "attachment")
    assert "ขนาด" in block or "100" in block
    assert 'class="eform__error"' in block
    assert 'aria-invalid="true"' in block
    # a browser cannot refill a file input: the page says so, in Thai
    assert "เลือกไฟล์" in html and 'class="eform__refile"' in html


def test_renamed_file_is_refused_by_its_content(client, pages):
    fake = SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    response = post_form(client, pages["form"], service_data(), {"attachment": fake})
    assert Complaint.objects.count() == 0
    assert 'class="eform__error"' in field_block(response.content.decode(), "attachment")


def test_wrong_type_is_refused(client, pages):
    exe = SimpleUploadedFile("setup.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = post_form(client, pages["form"], service_data(), {"attachment": exe})
    assert Complaint.objects.count() == 0
    assert "exe" in field_block(response.content.decode(), "attachment")


def test_valid_attachment_is_kept_outside_public_media(client, pages):
    image = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    assert post_form(client, pages["form"], service_data(), {"attachment": image}).status_code == 302
    complaint = Complaint.objects.get()
    stored = Path(complaint.attachment.path)
    assert stored.exists()
    assert str(stored).startswith(str(settings.COMPLAINTS_PRIVATE_ROOT))
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))


def test_service_complaint_cannot_be_anonymous(client, pages):
    response = post_form(client, pages["form"], service_data(is_anonymous="on"))
    assert Complaint.objects.count() == 0
    assert 'class="eform__error"' in field_block(response.content.decode(), "is_anonymous")


def test_service_complaint_needs_a_way_to_reply(client, pages):
    response = post_form(client, pages["form"], service_data(phone="", email=""))
    assert Complaint.objects.count() == 0
    assert 'class="eform__error"' in field_block(response.content.decode(), "phone")


def test_bad_phone_and_email_get_thai_messages(client, pages):
    response = post_form(client, pages["form"], service_data(phone="call me", email="not-an-email"))
    html = response.content.decode()
    assert Complaint.objects.count() == 0
    assert "081-234-5678" in field_block(html, "phone")
    assert "name@example.com" in field_block(html, "email")


def test_anonymous_corruption_complaint_end_to_end(client, pages, hospital):
    users = role_users(hospital)
    response = post_form(client, pages["form"], corruption_data())
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    # typed, but not kept: the person chose to stay anonymous
    assert complaint.is_anonymous and complaint.name == "" and complaint.phone == "" and complaint.email == ""
    code = client.get(response["Location"]).content.decode()
    assert complaint.tracking_code in code
    # the restricted group is told (code and type only); the service centre and the complainant are not
    recipients = [address for m in mail.outbox for address in m.to]
    assert users["integrity"].email in recipients
    assert users["centre"].email not in recipients and "somjai@example.com" not in recipients
    assert all("ลัดคิว" not in m.body and "ลัดคิว" not in m.subject for m in mail.outbox)
    # tracking by the code alone, without logging in
    result = Client().post(pages["tracking"].url, {"code": complaint.tracking_code.lower().replace("-", " ")})
    html = result.content.decode()
    assert result.status_code == 200 and 'id="complaint-status"' in html
    assert "รับเรื่องแล้ว" in html or complaint.get_status_display() in html
    assert "ลัดคิว" not in html  # the subject and details are never shown on the public page


def test_tracking_shows_the_new_status_and_response(client, pages):
    complaint = Complaint.objects.create(kind="service", subject="ห้องน้ำสกปรก", details="รายละเอียด", name="ก")
    event = complaint.change_status("resolved", None)
    complaint.response = "ทำความสะอาดและเพิ่มรอบการตรวจห้องน้ำทุกสองชั่วโมงแล้ว"
    complaint.save()
    event.save()
    html = client.post(pages["tracking"].url, {"code": complaint.tracking_code}).content.decode()
    assert str(complaint.get_status_display()) in html
    assert "เพิ่มรอบการตรวจห้องน้ำ" in html
    assert "ห้องน้ำสกปรก" not in html and ">ก<" not in html


def test_wrong_code_gets_a_thai_message_next_to_the_field(client, pages):
    Complaint.objects.create(kind="service", subject="ก", details="ข")
    response = client.post(pages["tracking"].url, {"code": "AAAA-AAAA-AAAA"})
    html = response.content.decode()
    assert response.status_code == 200 and 'id="complaint-status"' not in html
    assert 'class="eform__error"' in field_block(html, "code")
    malformed = client.post(pages["tracking"].url, {"code": "12"}).content.decode()
    assert 'class="eform__error"' in field_block(malformed, "code")


def test_lookups_are_rate_limited(client, pages, settings):
    settings.COMPLAINTS_LOOKUP_RATE_LIMIT = 3
    complaint = Complaint.objects.create(kind="service", subject="ก", details="ข")
    for _ in range(3):
        client.post(pages["tracking"].url, {"code": "AAAA-AAAA-AAAA"})
    html = client.post(pages["tracking"].url, {"code": complaint.tracking_code}).content.decode()
    assert 'id="complaint-status"' not in html and 'role="alert"' in html


def test_forms_require_the_csrf_token(pages):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(pages["form"].url, service_data()).status_code == 403
    assert strict.post(pages["tracking"].url, {"code": "AAAA-AAAA-AAAA"}).status_code == 403
    assert Complaint.objects.count() == 0


def test_sent_page_without_a_submission_shows_only_the_note(client, pages):
    response = client.get(pages["form"].url + "sent/")
    html = response.content.decode()
    assert response.status_code == 200 and 'id="tracking-code"' not in html
    assert "แสดงรหัสติดตามเพียงครั้งเดียว" in html and pages["tracking"].url in html


def test_the_tracking_code_is_shown_once_and_never_cached(client, pages):
    """A kiosk's next user must not see the code by reloading or going back."""
    response = post_form(client, pages["form"], service_data())
    code = Complaint.objects.get().tracking_code
    sent = client.get(response["Location"])
    assert code in sent.content.decode() and "no-store" in sent["Cache-Control"]
    again = client.get(response["Location"])
    assert code not in again.content.decode() and "แสดงรหัสติดตามเพียงครั้งเดียว" in again.content.decode()
    assert "no-store" in again["Cache-Control"]
    lookup = client.post(pages["tracking"].url, {"code": code})
    assert 'id="complaint-status"' in lookup.content.decode() and "no-store" in lookup["Cache-Control"]


def test_tracking_codes_are_random_readable_and_normalised():
    codes = {new_tracking_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(not set(c.replace("-", "")) & set("0O1IL5S8B2Z") for c in codes)
    code = next(iter(codes))
    assert normalise_code(code.lower().replace("-", "")) == code
    assert normalise_code(" " + code.replace("-", " ") + " ") == code
    assert normalise_code("0000-0000-0000") == ""
    assert normalise_code("abc") == ""


def test_the_thank_you_after_a_corruption_complaint_names_the_working_group_not_the_centre(client, pages):
    form = pages["form"]
    form.thank_you = "เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียนจะตอบรับเรื่องภายใน 3 วันทำการ"
    form.save_revision().publish()
    html = client.get(post_form(client, form, corruption_data())["Location"]).content.decode()
    assert "คณะทำงานรับเรื่องร้องเรียนการทุจริต" in html and "ศูนย์รับเรื่องร้องเรียน" not in html
    form.thank_you_corruption = "คณะทำงานรับเรื่องร้องเรียนการทุจริตจะติดต่อกลับภายใน 3 วันทำการ"
    form.save_revision().publish()
    cache.clear()  # the form's rate limit counts this test's earlier complaints
    other = Client()
    html = other.get(post_form(other, form, corruption_data())["Location"]).content.decode()
    assert "คณะทำงานรับเรื่องร้องเรียนการทุจริตจะติดต่อกลับภายใน 3 วันทำการ" in html
    other = Client()
    html = other.get(post_form(other, form, service_data())["Location"]).content.decode()
    assert "เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียนจะตอบรับเรื่อง" in html and "คณะทำงาน" not in html
