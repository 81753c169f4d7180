"""The hospital's own part of the demo: accounts, departments, home page, sections, policies, settings."""

from django.contrib.auth import get_user_model

from home.demo import content, media, two_factor
from home.models import ContactPage, ContactSettings, FooterSettings, SitemapPage, StandardPage
from home.thai_dates import current_fiscal_year

DEMO_PASSWORD = "hod-demo-2569"  # noqa: S105 — demo only, printed in the README

# username, first name, last name, superuser. Their roles (groups) come from the publishing app's
# demo loader, which runs setup_roles once every section exists.
ACCOUNTS = [
    ("admin", "ผู้ดูแล", "ระบบ", True),
    ("director", "ธนกร", "วงศ์ศรีสุข", False),
    ("webmaster", "ปิยะพงษ์", "คำมูล", False),
    ("webmaster2", "สุภาวดี", "อินทร์แก้ว", False),
    ("head", "วรรณา", "ศรีวงค์", False),
    ("editor", "อนุชา", "ปัญญาดี", False),
]


def load(builder):
    accounts(builder)
    for name, kind in content.DEPARTMENTS:
        builder.department(name, kind)
    home_page(builder)
    sections(builder)
    special_pages(builder)


def accounts(builder):
    User = get_user_model()
    for username, first, last, superuser in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        user = User(
            username=username, first_name=first, last_name=last, email=f"{username}@hodhospital.go.th",
            is_staff=True, is_superuser=superuser,
        )  # fmt: skip
        user.set_password(DEMO_PASSWORD)
        user.save()
        builder.created.append(f"user: {username}")


def home_page(builder):
    home = builder.home
    fy = current_fiscal_year()
    director_name, director_position = content.DIRECTOR
    hero = builder.image(
        "อาคารโรงพยาบาลฮอด", media.hospital_scene, "hod-hospital.jpg", "ภาพวาดอาคารโรงพยาบาลฮอดหน้าทิวเขา มีต้นไม้รอบอาคาร"
    )
    director_photo = builder.image(
        "ผู้อำนวยการโรงพยาบาลฮอด", lambda: media.portrait(1), "director.jpg", f"รูปถ่าย{director_name} {director_position}"
    )
    no_gift = builder.image(
        f"No Gift Policy ปีงบประมาณ {fy}",
        lambda: media.no_gift_infographic(fy, director_name, director_position),
        f"no-gift-{fy}.png",
        f"อินโฟกราฟิกประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิด (No Gift Policy) ปีงบประมาณ พ.ศ. {fy} "
        f"ในนาม{director_name} {director_position}",
    )
    no_gift_pdf = builder.pdf_document(
        f"ประกาศโรงพยาบาลฮอด เรื่อง เจตนารมณ์ No Gift Policy ปีงบประมาณ พ.ศ. {fy}",
        [
            "โรงพยาบาลฮอดมีเจตนารมณ์ที่จะบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส และตรวจสอบได้ "
            "จึงประกาศให้ผู้บริหารและเจ้าหน้าที่ทุกคนไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่",
            "ทั้งนี้ ผู้บริหารจะเป็นแบบอย่างที่ดี และกำกับติดตามให้เจ้าหน้าที่ปฏิบัติตามประกาศนี้อย่างเคร่งครัด",
        ],
        f"no-gift-policy-{fy}.pdf",
        meta=[director_name, director_position],
        description="ประกาศเจตนารมณ์ในนามผู้อำนวยการ ตามเกณฑ์ MOIT 12.1",
    )
    changed = False
    if not home.hero_message:
        home.title = "โรงพยาบาลฮอด"
        home.draft_title = home.title
        home.seo_title = "โรงพยาบาลฮอด จังหวัดเชียงใหม่ – เว็บไซต์ทางการ"
        home.hero_title = "โรงพยาบาลฮอด"
        home.hero_message = "บริการด้วยใจ ใส่ใจคุณภาพ เพื่อสุขภาพที่ดีของชาวอำเภอฮอด"
        home.hero_image = hero
        home.director_name, home.director_position = director_name, director_position
        home.director_photo = director_photo
        home.director_message = (
            "<p>โรงพยาบาลฮอดมุ่งมั่นให้บริการที่มีคุณภาพ ปลอดภัย และเป็นธรรมแก่ประชาชนทุกคน "
            "พร้อมเปิดเผยข้อมูลการดำเนินงานอย่างโปร่งใส ตรวจสอบได้ ตามหลักธรรมาภิบาล</p>"
        )
        home.search_description = (
            "เว็บไซต์ทางการของโรงพยาบาลฮอด อำเภอฮอด จังหวัดเชียงใหม่: ข่าวสาร บริการ และข้อมูลข่าวสารตามกฎหมาย"
        )
        changed = True
    if home.no_gift_fiscal_year != fy and not home.no_gift_image_id:
        home.no_gift_fiscal_year = fy
        home.no_gift_image = no_gift
        home.no_gift_document = no_gift_pdf
        changed = True
    if changed:
        home.save_revision().publish()
        builder.created.append("home page content")


