"""The MOIT checklist as data: titles per fiscal year from the spec, due periods, and copying to a new year."""

import datetime as dt

import pytest

from disclosure.models import MoitItem
from disclosure.models.ita import shift_years

pytestmark = pytest.mark.django_db

INDICATORS_2569 = {
    1: "การเปิดเผยข้อมูล",
    2: "การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    3: "การบริหารและพัฒนาทรัพยากรบุคคล",
    4: "การส่งเสริมความโปร่งใส",
    5: "การป้องกันการรับสินบน",
    6: "การป้องกันการใช้ทรัพย์สินของราชการ",
    7: "การดำเนินการเพื่อป้องกันการทุจริต",
    8: "การป้องกันผลประโยชน์ทับซ้อน",
    9: "การเสริมสร้างวัฒนธรรมองค์กร",
}


def title(fy, number):
    return MoitItem.objects.get(fiscal_year=fy, number=number).title


def test_the_migration_records_22_items_for_fy2567_to_fy2569():
    for fy in (2567, 2568, 2569):
        assert sorted(MoitItem.objects.filter(fiscal_year=fy).values_list("number", flat=True)) == list(range(1, 23))
    groups = {i.indicator: i.indicator_title for i in MoitItem.objects.filter(fiscal_year=2569)}
    assert groups == INDICATORS_2569
    numbers = dict(MoitItem.objects.filter(fiscal_year=2569).values_list("number", "indicator"))
    assert [n for n, ind in numbers.items() if ind == 7] == [15, 16, 17, 18, 19]


def test_titles_are_those_of_each_year():
    assert title(2569, 20).startswith("หน่วยงานมีส่วนร่วมกิจกรรมวันต่อต้านคอรัปชั่นสากล (ประเทศไทย) วันที่ 9 ธันวาคม พ.ศ. 2568")
    assert title(2567, 20).startswith("หน่วยงานมีการอบรมให้ความรู้ภายในหน่วยงานเรื่องผลประโยชน์ทับซ้อน")
    assert title(2568, 20) == title(2567, 20)  # FY2568 follows FY2567 (spec §1.3)
    assert title(2569, 3).endswith("(ของปีงบประมาณ พ.ศ. 2568)")
    assert title(2567, 13).startswith("หน่วยงานประเมินการดำเนินการ") and "2566-2567" in title(2567, 13)
    assert "2567-2568" in title(2568, 13) and title(2568, 13).endswith("พ.ศ. 2564")
    assert title(2569, 13).startswith("หน่วยงานจัดทำแนวทางปฏิบัติของหน่วยงาน")
    assert (
        title(2569, 1)
        == title(2567, 1)
        == ("หน่วยงานมีการวางระบบโดยการกำหนดมาตรการการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน")
    )


def test_frequencies_and_due_periods():
    monthly = MoitItem.objects.get(fiscal_year=2569, number=5)
    periods = monthly.due_periods()
    assert (
        len(periods) == 12
        and periods[0]["start"] == dt.date(2025, 10, 1)
        and periods[-1]["end"] == dt.date(2026, 9, 30)
    )
    assert periods[0]["label"] == "ตุลาคม 2568"
    complaints = MoitItem.objects.get(fiscal_year=2569, number=10)
    assert complaints.frequency == "half_yearly" and [p["quarter"] for p in complaints.due_periods()] == [2, 4]
    assert complaints.due_periods()[0]["end"] == dt.date(2026, 3, 31)
    plan = MoitItem.objects.get(fiscal_year=2569, number=15)
    assert plan.due_date == dt.date(2025, 11, 30) and plan.due_quarter_list == [1]
    assert MoitItem.objects.get(fiscal_year=2569, number=20).due_date == dt.date(2025, 12, 9)
    assert MoitItem.objects.get(fiscal_year=2567, number=20).frequency == "yearly"
    assert MoitItem.objects.get(fiscal_year=2569, number=2).due_quarter_list == [1, 2, 3, 4]


def test_shift_years_moves_only_the_fiscal_years():
    text = "ในปีงบประมาณ พ.ศ.2568-2569 ตามประกาศกระทรวงสาธารณสุข พ.ศ. 2564"
    assert shift_years(text, 2569, 2570) == "ในปีงบประมาณ พ.ศ.2569-2570 ตามประกาศกระทรวงสาธารณสุข พ.ศ. 2564"


def test_copy_year_makes_a_draft_of_the_next_year_and_keeps_existing_items():
    MoitItem.objects.create(
        fiscal_year=2570,
        number=1,
        title="แก้ไขแล้ว",
        indicator=1,
        indicator_title="การเปิดเผยข้อมูล",
        frequency="yearly",
        due_quarters="1",
    )
    assert MoitItem.copy_year(2569, 2570) == 21
    assert MoitItem.copy_year(2569, 2570) == 0
    assert title(2570, 1) == "แก้ไขแล้ว"
    assert title(2570, 4).endswith("ประจำปีงบประมาณ พ.ศ. 2570")
    assert "9 ธันวาคม พ.ศ. 2569 ประจำปีงบประมาณ พ.ศ. 2570" in title(2570, 20)
    assert MoitItem.objects.get(fiscal_year=2570, number=20).due_date == dt.date(2026, 12, 9)
    assert MoitItem.objects.get(fiscal_year=2570, number=15).due_date == dt.date(2026, 11, 30)
