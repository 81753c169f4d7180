"""Builders for the disclosure tests: the section tree, departments, images, documents and admin form data."""

import datetime as dt

from django.core.files.base import ContentFile

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import Department, HomePage, HospitalDocument, HospitalImage, StandardPage
from tests.conftest import add_page

PDF_SIZE = 12_345  # shown as "12 KB"


def home():
    return HomePage.objects.get(depth=2)


def sections():
    """The grouping sections home's demo creates: about, plans, transparency, services."""
    root = home()
    result = {}
    for slug, title in (
        ("about", "เกี่ยวกับโรงพยาบาล"),
        ("plans", "นโยบายและแผน"),
        ("transparency", "ข้อมูลข่าวสารและความโปร่งใส"),
        ("services", "บริการประชาชน"),
    ):
        existing = root.get_children().filter(slug=slug).first()
        result[slug] = existing.specific if existing else add_page(root, StandardPage, title=title, slug=slug)
    return result


def department(name="กลุ่มงานพัฒนายุทธศาสตร์"):
    return Department.objects.get_or_create(name=name, defaults={"kind": Department.Kind.GROUP})[0]


def image(title="รูปถ่ายผู้บริหาร", alt="รูปถ่ายผู้อำนวยการโรงพยาบาลฮอด"):
    return HospitalImage.objects.create(title=title, description=alt, file=get_test_image_file())


def document(title="รายงานผลการดำเนินงาน ไตรมาสที่ 1/2569", filename="report.pdf"):
    doc = HospitalDocument(title=title)
    doc.file.save(filename, ContentFile(b"%PDF-1.4\n" + b"0" * (PDF_SIZE - 9)), save=False)
    doc.file_size = PDF_SIZE
    doc.save()
    return doc


def published(page, when):
    """Set a page's first and last published date (lists and feeds order by it)."""
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    page.refresh_from_db()
    return page


def aware(year, month, day):
    from django.utils import timezone

    return timezone.make_aware(dt.datetime(year, month, day, 10, 0))


def item_form(title, slug, owner, **fields):
    """POST data of an ItemPage's admin form: facts, empty body and attachments, plus ``fields``."""
    data = {
        "title": title,
        "slug": slug,
        "intro": "สรุปสั้น ๆ ของรายการนี้",
        "body": streamfield([]),
        "attachments": streamfield([]),
        "owner_unit": owner.pk if owner else "",
        "owner_email": "",
        "source": "",
    }
    data.update(fields)
    return nested_form_data(data)


def index_form(title, slug):
    return nested_form_data({"title": title, "slug": slug, "intro": "", "body": streamfield([])})
