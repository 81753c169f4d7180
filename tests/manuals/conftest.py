"""Sections, index pages, a PDF document and builders for manuals and citizen guides, made in code."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest

from home.models import StandardPage
from manuals.models import CitizenGuideIndexPage, CitizenGuidePage, OperationsManualIndexPage, OperationsManualPage
from tests.conftest import add_page

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"0" * 1500  # 1,544 bytes: "PDF · 2 KB"


def step(title, amount, unit, responsible="งานเวชระเบียน", description=""):
    """One step in the stored (JSON) form, as the database gives it back."""
    value = {
        "title": title,
        "description": description,
        "duration": amount,
        "duration_unit": unit,
        "responsible": responsible,
    }
    return {"type": "step", "value": value}


STEPS = [step("รับคำขอ", 30, "minutes"), step("พิจารณาอนุญาต", 2, "days", "ผู้อำนวยการ")]  # รวม 2 วันทำการ 30 นาที


def make_document(title="คู่มือฉบับเต็ม", data=PDF, filename="manual.pdf"):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    return document


def attachment(document, title=""):
    return ("document", {"document": document, "title": title})


@pytest.fixture
def pdf(db):
    return make_document()


@pytest.fixture
def transparency(home_page):
    return add_page(home_page, StandardPage, title="ข้อมูลข่าวสารและความโปร่งใส", slug="transparency")


@pytest.fixture
def services(home_page):
    return add_page(home_page, StandardPage, title="บริการประชาชน", slug="services")


@pytest.fixture
def manual_index(transparency):
    return add_page(transparency, OperationsManualIndexPage, title="คู่มือมาตรฐานการปฏิบัติงาน", slug="operations-manuals")


@pytest.fixture
def guide_index(services):
    return add_page(services, CitizenGuideIndexPage, title="คู่มือสำหรับประชาชน", slug="citizen-guides")


def manual_fields(owner, document=None, **fields):
    values = {
        "title": "คู่มือการปฏิบัติงานการให้บริการผู้ป่วยนอก",
        "slug": "outpatient-service",
        "intro": "ขั้นตอนการให้บริการผู้ป่วยนอก",
        "category": OperationsManualPage.Category.MAIN,
        "steps": STEPS,
        "owner_unit": owner,
        "period_start": dt.date(2026, 10, 1),
        "attachments": [attachment(document, "คู่มือฉบับเต็ม")] if document else [],
    }
    values.update(fields)
    return values


def make_manual(index, owner, document=None, **fields):
    return add_page(index, OperationsManualPage, **manual_fields(owner, document, **fields))


def fee(item, amount, note=""):
    return {"type": "fee", "value": {"item": item, "amount": amount, "note": note}}


def guide_fields(owner, **fields):
    values = {
        "title": "การขอใบรับรองแพทย์",
        "slug": "medical-certificate",
        "intro": "การตรวจร่างกายและออกใบรับรองแพทย์",
        "service_place": "จุดคัดกรอง แผนกผู้ป่วยนอก",
        "office_hours": "วันจันทร์–วันศุกร์ เวลา 08.30–16.30 น.",
        "steps": STEPS,
        "free_of_charge": False,
        "fees": [fee("ใบรับรองแพทย์ทั่วไป", "50", "ต่อฉบับ")],
        "required_documents": [
            {
                "type": "document",
                "value": {
                    "name": "บัตรประจำตัวประชาชน",
                    "originals": 1,
                    "copies": 2,
                    "issuer": "กรมการปกครอง",
                    "note": "",
                },
            }
        ],
        "complaint_channels": "ศูนย์รับเรื่องร้องเรียน ชั้น 1\nโทรศัพท์ 053-461-037",
        "owner_unit": owner,
        "period_start": dt.date(2026, 10, 1),
    }
    values.update(fields)
    return values


def make_guide(index, owner, **fields):
    return add_page(index, CitizenGuidePage, **guide_fields(owner, **fields))


def quick_children(index, model, count, fields):
    """``count`` live children without revisions: fast enough for a listing of 200 items."""
    for number in range(count):
        values = fields(number)
        page = model(live=True, first_published_at=timezone.now(), **values)
        index.add_child(instance=page)
