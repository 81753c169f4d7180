"""Demo content of the manuals app: operations manuals (R1.14) and citizen guides (R1.15).

Seven manuals of different units (the two complaint-handling manuals of MOIT 2.12 and 2.13
among them, the service-complaints manual in its FY2569 and FY2570 editions) and five guides,
each with a Thai PDF generated from its own steps, spread over the previous and the current
fiscal year. Idempotent like every loader: ``builder.page`` and ``builder.pdf_document`` return
what exists already.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from demo import content
from home.thai_dates import current_fiscal_year, fiscal_year_range, thai_date
from manuals import durations
from manuals.models import CitizenGuideIndexPage, CitizenGuidePage, OperationsManualIndexPage, OperationsManualPage

COMPLAINT_CHANNELS = "\n".join(
    [
        "ศูนย์รับเรื่องร้องเรียน ชั้น 1 อาคารอำนวยการ โรงพยาบาลฮอด (วันและเวลาราชการ)",
        "โทรศัพท์ 053-461-037 ต่อ 101",
        "เว็บไซต์โรงพยาบาลฮอด เมนูบริการประชาชน › ร้องเรียน / แจ้งเบาะแส (ไม่ต้องระบุชื่อได้)",
        "อีเมล saraban@hodhospital.go.th",
        "ไปรษณีย์: ผู้อำนวยการโรงพยาบาลฮอด 169 หมู่ 1 ตำบลหางดง อำเภอฮอด จังหวัดเชียงใหม่ 50240",
        "ศูนย์ดำรงธรรมจังหวัดเชียงใหม่ หรือสายด่วน 1111",
    ]
)
OFFICE_HOURS = "วันจันทร์–วันศุกร์ เวลา 08.30–16.30 น. (เว้นวันหยุดราชการ)"


def step(title, amount, unit, responsible, description=""):
    return (
        "step",
        {
            "title": title,
            "description": description,
            "duration": amount,
            "duration_unit": unit,
            "responsible": responsible,
        },
    )


MIN, HOUR, DAY = (
    durations.DurationUnit.MINUTES.value,
    durations.DurationUnit.HOURS.value,
    durations.DurationUnit.WORKING_DAYS.value,
)
Category = OperationsManualPage.Category

# (slug, title, category, owner, fiscal year offset (0 = current, -1 = previous), ends with its FY, intro, steps)
MANUALS = [
    (
        "service-complaints-2569",
        "คู่มือการปฏิบัติงานการจัดการเรื่องร้องเรียนการให้บริการและการปฏิบัติงานของเจ้าหน้าที่",
        Category.SERVICE_COMPLAINTS,
        "กลุ่มงานบริหารทั่วไป",
        -1,
        True,
        "ขั้นตอนการรับ ตรวจสอบ และแก้ไขเรื่องร้องเรียนเกี่ยวกับการให้บริการหรือการปฏิบัติงานของเจ้าหน้าที่ ฉบับปีงบประมาณที่แล้ว",
        [
            step(
                "รับเรื่องร้องเรียนและลงทะเบียน",
                1,
                DAY,
                "เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียน",
                "รับเรื่องจากทุกช่องทาง ลงทะเบียนและออกรหัสติดตามเรื่อง",
            ),
            step("แจ้งตอบรับผู้ร้องเรียน", 1, DAY, "เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียน"),
            step("ตรวจสอบข้อเท็จจริงกับหน่วยงานที่เกี่ยวข้อง", 7, DAY, "หัวหน้ากลุ่มงานที่เกี่ยวข้อง"),
            step("เสนอผู้อำนวยการพิจารณาสั่งการ", 2, DAY, "หัวหน้ากลุ่มงานบริหารทั่วไป"),
            step("แจ้งผลการดำเนินการแก่ผู้ร้องเรียน", 4, HOUR, "เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียน"),
        ],
    ),
    (
        "service-complaints-2570",
        "คู่มือการปฏิบัติงานการจัดการเรื่องร้องเรียนการให้บริการและการปฏิบัติงานของเจ้าหน้าที่",
        Category.SERVICE_COMPLAINTS,
        "กลุ่มงานบริหารทั่วไป",
        0,
        False,
        "ขั้นตอนการรับ ตรวจสอบ และแก้ไขเรื่องร้องเรียนเกี่ยวกับการให้บริการหรือการปฏิบัติงานของเจ้าหน้าที่ (MOIT 2.12) "
        "ฉบับปรับปรุงให้ตอบรับภายใน 1 วันทำการและติดตามเรื่องผ่านเว็บไซต์ได้",
        [
            step(
                "รับเรื่องร้องเรียนและลงทะเบียน",
                30,
                MIN,
                "เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียน",
                "รับเรื่องจากทุกช่องทาง ลงทะเบียนในระบบและออกรหัสติดตามเรื่อง",
            ),
            step("แจ้งตอบรับผู้ร้องเรียนพร้อมรหัสติดตามเรื่อง", 1, DAY, "เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียน"),
            step("ตรวจสอบข้อเท็จจริงกับหน่วยงานที่เกี่ยวข้อง", 5, DAY, "หัวหน้ากลุ่มงานที่เกี่ยวข้อง"),
            step("เสนอผู้อำนวยการพิจารณาสั่งการ", 1, DAY, "หัวหน้ากลุ่มงานบริหารทั่วไป"),
            step("แจ้งผลการดำเนินการแก่ผู้ร้องเรียนและบันทึกปิดเรื่อง", 2, HOUR, "เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียน"),
        ],
    ),
    (
        "corruption-complaints-2570",
        "คู่มือการปฏิบัติงานการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        Category.CORRUPTION_COMPLAINTS,
        "กลุ่มงานนิติการ",
        0,
        False,
        "ขั้นตอนการรับและจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ (MOIT 2.13) "
        "โดยคุ้มครองข้อมูลของผู้ร้องเรียนและพยานตลอดกระบวนการ",
        [
            step("รับเรื่องร้องเรียนและคัดแยกประเภทเรื่อง", 1, DAY, "นิติกร กลุ่มงานนิติการ", "เก็บรักษาข้อมูลผู้ร้องเรียนเป็นความลับ"),
            step("เสนอผู้อำนวยการพิจารณาแต่งตั้งคณะกรรมการสืบสวนข้อเท็จจริง", 3, DAY, "หัวหน้ากลุ่มงานนิติการ"),
            step("สืบสวนข้อเท็จจริงและรวบรวมพยานหลักฐาน", 30, DAY, "คณะกรรมการสืบสวนข้อเท็จจริง"),
            step("สรุปผลการสืบสวนเสนอผู้อำนวยการ", 5, DAY, "ประธานคณะกรรมการสืบสวนข้อเท็จจริง"),
            step("แจ้งผลแก่ผู้ร้องเรียนและรายงานสำนักงานสาธารณสุขจังหวัดเชียงใหม่", 1, DAY, "นิติกร กลุ่มงานนิติการ"),
        ],
    ),
    (
        "outpatient-service",
        "คู่มือการปฏิบัติงานการให้บริการผู้ป่วยนอก",
        Category.MAIN,
        "กลุ่มงานการพยาบาล",
        -1,
        False,
        "ขั้นตอนการให้บริการผู้ป่วยนอกตั้งแต่ยื่นบัตรจนรับยากลับบ้าน สำหรับพยาบาลและเจ้าหน้าที่แผนกผู้ป่วยนอก",
        [
            step("ยื่นบัตรและตรวจสอบสิทธิการรักษา", 10, MIN, "เจ้าหน้าที่ห้องบัตร"),
            step("คัดกรองและวัดสัญญาณชีพ", 15, MIN, "พยาบาลวิชาชีพ จุดคัดกรอง"),
            step("พบแพทย์ตรวจรักษา", 20, MIN, "แพทย์ผู้ตรวจ"),
            step("ให้คำแนะนำหลังตรวจและนัดหมาย", 10, MIN, "พยาบาลวิชาชีพ แผนกผู้ป่วยนอก"),
            step("ชำระเงินและรับยา", 20, MIN, "งานการเงินและห้องจ่ายยา"),
        ],
    ),
    (
        "outpatient-dispensing",
        "คู่มือการปฏิบัติงานการจ่ายยาผู้ป่วยนอก",
        Category.MAIN,
        "กลุ่มงานเภสัชกรรมและคุ้มครองผู้บริโภค",
        0,
        False,
        "ขั้นตอนการรับใบสั่งยา จัดยา ตรวจสอบ และส่งมอบยาพร้อมคำแนะนำ เพื่อความปลอดภัยของผู้ป่วย",
        [
            step("รับใบสั่งยาและตรวจสอบความถูกต้อง", 5, MIN, "เจ้าพนักงานเภสัชกรรม"),
            step("จัดยาตามใบสั่งยา", 10, MIN, "เจ้าพนักงานเภสัชกรรม"),
            step("ตรวจสอบยาก่อนจ่ายและคัดกรองปัญหาจากการใช้ยา", 5, MIN, "เภสัชกร"),
            step("ส่งมอบยาพร้อมให้คำแนะนำการใช้ยา", 5, MIN, "เภสัชกร"),
        ],
    ),
    (
        "specific-procurement",
        "คู่มือการปฏิบัติงานการจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
        Category.SUPPORT,
        "งานพัสดุ",
        0,
        False,
        "ขั้นตอนการจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจงวงเงินไม่เกิน 500,000 บาท ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
        [
            step("รับบันทึกขอซื้อขอจ้างจากหน่วยงาน", 1, DAY, "เจ้าหน้าที่พัสดุ"),
            step("จัดทำรายงานขอซื้อขอจ้างเสนอผู้อำนวยการ", 1, DAY, "เจ้าหน้าที่พัสดุ"),
            step("เจรจาตกลงราคากับผู้ประกอบการ", 2, DAY, "เจ้าหน้าที่พัสดุ"),
            step("รายงานผลการพิจารณาและขออนุมัติสั่งซื้อสั่งจ้าง", 1, DAY, "หัวหน้าเจ้าหน้าที่พัสดุ"),
            step("ตรวจรับพัสดุ", 3, HOUR, "คณะกรรมการตรวจรับพัสดุ"),
            step("ส่งเอกสารเบิกจ่ายให้งานการเงินและบัญชี", 1, HOUR, "เจ้าหน้าที่พัสดุ"),
        ],
    ),
    (
        "disbursement",
        "คู่มือการปฏิบัติงานการเบิกจ่ายเงินงบประมาณ",
        Category.SUPPORT,
        "งานการเงินและบัญชี",
        -1,
        False,
        "ขั้นตอนการตรวจสอบเอกสารและเบิกจ่ายเงินผ่านระบบ New GFMIS Thai ให้ถูกต้องและทันเวลา",
        [
            step("รับและตรวจสอบเอกสารขอเบิก", 1, DAY, "เจ้าพนักงานการเงินและบัญชี"),
            step("บันทึกขอเบิกในระบบ New GFMIS Thai", 2, HOUR, "เจ้าพนักงานการเงินและบัญชี"),
            step("เสนอผู้มีอำนาจอนุมัติการเบิกจ่าย", 1, DAY, "หัวหน้างานการเงินและบัญชี"),
            step("โอนเงินเข้าบัญชีเจ้าหนี้และแจ้งผู้เกี่ยวข้อง", 30, MIN, "เจ้าพนักงานการเงินและบัญชี"),
        ],
    ),
]

ID_CARD = {
    "name": "บัตรประจำตัวประชาชน",
    "originals": 1,
    "copies": 1,
    "issuer": "กรมการปกครอง กระทรวงมหาดไทย",
    "note": "",
}

# (slug, title, owner, fiscal year offset, intro, place, conditions, steps, fees (None = no fee), documents, laws, form)
GUIDES = [
    (
        "medical-record-copy",
        "การขอสำเนาเวชระเบียน",
        "งานข้อมูลและเทคโนโลยีสารสนเทศ",
        -1,
        "ผู้ป่วยหรือผู้ได้รับมอบอำนาจขอสำเนาประวัติการรักษาของผู้ป่วยเพื่อใช้ประกอบการรักษาต่อ การเบิกค่ารักษา หรือการประกันภัย",
        "งานเวชระเบียน ชั้น 1 อาคารผู้ป่วยนอก โรงพยาบาลฮอด",
        "<p>ผู้ป่วยขอด้วยตนเอง หรือผู้ได้รับมอบอำนาจจากผู้ป่วย หรือทายาทโดยธรรมกรณีผู้ป่วยเสียชีวิต</p>"
        "<ul><li>ต้องแสดงบัตรประจำตัวประชาชนฉบับจริงทุกครั้ง</li><li>กรณีผู้ป่วยเสียชีวิต ต้องแนบสำเนาใบมรณบัตร</li></ul>",
        [
            step("ยื่นแบบคำขอสำเนาเวชระเบียนพร้อมเอกสาร", 15, MIN, "เจ้าหน้าที่งานเวชระเบียน"),
            step("ตรวจสอบสิทธิของผู้ขอ", 30, MIN, "เจ้าหน้าที่งานเวชระเบียน"),
            step("ผู้อำนวยการพิจารณาอนุญาต", 2, DAY, "ผู้อำนวยการโรงพยาบาลฮอด"),
            step("ค้นเวชระเบียนและถ่ายสำเนา", 1, HOUR, "เจ้าหน้าที่งานเวชระเบียน"),
            step("รับรองสำเนาและส่งมอบเอกสาร", 15, MIN, "เจ้าหน้าที่งานเวชระเบียน"),
        ],
        [("ค่าถ่ายสำเนาเอกสารขนาด A4", "1", "ต่อหน้า")],
        [
            ID_CARD,
            {
                "name": "แบบคำขอสำเนาเวชระเบียน",
                "originals": 1,
                "copies": 0,
                "issuer": "โรงพยาบาลฮอด",
                "note": "ดาวน์โหลดได้จากหน้านี้ หรือรับที่งานเวชระเบียน",
            },
            {
                "name": "หนังสือมอบอำนาจ",
                "originals": 1,
                "copies": 0,
                "issuer": "",
                "note": "กรณีให้ผู้อื่นมาแทน พร้อมสำเนาบัตรประจำตัวประชาชนของผู้มอบและผู้รับมอบ",
            },
        ],
        "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 มาตรา 24 และมาตรา 25\nพระราชบัญญัติสุขภาพแห่งชาติ พ.ศ. 2550 มาตรา 7",
        "แบบคำขอสำเนาเวชระเบียน",
    ),
    (
        "medical-certificate",
        "การขอใบรับรองแพทย์",
        "กลุ่มงานการพยาบาล",
        0,
        "การตรวจร่างกายและออกใบรับรองแพทย์สำหรับสมัครงาน สมัครเรียน ขอใบอนุญาตขับรถ หรือลาป่วย",
        "จุดคัดกรอง แผนกผู้ป่วยนอก ชั้น 1 อาคารผู้ป่วยนอก โรงพยาบาลฮอด",
        "<p>ผู้ขอต้องมารับการตรวจร่างกายด้วยตนเอง ใบรับรองแพทย์สำหรับใบอนุญาตขับรถใช้แบบฟอร์มของกรมการขนส่งทางบก (ใบรับรองแพทย์ 5 โรค)</p>",
        [
            step("ยื่นบัตรและแจ้งความประสงค์ขอใบรับรองแพทย์", 10, MIN, "เจ้าหน้าที่ห้องบัตร"),
            step("ชั่งน้ำหนัก วัดความดันโลหิตและสัญญาณชีพ", 15, MIN, "พยาบาลวิชาชีพ จุดคัดกรอง"),
            step("แพทย์ตรวจร่างกายและออกใบรับรองแพทย์", 30, MIN, "แพทย์ผู้ตรวจ"),
            step("ชำระค่าธรรมเนียมและรับใบรับรองแพทย์", 15, MIN, "งานการเงินและบัญชี"),
        ],
        [
            ("ใบรับรองแพทย์ทั่วไป", "50", "ต่อฉบับ"),
            ("ใบรับรองแพทย์สำหรับใบอนุญาตขับรถ (5 โรค)", "100", "ต่อฉบับ ไม่รวมค่าตรวจทางห้องปฏิบัติการ (ถ้ามี)"),
        ],
        [ID_CARD | {"copies": 0}],
        "",
        "แบบคำขอใบรับรองแพทย์",
    ),
    (
        "dental-appointment",
        "การนัดหมายรับบริการทันตกรรม",
        "กลุ่มงานทันตสาธารณสุข",
        0,
        "การขอนัดหมายตรวจฟัน ขูดหินปูน อุดฟัน และถอนฟัน ล่วงหน้า เพื่อลดเวลารอคอย",
        "ห้องทันตกรรม ชั้น 2 อาคารผู้ป่วยนอก โรงพยาบาลฮอด หรือโทรศัพท์ 053-461-037 ต่อ 125",
        "<p>ผู้ป่วยทุกสิทธิการรักษาขอนัดหมายได้ ผู้ป่วยฉุกเฉิน เช่น ปวดฟันรุนแรงหรือมีอาการบวม รับบริการได้ทันทีโดยไม่ต้องนัดหมาย</p>",
        [
            step("ติดต่อขอนัดหมายที่ห้องทันตกรรมหรือทางโทรศัพท์", 10, MIN, "เจ้าหน้าที่ห้องทันตกรรม"),
            step("ตรวจสอบสิทธิการรักษา", 10, MIN, "เจ้าหน้าที่ห้องบัตร"),
            step("ตรวจคัดกรองช่องปากและวางแผนการรักษา", 20, MIN, "ทันตแพทย์หรือทันตาภิบาล"),
            step("รับบัตรนัดหมายพร้อมคำแนะนำก่อนรับบริการ", 5, MIN, "เจ้าหน้าที่ห้องทันตกรรม"),
        ],
        None,
        [
            ID_CARD | {"copies": 0},
            {"name": "บัตรนัดหมายเดิม (ถ้ามี)", "originals": 1, "copies": 0, "issuer": "โรงพยาบาลฮอด", "note": ""},
        ],
        "",
        "แบบบันทึกการนัดหมายทันตกรรม",
    ),
    (
        "continuing-medication",
        "การขอรับยาต่อเนื่องใกล้บ้าน",
        "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข",
        -1,
        "ผู้ป่วยโรคเรื้อรังที่อาการคงที่ขอรับยาต่อเนื่องที่ร้านยาคุณภาพหรือโรงพยาบาลส่งเสริมสุขภาพตำบลใกล้บ้าน โดยไม่ต้องรอที่โรงพยาบาล",
        "ห้องให้คำปรึกษาด้านยา ชั้น 1 อาคารผู้ป่วยนอก โรงพยาบาลฮอด",
        "<ul><li>เป็นผู้ป่วยโรคเบาหวาน ความดันโลหิตสูง หรือโรคเรื้อรังอื่นที่แพทย์ประเมินว่าอาการคงที่</li>"
        "<li>ใช้สิทธิหลักประกันสุขภาพแห่งชาติ</li><li>ยินยอมให้ส่งข้อมูลการรักษาไปยังหน่วยรับยา</li></ul>",
        [
            step("แพทย์ประเมินอาการและยืนยันความเหมาะสม", 15, MIN, "แพทย์ผู้ตรวจ คลินิกโรคเรื้อรัง"),
            step("ลงทะเบียนเลือกหน่วยรับยาใกล้บ้าน", 10, MIN, "เภสัชกร กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข"),
            step("ส่งใบสั่งยาและข้อมูลการรักษาไปยังหน่วยรับยา", 1, DAY, "เภสัชกร กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข"),
            step("รับยาที่หน่วยรับยาพร้อมคำแนะนำ", 15, MIN, "เภสัชกรร้านยาคุณภาพหรือเจ้าหน้าที่ รพ.สต."),
        ],
        None,
        [
            ID_CARD | {"copies": 0},
            {"name": "สมุดประจำตัวผู้ป่วยโรคเรื้อรัง", "originals": 1, "copies": 0, "issuer": "โรงพยาบาลฮอด", "note": ""},
        ],
        "พระราชบัญญัติหลักประกันสุขภาพแห่งชาติ พ.ศ. 2545",
        "แบบแสดงความยินยอมรับยาต่อเนื่องใกล้บ้าน",
    ),
    (
        "official-information-request",
        "การขอข้อมูลข่าวสารของราชการ",
        "งานประชาสัมพันธ์",
        0,
        "ประชาชนทุกคนมีสิทธิขอข้อมูลข่าวสารของราชการที่อยู่ในความครอบครองของโรงพยาบาลฮอด ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        "ศูนย์ข้อมูลข่าวสาร ชั้น 1 อาคารอำนวยการ โรงพยาบาลฮอด หรือส่งคำขอทางไปรษณีย์และอีเมล saraban@hodhospital.go.th",
        "<p>ระบุข้อมูลข่าวสารที่ต้องการให้ชัดเจนพอที่จะค้นหาได้ ข้อมูลข่าวสารส่วนบุคคลของผู้อื่นและข้อมูลที่ไม่ต้องเปิดเผยตามมาตรา 14 และมาตรา 15 "
        "อาจไม่ได้รับอนุญาต โดยผู้ขอมีสิทธิอุทธรณ์ต่อคณะกรรมการวินิจฉัยการเปิดเผยข้อมูลข่าวสาร</p>",
        [
            step("ยื่นแบบคำขอข้อมูลข่าวสาร", 15, MIN, "เจ้าหน้าที่ศูนย์ข้อมูลข่าวสาร"),
            step("ค้นหาข้อมูลข่าวสารจากหน่วยงานเจ้าของข้อมูล", 2, DAY, "หน่วยงานเจ้าของข้อมูล"),
            step("ผู้อำนวยการพิจารณาการเปิดเผย", 3, DAY, "ผู้อำนวยการโรงพยาบาลฮอด"),
            step("แจ้งผลและส่งมอบข้อมูลข่าวสาร", 30, MIN, "เจ้าหน้าที่ศูนย์ข้อมูลข่าวสาร"),
        ],
        [
            ("ค่าถ่ายสำเนาเอกสารขนาด A4", "1", "ต่อหน้า ตามระเบียบคณะกรรมการข้อมูลข่าวสารของราชการ"),
            ("ค่ารับรองสำเนาถูกต้อง", "5", "ต่อหน้าที่รับรอง"),
        ],
        [ID_CARD],
        "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 มาตรา 9 และมาตรา 11\n"
        "ระเบียบคณะกรรมการข้อมูลข่าวสารของราชการ ว่าด้วยการเรียกค่าธรรมเนียมการขอสำเนาหรือขอสำเนาที่มีคำรับรองถูกต้อง",
        "แบบคำขอข้อมูลข่าวสารของราชการ",
    ),
]


def load(builder):
    fy = current_fiscal_year()
    manual_index = operations_manuals(builder, fy)
    guide_index = citizen_guides(builder, fy)
    return manual_index, guide_index


def _period(fy, offset, ends_with_year=False):
    start, end = fiscal_year_range(fy + offset)
    return start, (end if ends_with_year else None)


def _published_at(start, days_after):
    """A plausible publish time a few days into the period, never in the future."""
    moment = timezone.make_aware(dt.datetime.combine(start + dt.timedelta(days=days_after), dt.time(10, 0)))
    return min(moment, timezone.now() - dt.timedelta(hours=1))


def _step_lines(steps):
    lines = []
    for number, (_type, value) in enumerate(steps, start=1):
        time = durations.amount_label(value["duration"], value["duration_unit"])
        lines.append(f"ขั้นตอนที่ {number} {value['title']} ระยะเวลา {time} ผู้รับผิดชอบ: {value['responsible']}")
    total = sum(durations.to_minutes(v["duration"], v["duration_unit"]) for _t, v in steps)
    lines.append(f"รวมระยะเวลาทั้งสิ้น {durations.duration_label(total)}")
    return lines


def _index(builder, parent_path, model, slug, section):
    parent = builder.find(parent_path)
    if parent is None:
        return None
    title, intro, body = content.section_text(section)
    return builder.page(parent, model, slug, title=title, intro=intro, body=body, show_in_menus=True)


def operations_manuals(builder, fy):
    index = _index(
        builder, "transparency", OperationsManualIndexPage, "operations-manuals", "transparency/operations-manuals"
    )
    if index is None:
        return None
    for slug, title, category, owner_name, offset, ends, intro, steps in MANUALS:
        owner = builder.department(owner_name)
        period = _period(fy, offset, ends)
        edition = f"{title} ปีงบประมาณ พ.ศ. {fy + offset}"
        document = builder.pdf_document(
            edition,
            [intro, f"หน่วยงานเจ้าของคู่มือ: {owner_name}", *_step_lines(steps)],
            f"manual-{slug}.pdf",
            owner=owner,
            period=period,
            meta=[owner_name, f"มีผลตั้งแต่ {thai_date(period[0])}"],
            description=f"คู่มือฉบับเต็มสำหรับดาวน์โหลด ({OperationsManualPage.MOIT_ITEMS[category]})",
        )
        builder.page(
            index,
            OperationsManualPage,
            slug,
            published_at=_published_at(period[0], 6),
            title=edition,
            intro=intro,
            category=category,
            steps=steps,
            owner_unit=owner,
            period_start=period[0],
            period_end=period[1],
            attachments=[builder.attachment(document, "คู่มือฉบับเต็ม (PDF)")],
        )
    return index


def citizen_guides(builder, fy):
    index = _index(builder, "services", CitizenGuideIndexPage, "citizen-guides", "services/citizen-guides")
    if index is None:
        return None
    for slug, title, owner_name, offset, intro, place, conditions, steps, fees, documents, laws, form in GUIDES:
        owner = builder.department(owner_name)
        period = _period(fy, offset)
        form_document = builder.pdf_document(
            f"{form} ({title})",
            [
                "เรียน ผู้อำนวยการโรงพยาบาลฮอด",
                f"ข้าพเจ้า (ชื่อ–นามสกุล) ........................................ เลขประจำตัวประชาชน ........................................ "
                f"ที่อยู่ ........................................ โทรศัพท์ ........................................ มีความประสงค์ขอรับบริการ{title}",
                "รายละเอียด ....................................................................................................",
                "ลงชื่อ ........................................ ผู้ยื่นคำขอ วันที่ ........ เดือน .................... พ.ศ. ........",
                f"คำแนะนำ: {place} {OFFICE_HOURS}",
            ],
            f"form-{slug}.pdf",
            owner=owner,
            period=period,
            meta=[owner_name],
            description=f"แบบฟอร์มประกอบคู่มือสำหรับประชาชน เรื่อง {title}",
        )
        guide = builder.pdf_document(
            f"คู่มือสำหรับประชาชน: {title}",
            [intro, f"สถานที่ให้บริการ: {place} {OFFICE_HOURS}", *_step_lines(steps)],
            f"guide-{slug}.pdf",
            owner=owner,
            period=period,
            meta=[owner_name],
            description=f"คู่มือสำหรับประชาชน เรื่อง {title} ฉบับพิมพ์",
        )
        builder.page(
            index,
            CitizenGuidePage,
            slug,
            published_at=_published_at(period[0], 10),
            title=title,
            intro=intro,
            service_place=place,
            office_hours=OFFICE_HOURS,
            legal_basis=laws,
            conditions=conditions,
            steps=steps,
            free_of_charge=fees is None,
            fees=[
                ("fee", {"item": item, "amount": Decimal(amount), "note": note}) for item, amount, note in fees or []
            ],
            required_documents=[("document", document) for document in documents],
            complaint_channels=COMPLAINT_CHANNELS,
            owner_unit=owner,
            period_start=period[0],
            period_end=period[1],
            attachments=[builder.attachment(form_document, form), builder.attachment(guide, f"คู่มือ{title} (ฉบับพิมพ์)")],
        )
    return index
