"""Fixtures for the procurement tests: the section with its five listings, a PDF document, months of แบบ สขร.1."""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from home.models import Department
from procurement.models import (
    IntegrityStatementIndexPage,
    Method,
    MonthlySummaryIndexPage,
    MonthlySummaryPage,
    MonthlySummaryRow,
    ProcurementAnalysisIndexPage,
    ProcurementAnnouncementIndexPage,
    ProcurementIndexPage,
    ProcurementPlanIndexPage,
)
from tests.conftest import add_page

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def supplies_unit(db):
    return Department.objects.create(name="งานพัสดุ", kind=Department.Kind.UNIT, email="supplies@hodhospital.go.th")


def make_document(title, filename="file.pdf", owner=None):
    document = get_document_model()(title=title, owner_unit=owner)
    document.file.save(filename, ContentFile(PDF), save=False)
    document.file_size = len(PDF)
    document.save()
    return document


@pytest.fixture
def pdf_document(supplies_unit):
    return make_document("แผนการจัดซื้อจัดจ้าง งบดำเนินงาน ปีงบประมาณ พ.ศ. 2569", "plan-2569.pdf", supplies_unit)


@pytest.fixture
def procurement_section(home_page):
    return add_page(
        home_page, ProcurementIndexPage, title="จัดซื้อจัดจ้าง", slug="procurement", intro="แผนและผลการจัดซื้อจัดจ้าง"
    )


@pytest.fixture
def listings(procurement_section):
    """The five listings under /procurement/, by slug."""
    models = {
        "plan": (ProcurementPlanIndexPage, "แผนการจัดซื้อจัดจ้างประจำปี"),
        "announcements": (ProcurementAnnouncementIndexPage, "ประกาศจัดซื้อจัดจ้างและผลการจัดซื้อจัดจ้าง"),
        "monthly-summary": (MonthlySummaryIndexPage, "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1)"),
        "analysis": (ProcurementAnalysisIndexPage, "รายงานการวิเคราะห์ผลการจัดซื้อจัดจ้าง"),
        "integrity": (IntegrityStatementIndexPage, "แบบแสดงความบริสุทธิ์ใจ"),
    }
    return {
        slug: add_page(procurement_section, model, title=title, slug=slug, intro=f"รายการ{title}")
        for slug, (model, title) in models.items()
    }


def make_row(number=1, **fields):
    values = {
        "sort_order": number - 1,
        "work": f"ซื้อวัสดุการแพทย์ ถุงมือยางทางการแพทย์ รายการที่ {number}",
        "budget_amount": Decimal("48000.00"),
        "reference_price": Decimal("47520.00"),
        "method": Method.SPECIFIC,
        "bidders": "บริษัท ฮอดเมดิคอล จำกัด 45,000.00",
        "supplier_name": "บริษัท ฮอดเมดิคอล จำกัด",
        "agreed_price": Decimal("45000.00"),
        "reason": "เสนอราคาไม่เกินวงเงินงบประมาณ",
        "contract_number": f"ใบสั่งซื้อ 0{number}/2569",
        "contract_date": dt.date(2025, 10, 3),
    }
    values.update(fields)
    return MonthlySummaryRow(**values)


def add_month(parent, owner, fiscal_year, month, rows=(), no_procurement=False, **fields):
    """A published แบบ สขร.1 page for ``month`` of ``fiscal_year``."""
    fields.setdefault("title", f"สรุปผลการจัดซื้อจัดจ้าง {fiscal_year}-{month:02d}")
    fields.setdefault("slug", f"{fiscal_year}-{month:02d}")
    return add_page(
        parent,
        MonthlySummaryPage,
        fiscal_year=fiscal_year,
        fiscal_month=month,
        no_procurement=no_procurement,
        rows=list(rows),
        owner_unit=owner,
        **fields,
    )
