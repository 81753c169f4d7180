"""The demo's complaint and feedback services: the four public pages under บริการอิเล็กทรอนิกส์, two
staff accounts, complaints of the past and current fiscal year in every state, and answered questions.

Idempotent: pages by slug, accounts by username, complaints by their fixed demo codes, questions by
subject. Names in complaints are invented.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.loaders.hospital import DEMO_PASSWORD
from eservices import complaints as rules
from eservices.models import (
    Complaint,
    ComplaintEvent,
    ComplaintFormPage,
    ComplaintStatisticsPage,
    ComplaintTrackingPage,
    Feedback,
    FeedbackPage,
)
from home.models import StandardPage

ACCOUNTS = [
    ("complaints", "มาลัย", "ใจดี", rules.SERVICE_GROUP),
    ("integrity", "ประเสริฐ", "สุจริตธรรม", rules.CORRUPTION_GROUP),
]

# code, days ago, kind, channel, status, unit, subject, details, response, contact (name, phone, email)
COMPLAINTS = [
    (
        "DEM3-XK4A-7QPA",
        330,
        "service",
        "website",
        "resolved",
        "กลุ่มงานการพยาบาล",
        "รอตรวจที่แผนกผู้ป่วยนอกนานเกินไป",
        "วันที่มาตรวจรอตั้งแต่ 07.30 น. ได้พบแพทย์เวลา 13.00 น. ไม่มีเจ้าหน้าที่แจ้งลำดับคิว",
        "โรงพยาบาลได้ปรับระบบคิวเป็นบัตรคิวอัตโนมัติพร้อมจอแสดงลำดับ และเพิ่มแพทย์ตรวจช่วงเช้าวันจันทร์แล้ว ขออภัยในความไม่สะดวก",
        ("นางสมใจ ทองดี", "081-234-5678", ""),
    ),
    (
        "DEM4-PC7N-3RTE",
        300,
        "service",
        "phone",
        "resolved",
        "กลุ่มงานบริหารทั่วไป",
        "ที่จอดรถไม่เพียงพอช่วงเช้า",
        "ช่วงเช้าไม่มีที่จอดรถ ต้องจอดริมถนนทางหลวง เสี่ยงอันตราย",
        "โรงพยาบาลเปิดลานจอดรถด้านหลังอาคารผู้ป่วยใน และจัดเจ้าหน้าที่รักษาความปลอดภัยอำนวยความสะดวกช่วง 07.00–10.00 น.",
        ("นายวิชัย คำแสน", "089-876-5432", ""),
    ),
    (
        "DEM6-HW9M-4KFA",
        270,
        "corruption",
        "website",
        "closed",
        "",
        "สงสัยการเรียกรับเงินเพื่อออกใบรับรองแพทย์เร็ว",
        "มีผู้แจ้งว่าต้องจ่ายเงินเพิ่มเพื่อรับใบรับรองแพทย์ภายในวันเดียว",
        "คณะทำงานตรวจสอบข้อเท็จจริงแล้ว ไม่พบการเรียกรับเงิน ค่าธรรมเนียมเป็นไปตามประกาศของโรงพยาบาล ได้ติดประกาศอัตราค่าบริการไว้ที่จุดบริการแล้ว",
        None,
    ),
    (
        "DEM7-TQ3V-9CXA",
        240,
        "service",
        "box",
        "resolved",
        "กลุ่มงานเภสัชกรรมและคุ้มครองผู้บริโภค",
        "รอรับยานาน",
        "รอรับยาที่ห้องยานานกว่า 1 ชั่วโมง ไม่มีที่นั่งเพียงพอ",
        "เพิ่มช่องจ่ายยาช่วงเวลา 10.00–12.00 น. และเพิ่มเก้าอี้หน้าห้องยา 20 ที่นั่ง",
        ("นายบุญมา ศรีสุข", "", "bunma@example.com"),
    ),
    (
        "DEM9-FJ6D-KE3A",
        200,
        "service",
        "in_person",
        "forwarded",
        "",
        "ค่ารถส่งต่อผู้ป่วยไปโรงพยาบาลนครพิงค์",
        "ขอทราบสิทธิการเบิกค่ารถส่งต่อผู้ป่วยที่ต้องเดินทางไปรักษาต่อ",
        "เรื่องสิทธิประโยชน์อยู่ในความรับผิดชอบของสำนักงานหลักประกันสุขภาพแห่งชาติ เขต 1 เชียงใหม่ ได้ส่งเรื่องต่อแล้ว โทร 1330",
        ("นางแสงเดือน ปัญญา", "086-111-2233", ""),
    ),
    (
        "DEMA-MN4W-7HYA",
        150,
        "service",
        "website",
        "resolved",
        "กลุ่มงานการพยาบาล",
        "เจ้าหน้าที่พูดจาไม่สุภาพที่จุดคัดกรอง",
        "เจ้าหน้าที่จุดคัดกรองพูดเสียงดังและไม่สุภาพกับผู้สูงอายุ",
        "หัวหน้ากลุ่มงานการพยาบาลได้พูดคุยกับเจ้าหน้าที่ และจัดอบรมพฤติกรรมบริการให้เจ้าหน้าที่จุดคัดกรองทุกคนแล้ว",
        ("นายอุดม แก้วมา", "084-555-6677", ""),
    ),
    (
        "DEMC-RE7K-4PXA",
        110,
        "corruption",
        "post",
        "in_progress",
        "",
        "การจัดซื้อวัสดุการแพทย์ราคาสูงกว่าท้องตลาด",
        "ผู้ร้องเรียนแจ้งว่าการจัดซื้อวัสดุการแพทย์บางรายการมีราคาสูงกว่าท้องตลาด",
        "",
        None,
    ),
    (
        "DEMD-VA9P-3QTA",
        60,
        "service",
        "phone",
        "resolved",
        "งานข้อมูลและเทคโนโลยีสารสนเทศ",
        "นัดหมายออนไลน์ใช้งานไม่ได้",
        "ระบบนัดหมายออนไลน์แจ้งข้อผิดพลาดเมื่อเลือกวันที่",
        "แก้ไขระบบนัดหมายเรียบร้อยแล้ว และเพิ่มช่องทางนัดหมายทางโทรศัพท์ 053-461-037 ต่อ 120",
        ("นางสาวพิมพ์ชนก อินทร", "", "pim@example.com"),
    ),
    (
        "DEME-CK3M-9WRA",
        40,
        "service",
        "website",
        "in_progress",
        "กลุ่มงานบริหารทั่วไป",
        "ห้องน้ำอาคารผู้ป่วยนอกไม่สะอาด",
        "ห้องน้ำชั้น 1 อาคารผู้ป่วยนอกมีกลิ่นและไม่มีสบู่ล้างมือ",
        "",
        ("นายประยุทธ ใจงาม", "087-222-3344", ""),
    ),
    (
        "DEMF-QP6X-4NHA",
        20,
        "service",
        "social",
        "acknowledged",
        "กลุ่มงานทันตสาธารณสุข",
        "คิวทำฟันเต็มเร็ว",
        "จองคิวทำฟันไม่ทันทุกครั้ง อยากให้เพิ่มคิวหรือแจ้งวันเปิดจองล่วงหน้า",
        "",
        ("นางบัวผัน สุขใจ", "088-999-0011", ""),
    ),
    (
        "DEMG-XT7C-3KVA",
        9,
        "service",
        "website",
        "received",
        "",
        "ไม่ได้รับผลตรวจเลือด",
        "ตรวจเลือดไปสองสัปดาห์แล้วยังไม่ได้รับแจ้งผล",
        "",
        ("นายสมศักดิ์ มีสุข", "085-444-5566", ""),
    ),
    (
        "DEMH-WN4F-7PDA",
        2,
        "corruption",
        "website",
        "received",
        "",
        "ขอแจ้งเบาะแสการใช้รถราชการไปธุระส่วนตัว",
        "พบรถราชการของโรงพยาบาลจอดที่ตลาดนัดวันอาทิตย์ในช่วงเวลาที่ไม่ใช่ราชการ",
        "",
        None,
    ),
]

FEEDBACK = [
    (
        "question",
        "เปิดให้บริการฉีดวัคซีนวันไหนบ้าง",
        "คลินิกวัคซีนเปิดวันไหนบ้าง ต้องนัดล่วงหน้าหรือไม่",
        "คลินิกวัคซีนของโรงพยาบาลเปิดวันไหน ต้องนัดล่วงหน้าหรือไม่",
        "คลินิกวัคซีนเด็กเปิดทุกวันพุธ เวลา 08.30–12.00 น. วัคซีนผู้ใหญ่ทุกวันพฤหัสบดี ไม่ต้องนัดล่วงหน้า นำสมุดวัคซีนมาด้วย",
        True,
        45,
    ),
    (
        "question",
        "ขอสำเนาเวชระเบียนต้องทำอย่างไร",
        "ต้องการขอสำเนาประวัติการรักษาเพื่อใช้ประกอบการเบิกประกัน ต้องเตรียมเอกสารอะไรบ้าง",
        "การขอสำเนาเวชระเบียนต้องเตรียมเอกสารอะไรบ้าง",
        "ยื่นคำขอด้วยตนเองที่งานเวชระเบียน ชั้น 1 พร้อมบัตรประจำตัวประชาชน หากให้ผู้อื่นมาแทนต้องมีหนังสือมอบอำนาจ ได้รับเอกสารภายใน 3 วันทำการ",
        True,
        30,
    ),
    (
        "suggestion",
        "อยากให้มีที่นั่งรอบริเวณห้องยาเพิ่ม",
        "ช่วงเช้าที่นั่งรอรับยาไม่พอ ผู้สูงอายุต้องยืนรอ",
        "ขอให้เพิ่มที่นั่งรอรับยา เพราะช่วงเช้าที่นั่งไม่พอ",
        "ขอบคุณสำหรับข้อเสนอแนะ โรงพยาบาลได้เพิ่มเก้าอี้หน้าห้องยา 20 ที่นั่งแล้ว",
        True,
        20,
    ),
    ("comment", "ขอบคุณทีมห้องฉุกเฉิน", "ขอบคุณเจ้าหน้าที่ห้องฉุกเฉินที่ดูแลคุณพ่อเป็นอย่างดีเมื่อคืนวันเสาร์", "", "", False, 3),
]


def load(builder):
    rules.setup_complaint_groups()
    accounts(builder)
    pages = service_pages(builder)
    complaints(builder)
    feedback(builder)
    link_from_disclosure(builder, pages)


def accounts(builder):
    from django.contrib.auth.models import Group

    User = get_user_model()
    for username, first, last, group in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@hodhospital.go.th",
                is_staff=True,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=group))
            builder.created.append(f"user: {username}")


def service_pages(builder):
    parent = builder.find("services/e-services")
    if parent is None:
        services = builder.find("services") or builder.home
        parent = builder.page(
            services, StandardPage, "e-services", title="บริการอิเล็กทรอนิกส์ (E-Service)", show_in_menus=True
        )
    form = builder.page(
        parent,
        ComplaintFormPage,
        "complaint",
        title="ร้องเรียน / แจ้งเบาะแสการทุจริต",
        show_in_menus=True,
        intro="ร้องเรียนการให้บริการหรือพฤติกรรมของเจ้าหน้าที่ และแจ้งเบาะแสการทุจริตและประพฤติมิชอบ "
        "เรื่องร้องเรียนการทุจริตไม่ต้องระบุชื่อได้ โรงพยาบาลจะตอบรับเรื่องภายใน 3 วันทำการ และแจ้งผลภายใน 30 วัน",
        thank_you="เจ้าหน้าที่ศูนย์รับเรื่องร้องเรียนจะตอบรับเรื่องภายใน 3 วันทำการ ท่านติดตามสถานะได้ตลอดเวลาด้วยรหัสติดตามเรื่อง "
        "หรือสอบถามทางโทรศัพท์ 053-461-037 ในวันและเวลาราชการ",
    )
    tracking = builder.page(
        parent,
        ComplaintTrackingPage,
        "complaint-status",
        title="ติดตามสถานะเรื่องร้องเรียน",
        show_in_menus=True,
        intro="พิมพ์รหัสติดตามเรื่อง 12 ตัวที่ได้รับเมื่อส่งเรื่อง เพื่อดูสถานะและคำตอบของโรงพยาบาล ไม่ต้องเข้าสู่ระบบ",
    )
    stats = builder.page(
        parent,
        ComplaintStatisticsPage,
        "complaint-statistics",
        title="สถิติเรื่องร้องเรียน",
        show_in_menus=True,
        intro="จำนวนเรื่องร้องเรียนการให้บริการและเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ตามประเภท ช่องทาง สถานะ และเดือน "
        "รอบ 6 เดือนและรอบ 12 เดือนของปีงบประมาณ นับจากระบบรับเรื่องร้องเรียนโดยตรง",
    )
    qa = builder.page(
        parent,
        FeedbackPage,
        "feedback",
        title="แสดงความคิดเห็นและถาม-ตอบ",
        show_in_menus=True,
        intro="ส่งความคิดเห็น ข้อเสนอแนะ หรือคำถามถึงโรงพยาบาลฮอด คำถามที่เป็นประโยชน์ต่อส่วนรวมจะตอบและเผยแพร่ไว้ด้านล่าง "
        "โดยไม่แสดงชื่อหรือช่องทางติดต่อของผู้ถาม",
    )
    return {"form": form, "tracking": tracking, "stats": stats, "qa": qa}


def complaints(builder):
    from home.models import Department

    User = get_user_model()
    handler = {
        "service": User.objects.filter(username="complaints").first(),
        "corruption": User.objects.filter(username="integrity").first(),
    }
    now = timezone.now()
    for code, days, kind, channel, status, unit, subject, details, response, contact in COMPLAINTS:
        if Complaint.objects.filter(tracking_code=code).exists():
            continue
        received = now - dt.timedelta(days=days, hours=3)
        name, phone, email = contact or ("", "", "")
        complaint = Complaint(
            tracking_code=code,
            kind=kind,
            channel=channel,
            subject=subject,
            details=details,
            is_anonymous=contact is None,
            name=name,
            phone=phone,
            email=email,
            received_at=received,
            department=Department.objects.filter(name=unit).first() if unit else None,
            privacy_acknowledged_at=received if channel == "website" else None,
        )
        complaint.save()
        ComplaintEvent.objects.create(
            complaint=complaint, action=ComplaintEvent.Action.RECEIVED, at=received, to_status="received"
        )
        user = handler[kind]
        steps = {
            "received": [],
            "acknowledged": ["acknowledged"],
            "in_progress": ["acknowledged", "in_progress"],
            "resolved": ["acknowledged", "in_progress", "resolved"],
            "closed": ["acknowledged", "in_progress", "closed"],
            "forwarded": ["acknowledged", "forwarded"],
        }[status]
        offsets = [1, 3, min(days - 1, 20)]
        for step, offset in zip(steps, offsets, strict=False):
            at = received + dt.timedelta(days=offset)
            event = complaint.change_status(step, user)
            event.at = at
            event.save()
            if step == "acknowledged":
                complaint.acknowledged_at = at
            if step in Complaint.FINISHED:
                complaint.finished_at = at
        if status == "forwarded":
            complaint.forwarded_to = "สำนักงานหลักประกันสุขภาพแห่งชาติ เขต 1 เชียงใหม่"
        complaint.response = response
        complaint.save()
        builder.created.append(f"complaint: {code}")


def feedback(builder):
    User = get_user_model()
    staff = User.objects.filter(username="complaints").first()
    now = timezone.now()
    # Staff write the public version of each published question (never the message as sent).
    for kind, subject, message, public_question, answer, published, days in FEEDBACK:
        if Feedback.objects.filter(subject=subject).exists():
            continue
        received = now - dt.timedelta(days=days)
        item = Feedback(
            kind=kind,
            subject=subject,
            message=message,
            public_question=public_question,
            received_at=received,
            answer=answer,
            is_published=published,
        )
        if answer:
            item.answered_at = item.published_at = received + dt.timedelta(days=2)
            item.answered_by = staff
        item.save()
        builder.created.append(f"feedback: {subject}")


def link_from_disclosure(builder, pages):
    """The complaint procedures and reports pages (disclosure) link to the form and the statistics."""
    links = {
        "transparency/complaint-procedures": (pages["form"], "ยื่นเรื่องร้องเรียนหรือแจ้งเบาะแสทางเว็บไซต์ได้ที่"),
        "transparency/complaint-reports": (pages["stats"], "สถิติเรื่องร้องเรียนที่นับจากระบบรับเรื่อง ดูได้ที่"),
    }
    for path, (target, text) in links.items():
        page = builder.find(path)
        if page is None or not hasattr(page, "body"):
            continue
        marker = f'linktype="page" id="{target.pk}"'
        if any(marker in str(block["value"]) for block in page.body.get_prep_value()):
            continue
        page.body.append(("paragraph", f"<p>{text} <a {marker}>{target.title}</a></p>"))
        page.save_revision().publish()
        builder.created.append(f"link: {path} → {target.title}")