def sections(builder):
    for slug, title, intro, body, _children, in_menu in content.TREE:
        if slug in content.HOME_GROUPS:
            builder.page(builder.home, StandardPage, slug, title=title, intro=intro, body=body, show_in_menus=in_menu)
    for path in content.HOME_OWNED:
        parent_slug, slug = path.split("/")
        title, intro, body = content.section_text(path)
        builder.page(
            builder.find(parent_slug), StandardPage, slug, title=title, intro=intro, body=body, show_in_menus=True
        )


OIA_REQUEST_FORM = [
    "เขียนที่ ........................................ วันที่ ...... เดือน ...................... พ.ศ. ..........",
    "ข้าพเจ้า (นาย/นาง/นางสาว) ........................................ อายุ ...... ปี "
    "อยู่บ้านเลขที่ ........ หมู่ที่ ...... ตำบล .................. อำเภอ .................. จังหวัด ..................",
    "มีความประสงค์ขอตรวจดูหรือขอสำเนาข้อมูลข่าวสารของราชการตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 ดังนี้ "
    "☐ ขอตรวจดู ☐ ขอสำเนา ☐ ขอสำเนาที่มีคำรับรองถูกต้อง",
    "ข้อมูลข่าวสารที่ต้องการ (ระบุให้ชัดเจนพอที่จะค้นหาได้) ........................................",
    "ข้าพเจ้ายินดีชำระค่าธรรมเนียมการทำสำเนาตามประกาศคณะกรรมการข้อมูลข่าวสารของราชการ",
    "ลงชื่อ ........................................ ผู้ยื่นคำขอ",
]


def special_pages(builder):
    home = builder.home
    request_form = builder.document(
        "แบบคำขอตรวจดูหรือขอสำเนาข้อมูลข่าวสารของราชการ",
        lambda: media.thai_docx("แบบคำขอตรวจดูหรือขอสำเนาข้อมูลข่าวสารของราชการ", OIA_REQUEST_FORM),
        "oia-request-form.docx",
        description="แบบฟอร์ม Word สำหรับยื่นคำขอข้อมูลข่าวสารของราชการ กรอกแล้วส่งที่ศูนย์ข้อมูลข่าวสารหรือทางอีเมล",
        owner=builder.department("งานประชาสัมพันธ์", "unit"),
    )
    builder.contact = builder.page(
        home, ContactPage, "contact", title="ติดต่อเรา", show_in_menus=True,
        intro="ติดต่อสอบถาม ขอรับข้อมูลข่าวสาร หรือขอคำแนะนำในการติดต่อกับโรงพยาบาลฮอดได้ตามช่องทางด้านล่าง",
        body=content.p(
            "การขอข้อมูลข่าวสารของราชการ (พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540 มาตรา 7 (3) และมาตรา 11): "
            "ยื่นคำขอด้วยตนเองที่ศูนย์ข้อมูลข่าวสาร ชั้น 1 อาคารอำนวยการ ในวันและเวลาราชการ หรือส่งทางไปรษณีย์และอีเมล "
            "โดยระบุข้อมูลที่ต้องการให้ชัดเจนพอที่จะค้นหาได้"
        ) + [{"type": "document", "value": {"document": request_form.pk, "title": ""}}],
    )  # fmt: skip
    builder.sitemap = builder.page(
        home, SitemapPage, "sitemap", title="ผังเว็บไซต์", intro="หน้าทั้งหมดของเว็บไซต์โรงพยาบาลฮอด"
    )
    builder.policies = {
        slug: builder.page(home, StandardPage, slug, title=title, intro=intro, body=body, list_children=False)
        for slug, title, intro, body in content.POLICIES
    }


