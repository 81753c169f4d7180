"""แบบ สขร.1 downloads: the PDF (read back with pypdf) and the XLSX (read back with openpyxl)."""

import io
from decimal import Decimal

import openpyxl
import pypdf
import pytest

from procurement import exports
from tests.procurement.conftest import add_month, make_row

pytestmark = pytest.mark.django_db

TITLE = "แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568"


def readable(text):
    """Text as pypdf reads it back from a WeasyPrint PDF.

    HarfBuzz draws SARA AM (ำ) as NIKHAHIT + SARA AA, and WeasyPrint maps only the SARA AA glyph back to
    text, so "ดำเนินการ" extracts as "ดาเนินการ". Compare both sides in that form; spaces and line
    breaks are dropped because a table cell wraps where it likes.
    """
    return "".join(text.replace("\u0e33", "\u0e32").replace("\u0e4d", "").split())


def pdf_text(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def october(listings, supplies_unit):
    rows = [
        make_row(1),
        make_row(
            2,
            work="ซื้อเครื่องคอมพิวเตอร์ จำนวน 5 เครื่อง",
            budget_amount=Decimal("110000"),
            reference_price=Decimal("108500"),
            agreed_price=Decimal("104250.75"),
            method="e_market",
            supplier_name="บริษัท แม่ปิงคอมพิวเตอร์ จำกัด",
            egp_project_number="68109012345",
            bidders="บริษัท แม่ปิงคอมพิวเตอร์ จำกัด 104,250.75\nบริษัท ไอทีล้านนา ซัพพลาย จำกัด 107,900.00",
        ),
    ]
    return add_month(listings["monthly-summary"], supplies_unit, 2569, 10, rows=rows)


def test_pdf_is_an_a4_landscape_attachment_with_a_thai_safe_name(client, october):
    response = client.get("/procurement/monthly-summary/2569-10/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="sorkhor1-2568-10.pdf"'
    reader, _text = pdf_text(response.content)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595  # A4 in points


def test_pdf_reads_back_with_the_title_line_agency_supplier_amounts_and_totals(client, october):
    _reader, text = pdf_text(client.get("/procurement/monthly-summary/2569-10/pdf/").content)
    found = readable(text)
    assert readable(TITLE) in found  # Thai month and Buddhist-Era year in the official title line
    assert readable("โรงพยาบาลฮอด สำนักงานสาธารณสุขจังหวัดเชียงใหม่") in found
    assert readable("บริษัท แม่ปิงคอมพิวเตอร์ จำกัด") in found
    assert "104,250.75" in text and "45,000.00" in text
    assert "158,000.00" in text and "149,250.75" in text  # totals of budget and agreed price
    assert readable("เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง") in found
    assert readable("3 ต.ค. 2568") in found  # contract date in พ.ศ.
    assert readable("ไม่มีการจัดซื้อจัดจ้าง") not in found


def test_empty_month_pdf_says_no_procurement(client, listings, supplies_unit):
    add_month(listings["monthly-summary"], supplies_unit, 2569, 4, no_procurement=True)
    response = client.get("/procurement/monthly-summary/2569-04/pdf/")
    assert response["Content-Disposition"] == 'attachment; filename="sorkhor1-2569-04.pdf"'
    _reader, text = pdf_text(response.content)
    found = readable(text)
    assert readable("ไม่มีการจัดซื้อจัดจ้าง") in found
    assert readable("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน เมษายน 2569") in found


def test_xlsx_has_title_rows_headers_rows_totals_and_formats(client, october):
    response = client.get("/procurement/monthly-summary/2569-10/xlsx/")
    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="sorkhor1-2568-10.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == TITLE
    assert sheet["A2"].value.startswith("โรงพยาบาลฮอด สำนักงานสาธารณสุขจังหวัดเชียงใหม่")
    headers = [cell.value for cell in sheet[5]]
    assert headers[:6] == [
        "ลำดับที่",
        "งานที่จัดซื้อหรือจัดจ้าง",
        "วงเงินที่จะซื้อหรือจ้าง (บาท)",
        "ราคากลาง (บาท)",
        "วิธีซื้อหรือจ้าง",
        "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
    ]
    assert "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง" in headers and "เหตุผลที่คัดเลือกโดยสรุป" in headers
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=7, max_row=8)]
    assert rows[0][0] == 1 and rows[1][0] == 2
    assert rows[1][1] == "ซื้อเครื่องคอมพิวเตอร์ จำนวน 5 เครื่อง"
    assert rows[1][2] == 110000 and rows[1][3] == 108500 and rows[1][7] == pytest.approx(104250.75)
    assert rows[1][4] == "e-market" and rows[1][6] == "บริษัท แม่ปิงคอมพิวเตอร์ จำกัด"
    assert rows[1][9].startswith("ใบสั่งซื้อ") and rows[1][10] == "3 ต.ค. 2568" and rows[1][11] == "68109012345"
    totals = [cell.value for cell in sheet[9]]
    assert totals[0] == "รวม"
    assert totals[2] == 158000 and totals[3] == pytest.approx(156020) and totals[7] == pytest.approx(149250.75)
    assert sheet["C7"].number_format == "#,##0.00" and sheet["H9"].number_format == "#,##0.00"
    assert sheet["B7"].font.name.startswith("TH Sarabun") and sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].width >= 30
    assert sheet.page_setup.orientation == "landscape"


def test_xlsx_of_an_empty_month_says_no_procurement(client, listings, supplies_unit):
    add_month(listings["monthly-summary"], supplies_unit, 2569, 4, no_procurement=True)
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/procurement/monthly-summary/2569-04/xlsx/").content)).active
    assert sheet["A7"].value == "ไม่มีการจัดซื้อจัดจ้าง"
    assert sheet["A8"].value == "รวม" and sheet["C8"].value == 0


def test_changed_rows_give_a_new_file_not_a_stale_cached_one(client, october):
    first = client.get("/procurement/monthly-summary/2569-10/pdf/").content
    row = october.rows.get(sort_order=0)
    row.supplier_name = "ห้างหุ้นส่วนจำกัด เชียงใหม่เวชภัณฑ์"
    row.save()
    second = client.get("/procurement/monthly-summary/2569-10/pdf/").content
    assert first != second
    assert readable("เชียงใหม่เวชภัณฑ์") in readable(pdf_text(second)[1])


def test_summary_data_is_shared_by_page_pdf_and_xlsx(october):
    data = exports.summary_data(october)
    assert data["title_line"] == TITLE
    assert data["basename"] == "sorkhor1-2568-10"
    assert [row["number"] for row in data["rows"]] == [1, 2]
    assert data["totals_text"]["agreed_price"] == "149,250.75"
    assert len(data["columns"]) == 9
