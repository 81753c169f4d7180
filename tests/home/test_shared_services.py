"""The shared services every app uses: group names, e-mail sending, PDF and XLSX files."""

import io

from django.contrib.auth.models import Group, User
from django.core import mail

from wagtail.models import Site

import pytest
from openpyxl import load_workbook

from home import exports, roles
from home.mail import absolute_url, send_templated, site_base_url


def test_unit_group_names_follow_one_pattern():
    assert roles.editors_group_name("งานประชาสัมพันธ์") == "งานประชาสัมพันธ์ · ผู้ให้ข้อมูล"
    assert roles.heads_group_name("งานประชาสัมพันธ์") == "งานประชาสัมพันธ์ · หัวหน้า"


@pytest.mark.django_db
def test_in_groups_needs_membership_and_an_active_account():
    group = Group.objects.create(name=roles.WEBMASTERS)
    user = User.objects.create_user("w", password="x")
    assert not roles.in_groups(user, roles.WEBMASTERS)
    user.groups.add(group)
    assert roles.in_groups(user, roles.WEBMASTERS, roles.DIRECTOR)
    user.is_active = False
    assert not roles.in_groups(user, roles.WEBMASTERS)


@pytest.mark.django_db
def test_absolute_url_uses_the_configured_site_address(settings):
    Site.objects.update(hostname="localhost", port=80)  # a site not yet given its public name
    settings.WAGTAILADMIN_BASE_URL = "https://www.hodhospital.go.th/"
    assert absolute_url("/news/a/") == "https://www.hodhospital.go.th/news/a/"
    assert absolute_url("https://other.example/x") == "https://other.example/x"


@pytest.mark.django_db
def test_absolute_url_uses_the_sites_public_address_over_a_local_base_url(settings):
    """E-mails and PDFs name the site's address (Settings › Sites), never the 127.0.0.1 of the environment."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    Site.objects.filter(is_default_site=True).update(hostname="www.hodhospital.go.th", port=443)
    assert absolute_url("/news/a/") == "https://www.hodhospital.go.th/news/a/"
    assert absolute_url("/admin/pages/3/edit/") == "https://www.hodhospital.go.th/admin/pages/3/edit/"
    assert site_base_url() == "https://www.hodhospital.go.th"
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8000)
    assert absolute_url("/news/a/") == "http://127.0.0.1:8000/news/a/"


def test_send_templated_renders_subject_and_body(settings):
    settings.EMAIL_SUBJECT_PREFIX = "[รพ.ฮอด] "
    sent = send_templated("eservices/complaints/email/status", {"complaint": None, "tracking_url": "u"}, ["a@x.th"])
    assert sent == 1
    assert mail.outbox[0].subject.startswith("[รพ.ฮอด] ")
    assert "\n" not in mail.outbox[0].subject
    assert send_templated("eservices/complaints/email/status", {}, []) == 0


def test_send_templated_logs_a_mail_server_outage_when_asked(monkeypatch, caplog):
    def down(*args, **kwargs):
        raise ConnectionRefusedError("down")

    monkeypatch.setattr("home.mail.send_mail", down)
    assert send_templated("eservices/complaints/email/status", {}, ["a@x.th"], fail_silently_logged=True) == 0
    assert "Could not send" in caplog.text
    with pytest.raises(OSError):
        send_templated("eservices/complaints/email/status", {}, ["a@x.th"])


def test_thai_workbook_writes_styled_rows_that_read_back():
    book = exports.ThaiWorkbook("รายงาน")
    book.title_row("รายงานทดสอบ")
    book.header_row(["ลำดับ", "จำนวนเงิน"])
    book.row([1, 1500.5], number_format="#,##0.00")
    book.widths([8, 16])
    sheet = load_workbook(io.BytesIO(book.bytes())).active
    assert sheet.title == "รายงาน"
    assert sheet["A1"].value == "รายงานทดสอบ"
    assert sheet["A2"].font.name == exports.XLSX_FONT and sheet["A2"].font.bold
    assert sheet["B3"].value == 1500.5 and sheet["B3"].number_format == "#,##0.00"
    assert sheet.column_dimensions["B"].width == 16


def test_render_pdf_embeds_sarabun():
    from pypdf import PdfReader

    pdf = exports.render_pdf("publishing/pdf/request_form.html", {"data": {"title": "ข่าวทดสอบ"}})
    assert pdf.startswith(b"%PDF")
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    assert any("Sarabun" in str(font.get_object()["/BaseFont"]) for font in fonts.values())
