"""Dangerous uploads are refused with the reason in Thai and nothing kept: Office macros, zip bombs,
crowded archives and, when ClamAV is configured, infected files or a scanner that cannot answer ([2/6])."""

import io
import logging
import socket
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest

from home import virus_scan
from home.file_checks import content_matches
from tests.home import upload_files
from tests.home.upload_files import EICAR, PDF, FakeClamd, jpeg_with_gps, many_entries, office, zeros_archive

clamd = upload_files.clamd  # a fake clamd on a unix socket, configured
clamd_missing = upload_files.clamd_missing  # configured, nobody listening

pytestmark = pytest.mark.django_db

MACROS = "ไฟล์นี้มีมาโคร"
ZIP_BOMB = "zip bomb"
VIRUS = "การตรวจไวรัสพบโปรแกรมประสงค์ร้าย"
SCANNER_DOWN = "ตรวจไวรัสไม่ได้ขณะนี้"


def stored_documents():
    folder = Path(settings.MEDIA_ROOT) / "documents"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def upload_document(client, name, data):
    before = stored_documents()
    response = client.post(
        "/admin/documents/add/",
        {"title": "เอกสารทดสอบ", "file": SimpleUploadedFile(name, data), "collection": 1},
    )
    return response, [name for name in stored_documents() if name not in before]


def assert_refused(response, new_files, words):
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert words in errors
    assert not get_document_model().objects.exists()
    assert new_files == []


# --- Office macros -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("minutes.docx", office("docx", vba=True)),
        ("budget.xlsx", office("xlsx", vba=True)),
        ("slides.pptx", office("pptx", vba=True)),
        ("budget.xlsx", office("xlsx", macro_type=True)),  # declared macro-enabled, no vbaProject.bin
        ("minutes.docx", office("docx", macro_type=True)),
        ("bundle.zip", office("docx", extra=[("inner/report.xlsm", b"PK")])),  # a macro file inside a ZIP
    ],
)
def test_office_files_with_macros_are_refused(admin_client, name, data):
    response, new_files = upload_document(admin_client, name, data)
    assert_refused(response, new_files, MACROS)


@pytest.mark.parametrize("name", ["minutes.docm", "budget.xlsm", "slides.pptm"])
def test_macro_enabled_names_are_refused_as_macros(admin_client, name):
    response, new_files = upload_document(admin_client, name, office("docx", vba=True))
    assert_refused(response, new_files, MACROS)


def test_office_files_without_macros_are_accepted(admin_client):
    for name, data in [("minutes.docx", office("docx")), ("budget.xlsx", office("xlsx"))]:
        response, new_files = upload_document(admin_client, name, data)
        assert response.status_code == 302, response.context["form"].errors
        assert len(new_files) == 1
    assert get_document_model().objects.count() == 2


# --- Zip bombs and crowded archives --------------------------------------------------------------


def test_a_member_above_the_size_limit_is_refused_at_the_default_limit(admin_client):
    data = zeros_archive(101, "docx")  # 101 MB of zeros inside, about 100 KB uploaded
    assert len(data) < 1_000_000
    response, new_files = upload_document(admin_client, "report.docx", data)
    assert_refused(response, new_files, ZIP_BOMB)
    assert "101.0 MB" in " ".join(response.context["form"].errors["file"])


def test_a_high_compression_ratio_is_refused(admin_client):
    data = zeros_archive(12)  # 12 MB in, ~12 KB out: about 1000 to 1, limit 100
    response, new_files = upload_document(admin_client, "photos.zip", data)
    assert_refused(response, new_files, ZIP_BOMB)
    assert "เท่า" in " ".join(response.context["form"].errors["file"])


def test_small_well_compressed_files_are_not_taken_for_bombs(admin_client):
    response, new_files = upload_document(admin_client, "photos.zip", zeros_archive(2))  # ratio ~1000, but 2 MB
    assert response.status_code == 302
    assert len(new_files) == 1


def test_sizes_are_read_from_the_directory_without_unpacking(monkeypatch):
    def refuse_to_unpack(*args, **kwargs):
        raise AssertionError("a member was unpacked")

    bomb = io.BytesIO(zeros_archive(101))
    monkeypatch.setattr(zipfile.ZipFile, "open", refuse_to_unpack)
    with pytest.raises(ValidationError) as refused:
        content_matches("zip", bomb)
    assert refused.value.code == "file_zip_bomb"


