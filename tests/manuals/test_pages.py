"""What the public sees: steps with times and totals, fees, documents to bring, facts, and filtered listings."""

import datetime as dt
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from manuals.models import CitizenGuidePage, OperationsManualPage
from tests.manuals.conftest import (
    STEPS,
    attachment,
    fee,
    guide_fields,
    make_document,
    make_guide,
    make_manual,
    manual_fields,
    quick_children,
    step,
)

pytestmark = pytest.mark.django_db


def text(html):
    """The visible text, with tags removed and white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# -- an operations manual ---------------------------------------------------------------------------


def test_manual_shows_its_steps_as_an_ordered_list_with_times_and_the_total(client, manual_index, department, pdf):
    manual = make_manual(manual_index, department, pdf)
    html = client.get(manual.url).content.decode()
    start = html.index('<ol class="steps">')
    steps = html[start : html.index("</ol>", start)]
    assert steps.count('<li class="steps__item">') == 2
    assert steps.index("รับคำขอ") < steps.index("พิจารณาอนุญาต")
    visible = text(steps)
    assert "ขั้นตอนที่ 1 รับคำขอ" in visible and "ขั้นตอนที่ 2 พิจารณาอนุญาต" in visible
    assert "30 นาที" in visible and "2 วันทำการ" in visible
    assert "งานเวชระเบียน" in visible and "ผู้อำนวยการ" in visible
    assert "รวม 2 วันทำการ 30 นาที" in text(html)


def test_manual_shows_its_kind_and_the_facts_box_with_owner_period_and_dates(client, manual_index, department, pdf):
    manual = make_manual(
        manual_index,
        department,
        pdf,
        category=OperationsManualPage.Category.CORRUPTION_COMPLAINTS,
        period_start=dt.date(2025, 10, 1),
        period_end=dt.date(2026, 9, 30),
    )
    visible = text(client.get(manual.url).content.decode())
    assert "การร้องเรียนการทุจริตและประพฤติมิชอบ" in visible
    facts = visible[visible.index(department.name) - 200 :]
    assert department.name in facts
    assert "1 ตุลาคม 2568 – 30 กันยายน 2569" in facts
    published = manual.first_published_at.astimezone(dt.timezone(dt.timedelta(hours=7))).date()
    assert f"{published.day} " in facts and str(published.year + 543) in facts


def test_manual_file_is_shown_with_its_type_and_size(client, manual_index, department, pdf):
    manual = make_manual(manual_index, department, pdf)
    html = client.get(manual.url).content.decode()
    assert pdf.url in html
    assert "PDF · 2 KB" in html
    assert "ดาวน์โหลดคู่มือ (1 ไฟล์)" in html


def test_unpublished_manual_is_not_public(client, manual_index, department, pdf):
    from tests.conftest import add_page

    draft = add_page(manual_index, OperationsManualPage, publish=False, **manual_fields(department, pdf, slug="draft"))
    assert client.get(f"{manual_index.url}draft/").status_code == 404
    assert draft.title not in client.get(manual_index.url).content.decode()


# -- a citizen guide ----------------------------------------------------------------------------------


def test_guide_shows_where_steps_total_documents_complaints_and_law(client, guide_index, department):
    guide = make_guide(
        guide_index, department, legal_basis="พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540\nพระราชบัญญัติสุขภาพแห่งชาติ พ.ศ. 2550"
    )
    visible = text(client.get(guide.url).content.decode())
    assert "จุดคัดกรอง แผนกผู้ป่วยนอก" in visible
    assert "วันจันทร์–วันศุกร์ เวลา 08.30–16.30 น." in visible
    assert "รวม 2 วันทำการ 30 นาที" in visible
    assert "บัตรประจำตัวประชาชน ฉบับจริง 1 ฉบับ · สำเนา 2 ฉบับ · ออกโดย กรมการปกครอง" in visible
    assert "ศูนย์รับเรื่องร้องเรียน ชั้น 1" in visible and "โทรศัพท์ 053-461-037" in visible
    assert "พระราชบัญญัติสุขภาพแห่งชาติ พ.ศ. 2550" in visible


def test_guide_fees_are_a_table_of_items_in_baht(client, guide_index, department):
    guide = make_guide(
        guide_index,
        department,
        fees=[fee("ใบรับรองแพทย์ทั่วไป", "50", "ต่อฉบับ"), fee("ใบรับรองแพทย์สำหรับใบอนุญาตขับรถ", "1250.5")],
    )
    html = client.get(guide.url).content.decode()
    table = html[html.index('<table class="data-table guide-fees">') : html.index("</table>")]
    assert '<th scope="col">รายการค่าธรรมเนียม</th>' in table
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td[^>]*>(.*?)</td>", table)
    assert rows == [("ใบรับรองแพทย์ทั่วไป", "50 บาท"), ("ใบรับรองแพทย์สำหรับใบอนุญาตขับรถ", "1,250.50 บาท")]
    assert "ไม่เสียค่าธรรมเนียม" not in html
    assert guide.fee_summary == "50–1,250.50 บาท"


def test_guide_without_fee_says_so_and_has_no_fee_table(client, guide_index, department):
    guide = make_guide(guide_index, department, free_of_charge=True, fees=[])
    html = client.get(guide.url).content.decode()
    assert "guide-fees" not in html
    assert "ไม่เสียค่าธรรมเนียม" in text(html)
    assert guide.fee_summary == "ไม่เสียค่าธรรมเนียม"


def test_one_fee_is_summarised_with_its_note(guide_index, department):
    guide = make_guide(guide_index, department, fees=[fee("ค่าถ่ายสำเนาเอกสาร", "1", "ต่อหน้า")])
    assert guide.fee_summary == "1 บาท ต่อหน้า"


def test_guide_model_refuses_both_or_neither_fee_statement(guide_index, department):
    from django.core.exceptions import ValidationError

    for fields in ({"free_of_charge": False, "fees": []}, {"free_of_charge": True, "fees": [fee("ค่าถ่ายสำเนา", "1")]}):
        page = CitizenGuidePage(**guide_fields(department, **fields))
        with pytest.raises(ValidationError) as caught:
            page.clean()
        assert "fees" in caught.value.message_dict


def test_guide_forms_are_shown_with_type_and_size(client, guide_index, department):
    form = make_document("แบบคำขอใบรับรองแพทย์", filename="form.pdf")
    guide = make_guide(guide_index, department, attachments=[attachment(form)])
    html = client.get(guide.url).content.decode()
    assert "แบบคำขอใบรับรองแพทย์" in html and "PDF · 2 KB" in html
    assert "ดาวน์โหลดแบบฟอร์ม (1 ไฟล์)" in html


# -- listings ---------------------------------------------------------------------------------------


@pytest.fixture
def three_manuals(manual_index, department, other_department, pdf):
    return {
        "main_2569": make_manual(
            manual_index,
            department,
            pdf,
            title="คู่มือภารกิจหลักปี 2569",
            slug="main-2569",
            period_start=dt.date(2025, 11, 1),
        ),
        "support_2570": make_manual(
            manual_index,
            other_department,
            pdf,
            title="คู่มือภารกิจสนับสนุนปี 2570",
            slug="support-2570",
            category=OperationsManualPage.Category.SUPPORT,
            period_start=dt.date(2026, 10, 1),
        ),
        "complaints_2570": make_manual(
            manual_index,
            department,
            pdf,
            title="คู่มือการร้องเรียนปี 2570",
            slug="complaints-2570",
            category=OperationsManualPage.Category.SERVICE_COMPLAINTS,
            period_start=dt.date(2026, 11, 15),
        ),
    }


def listed(client, url):
    html = client.get(url).content.decode()
    return re.findall(r'<h2 class="item-list__title"><a href="[^"]*">([^<]*)</a>', html), html


def test_listing_shows_every_manual_newest_period_first_with_total_time_and_file(client, manual_index, three_manuals):
    titles, html = listed(client, manual_index.url)
    assert titles == ["คู่มือการร้องเรียนปี 2570", "คู่มือภารกิจสนับสนุนปี 2570", "คู่มือภารกิจหลักปี 2569"]
    assert "ระยะเวลารวม: 2 วันทำการ 30 นาที" in html
    assert html.count("PDF · 2 KB") == 3


def test_listing_filters_by_category(client, manual_index, three_manuals):
    titles, html = listed(client, f"{manual_index.url}?category=support")
    assert titles == ["คู่มือภารกิจสนับสนุนปี 2570"]
    assert '<option value="service-complaints">การร้องเรียนการให้บริการหรือการปฏิบัติงานของเจ้าหน้าที่</option>' in html
    assert '<option value="support" selected>' in html


def test_listing_filters_by_fiscal_year(client, manual_index, three_manuals):
    titles, html = listed(client, f"{manual_index.url}?fy=2569")
    assert titles == ["คู่มือภารกิจหลักปี 2569"]
    assert (
        '<option value="2569" selected>พ.ศ. 2569</option>' in html and '<option value="2570">พ.ศ. 2570</option>' in html
    )
    titles, _html = listed(client, f"{manual_index.url}?fy=2570")
    assert titles == ["คู่มือการร้องเรียนปี 2570", "คู่มือภารกิจสนับสนุนปี 2570"]


def test_listing_filters_combine_and_say_when_nothing_matches(client, manual_index, three_manuals):
    titles, _html = listed(client, f"{manual_index.url}?fy=2570&category=service-complaints")
    assert titles == ["คู่มือการร้องเรียนปี 2570"]
    titles, html = listed(client, f"{manual_index.url}?fy=2569&category=support")
    assert titles == []
    assert "item-list__empty" in html


def test_listing_ignores_nonsense_filters(client, manual_index, three_manuals):
    titles, _html = listed(client, f"{manual_index.url}?fy=abc&category=nope&page=99")
    assert len(titles) == 3


def test_guide_listing_shows_total_time_and_fees_and_filters_by_fiscal_year(client, guide_index, department):
    make_guide(guide_index, department, title="การขอใบรับรองแพทย์", slug="certificate", period_start=dt.date(2025, 10, 1))
    make_guide(guide_index, department, title="การนัดหมายทันตกรรม", slug="dental", free_of_charge=True, fees=[])
    titles, html = listed(client, guide_index.url)
    assert titles == ["การนัดหมายทันตกรรม", "การขอใบรับรองแพทย์"]
    visible = text(html)
    assert "ค่าธรรมเนียม: 50 บาท ต่อฉบับ" in visible and "ไม่เสียค่าธรรมเนียม" in visible
    titles, _html = listed(client, f"{guide_index.url}?fy=2569")
    assert titles == ["การขอใบรับรองแพทย์"]


# -- a constant number of queries -------------------------------------------------------------------


def _manual(number, department, other_department, pdf):
    return manual_fields(
        department if number % 2 else other_department,
        pdf,
        title=f"คู่มือที่ {number}",
        slug=f"item-{number}",
        category=OperationsManualPage.Category.values[number % 4],
        period_start=dt.date(2025 + number % 2, 10, 1),
        steps=[step("รับคำขอ", number % 50 + 1, "minutes"), *STEPS],
    )


def test_index_page_costs_the_same_queries_for_5_and_200_manuals(
    client, manual_index, department, other_department, pdf, django_assert_num_queries
):
    quick_children(manual_index, OperationsManualPage, 5, lambda n: _manual(n, department, other_department, pdf))
    client.get(manual_index.url)  # warm the per-process caches (site root, settings)
    with CaptureQueriesContext(connection) as five:
        response = client.get(manual_index.url)
    assert response.content.decode().count('class="item-list__item"') == 5

    others = [make_document(f"คู่มือ {n}", filename=f"m{n}.pdf") for n in range(3)]
    for number in range(5, 200):
        fields = _manual(number, department, other_department, others[number % 3])
        manual_index.add_child(instance=OperationsManualPage(live=True, **fields))
    assert OperationsManualPage.objects.child_of(manual_index).live().count() == 200
    with django_assert_num_queries(len(five)):
        response = client.get(manual_index.url)
    html = response.content.decode()
    assert html.count('class="item-list__item"') == 20  # one page of the listing
    assert html.count("PDF ·") == 20
