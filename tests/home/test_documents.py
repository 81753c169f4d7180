"""Documents: allowed types checked by content, a size limit, and safe serving (R2.1)."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.documents import get_document_model

import pytest

from home.file_checks import content_matches
from home.models import human_size

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def office_file(part="word/"):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(f"{part}document.xml", "<doc/>")
    return buf.getvalue()


def odf_file(mimetype):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", mimetype)
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


def png_file():
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buf, format="PNG")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "ok"),
    [
        ("report.pdf", PDF, True),
        ("report.pdf", HTML, False),
        ("plan.docx", office_file("word/"), True),
        ("plan.docx", office_file("xl/"), False),
        ("budget.xlsx", office_file("xl/"), True),
        ("slides.pptx", office_file("ppt/"), True),
        ("memo.odt", odf_file("application/vnd.oasis.opendocument.text"), True),
        ("sheet.ods", odf_file("application/vnd.oasis.opendocument.spreadsheet"), True),
        ("memo.odt", odf_file("application/vnd.oasis.opendocument.spreadsheet"), False),
        ("archive.zip", office_file(), True),
        ("archive.zip", HTML, False),
        ("chart.png", png_file(), True),
        ("chart.jpg", png_file(), False),
    ],
)
def test_content_must_match_the_extension(name, data, ok):
    assert content_matches(name.rsplit(".", 1)[1], io.BytesIO(data)) is ok


def admin_upload(client, name, data, content_type="application/octet-stream"):
    return client.post(
        "/admin/documents/add/",
        {"title": "เอกสารทดสอบ", "file": SimpleUploadedFile(name, data, content_type=content_type), "collection": 1},
    )


def test_html_renamed_pdf_is_refused_with_a_thai_message(client, superuser):
    client.force_login(superuser)
    response = admin_upload(client, "announcement.pdf", HTML, "application/pdf")
    assert response.status_code == 200
    assert not get_document_model().objects.exists()
    errors = response.context["form"].errors["file"]
    assert "ไม่ใช่ไฟล์ PDF" in " ".join(errors)


def test_disallowed_extension_is_refused(client, superuser):
    client.force_login(superuser)
    response = admin_upload(client, "setup.exe", b"MZ\x90\x00")
    assert not get_document_model().objects.exists()
    assert "file" in response.context["form"].errors


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_oversize_file_is_refused(client, superuser):
    client.force_login(superuser)
    response = admin_upload(client, "big.pdf", PDF + b"0" * 200)
    assert not get_document_model().objects.exists()
    assert "ใหญ่เกินไป" in " ".join(response.context["form"].errors["file"])


def test_multiple_upload_also_checks_content(client, superuser):
    client.force_login(superuser)
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("fake.pdf", HTML, content_type="application/pdf"), "collection": 1},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


def test_real_pdf_is_accepted_and_shows_type_and_size(client, superuser):
    client.force_login(superuser)
    response = admin_upload(client, "report.pdf", PDF, "application/pdf")
    assert response.status_code == 302
    doc = get_document_model().objects.get()
    assert doc.file_type_label == "PDF"
    assert doc.file_size_label == f"{len(PDF)} B"


def test_documents_are_served_with_disposition_and_nosniff(client):
    Document = get_document_model()
    doc = Document(title="แผนงาน")
    doc.file.save("plan.docx", io.BytesIO(office_file()), save=False)
    doc.save()
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    pdf = Document(title="ประกาศ")
    pdf.file.save("notice.pdf", io.BytesIO(PDF), save=False)
    pdf.save()
    response = client.get(pdf.url)
    assert response["Content-Disposition"].startswith("inline")  # PDFs open in the browser
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("size", "label"),
    [(0, "0 B"), (999, "999 B"), (1000, "1 KB"), (340_000, "340 KB"), (1_200_000, "1.2 MB"), (3_000_000_000, "3.0 GB")],
)
def test_human_sizes(size, label):
    assert human_size(size) == label
