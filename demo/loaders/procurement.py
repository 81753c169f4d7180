"""Demo content of the procurement section (R1.7): plans, announcements, analyses, integrity statements and
the monthly แบบ สขร.1 of the last fiscal year (twelve months, one without procurement) and the current one.

Company names are invented. Rows come from a seeded generator, so every run builds the same months and
``load_demo_data`` stays idempotent (``builder.page`` and ``builder.document`` return what exists).
"""

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from demo import content
from home import thai_dates
from procurement.models import (
    IntegrityStatementIndexPage,
    IntegrityStatementPage,
    Method,
    MonthlySummaryIndexPage,
    MonthlySummaryPage,
    MonthlySummaryRow,
    ProcurementAnalysisIndexPage,
    ProcurementAnalysisPage,
    ProcurementAnnouncementIndexPage,
    ProcurementAnnouncementPage,
    ProcurementIndexPage,
    ProcurementPlanIndexPage,
    ProcurementPlanPage,
)

DATA = content.read("procurement")
OWNER = DATA["owner"]
LISTINGS = [
    ("plan", ProcurementPlanIndexPage),
    ("announcements", ProcurementAnnouncementIndexPage),
    ("monthly-summary", MonthlySummaryIndexPage),
    ("analysis", ProcurementAnalysisIndexPage),
    ("integrity", IntegrityStatementIndexPage),
]

SUPPLIERS = DATA["suppliers"]
# (kind, work, budget) — what a 60-bed community hospital buys in a month.
PURCHASES = [(item["kind"], item["work"], item["budget"]) for item in DATA["purchases"]]
MONTHLY_SERVICES = [(item["kind"], item["work"], item["budget"]) for item in DATA["monthly_services"]]
REASONS = {Method(value): reason for value, reason in DATA["winner_reasons"].items()}
NO_PROCUREMENT_MONTH = DATA["no_procurement_month"]


def load(builder):
    owner = builder.department(OWNER, "unit")
    title, intro, body = content.section_text("procurement")
    section = builder.page(
        builder.home, ProcurementIndexPage, "procurement", title=title, intro=intro, body=body, show_in_menus=True
    )
    pages = {}
    for slug, model in LISTINGS:
        title, intro, body = content.section_text(f"procurement/{slug}")
        pages[slug] = builder.page(section, model, slug, title=title, intro=intro, body=body, show_in_menus=True)
    fy = thai_dates.current_fiscal_year()
    for year in (fy - 1, fy):
        plans(builder, pages["plan"], owner, year)
        integrity(builder, pages["integrity"], owner, year)
        analysis(builder, pages["analysis"], owner, year - 1)
        monthly(builder, pages["monthly-summary"], owner, year)
    announcements(builder, pages["announcements"], owner, fy)


def _date(fy, month, day):
    """A day of a month of fiscal year ``fy`` (BE), as a date."""
    year = thai_dates.ce_year(fy) - (1 if month >= 10 else 0)
    return dt.date(year, month, day)