def test_a_zip_with_too_many_entries_is_refused(admin_client):
    response, new_files = upload_document(admin_client, "scans.zip", many_entries(1_001))
    assert_refused(response, new_files, "1,001")
    assert "1,000" in " ".join(response.context["form"].errors["file"])


def test_office_files_may_hold_more_entries_than_a_zip_but_not_without_end(admin_client):
    response, new_files = upload_document(admin_client, "catalogue.docx", many_entries(1_001, "docx"))
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1
    response, new_files = upload_document(admin_client, "catalogue.docx", many_entries(5_001, "docx"))
    assert "5,001" in " ".join(response.context["form"].errors["file"])
    assert new_files == [] and get_document_model().objects.count() == 1


def test_limits_come_from_settings(admin_client, settings):
    settings.UPLOAD_ZIP_MAX_ENTRIES = 10
    response, new_files = upload_document(admin_client, "scans.zip", many_entries(11))
    assert_refused(response, new_files, "11")


# --- ClamAV ----------------------------------------------------------------------------------------


def test_without_clamav_configured_no_scan_is_attempted(admin_client, monkeypatch):
    assert not settings.CLAMAV_SOCKET and not settings.CLAMAV_HOST

    def no_connection(*args, **kwargs):
        raise AssertionError("connected to a scanner that is not configured")

    monkeypatch.setattr(virus_scan, "_connect", no_connection)
    response, new_files = upload_document(admin_client, "report.pdf", PDF + EICAR)
    assert response.status_code == 302
    assert len(new_files) == 1


def test_a_clean_document_is_scanned_and_kept(admin_client, clamd):
    response, new_files = upload_document(admin_client, "report.pdf", PDF)
    assert response.status_code == 302
    assert len(new_files) == 1
    assert clamd.scanned == [PDF]  # the whole file went to clamd


def test_an_infected_document_is_refused_and_not_kept(admin_client, clamd, caplog):
    with caplog.at_level(logging.WARNING, logger="home.virus_scan"):
        response, new_files = upload_document(admin_client, "report.pdf", PDF + EICAR)
    assert_refused(response, new_files, VIRUS)
    assert "Eicar-Signature" in " ".join(response.context["form"].errors["file"])
    assert "Eicar-Signature" in caplog.text


def test_an_unreachable_scanner_refuses_the_upload_and_is_logged(admin_client, clamd_missing, caplog):
    with caplog.at_level(logging.ERROR, logger="home.virus_scan"):
        response, new_files = upload_document(admin_client, "report.pdf", PDF)
    assert_refused(response, new_files, SCANNER_DOWN)
    assert "could not scan" in caplog.text


def test_clamav_over_tcp(admin_client, settings):
    server = FakeClamd(socket.AF_INET)
    try:
        settings.CLAMAV_SOCKET, settings.CLAMAV_HOST, settings.CLAMAV_PORT = "", *server.address
        response, new_files = upload_document(admin_client, "report.pdf", PDF + EICAR)
        assert_refused(response, new_files, VIRUS)
        assert server.scanned == [PDF + EICAR]
    finally:
        server.close()


def test_multiple_upload_is_scanned_too(admin_client, clamd):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", PDF + EICAR), "collection": 1},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is False
    assert VIRUS in response.json()["error_message"]
    assert not get_document_model().objects.exists()


def test_an_infected_image_is_refused(admin_client, clamd):
    picture = jpeg_with_gps() + EICAR  # a real JPEG carrying the test string after its end
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "ภาพกิจกรรม",
            "description": "ภาพทดสอบ",
            "file": SimpleUploadedFile("infected-visit.jpg", picture, content_type="image/jpeg"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert VIRUS in " ".join(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "original_images" / "infected-visit.jpg").exists()


def test_scanner_unavailable_when_clamd_answers_an_error(settings, monkeypatch):
    class Broken:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def sendall(self, data):
            pass

        def recv(self, size):
            return b"INSTREAM size limit exceeded. ERROR\0"

    settings.CLAMAV_SOCKET = "/run/clamav/clamd.ctl"
    monkeypatch.setattr(virus_scan, "_connect", Broken)
    with pytest.raises(virus_scan.ScannerUnavailable):
        virus_scan.scan(io.BytesIO(PDF))


def test_a_damaged_office_file_is_a_wrong_kind_not_a_server_error():
    data = bytearray(office("docx"))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("[Content_Types].xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8  # the packed manifest is now garbage
    assert content_matches("docx", io.BytesIO(bytes(data))) is False
