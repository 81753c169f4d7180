"""The paperwork the process prints: the request form of a publication (R2.7), the monthly and annual
publication report (R3.1, MOIT 1.2) as page, PDF (read back with pypdf) and XLSX (read back with
openpyxl), the command, the monthly e-mail, and who may see each."""

import datetime as dt
import io

from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Page

import openpyxl
import pypdf
import pytest
from freezegun import freeze_time

from disclosure.models import NewsPage
from home import compliance
from home.models import StandardPage
from publishing import jobs
from publishing.paperwork.periods import PeriodError, parse_fiscal_year, parse_month
from publishing.paperwork.records import can_download_form, latest_record
from publishing.paperwork.report import annual_report, monthly_report
from publishing.urgent import approve_in_writing, urgent_publish
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NAMES = {
    "editor": ("อนุชา", "ปัญญาดี"),
    "head": ("วรรณา", "ศรีวงค์"),
    "webmaster": ("ปิยะพงษ์", "คำมูล"),
    "webmaster2": ("สุภาวดี", "อินทร์แก้ว"),
    "director": ("ธนกร", "วงศ์ศรีสุข"),
}


def readable(text):
    """Text as pypdf reads it back from a WeasyPrint PDF: SARA AM comes back as SARA AA (see
    tests/procurement/test_exports.py), and table cells wrap where they like, so spaces are dropped."""
    return "".join(text.replace("\u0e33", "\u0e32").replace("\u0e4d", "").split())


def pdf_text(content):
    assert content[:5] == b"%PDF-"
    reader = pypdf.PdfReader(io.BytesIO(content))
    return readable("".join(page.extract_text() for page in reader.pages))


def act(page, user, action, **kwargs):
    page.refresh_from_db()
    state = page.current_workflow_task_state.specific
    state.task.specific.on_action(state, user, action, **kwargs)


@pytest.fixture
def people(hospital):
    users = hospital["users"]
    for username, (first, last) in NAMES.items():
        users[username].first_name, users[username].last_name = first, last
        users[username].save()
    return users


@pytest.fixture
def document(hospital):
    doc = get_document_model()(title="ประกาศรับบริจาคโลหิต (ฉบับลงนาม)", owner_unit=hospital["pr"])
    doc.file.save("blood.pdf", ContentFile(PDF), save=False)
    doc.file_size = 153_600
    doc.save()
    return doc


def news_draft(hospital, user, title, slug, document=None):
    page = NewsPage(
        title=title,
        slug=slug,
        live=False,
        owner_unit=hospital["pr"],
        period_start=dt.date(2026, 1, 15),
        intro="ขอเชิญชวนประชาชนร่วมบริจาคโลหิต ณ หอประชุมโรงพยาบาลฮอด",
        attachments=[("document", {"document": document, "title": ""})] if document else [],
    )
    hospital["news"].add_child(instance=page)
    page.save_revision(user=user)
    return Page.objects.get(pk=page.pk).specific


def through_process(hospital, title, slug, at, head_minutes=20, document=None, webmaster="webmaster"):
    """Submitted at ``at`` (Bangkok time), approved by the head after ``head_minutes``, published 30 min later."""
    users = hospital["users"]
    with freeze_time(at) as clock:
        page = news_draft(hospital, users["editor"], title, slug, document)
        page.get_workflow().start(page, users["editor"])
        clock.tick(dt.timedelta(minutes=head_minutes))
        act(page, users["head"], "approve")
        clock.tick(dt.timedelta(minutes=30))
        act(page, users[webmaster], "approve")
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def published(hospital, people, document):
    """Published through the process on 15 January 2569: submitted 09:00, approved 09:20, live 09:50."""
    return through_process(
        hospital,
        "ประชาสัมพันธ์การรับบริจาคโลหิต ประจำเดือนมกราคม",
        "blood",
        "2026-01-15 09:00:00+07:00",
        document=document,
    )


@pytest.fixture
def january(hospital, people, published):
    """January 2569: one item published on time, one late review, one sent back; one in February."""
    through_process(hospital, "กำหนดการตรวจสุขภาพประจำปีบุคลากร", "checkup", "2026-01-20 13:00:00+07:00", head_minutes=45)
    users = hospital["users"]
    with freeze_time("2026-01-22 10:00:00+07:00") as clock:
        rejected = news_draft(hospital, users["editor"], "ประกาศปิดปรับปรุงห้องฉุกเฉินชั่วคราว", "er")
        rejected.get_workflow().start(rejected, users["editor"])
        clock.tick(dt.timedelta(minutes=10))
        act(rejected, users["head"], "reject", comment="กรุณาแนบไฟล์ประกาศที่ลงนามแล้วเป็น PDF")
    through_process(hospital, "ข่าวกิจกรรมวันเด็กแห่งชาติ", "children", "2026-02-03 09:00:00+07:00")
    return published


