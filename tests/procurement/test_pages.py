"""The public pages: facts box (owner, period, dates), file type and size, the section and each item type."""

import datetime as dt
from decimal import Decimal

import pytest

from home import thai_dates
from procurement.models import (
    IntegrityStatementPage,
    Method,
    ProcurementAnalysisPage,
    ProcurementAnnouncementPage,
    ProcurementPlanPage,
)
from tests.conftest import add_page
from tests.procurement.conftest import add_month, make_document, make_row

pytestmark = pytest.mark.django_db


def facts_box(html):
    return html.split('class="facts-box"')[1].split("</aside>")[0]


def test_section_lists_its_listings_with_their_ita_items(client, listings):
    html = client.get("/procurement/").content.decode()
    for slug in listings:
        assert f'href="/procurement/{slug}/"' in html
    assert "MOIT 5" in html and "MOIT 3" in html and "MOIT 4.3" in html


def test_plan_page_shows_allocation_and_announcement_dates_and_the_budget_files(
    client, listings, supplies_unit, pdf_document
):
    investment = make_document("แผนการจัดซื้อจัดจ้าง งบลงทุน ปีงบประมาณ พ.ศ. 2569", "invest.pdf", supplies_unit)
    page = add_page(
        listings["plan"],
        ProcurementPlanPage,
        title="แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569",
        slug="plan-2569",
        category="plan",
        fiscal_year=2569,
        budget_allocation_date=dt.date(2025, 10, 15),
        announcement_date=dt.date(2025, 11, 5),
        operating_budget_document=pdf_document,
        investment_budget_document=investment,
        operating_budget_amount=Decimal("8450000"),
        investment_budget_amount=Decimal("2860000"),
        owner_unit=supplies_unit,
    )
    html = client.get("/procurement/plan/plan-2569/").content.decode()
    assert "วันที่ได้รับการจัดสรรงบประมาณ" in html and "15 ตุลาคม 2568" in html
    assert "วันที่ประกาศเผยแพร่แผน" in html and "5 พฤศจิกายน 2568" in html
    assert "11,310,000.00" in html  # operating + investment
    assert "งบดำเนินงาน (ไฟล์)" in html and "งบลงทุน (ไฟล์)" in html
    assert html.count("PDF · 45 B") == 2  # each file with its type and size (R2.1)
    facts = facts_box(html)
    assert "งานพัสดุ" in facts and "ปีงบประมาณ พ.ศ. 2569" in facts
    assert thai_dates.thai_date(page.first_published_at) in facts  # the publish date


def test_plan_listing_shows_each_plans_documents_with_type_and_size(client, listings, supplies_unit, pdf_document):
    add_page(
        listings["plan"],
        ProcurementPlanPage,
        title="แผน 2569",
        slug="plan-2569",
        category="plan",
        fiscal_year=2569,
        budget_allocation_date=dt.date(2025, 10, 15),
        announcement_date=dt.date(2025, 11, 5),
        operating_budget_document=pdf_document,
        owner_unit=supplies_unit,
    )
    html = client.get("/procurement/plan/").content.decode()
    assert pdf_document.title in html and "PDF · 45 B" in html


def test_announcement_shows_its_figures_and_is_dated_by_its_day(client, listings, supplies_unit, pdf_document):
    add_page(
        listings["announcements"],
        ProcurementAnnouncementPage,
        title="ประกาศผู้ชนะการเสนอราคา ซื้อเครื่องเอกซเรย์เคลื่อนที่",
        slug="xray-winner",
        category="winner",
        project_name="ซื้อเครื่องเอกซเรย์เคลื่อนที่ จำนวน 1 เครื่อง",
        method=Method.E_BIDDING,
        budget_amount=Decimal("1450000"),
        reference_price=Decimal("1438000"),
        winner_name="บริษัท ฮอดเมดิคอล จำกัด",
        contract_amount=Decimal("1389000"),
        egp_project_number="69019034518",
        period_start=dt.date(2026, 2, 16),
        owner_unit=supplies_unit,
        attachments=[("document", {"document": pdf_document, "title": ""})],
    )
    html = client.get("/procurement/announcements/xray-winner/").content.decode()
    for text in (
        "ประกาศผู้ชนะการเสนอราคา",
        "วิธีประกาศเชิญชวนทั่วไป: ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
        "1,438,000.00",
        "บริษัท ฮอดเมดิคอล จำกัด",
        "1,389,000.00",
        "69019034518",
    ):
        assert text in html
    facts = facts_box(html)
    assert "16 กุมภาพันธ์ 2569" in facts and "งานพัสดุ" in facts
    assert "PDF · 45 B" in facts  # the attachment in the facts box


def test_analysis_shows_the_four_components_and_the_saving(client, listings, supplies_unit, pdf_document):
    add_page(
        listings["analysis"],
        ProcurementAnalysisPage,
        title="รายงานการวิเคราะห์ ปีงบประมาณ พ.ศ. 2568",
        slug="a-2568",
        fiscal_year=2568,
        report_document=pdf_document,
        risk_analysis="ความเสี่ยงการแบ่งซื้อแบ่งจ้าง",
        problems_analysis="ผู้ค้าส่งของล่าช้า",
        savings_analysis="ราคาต่ำกว่าวงเงิน",
        improvement_plan="วางแผนรายไตรมาส",
        total_budget=Decimal("10000000"),
        total_contract_value=Decimal("9600000"),
        owner_unit=supplies_unit,
    )
    html = client.get("/procurement/analysis/a-2568/").content.decode()
    positions = [
        html.index(t)
        for t in ("1. การวิเคราะห์ความเสี่ยง", "2. การวิเคราะห์ปัญหา", "3. การวิเคราะห์ความสามารถ", "4. แนวทางแก้ไข")
    ]
    assert positions == sorted(positions)
    assert "ความเสี่ยงการแบ่งซื้อแบ่งจ้าง" in html and "400,000.00" in html and "(4.00%)" in html
    assert "PDF · 45 B" in html


