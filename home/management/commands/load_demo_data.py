"""Build the demo Hod Hospital: page tree for every R1 category, Thai content, images, accounts.

Safety: refuses to run unless DEBUG is on (it creates accounts with a published password).
Idempotent: it only creates what is missing, so running it again keeps everything already there,
including editors' changes. ``--dry-run`` reports what it would create without writing.
"""

import datetime as dt
import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.demo import content, media
from home.models import ContactPage, ContactSettings, FooterSettings, HomePage, SitemapPage, StandardPage
from home.thai_dates import current_fiscal_year

DEMO_PASSWORD = "hod-demo-2569"  # noqa: S105 — demo only, printed in the README

# username, first name, last name, role group names, superuser
ACCOUNTS = [
    ("admin", "ผู้ดูแล", "ระบบ", [], True),
    ("director", "ธนกร", "วงศ์ศรีสุข", ["Moderators"], False),
    ("webmaster", "ปิยะพงษ์", "คำมูล", ["Moderators", "Editors"], False),
    ("webmaster2", "สุภาวดี", "อินทร์แก้ว", ["Moderators", "Editors"], False),
    ("head", "วรรณา", "ศรีวงค์", ["Moderators"], False),
    ("editor", "อนุชา", "ปัญญาดี", ["Editors"], False),
]

EXECUTIVES = [
    ("นายแพทย์ธนกร วงศ์ศรีสุข", "ผู้อำนวยการโรงพยาบาลฮอด", "053-461-037 ต่อ 101"),
    ("นางวรรณา ศรีวงค์", "หัวหน้ากลุ่มงานการพยาบาล", "053-461-037 ต่อ 201"),
    ("นายสมศักดิ์ แก้วมูล", "หัวหน้ากลุ่มงานบริหารทั่วไป", "053-461-037 ต่อ 111"),
    ("ภญ.กมลชนก ใจคำ", "หัวหน้ากลุ่มงานเภสัชกรรมและคุ้มครองผู้บริโภค", "053-461-037 ต่อ 301"),
    ("ทพ.อดิศร บุญเรือง", "หัวหน้ากลุ่มงานทันตกรรม", "053-461-037 ต่อ 401"),
]