def finish(builder):
    """After every app's loader: menu order, quick links, news on the home page, site settings."""
    home = builder.home
    order_sections(builder)
    two_factor.load(builder)  # every demo account exists by now (home/demo/two_factor.py)
    changed = False
    news = builder.find("news")
    if news and not home.news_index_id:
        home.news_index = news
        changed = True
    if not home.quick_links:
        links = [
            (
                "ร้องเรียน / แจ้งเบาะแส",
                "ร้องเรียนการให้บริการหรือการทุจริต ไม่ต้องระบุชื่อได้",
                ("services/e-services/complaint", "transparency/complaint-procedures"),
                "complaint",
            ),
            ("บริการอิเล็กทรอนิกส์", "ติดตามเรื่อง แสดงความคิดเห็น ประเมินความพึงพอใจ", "services/e-services", "calendar"),
            ("คู่มือสำหรับประชาชน", "ขั้นตอน ระยะเวลา และเอกสารที่ต้องใช้", "services/citizen-guides", "document"),
            ("จัดซื้อจัดจ้าง", "แผน ประกาศ และสรุปผลรายเดือน (สขร.1)", "procurement", "procurement"),
            ("ศูนย์ข้อมูลข่าวสาร", "ข้อมูลตาม พ.ร.บ.ข้อมูลข่าวสาร มาตรา 7 และ 9", "transparency/information-centre", "info"),
            ("ITA", "การประเมินคุณธรรมและความโปร่งใส", "transparency/ita", "chart"),
            ("คลังความรู้", "ความรู้สุขภาพพร้อมแหล่งที่มา", "knowledge", "heart"),
            ("ติดต่อเรา", "ที่อยู่ โทรศัพท์ แผนที่", "contact", "phone"),
        ]
        blocks = []
        for title, description, paths, icon in links:
            # The first of the candidate pages that exists (the online form, if e-services is installed).
            paths = (paths,) if isinstance(paths, str) else paths
            target = next((page for page in map(builder.find, paths) if page), None)
            if target:
                blocks.append(
                    ("link", {"title": title, "description": description, "page": target, "url": "", "icon": icon})
                )
        home.quick_links = blocks
        changed = True
    if changed:
        home.save_revision().publish()
        builder.created.append("home page links")
    site_settings(builder)


def order_sections(builder):
    """Put top-level sections in MENU_ORDER, but only when this run created one of them."""
    if not any(item.startswith("page: ") and item.count("/") == 3 for item in builder.created):
        return
    previous = None
    for slug in content.MENU_ORDER:
        page = builder.find(slug)
        if page is None:
            continue
        if previous is not None:
            page.move(previous, pos="right")
            page.refresh_from_db()
        previous = page


def site_settings(builder):
    contact = ContactSettings.for_site(builder.site)
    if not contact.address:
        for field, value in content.CONTACT.items():
            setattr(contact, field, value)
        contact.map_image = builder.image(
            "แผนที่ตั้งโรงพยาบาลฮอด", media.map_picture, "hod-map.png",
            "แผนที่แสดงที่ตั้งโรงพยาบาลฮอดริมทางหลวงหมายเลข 108 ฝั่งตะวันออกของแม่น้ำปิง",
        )  # fmt: skip
        contact.save()
        builder.created.append("contact settings")
    footer = FooterSettings.for_site(builder.site)
    if not footer.sitemap_page_id:
        footer.sitemap_page = builder.find("sitemap")
        footer.privacy_page = builder.find("privacy")
        footer.website_policy_page = builder.find("website-policy")
        footer.security_policy_page = builder.find("security-policy")
        footer.accessibility_page = builder.find("accessibility")
        footer.contact_page = builder.find("contact")
        footer.save()
        builder.created.append("footer links")
