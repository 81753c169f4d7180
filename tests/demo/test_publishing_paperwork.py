"""The demo's paperwork: every published demo item has its request form, and each month's report lists
exactly the demo's requests of that month."""

import io

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page, Site, WorkflowState

import pypdf
import pytest

from demo.builder import DemoBuilder
from demo.loaders import publishing as loader
from home.models.base import ItemPage
from publishing import exports
from publishing.paperwork.records import latest_record
from publishing.paperwork.report import monthly_report
from publishing.paperwork.request_form import request_form_data

pytestmark = pytest.mark.django_db


def readable(text):
    return "".join(text.replace("\u0e33", "\u0e32").replace("\u0e4d", "").split())


@override_settings(DEBUG=True)
def test_every_demo_item_has_a_request_form_and_the_report_of_its_month_lists_it():
    call_command("load_demo_data", stdout=io.StringIO())
    items = [p for p in Page.objects.live().specific() if isinstance(p, ItemPage)]
    assert len(items) > 50
    records = {}
    for item in items:
        record = latest_record(item)
        assert record is not None, item.title
        assert record.submitter and record.approver and record.publisher, item.title
        assert record.requested_at <= record.approved_at <= record.published_at, item.title
        records[item.pk] = record

    by_month = {}
    for state in WorkflowState.objects.all():
        local = timezone.localtime(state.created_at)
        by_month.setdefault((local.year, local.month), set()).add(state.pk)
    assert len(by_month) >= 2  # the demo's news items go back more than a month
    for (year, month), state_ids in by_month.items():
        data = monthly_report(year, month)
        listed = {
            int(row["form_url"].rstrip("/").rsplit("/", 1)[1])
            for row in data["rows"]
            if "/workflow/" in row["form_url"]
        }
        approved = set(WorkflowState.objects.filter(pk__in=state_ids, status="approved").values_list("pk", flat=True))
        assert approved <= listed, (year, month)
        assert data["counts"]["requested"] == len(state_ids), (year, month)

    # A procurement item: provided by the supplies unit's staff, approved by the director, printed in Thai.
    item = next(i for i in items if i.owner_unit.name == "งานพัสดุ")
    text = readable(
        "".join(
            p.extract_text()
            for p in pypdf.PdfReader(io.BytesIO(exports.request_form_pdf(request_form_data(records[item.pk])))).pages
        )
    )
    assert readable("(วิไลวรรณ จันทร์ตา)") in text and readable("เจ้าหน้าที่งานพัสดุ") in text
    assert readable("(ธนกร วงศ์ศรีสุข)") in text and readable("ผู้อำนวยการโรงพยาบาลฮอด") in text

    before = WorkflowState.objects.count()
    loader.publication_records(DemoBuilder(Site.objects.get(is_default_site=True)))
    assert WorkflowState.objects.count() == before  # idempotent