class Command(BaseCommand):
    help = "Load the demo Hod Hospital site (DEBUG only; idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be created; write nothing.")

    def handle(self, *args, dry_run=False, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo_data runs only with DEBUG on: it creates demo accounts with a public password."
            )
        self.created = []
        with transaction.atomic():
            self.build()
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would create" if dry_run else "Created"
        if self.created:
            self.stdout.write(f"{verb} {len(self.created)} objects:")
            for item in self.created:
                self.stdout.write(f"  + {item}")
        else:
            self.stdout.write("Demo data already present; nothing to do.")

    # -- building blocks ----------------------------------------------------------------------

    def image(self, title, data, filename, alt):
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        data = data() if callable(data) else data
        img = Image(title=title, description=alt, file=ImageFile(io.BytesIO(data), name=filename))
        img.save()
        self.created.append(f"image: {title}")
        return img

    def document(self, title, data, filename, description=""):
        Document = get_document_model()
        existing = Document.objects.filter(title=title).first()
        if existing:
            return existing
        data = data() if callable(data) else data
        doc = Document(title=title, description=description)
        doc.file.save(filename, ContentFile(data), save=False)
        doc.file_size = len(data)
        doc.save()
        self.created.append(f"document: {title}")
        return doc

    def page(self, parent, model, slug, published_days_ago=None, **fields):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        if published_days_ago is not None:
            when = timezone.now() - dt.timedelta(days=published_days_ago)
            Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
            page.refresh_from_db()
        self.created.append(f"page: {page.url_path}")
        return page

    # -- the hospital -------------------------------------------------------------------------

    def build(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("No default site: run migrate first.")
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise CommandError("The default site's root is not a HomePage.")
        if site.site_name != "โรงพยาบาลฮอด":
            site.site_name = "โรงพยาบาลฮอด"
            site.save()

        self.accounts()
        fy = current_fiscal_year()
        hero = self.image(
            "อาคารโรงพยาบาลฮอด",
            media.hospital_scene,
            "hod-hospital.jpg",
            "ภาพวาดอาคารโรงพยาบาลฮอดหน้าทิวเขา มีต้นไม้รอบอาคาร",
        )
        director_photo = self.image(
            "ผู้อำนวยการโรงพยาบาลฮอด",
            lambda: media.portrait(1),
            "director.jpg",
            "รูปถ่ายนายแพทย์ธนกร วงศ์ศรีสุข ผู้อำนวยการโรงพยาบาลฮอด",
        )
        no_gift = self.image(
            f"No Gift Policy ปีงบประมาณ {fy}",
            lambda: media.no_gift_infographic(fy, *content.DIRECTOR),
            f"no-gift-{fy}.png",
            f"อินโฟกราฟิกประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิด (No Gift Policy) ปีงบประมาณ พ.ศ. {fy} "
            f"ในนาม{content.DIRECTOR[0]} {content.DIRECTOR[1]}",
        )
        no_gift_pdf = self.document(
            f"ประกาศโรงพยาบาลฮอด เรื่อง เจตนารมณ์ No Gift Policy ปีงบประมาณ พ.ศ. {fy}",
            lambda: media.thai_pdf(
                f"ประกาศโรงพยาบาลฮอด เรื่อง นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ปีงบประมาณ พ.ศ. {fy}",
                [
                    "โรงพยาบาลฮอดมีเจตนารมณ์ที่จะบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส และตรวจสอบได้ "
                    "จึงประกาศให้ผู้บริหารและเจ้าหน้าที่ทุกคนไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่",
                    "ทั้งนี้ ผู้บริหารจะเป็นแบบอย่างที่ดี และกำกับติดตามให้เจ้าหน้าที่ปฏิบัติตามประกาศนี้อย่างเคร่งครัด",
                ],
                [f"{content.DIRECTOR[0]}", content.DIRECTOR[1]],
            ),
            f"no-gift-policy-{fy}.pdf",
            "ประกาศเจตนารมณ์ในนามผู้อำนวยการ ตามเกณฑ์ MOIT 12.1",
        )

        changed = False
        if not home.hero_message:
            home.title = "โรงพยาบาลฮอด"
            home.draft_title = home.title
            home.seo_title = "โรงพยาบาลฮอด จังหวัดเชียงใหม่ – เว็บไซต์ทางการ"
            home.hero_title = "โรงพยาบาลฮอด"
            home.hero_message = "บริการด้วยใจ ใส่ใจคุณภาพ เพื่อสุขภาพที่ดีของชาวอำเภอฮอด"
            home.hero_image = hero
            home.director_name, home.director_position = content.DIRECTOR
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

        sections = {}
        for slug, title, intro, body, children, in_menu in content.TREE:
            section = self.page(home, StandardPage, slug, title=title, intro=intro, body=body, show_in_menus=in_menu)
            sections[slug] = section
            for c_slug, c_title, c_intro, c_body, *_rest in children:
                child = self.page(
                    section, StandardPage, c_slug, title=c_title, intro=c_intro, body=c_body, show_in_menus=True
                )
                sections[f"{slug}/{c_slug}"] = child
        self.executives(sections["about/executives"])
        self.news(sections["news"])
        contact = self.page(
            home,
            ContactPage,
            "contact",
            title="ติดต่อเรา",
            show_in_menus=True,
            intro="ติดต่อสอบถาม ขอรับข้อมูลข่าวสาร หรือขอคำแนะนำในการติดต่อกับโรงพยาบาลฮอดได้ตามช่องทางด้านล่าง",
            body=content.p(
                "การขอข้อมูลข่าวสารของราชการ (พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540 มาตรา 7 (3) และมาตรา 11): "
                "ยื่นคำขอด้วยตนเองที่ศูนย์ข้อมูลข่าวสาร ชั้น 1 อาคารอำนวยการ ในวันและเวลาราชการ หรือส่งทางไปรษณีย์และอีเมล "
                "โดยระบุข้อมูลที่ต้องการให้ชัดเจนพอที่จะค้นหาได้"
            ),
        )
        sitemap = self.page(home, SitemapPage, "sitemap", title="ผังเว็บไซต์", intro="หน้าทั้งหมดของเว็บไซต์โรงพยาบาลฮอด")
        policies = {
            slug: self.page(home, StandardPage, slug, title=title, intro=intro, body=body, list_children=False)
            for slug, title, intro, body in content.POLICIES
        }

        if not home.news_index_id:
            home.news_index = sections["news"]
            changed = True
        if not home.quick_links:
            home.quick_links = [
                (
                    "link",
                    {
                        "title": "ร้องเรียน / แจ้งเบาะแส",
                        "description": "ร้องเรียนการให้บริการหรือการทุจริต ไม่ต้องระบุชื่อได้",
                        "page": sections["transparency/complaint-procedures"],
                        "url": "",
                        "icon": "complaint",
                    },
                ),
                (
                    "link",
                    {
                        "title": "บริการอิเล็กทรอนิกส์",
                        "description": "ติดตามเรื่อง แสดงความคิดเห็น ประเมินความพึงพอใจ",
                        "page": sections["services/e-services"],
                        "url": "",
                        "icon": "calendar",
                    },
                ),
                (
                    "link",
                    {
                        "title": "คู่มือสำหรับประชาชน",
                        "description": "ขั้นตอน ระยะเวลา และเอกสารที่ต้องใช้",
                        "page": sections["services/citizen-guides"],
                        "url": "",
                        "icon": "document",
                    },
                ),
                (
                    "link",
                    {
                        "title": "จัดซื้อจัดจ้าง",
                        "description": "แผน ประกาศ และสรุปผลรายเดือน (สขร.1)",
                        "page": sections["procurement"],
                        "url": "",
                        "icon": "procurement",
                    },
                ),
                (
                    "link",
                    {
                        "title": "ศูนย์ข้อมูลข่าวสาร",
                        "description": "ข้อมูลตาม พ.ร.บ.ข้อมูลข่าวสาร มาตรา 7 และ 9",
                        "page": sections["transparency/information-centre"],
                        "url": "",
                        "icon": "info",
                    },
                ),
                (
                    "link",
                    {
                        "title": "ITA",
                        "description": "การประเมินคุณธรรมและความโปร่งใส",
                        "page": sections["transparency/ita"],
                        "url": "",
                        "icon": "chart",
                    },
                ),
                (
                    "link",
                    {
                        "title": "คลังความรู้",
                        "description": "ความรู้สุขภาพพร้อมแหล่งที่มา",
                        "page": sections["knowledge"],
                        "url": "",
                        "icon": "heart",
                    },
                ),
                (
                    "link",
                    {"title": "ติดต่อเรา", "description": "ที่อยู่ โทรศัพท์ แผนที่", "page": contact, "url": "", "icon": "phone"},
                ),
            ]
            changed = True
        if changed:
            home.save_revision().publish()
            self.created.append("home page content")

        self.site_settings(site, sitemap, policies, contact)

    def accounts(self):
        User = get_user_model()
        for username, first, last, groups, superuser in ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@hodhospital.go.th",
                is_staff=True,
                is_superuser=superuser,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            for name in groups:
                group = Group.objects.filter(name=name).first()
                if group:
                    user.groups.add(group)
            self.created.append(f"user: {username}")

    def executives(self, page):
        if page.body and any(block.block_type == "image" for block in page.body):
            return
        blocks = list(page.body.raw_data) if page.body else []
        for i, (name, position, phone) in enumerate(EXECUTIVES):
            photo = self.image(
                f"รูปถ่าย {name}", lambda i=i: media.portrait(10 + i), f"executive-{i + 1}.jpg", f"รูปถ่าย{name} {position}"
            )
            blocks.append({"type": "heading", "value": {"text": name, "level": "h3"}})
            blocks.append(
                {"type": "image", "value": {"image": photo.pk, "decorative": False, "alt_text": f"รูปถ่าย{name}"}}
            )
            blocks.append(
                {"type": "paragraph", "value": f"<p><b>ตำแหน่ง:</b> {position}<br/><b>โทรศัพท์:</b> {phone}</p>"}
            )
        page.body = blocks
        page.save_revision().publish()
        self.created.append("executives directory")

    def news(self, index):
        for i, (slug, title, intro, picture_hint, days_ago) in enumerate(content.NEWS):
            picture = self.image(
                title,
                lambda i=i, hint=picture_hint: media.news_picture(hint, i),
                f"news-{slug}.jpg",
                f"ภาพประกอบข่าว: {title}",
            )
            body = content.p(
                intro + " ประชาชนที่สนใจสามารถสอบถามรายละเอียดเพิ่มเติมได้ที่งานประชาสัมพันธ์ โรงพยาบาลฮอด โทร. 053-461-037",
            ) + [
                {
                    "type": "image",
                    "value": {"image": picture.pk, "decorative": False, "alt_text": f"ภาพกิจกรรม: {title}"},
                }
            ]
            self.page(
                index,
                StandardPage,
                slug,
                published_days_ago=days_ago,
                title=title,
                intro=intro,
                body=body,
                listing_image=picture,
                list_children=False,
            )

    def site_settings(self, site, sitemap, policies, contact_page):
        contact = ContactSettings.for_site(site)
        if not contact.address:
            for field, value in content.CONTACT.items():
                setattr(contact, field, value)
            contact.map_image = self.image(
                "แผนที่ตั้งโรงพยาบาลฮอด",
                media.map_picture,
                "hod-map.png",
                "แผนที่แสดงที่ตั้งโรงพยาบาลฮอดริมทางหลวงหมายเลข 108 ฝั่งตะวันออกของแม่น้ำปิง",
            )
            contact.save()
            self.created.append("contact settings")
        footer = FooterSettings.for_site(site)
        if not footer.sitemap_page_id:
            footer.sitemap_page = sitemap
            footer.privacy_page = policies["privacy"]
            footer.website_policy_page = policies["website-policy"]
            footer.security_policy_page = policies["security-policy"]
            footer.accessibility_page = policies["accessibility"]
            footer.contact_page = contact_page
            footer.save()
            self.created.append("footer links")