def test_integrity_statement_lists_who_signed(client, listings, supplies_unit, pdf_document):
    add_page(
        listings["integrity"],
        IntegrityStatementPage,
        title="แบบแสดงความบริสุทธิ์ใจ วงเงินเกิน 100,000 บาท",
        slug="over",
        category="over_100k",
        fiscal_year=2569,
        document=pdf_document,
        owner_unit=supplies_unit,
        declarants="นางสาวพิมพ์ชนก ใจคำ – หัวหน้าเจ้าหน้าที่พัสดุ\n\nนางรัตนา บุญมา – ผู้ตรวจรับพัสดุ",
    )
    html = client.get("/procurement/integrity/over/").content.decode()
    assert html.count("<li>นาง") == 2
    assert "แบบแสดงความบริสุทธิ์ใจ: วงเงินเกิน 100,000 บาท" in html and "PDF · 45 B" in html


def test_monthly_summary_page_shows_the_official_title_agency_table_and_totals(client, listings, supplies_unit):
    rows = [
        make_row(1),
        make_row(
            2,
            work="จ้างซ่อมเครื่องปรับอากาศ อาคารผู้ป่วยนอก",
            budget_amount=Decimal("18500"),
            reference_price=Decimal("18500"),
            agreed_price=Decimal("17950.50"),
            supplier_name="ร้านปิงเจริญแอร์",
            egp_project_number="68109242055",
        ),
    ]
    add_month(listings["monthly-summary"], supplies_unit, 2569, 10, rows=rows)
    html = client.get("/procurement/monthly-summary/2569-10/").content.decode()
    assert "แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568" in html
    assert "โรงพยาบาลฮอด สำนักงานสาธารณสุขจังหวัดเชียงใหม่" in html
    table = html.split('class="data-table sorkhor1__table"')[1].split("</table>")[0]
    assert "<caption" in table and table.count('<th scope="col">') == 9
    for heading in (
        "ลำดับที่",
        "งานที่จัดซื้อหรือจัดจ้าง",
        "วงเงินที่จะซื้อหรือจ้าง (บาท)",
        "ราคากลาง (บาท)",
        "วิธีซื้อหรือจ้าง",
        "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
        "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
        "เหตุผลที่คัดเลือกโดยสรุป",
        "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
    ):
        assert heading in table
    assert '<th scope="row">จ้างซ่อมเครื่องปรับอากาศ อาคารผู้ป่วยนอก</th>' in table
    assert "เฉพาะเจาะจง" in table and "3 ต.ค. 2568" in table and "68109242055" in table
    footer = table.split("<tfoot>")[1]
    assert "66,500.00" in footer and "66,020.00" in footer and "62,950.50" in footer  # the three totals
    assert "62,950.50 บาท" in html  # and again under the table
    facts = facts_box(html)
    assert "งานพัสดุ" in facts and "ตุลาคม 2568 (ปีงบประมาณ พ.ศ. 2569)" in facts


def test_monthly_summary_page_offers_pdf_and_xlsx_with_type_and_size(client, listings, supplies_unit):
    add_month(listings["monthly-summary"], supplies_unit, 2569, 11, rows=[make_row(1)])
    html = client.get("/procurement/monthly-summary/2569-11/").content.decode()
    assert 'href="/procurement/monthly-summary/2569-11/pdf/"' in html
    assert 'href="/procurement/monthly-summary/2569-11/xlsx/"' in html
    assert "PDF · " in html and " KB" in html and "XLSX · " in html


def test_month_without_procurement_says_so(client, listings, supplies_unit):
    add_month(listings["monthly-summary"], supplies_unit, 2569, 4, no_procurement=True)
    html = client.get("/procurement/monthly-summary/2569-04/").content.decode()
    assert "เดือนเมษายน 2569 ไม่มีการจัดซื้อจัดจ้าง" in html
    assert '<td colspan="9" class="sorkhor1__none">ไม่มีการจัดซื้อจัดจ้าง</td>' in html


def test_totals_add_up_the_rows(listings, supplies_unit):
    rows = [
        make_row(
            i, budget_amount=Decimal("1000.10") * i, reference_price=Decimal("900"), agreed_price=Decimal("850.25")
        )
        for i in (1, 2, 3)
    ]
    page = add_month(listings["monthly-summary"], supplies_unit, 2569, 12, rows=rows)
    assert page.totals == {
        "budget_amount": Decimal("6000.60"),
        "reference_price": Decimal("2700.00"),
        "agreed_price": Decimal("2550.75"),
    }
    empty = add_month(listings["monthly-summary"], supplies_unit, 2569, 1, no_procurement=True)
    assert empty.totals == {"budget_amount": 0, "reference_price": 0, "agreed_price": 0}


def test_unpublished_month_and_its_files_are_not_public(client, listings, supplies_unit):
    add_month(listings["monthly-summary"], supplies_unit, 2569, 2, no_procurement=True, publish=False)
    assert client.get("/procurement/monthly-summary/2569-02/").status_code == 404
    assert client.get("/procurement/monthly-summary/2569-02/pdf/").status_code == 404