class FakeProvider:
    """Stands in for the ITA checklist (disclosure), which registers the real provider."""

    def gaps(self, fiscal_year, today):
        return [
            compliance.Gap(
                code="MOIT 5",
                title="สรุปผลการจัดซื้อจัดจ้างรายเดือน",
                period="มกราคม 2569",
                status=compliance.STATUS_MISSING,
                status_label="ยังไม่มีหลักฐาน",
            )
        ]

    def due_between(self, start, end, today):
        return [
            compliance.Gap(
                code="MOIT 10",
                title="รายงานสรุปผลการจัดการเรื่องร้องเรียน",
                period="ไตรมาสที่ 2/2569",
                status=compliance.STATUS_DUE_SOON,
                status_label="ใกล้ครบกำหนด",
                due=end,
            )
        ]


@pytest.fixture
def provider(monkeypatch):
    fake = FakeProvider()
    monkeypatch.setattr(compliance, "_providers", [fake])
    return fake


# -- the request form -----------------------------------------------------------------------------


def test_request_form_prints_the_item_and_the_three_people_with_thai_dates(client, published, people):
    client.force_login(people["director"])
    response = client.get(reverse("publishing_request_form", args=[published.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text = pdf_text(response.content)
    for expected in (
        "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน",
        "โรงพยาบาลฮอด",
        "งานประชาสัมพันธ์",
        "ประชาสัมพันธ์การรับบริจาคโลหิต ประจำเดือนมกราคม",
        "ขอเชิญชวนประชาชนร่วมบริจาคโลหิต",
        "ประกาศรับบริจาคโลหิต (ฉบับลงนาม) (PDF · 154 KB)",
        "http://testserver/news/blood/",
        "หมวดหมู่: ข่าวประชาสัมพันธ์",
        # provider, approver, publisher: name, position, date-time in the Buddhist Era
        "ผู้รับผิดชอบการให้ข้อมูล",
        "(อนุชา ปัญญาดี)",
        "ตำแหน่ง เจ้าหน้าที่งานประชาสัมพันธ์",
        "15 มกราคม 2569 09:00 น.",
        "ผู้อนุมัติรับรอง",
        "(วรรณา ศรีวงค์)",
        "ตำแหน่ง หัวหน้างานประชาสัมพันธ์",
        "15 มกราคม 2569 09:20 น.",
        "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่",
        "(ปิยะพงษ์ คำมูล)",
        "ตำแหน่ง เจ้าหน้าที่ผู้ดูแลเว็บไซต์",
        "15 มกราคม 2569 09:50 น.",
    ):
        assert readable(expected) in text, expected
    assert "2026" not in text  # every year people read is Buddhist Era


def test_request_form_of_an_urgent_publication_records_the_verbal_then_the_written_approval(client, hospital, people):
    users = people
    with freeze_time("2026-01-10 07:30:00+07:00"):
        page = news_draft(hospital, users["editor"], "แจ้งงดให้บริการคลินิกทันตกรรมชั่วคราว", "dental")
        record = urgent_publish(
            page, users["webmaster"], users["head"], dt.datetime.fromisoformat("2026-01-10 07:15:00+07:00")
        )
    url = reverse("publishing_request_form", args=[page.pk])
    client.force_login(users["webmaster2"])
    record_url = reverse("publishing_request_form_record", args=[page.pk, "urgent", record.pk])
    assert record_url in client.get(reverse("publishing_urgent_list")).content.decode()  # listed with the item
    text = pdf_text(client.get(url).content)
    assert readable("อนุญาตทางวาจาโดย วรรณา ศรีวงค์ เมื่อ 10 ม.ค. 2569 07:15 น.") in text
    assert readable("ยังไม่ได้รับการอนุมัติเป็นลายลักษณ์อักษร") in text
    with freeze_time("2026-01-12 11:00:00+07:00"):
        approve_in_writing(record, users["head"])
    text = pdf_text(client.get(url).content)
    assert readable("อนุมัติเป็นลายลักษณ์อักษรโดย วรรณา ศรีวงค์ เมื่อ 12 ม.ค. 2569 11:00 น.") in text
    assert readable("12 มกราคม 2569 11:00 น.") in text  # the approver block's date is the written approval


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("editor", True),  # edits the news section
        ("head", True),
        ("webmaster", True),
        ("director", True),
        ("other_editor", False),  # another unit's staff: cannot see the news section
        ("other_head", False),
    ],
)
def test_request_form_only_for_users_who_can_see_the_page(client, published, hospital, role, allowed):
    client.force_login(hospital["users"][role])
    response = client.get(reverse("publishing_request_form", args=[published.pk]))
    if allowed:
        assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    else:
        assert response.status_code in (302, 403)
        assert not response.content.startswith(b"%PDF-")


def test_section_staff_cannot_print_the_forms_of_pages_above_their_section(published, hospital):
    editor = hospital["users"]["editor"]
    home = published.get_parent().get_parent()
    assert can_download_form(editor, published)
    assert not can_download_form(editor, home)  # Wagtail lets them explore it, nothing more
    assert can_download_form(hospital["users"]["director"], home)


def test_request_form_needs_a_login(client, published):
    response = client.get(reverse("publishing_request_form", args=[published.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_no_request_form_for_a_page_never_published_through_the_process(client, hospital, superuser):
    page = add_page(hospital["news"], StandardPage, title="หน้าที่สร้างโดยผู้ดูแลระบบ", slug="direct")
    client.force_login(superuser)
    assert client.get(reverse("publishing_request_form", args=[page.pk])).status_code == 404
    assert client.get(reverse("publishing_request_form", args=[999999])).status_code == 404
    assert compliance.request_form_url(page) == ""


def test_an_imported_item_says_when_and_by_whom_it_was_imported_instead_of_no_record(client, hospital, people):
    from wagtail.log_actions import log
    from wagtail.models import PageLogEntry

    page = add_page(hospital["news"], StandardPage, title="ประวัติโรงพยาบาล", slug="history")
    webmaster = hospital["users"]["webmaster"]
    old = "https://www.hodhospital.go.th/%e0%b8%9b%e0%b8%a3%e0%b8%b0%e0%b8%a7%e0%b8%b1%e0%b8%95%e0%b8%b4/"
    with freeze_time("2026-01-15 03:00:00"):  # 10:00 in Thailand
        log(page, compliance.IMPORTED_ACTION, user=webmaster, data={"source": "wordpress", "old_url": old})
    client.force_login(webmaster)
    url = reverse("publishing_request_form", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")  # a note, not a form
    text = response.content.decode()
    assert "นำเข้าจากเว็บไซต์เดิมของโรงพยาบาลเมื่อ 15 ม.ค. 2569" in text  # the date in พ.ศ.
    assert "โดย ปิยะพงษ์ คำมูล" in text
    assert "ไม่มีบันทึกการอนุมัติ" in text and "ส่งรายการเข้าตรวจ" in text
    assert "/ประวัติ/" in text  # the old address as people read it
    assert "ครั้งล่าสุด" not in text  # imported once
    # Imported again later, by the command run without a user: both facts are shown.
    with freeze_time("2026-02-01 03:00:00"):
        log(page, compliance.IMPORTED_ACTION, user=None, data={"source": "wordpress", "old_url": old})
    text = client.get(url).content.decode()
    assert "15 ม.ค. 2569" in text and "ครั้งล่าสุดเมื่อ 1 ก.พ. 2569" in text and "ระบบ (คำสั่งนำเข้าข้อมูล)" in text
    # Still no form to link from elsewhere, and a named record that does not exist is still not found.
    assert compliance.request_form_url(page) == ""
    assert client.get(reverse("publishing_request_form_record", args=[page.pk, "workflow", 999])).status_code == 404
    # Staff of other sections see no more of it than they would of a form.
    outsider = hospital["users"]["other_editor"]  # an editor of the plans section
    assert not can_download_form(outsider, page)
    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code in (302, 403) and "นำเข้าจากเว็บไซต์เดิม" not in response.content.decode()
    assert PageLogEntry.objects.filter(page=page, action=compliance.IMPORTED_ACTION).count() == 2


def test_the_form_is_offered_on_the_page_screens_and_to_the_ita_dashboard(client, published, hospital, people):
    url = reverse("publishing_request_form", args=[published.pk])
    assert compliance.request_form_url(published) == url  # registered in PublishingConfig.ready
    client.force_login(people["webmaster2"])
    assert url in client.get(reverse("wagtailadmin_pages:edit", args=[published.pk])).content.decode()
    # The director edits nothing but finds every page in the explorer, with the form in its menu.
    client.force_login(people["director"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[published.pk])).status_code == 302
    assert url in client.get(reverse("wagtailadmin_explore", args=[hospital["news"].pk])).content.decode()
    state_id = latest_record(published).pk
    client.force_login(people["webmaster2"])  # Wagtail shows workflow history to those who can edit
    history = client.get(reverse("wagtailadmin_pages:workflow_history_detail", args=[published.pk, state_id]))
    record_url = reverse("publishing_request_form_record", args=[published.pk, "workflow", state_id])
    assert history.status_code == 200 and record_url in history.content.decode()
    assert client.get(record_url).content.startswith(b"%PDF-")
    client.force_login(hospital["users"]["other_editor"])
    assert client.get(record_url).status_code in (302, 403)


# -- the monthly and annual report ----------------------------------------------------------------


def test_monthly_report_lists_what_happened_in_the_month(january, provider):
    data = monthly_report(2026, 1, today=dt.date(2026, 2, 5))
    assert data["period_label"] == "ประจำเดือน มกราคม 2569"
    assert data["counts"] == {
        "requested": 3,
        "approved": 2,
        "rejected": 1,
        "published": 2,
        "urgent": 0,
        "taken_down": 0,
    }
    titles = [row["title"] for row in data["rows"]]
    assert titles == [
        "ประชาสัมพันธ์การรับบริจาคโลหิต ประจำเดือนมกราคม",
        "กำหนดการตรวจสุขภาพประจำปีบุคลากร",
        "ประกาศปิดปรับปรุงห้องฉุกเฉินชั่วคราว",
    ]  # February's item is not in January's report
    on_time, late, sent_back = data["rows"]
    assert (on_time["head_met"], on_time["head_taken"], late["head_met"]) == ("ใช่", "20 นาที", "ไม่")
    assert on_time["published_at"] == "15 ม.ค. 2569 09:50 น." and on_time["publisher"] == "ปิยะพงษ์ คำมูล"
    assert sent_back["head_result"] == "ขอให้แก้ไข" and sent_back["status"] == "ขอให้แก้ไข"
    assert "กรุณาแนบไฟล์ประกาศที่ลงนามแล้วเป็น PDF" in sent_back["reasons"][0]
    assert on_time["unit"] == "งานประชาสัมพันธ์" and on_time["category"] == "ข่าวประชาสัมพันธ์"
    assert [g["code"] for g in data["gaps"]] == ["MOIT 5"]


def test_report_counts_take_downs_and_urgent_publications(hospital, people, provider):
    users = people
    with freeze_time("2026-03-02 08:00:00+07:00"):
        page = news_draft(hospital, users["editor"], "แจ้งงดจ่ายน้ำประปาชั่วคราว", "water")
        urgent_publish(page, users["webmaster"], users["head"], dt.datetime.fromisoformat("2026-03-02 07:50:00+07:00"))
    Page.objects.filter(pk=page.pk).update(expire_at=dt.datetime.fromisoformat("2026-03-20 17:00:00+07:00"))
    with freeze_time("2026-03-20 17:01:00+07:00"):
        jobs.publish_scheduled()  # taken down when its publication period ends (R3.3)
    data = monthly_report(2026, 3, today=dt.date(2026, 4, 1))
    assert data["counts"]["urgent"] == 1 and data["counts"]["published"] == 1 and data["counts"]["taken_down"] == 1
    (row,) = data["rows"]
    assert row["status"] == "เผยแพร่เร่งด่วนแล้ว" and row["head_by"] == "วรรณา ศรีวงค์"
    assert row["written_met"] == "ไม่"  # no written approval within three working days
    (down,) = data["takedowns"]
    assert down["title"] == "แจ้งงดจ่ายน้ำประปาชั่วคราว" and down["by"] == "ระบบ เมื่อครบกำหนดการเผยแพร่"
    assert down["at"] == "20 มี.ค. 2569 17:01 น."


def test_annual_report_aggregates_the_twelve_months_of_the_fiscal_year(january, provider):
    data = annual_report(2569, today=dt.date(2026, 11, 1))
    assert data["period_label"].startswith("ปีงบประมาณ พ.ศ. 2569 (1 ตุลาคม 2568")
    assert [m["label"] for m in data["months"]][:4] == ["ตุลาคม 2568", "พฤศจิกายน 2568", "ธันวาคม 2568", "มกราคม 2569"]
    assert len(data["months"]) == 12 and data["months"][-1]["label"] == "กันยายน 2569"
    assert data["months"][3]["counts"]["published"] == 2 and data["months"][4]["counts"]["published"] == 1
    for key in data["counts"]:
        assert data["counts"][key] == sum(m["counts"][key] for m in data["months"]), key
    assert len(data["rows"]) == 4


@pytest.mark.parametrize(
    "role, allowed",
    [("webmaster", True), ("director", True), ("head", True), ("editor", False), ("other_editor", False)],
)
def test_report_for_webmasters_director_and_heads_only(client, hospital, role, allowed):
    client.force_login(hospital["users"][role])
    for query in ("", "?month=1&year=2569&format=pdf", "?fiscal_year=2569&format=xlsx"):
        response = client.get(reverse("publishing_report") + query)
        assert (response.status_code == 200) is allowed, (role, query, response.status_code)


def test_report_page_and_downloads(client, january, people, provider):
    client.force_login(people["webmaster"])
    url = reverse("publishing_report")
    page = client.get(url, {"month": 1, "year": 2569})
    html = page.content.decode()
    assert "แบบบันทึกรายงานผลการเผยแพร่ข้อมูลผ่านเว็บไซต์" in html and "กำหนดการตรวจสุขภาพประจำปีบุคลากร" in html
    assert reverse("publishing_request_form_record", args=[january.pk, "workflow", latest_record(january).pk]) in html

    pdf = client.get(url, {"month": 1, "year": 2569, "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    assert 'filename="publication-report-2569-01.pdf"' in pdf["Content-Disposition"]
    text = pdf_text(pdf.content)
    for expected in (
        "แบบบันทึกรายงานผลการเผยแพร่ข้อมูลผ่านเว็บไซต์",
        "ประจำเดือน มกราคม 2569",
        "กำหนดการตรวจสุขภาพประจำปีบุคลากร",
        "กรุณาแนบไฟล์ประกาศที่ลงนามแล้วเป็น PDF",
        "15 ม.ค. 2569 09:50 น.",
        "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
        "ผู้รายงาน",
        "เจ้าหน้าที่ผู้ดูแลเว็บไซต์",
        "ผู้รับทราบ",
        "ผู้อำนวยการโรงพยาบาลฮอด",
    ):
        assert readable(expected) in text, expected
    assert "ข่าวกิจกรรมวันเด็กแห่งชาติ" not in text.replace(" ", "")

    xlsx = client.get(url, {"month": 1, "year": 2569, "format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    cells = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    flat = [c for row in cells for c in row if c is not None]
    assert cells[0][0] == "แบบบันทึกรายงานผลการเผยแพร่ข้อมูลผ่านเว็บไซต์" and cells[2][0] == "ประจำเดือน มกราคม 2569"
    assert ["คำขอที่ได้รับ", 3] == [c for c in cells[5] if c is not None]
    row = next(r for r in cells if r[3] == "ประกาศปิดปรับปรุงห้องฉุกเฉินชั่วคราว")
    assert row[0] == 3 and row[6] == "ขอให้แก้ไข" and "กรุณาแนบไฟล์" in row[11]
    assert "MOIT 5" in flat


def test_report_form_refuses_a_bad_month_with_thai_messages_next_to_the_fields(client, hospital):
    client.force_login(hospital["users"]["director"])
    response = client.get(reverse("publishing_report"), {"month": 13, "year": 99, "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    form = response.context["monthly_form"]
    assert set(form.errors) == {"month", "year"}
    html = response.content.decode()
    assert "กรุณาเลือกเดือน" in html and "กรุณากรอกปีเป็น พ.ศ. เช่น 2569" in html
    response = client.get(reverse("publishing_report"), {"fiscal_year": "abc"})
    assert "กรุณากรอกปีงบประมาณเป็น พ.ศ. เช่น 2569" in response.content.decode()


# -- the command ---------------------------------------------------------------------------------


@pytest.mark.parametrize("month", ["2569-01", "2026-01", "๒๕๖๙-๐๑"])
def test_command_reads_buddhist_and_common_era_months(january, tmp_path, month):
    output = tmp_path / "report.pdf"
    call_command(
        "publication_report", "--month", month, "--format", "pdf", "--output", str(output), stdout=io.StringIO()
    )
    text = pdf_text(output.read_bytes())
    assert readable("ประจำเดือน มกราคม 2569") in text and readable("กำหนดการตรวจสุขภาพประจำปีบุคลากร") in text


def test_command_writes_xlsx_and_the_annual_report(january, tmp_path):
    output = tmp_path / "fy.xlsx"
    call_command(
        "publication_report", "--fiscal-year", "2569", "--format", "xlsx", "--output", str(output), stdout=io.StringIO()
    )
    sheet = openpyxl.load_workbook(output).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "รายงานผลการกำกับติดตามการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน" in values
    assert "ตุลาคม 2568" in values and "กันยายน 2569" in values
    assert "ข่าวกิจกรรมวันเด็กแห่งชาติ" in values


@pytest.mark.parametrize("args", [["--month", "2569-13"], ["--month", "Jan 2569"], ["--fiscal-year", "25x9"]])
def test_command_explains_a_bad_period_in_thai_and_english(db, tmp_path, args):
    output = tmp_path / "never.pdf"
    with pytest.raises(CommandError) as error:
        call_command("publication_report", *args, "--output", str(output))
    message = str(error.value)
    assert ("ไม่ถูกต้อง" in message) and ("Invalid" in message) and "2569" in message
    assert not output.exists()


def test_parse_month_and_fiscal_year():
    assert parse_month("2569-01") == (2026, 1)
    assert parse_month("2025-12") == (2025, 12)
    assert parse_fiscal_year("2569") == 2569 and parse_fiscal_year("2026") == 2569
    with pytest.raises(PeriodError):
        parse_month("2569-00")


# -- the monthly e-mail -------------------------------------------------------------------------


def test_monthly_email_goes_once_to_heads_and_webmasters_with_the_pdf(january, people, provider):
    mail.outbox.clear()
    with freeze_time("2026-02-01 07:00:00+07:00"):
        assert jobs.monthly_publication_report().startswith("sent")
        assert jobs.monthly_publication_report() == "already sent"  # the job runs every minute
    with freeze_time("2026-02-20 12:00:00+07:00"):
        jobs.monthly_publication_report()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "ประจำเดือนมกราคม 2569" in message.subject
    assert set(message.to) == {
        "head@hodhospital.go.th",
        "other_head@hodhospital.go.th",
        "webmaster@hodhospital.go.th",
        "webmaster2@hodhospital.go.th",
    }
    assert "คำขอที่ได้รับ: 3" in message.body
    assert "MOIT 10 รายงานสรุปผลการจัดการเรื่องร้องเรียน" in message.body  # due in February
    assert "28 กุมภาพันธ์ 2569" in message.body
    (name, content, mimetype) = message.attachments[0]
    assert name == "publication-report-2569-01.pdf" and mimetype == "application/pdf"
    assert readable("กำหนดการตรวจสุขภาพประจำปีบุคลากร") in pdf_text(content)
    with freeze_time("2026-03-01 07:00:00+07:00"):
        jobs.monthly_publication_report()
    assert len(mail.outbox) == 2 and "กุมภาพันธ์ 2569" in mail.outbox[1].subject


def test_a_failed_send_is_retried_on_the_next_run(january, people, provider, monkeypatch):
    from django.core.mail import EmailMessage

    def broken(self, fail_silently=False):
        raise OSError("SMTP down")

    working = EmailMessage.send
    mail.outbox.clear()
    with freeze_time("2026-02-01 07:00:00+07:00"):
        monkeypatch.setattr(EmailMessage, "send", broken)
        with pytest.raises(OSError):
            jobs.monthly_publication_report()
        monkeypatch.setattr(EmailMessage, "send", working)
        assert jobs.monthly_publication_report().startswith("sent")
    assert len(mail.outbox) == 1


def test_request_form_labels_and_reference_read_in_thai(client, published, people):
    client.force_login(people["director"])
    text = pdf_text(client.get(reverse("publishing_request_form", args=[published.pk])).content)
    assert readable("ลิงก์ภายนอก") in text and "Link" not in text
    assert readable("คำขอเลขที่") in text and "workflow-" not in text
