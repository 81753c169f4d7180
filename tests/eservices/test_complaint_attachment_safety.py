"""The public complaint form refuses dangerous attachments, with the reason in Thai by the field, and
keeps nothing: Office macros, zip bombs, infected files, and any file while the virus scanner is down
([2/6]). Only the public URL is used (the e-services code is being reorganised; its models are reached
through the app registry)."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from home.models import StandardPage
from tests.conftest import add_page
from tests.home import upload_files
from tests.home.upload_files import EICAR, PDF, office, zeros_archive

clamd = upload_files.clamd  # a fake clamd on a unix socket, configured
clamd_missing = upload_files.clamd_missing  # configured, nobody listening

MACROS = "ไฟล์นี้มีมาโคร"
ZIP_BOMB = "zip bomb"
VIRUS = "การตรวจไวรัสพบโปรแกรมประสงค์ร้าย"
SCANNER_DOWN = "ตรวจไวรัสไม่ได้ขณะนี้"


def complaints():
    return apps.get_model("eservices", "Complaint").objects


def kept_attachments():
    root = Path(settings.COMPLAINTS_PRIVATE_ROOT)
    return sorted(str(p) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def form_url(home_page):
    cache.clear()  # rate-limit counters of earlier tests
    section = add_page(home_page, StandardPage, title="บริการอิเล็กทรอนิกส์", slug="e-services")
    page = add_page(section, apps.get_model("eservices", "ComplaintFormPage"), title="ร้องเรียน", slug="complaint")
    return page.url


def send(client, url, name, data):
    before = kept_attachments()
    response = client.post(
        url,
        {
            "kind": "service",
            "subject": "รอตรวจนานเกินไป",
            "details": "วันที่ 12 พ.ย. รอพบแพทย์ที่แผนกผู้ป่วยนอกตั้งแต่เจ็ดโมงเช้าจนบ่ายโมง",
            "name": "นางสมใจ ทองดี",
            "phone": "081-234-5678",
            "email": "somjai@example.com",
            "privacy_ack": "on",
            "website_url": "",
            "attachment": SimpleUploadedFile(name, data),
        },
    )
    return response, [path for path in kept_attachments() if path not in before]


def attachment_errors(response):
    assert response.status_code == 200
    return " ".join(response.context["form"].errors["attachment"])


def test_a_word_file_with_macros_is_refused_and_nothing_kept(client, form_url):
    response, new_files = send(client, form_url, "evidence.docx", office("docx", vba=True))
    assert MACROS in attachment_errors(response)
    assert 'id="field-attachment"' in response.content.decode()
    assert complaints().count() == 0 and new_files == []


def test_a_zip_bomb_disguised_as_word_is_refused(client, form_url):
    response, new_files = send(client, form_url, "evidence.docx", zeros_archive(101, "docx"))
    assert ZIP_BOMB in attachment_errors(response)
    assert complaints().count() == 0 and new_files == []


def test_a_clean_attachment_is_scanned_and_kept(client, form_url, clamd):
    response, new_files = send(client, form_url, "evidence.pdf", PDF)
    assert response.status_code == 302
    assert complaints().count() == 1 and len(new_files) == 1
    assert clamd.scanned == [PDF]


def test_an_infected_attachment_is_refused_and_nothing_kept(client, form_url, clamd):
    response, new_files = send(client, form_url, "evidence.pdf", PDF + EICAR)
    errors = attachment_errors(response)
    assert VIRUS in errors and "Eicar-Signature" in errors
    assert complaints().count() == 0 and new_files == []


def test_attachments_are_refused_while_the_scanner_is_unreachable(client, form_url, clamd_missing):
    response, new_files = send(client, form_url, "evidence.pdf", PDF)
    assert SCANNER_DOWN in attachment_errors(response)
    assert complaints().count() == 0 and new_files == []