def _when(day):
    """A publish time for ``day``, but never in the future."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
    return min(moment, timezone.now() - dt.timedelta(hours=2))


def _started(day):
    return day <= timezone.localdate()


# -- plans (MOIT 4.1, 4.2) ----------------------------------------------------------------------------


def plans(builder, parent, owner, fy):
    allocated, announced = _date(fy, 10, 15), _date(fy, 11, 5)
    if not _started(announced):
        return
    operating = Decimal("8450000.00") + (fy - 2569) * Decimal("350000.00")
    investment = Decimal("2860000.00") + (fy - 2569) * Decimal("420000.00")
    start, end = thai_dates.fiscal_year_range(fy)
    op_doc = builder.pdf_document(
        f"แผนการจัดซื้อจัดจ้าง งบดำเนินงาน ปีงบประมาณ พ.ศ. {fy}",
        [
            f"โรงพยาบาลฮอดประกาศเผยแพร่แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. {fy} ในส่วนงบดำเนินงาน "
            f"วงเงินรวม {operating:,.2f} บาท ประกอบด้วย ยาและเวชภัณฑ์ที่มิใช่ยา วัสดุการแพทย์ วัสดุวิทยาศาสตร์การแพทย์ "
            "วัสดุสำนักงาน และค่าจ้างเหมาบริการ",
            "แผนนี้จัดทำตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 มาตรา 11 "
            "และเผยแพร่ในระบบการจัดซื้อจัดจ้างภาครัฐและเว็บไซต์ของโรงพยาบาล",
        ],
        f"procurement-plan-operating-{fy}.pdf",
        owner=owner,
        period=(start, end),
        meta=["งานพัสดุ กลุ่มงานบริหารทั่วไป", f"ประกาศ ณ วันที่ {thai_dates.thai_date(announced)}"],
    )
    inv_doc = builder.pdf_document(
        f"แผนการจัดซื้อจัดจ้าง งบลงทุน ปีงบประมาณ พ.ศ. {fy}",
        [
            f"แผนการจัดซื้อจัดจ้างงบลงทุน ปีงบประมาณ พ.ศ. {fy} วงเงินรวม {investment:,.2f} บาท "
            "ได้แก่ ครุภัณฑ์การแพทย์ (เครื่องเอกซเรย์เคลื่อนที่ เครื่องกระตุกหัวใจไฟฟ้า เครื่องวัดความดันโลหิตอัตโนมัติ) "
            "ครุภัณฑ์คอมพิวเตอร์ และสิ่งก่อสร้าง (ปรับปรุงอาคารคลังพัสดุ)",
        ],
        f"procurement-plan-investment-{fy}.pdf",
        owner=owner,
        period=(start, end),
        meta=["งานพัสดุ กลุ่มงานบริหารทั่วไป", f"ประกาศ ณ วันที่ {thai_dates.thai_date(announced)}"],
    )
    letter = builder.pdf_document(
        f"หนังสือแจ้งการจัดสรรงบประมาณ ปีงบประมาณ พ.ศ. {fy}",
        [
            f"สำนักงานสาธารณสุขจังหวัดเชียงใหม่แจ้งการจัดสรรงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {fy} "
            f"ให้โรงพยาบาลฮอด เมื่อวันที่ {thai_dates.thai_date(allocated)} เพื่อดำเนินการตามแผนการจัดซื้อจัดจ้าง",
        ],
        f"budget-allocation-{fy}.pdf",
        owner=owner,
        period=(start, end),
    )
    builder.page(
        parent,
        ProcurementPlanPage,
        f"plan-{fy}",
        published_at=_when(announced),
        title=f"แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {fy}",
        intro=f"ประกาศเผยแพร่แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. {fy} งบดำเนินงานและงบลงทุน",
        category=ProcurementPlanPage.Category.PLAN,
        fiscal_year=fy,
        budget_allocation_date=allocated,
        announcement_date=announced,
        operating_budget_document=op_doc,
        investment_budget_document=inv_doc,
        allocation_document=letter,
        operating_budget_amount=operating,
        investment_budget_amount=investment,
        owner_unit=owner,
        source="งานพัสดุ กลุ่มงานบริหารทั่วไป โรงพยาบาลฮอด",
    )
    for quarter in (1, 2, 3, 4):
        q_start, q_end = thai_dates.fiscal_quarter_range(fy, quarter)
        reported = q_end + dt.timedelta(days=10)
        if not _started(reported):
            continue
        share = Decimal(quarter) / 4
        docs = [
            builder.pdf_document(
                f"รายงานผลการจัดซื้อจัดจ้างตามแผน {kind} ไตรมาสที่ {quarter}/{fy}",
                [
                    f"ผลการดำเนินการจัดซื้อจัดจ้างตามแผน{kind} ตั้งแต่ {thai_dates.thai_date(q_start)} "
                    f"ถึง {thai_dates.thai_date(q_end)} ดำเนินการแล้วสะสมร้อยละ {int(share * 92)} ของแผน",
                    "รายการที่ยังไม่ดำเนินการจะดำเนินการในไตรมาสถัดไปตามแผน",
                ],
                f"procurement-report-{slug}-{fy}-q{quarter}.pdf",
                owner=owner,
                period=(q_start, q_end),
            )
            for kind, slug in (("งบดำเนินงาน", "operating"), ("งบลงทุน", "investment"))
        ]
        builder.page(
            parent,
            ProcurementPlanPage,
            f"report-{fy}-q{quarter}",
            published_at=_when(reported),
            title=f"รายงานผลการดำเนินงานตามแผนการจัดซื้อจัดจ้าง ไตรมาสที่ {quarter} ปีงบประมาณ พ.ศ. {fy}",
            intro="ผลการจัดซื้อจัดจ้างเทียบกับแผน แยกงบดำเนินงานและงบลงทุน",
            category=ProcurementPlanPage.Category.PROGRESS,
            fiscal_year=fy,
            fiscal_quarter=quarter,
            operating_budget_document=docs[0],
            investment_budget_document=docs[1],
            owner_unit=owner,
        )


# -- analysis of last year (MOIT 3) ------------------------------------------------------------------


def analysis(builder, parent, owner, fy):
    published = _date(fy + 1, 10, 28)
    if not _started(published):
        return
    count = 412 + (fy - 2568) * 37
    budget = Decimal("10850000.00") + (fy - 2568) * Decimal("640000.00")
    contract = (budget * Decimal("0.962")).quantize(Decimal("0.01"))
    start, end = thai_dates.fiscal_year_range(fy)
    report = builder.pdf_document(
        f"รายงานการวิเคราะห์ผลการจัดซื้อจัดจ้างและการจัดหาพัสดุ ประจำปีงบประมาณ พ.ศ. {fy}",
        [
            f"ในปีงบประมาณ พ.ศ. {fy} โรงพยาบาลฮอดดำเนินการจัดซื้อจัดจ้างทั้งสิ้น {count} รายการ "
            f"วงเงินงบประมาณรวม {budget:,.2f} บาท ราคาที่ตกลงซื้อหรือจ้างรวม {contract:,.2f} บาท",
            "รายงานฉบับนี้ประกอบด้วยการวิเคราะห์ความเสี่ยง ปัญหาอุปสรรคและข้อจำกัด ความสามารถในการประหยัดงบประมาณ "
            "และแนวทางการปรับปรุงกระบวนการจัดซื้อจัดจ้างในปีงบประมาณถัดไป",
        ],
        f"procurement-analysis-{fy}.pdf",
        owner=owner,
        period=(start, end),
        meta=["งานพัสดุ กลุ่มงานบริหารทั่วไป"],
    )
    builder.page(
        parent,
        ProcurementAnalysisPage,
        f"analysis-{fy}",
        published_at=_when(published),
        title=f"รายงานการวิเคราะห์ผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {fy}",
        intro=f"ผลการวิเคราะห์การจัดซื้อจัดจ้างของปีงบประมาณ พ.ศ. {fy} ครบ 4 องค์ประกอบตามเกณฑ์ MOIT 3",
        fiscal_year=fy,
        report_document=report,
        risk_analysis=(
            "การจัดซื้อโดยวิธีเฉพาะเจาะจงมีสัดส่วนร้อยละ 87 ของจำนวนรายการ ซึ่งมีความเสี่ยงด้านการแข่งขันราคา "
            "และการแบ่งซื้อแบ่งจ้าง งานพัสดุจึงตรวจสอบวงเงินสะสมรายไตรมาสของรายการประเภทเดียวกันทุกครั้งก่อนอนุมัติ"
        ),
        problems_analysis=(
            "ผู้ค้าบางรายส่งของล่าช้ากว่ากำหนดในช่วงที่มีความต้องการยาและเวชภัณฑ์สูง "
            "และเจ้าหน้าที่พัสดุมีจำนวนจำกัดเมื่อเทียบกับปริมาณงาน ทำให้การจัดทำรายงานบางรายการล่าช้า"
        ),
        savings_analysis=(
            f"ราคาที่ตกลงซื้อหรือจ้างต่ำกว่าวงเงินงบประมาณรวม {budget - contract:,.2f} บาท "
            "ส่วนใหญ่มาจากการจัดซื้อยาร่วมระดับจังหวัดและการประกวดราคาอิเล็กทรอนิกส์ครุภัณฑ์การแพทย์"
        ),
        improvement_plan=(
            "จัดทำแผนการจัดซื้อยาและวัสดุการแพทย์รายไตรมาสให้ชัดเจน เพิ่มการจัดซื้อร่วมกับโรงพยาบาลในจังหวัด "
            "อบรมเจ้าหน้าที่เรื่องการใช้ระบบ e-GP และเผยแพร่ผลการจัดซื้อจัดจ้างรายเดือนภายในวันที่ 10 ของเดือนถัดไป"
        ),
        procurement_count=count,
        total_budget=budget,
        total_contract_value=contract,
        owner_unit=owner,
    )


# -- integrity (MOIT 4.3) ------------------------------------------------------------------------------


def integrity(builder, parent, owner, fy):
    day = _date(fy, 10, 20)
    if not _started(day):
        return
    start, end = thai_dates.fiscal_year_range(fy)
    announcement = builder.pdf_document(
        f"ประกาศสำนักงานปลัดกระทรวงสาธารณสุข ว่าด้วยแนวทางปฏิบัติงานเพื่อตรวจสอบบุคลากรในหน่วยงานด้านการจัดซื้อจัดจ้าง พ.ศ. 2560 (แจ้งเวียน ปีงบประมาณ {fy})",
        [
            "ประกาศสำนักงานปลัดกระทรวงสาธารณสุข ลงวันที่ 12 ตุลาคม 2560 กำหนดให้หัวหน้าเจ้าหน้าที่ เจ้าหน้าที่ "
            "และผู้ตรวจรับพัสดุ ตรวจสอบว่าตนไม่มีส่วนได้ส่วนเสียกับผู้ยื่นข้อเสนอหรือคู่สัญญา และลงนามแบบแสดงความบริสุทธิ์ใจ",
            f"โรงพยาบาลฮอดแจ้งเวียนประกาศนี้ให้บุคลากรที่เกี่ยวข้องทราบและถือปฏิบัติในปีงบประมาณ พ.ศ. {fy}",
        ],
        f"moph-procurement-vetting-2560-{fy}.pdf",
        owner=owner,
        period=(start, end),
    )
    builder.page(
        parent,
        IntegrityStatementPage,
        f"announcement-{fy}",
        published_at=_when(day),
        title=f"ประกาศ สป.สธ. ว่าด้วยแนวทางปฏิบัติงานเพื่อตรวจสอบบุคลากรด้านการจัดซื้อจัดจ้าง พ.ศ. 2560 (ปีงบประมาณ {fy})",
        intro="บันทึกแจ้งเวียนประกาศสำนักงานปลัดกระทรวงสาธารณสุขให้ผู้เกี่ยวข้องกับการจัดซื้อจัดจ้างทราบและถือปฏิบัติ",
        category=IntegrityStatementPage.Category.ANNOUNCEMENT,
        fiscal_year=fy,
        document=announcement,
        source="ประกาศสำนักงานปลัดกระทรวงสาธารณสุข ลงวันที่ 12 ตุลาคม 2560",
        owner_unit=owner,
    )
    signers = (
        "นางสาวพิมพ์ชนก ใจคำ – หัวหน้าเจ้าหน้าที่พัสดุ\n"
        "นายอรรถพล คำแสน – เจ้าหน้าที่พัสดุ\n"
        "นางรัตนา บุญมา – ผู้ตรวจรับพัสดุ\n"
        "นายสมชาย ปัญญาวงค์ – ผู้ตรวจรับพัสดุ"
    )
    for category, slug, label in (
        (IntegrityStatementPage.Category.UP_TO_100K, "up-to-100k", "วงเงินเล็กน้อยไม่เกิน 100,000 บาท"),
        (IntegrityStatementPage.Category.OVER_100K, "over-100k", "วงเงินเกิน 100,000 บาท"),
    ):
        document = builder.pdf_document(
            f"แบบแสดงความบริสุทธิ์ใจในการจัดซื้อจัดจ้าง {label} ปีงบประมาณ พ.ศ. {fy}",
            [
                f"ข้าพเจ้าผู้มีรายชื่อท้ายนี้ ขอแสดงความบริสุทธิ์ใจว่าในการจัดซื้อจัดจ้าง{label} ประจำปีงบประมาณ พ.ศ. {fy} "
                "ข้าพเจ้าไม่มีความสัมพันธ์หรือส่วนได้ส่วนเสียกับผู้ยื่นข้อเสนอหรือคู่สัญญา",
                "หากปรากฏภายหลังว่ามีส่วนได้ส่วนเสีย ข้าพเจ้าจะแจ้งผู้บังคับบัญชาและขอถอนตัวจากการปฏิบัติหน้าที่นั้นทันที",
            ],
            f"integrity-statement-{slug}-{fy}.pdf",
            owner=owner,
            period=(start, end),
            meta=signers.splitlines(),
        )
        builder.page(
            parent,
            IntegrityStatementPage,
            f"{slug}-{fy}",
            published_at=_when(day),
            title=f"แบบแสดงความบริสุทธิ์ใจในการจัดซื้อจัดจ้าง {label} ปีงบประมาณ พ.ศ. {fy}",
            intro="หัวหน้าเจ้าหน้าที่ เจ้าหน้าที่ และผู้ตรวจรับพัสดุ แสดงว่าไม่มีส่วนได้ส่วนเสียกับผู้ยื่นข้อเสนอหรือคู่สัญญา",
            category=category,
            fiscal_year=fy,
            document=document,
            declarants=signers,
            owner_unit=owner,
        )


# -- announcements and results --------------------------------------------------------------------------


def _egp(day, suffix):
    """An e-GP project number as the system issues them: year (BE, two digits), month, then a serial."""
    return f"{thai_dates.be_year(day) % 100:02d}{day.month:02d}{suffix}"


def announcements(builder, parent, owner, fy):
    last = fy - 1
    xray, roof = _date(last, 1, 12), _date(last, 4, 22)
    aed, monitor = _date(fy, 10, 29), _date(fy, 11, 18)
    projects = [
        # (slug, category, project, method, budget, reference, winner, amount, e-GP number, date)
        (
            "xray-invitation",
            "invitation",
            "ซื้อครุภัณฑ์การแพทย์ เครื่องเอกซเรย์เคลื่อนที่ระบบดิจิทัล จำนวน 1 เครื่อง",
            Method.E_BIDDING,
            "1450000.00",
            "1438000.00",
            "",
            None,
            _egp(xray, "9034518"),
            xray,
        ),
        (
            "xray-winner",
            "winner",
            "ซื้อครุภัณฑ์การแพทย์ เครื่องเอกซเรย์เคลื่อนที่ระบบดิจิทัล จำนวน 1 เครื่อง",
            Method.E_BIDDING,
            "1450000.00",
            "1438000.00",
            "บริษัท ฮอดเมดิคอล จำกัด",
            "1389000.00",
            _egp(xray, "9034518"),
            _date(last, 2, 16),
        ),
        (
            "roof-invitation",
            "invitation",
            "จ้างปรับปรุงอาคารคลังพัสดุ จำนวน 1 หลัง",
            Method.E_BIDDING,
            "780000.00",
            "772500.00",
            "",
            None,
            _egp(roof, "9051277"),
            roof,
        ),
        (
            "roof-winner",
            "winner",
            "จ้างปรับปรุงอาคารคลังพัสดุ จำนวน 1 หลัง",
            Method.E_BIDDING,
            "780000.00",
            "772500.00",
            "บริษัท แม่แจ่มวิศวกรรม จำกัด",
            "735000.00",
            _egp(roof, "9051277"),
            _date(last, 6, 3),
        ),
        (
            "aed-winner",
            "winner",
            "ซื้อครุภัณฑ์การแพทย์ เครื่องกระตุกหัวใจไฟฟ้าชนิดอัตโนมัติ จำนวน 2 เครื่อง",
            Method.E_MARKET,
            "240000.00",
            "238000.00",
            "ห้างหุ้นส่วนจำกัด เชียงใหม่เวชภัณฑ์",
            "229500.00",
            _egp(aed, "9088342"),
            aed,
        ),
        (
            "monitor-invitation",
            "invitation",
            "ซื้อครุภัณฑ์การแพทย์ เครื่องติดตามการทำงานของหัวใจและสัญญาณชีพ จำนวน 3 เครื่อง",
            Method.E_BIDDING,
            "690000.00",
            "684000.00",
            "",
            None,
            _egp(monitor, "9090215"),
            monitor,
        ),
    ]
    for slug, category, project, method, budget, reference, winner, amount, egp, day in projects:
        if not _started(day):
            continue
        kind = "ประกาศเชิญชวน" if category == "invitation" else "ประกาศผู้ชนะการเสนอราคา"
        how = dict(Method.choices)[method]
        paragraphs = [
            f"โรงพยาบาลฮอดมีความประสงค์จะ{project} ด้วย{how} วงเงินงบประมาณ {Decimal(budget):,.2f} บาท "
            f"ราคากลาง {Decimal(reference):,.2f} บาท",
        ]
        if winner:
            paragraphs.append(f"ผู้ได้รับการคัดเลือก ได้แก่ {winner} เสนอราคาเป็นเงินทั้งสิ้น {Decimal(amount):,.2f} บาท")
        else:
            paragraphs.append("ผู้สนใจสามารถดูรายละเอียดและยื่นข้อเสนอผ่านระบบการจัดซื้อจัดจ้างภาครัฐ (www.gprocurement.go.th)")
        document = builder.pdf_document(
            f"{kind} {project}",
            paragraphs,
            f"announcement-{slug}-{day:%Y%m%d}.pdf",
            owner=owner,
            period=(day, None),
            meta=[f"เลขที่โครงการ {egp}", f"ประกาศ ณ วันที่ {thai_dates.thai_date(day)}"],
        )
        builder.page(
            parent,
            ProcurementAnnouncementPage,
            f"{slug}-{thai_dates.fiscal_year(day)}",
            published_at=_when(day),
            title=f"{kind} {project}",
            intro=paragraphs[-1],
            category=category,
            project_name=project,
            method=method,
            budget_amount=Decimal(budget),
            reference_price=Decimal(reference),
            winner_name=winner,
            contract_amount=Decimal(amount) if amount else None,
            egp_project_number=egp,
            period_start=day,
            owner_unit=owner,
            source="ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP) กรมบัญชีกลาง",
            attachments=[builder.attachment(document)],
        )


# -- แบบ สขร.1 (MOIT 5) ---------------------------------------------------------------------------------


def month_rows(fy, month):
    """The procurement of one month: two monthly services and three to five other purchases."""
    rnd = random.Random(f"sorkhor1-{fy}-{month}")  # noqa: S311 — demo figures, not secrets
    year = thai_dates.ce_year(fy) - (1 if month >= 10 else 0)
    month_name = f"{thai_dates.thai_month(month)} {year + 543}"
    chosen = [(kind, work.format(month=month_name), budget) for kind, work, budget in MONTHLY_SERVICES]
    chosen += rnd.sample(PURCHASES, rnd.randint(3, 5))
    rows = []
    for i, (kind, work, budget) in enumerate(chosen):
        budget = Decimal(budget)
        reference = (budget * Decimal(rnd.choice(["1", "0.99", "0.985", "0.97"]))).quantize(Decimal("0.01"))
        method = Method.E_MARKET if budget > 100000 and kind != "cleaning" else Method.SPECIFIC
        suppliers = SUPPLIERS[kind]
        agreed = (reference * Decimal(rnd.randint(930, 1000)) / 1000).quantize(Decimal("0.01"))
        if method == Method.SPECIFIC:
            supplier = rnd.choice(suppliers)
            bidders = f"{supplier} {agreed:,.2f}"
        else:
            others = [s for s in suppliers if s != suppliers[0]][:2]
            supplier = suppliers[0]
            offers = [(supplier, agreed)] + [
                (name, (agreed * Decimal(rnd.randint(1010, 1080)) / 1000).quantize(Decimal("0.01"))) for name in others
            ]
            bidders = "\n".join(f"{name} {price:,.2f}" for name, price in offers)
        day = min(3 + i * 4 + rnd.randint(0, 2), 28)
        order = "ใบสั่งจ้าง" if work.startswith("จ้าง") else "ใบสั่งซื้อ"
        rows.append(
            MonthlySummaryRow(
                sort_order=i,
                work=work,
                budget_amount=budget,
                reference_price=reference,
                method=method,
                bidders=bidders,
                supplier_name=supplier,
                agreed_price=agreed,
                reason=REASONS[method],
                contract_number=f"{order} ชม 0033.301/{month:02d}{i + 1:02d}",
                contract_date=dt.date(year, month, day),
                egp_project_number=_egp(dt.date(year, month, 1), str(rnd.randint(9000000, 9999999)))
                if method != Method.SPECIFIC or budget > 50000
                else "",
            )
        )
    return rows


def monthly(builder, parent, owner, fy):
    for year, month in thai_dates.fiscal_months(fy):
        first = dt.date(year, month, 1)
        if not _started(first):
            continue
        label = thai_dates.thai_month_year(first)
        next_month = (first + dt.timedelta(days=32)).replace(day=7)
        empty = fy < thai_dates.current_fiscal_year() and month == NO_PROCUREMENT_MONTH
        builder.page(
            parent,
            MonthlySummaryPage,
            f"{year + 543}-{month:02d}",
            published_at=_when(next_month),
            title=f"สรุปผลการจัดซื้อจัดจ้าง เดือน{label}",
            intro=(
                f"แบบ สขร.1 เดือน{label}: ไม่มีการจัดซื้อจัดจ้างในเดือนนี้"
                if empty
                else f"แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้างของโรงพยาบาลฮอดในรอบเดือน{label}"
            ),
            fiscal_year=fy,
            fiscal_month=month,
            no_procurement=empty,
            rows=[] if empty else month_rows(fy, month),
            owner_unit=owner,
        )
