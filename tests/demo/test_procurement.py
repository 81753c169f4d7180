"""The procurement demo: every listing, two fiscal years of items with PDFs, a year of แบบ สขร.1; idempotent."""

import datetime as dt

from wagtail.models import Page, Site

import pytest
from freezegun import freeze_time

from demo.builder import DemoBuilder
from demo.loaders import procurement as loader
from procurement.models import (
    IntegrityStatementPage,
    MonthlySummaryPage,
    MonthlySummaryRow,
    ProcurementAnalysisPage,
    ProcurementAnnouncementPage,
    ProcurementPlanPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(home_page):
    with freeze_time("2026-11-26 10:00:00+07:00"):  # FY2570, as the brief's "today"
        builder = DemoBuilder(Site.objects.get(is_default_site=True))
        loader.load(builder)
        yield builder


def test_demo_builds_the_section_and_its_five_listings(loaded, client):
    for path in (
        "procurement",
        "procurement/plan",
        "procurement/announcements",
        "procurement/monthly-summary",
        "procurement/analysis",
        "procurement/integrity",
    ):
        page = loaded.find(path)
        assert page is not None and page.live, path
        assert client.get(f"/{path}/").status_code == 200


def test_demo_has_twelve_months_of_last_year_with_one_empty_and_this_year_so_far(loaded):
    last_year = MonthlySummaryPage.objects.filter(fiscal_year=2569)
    assert sorted(last_year.values_list("fiscal_month", flat=True)) == list(range(1, 13))
    assert list(MonthlySummaryPage.objects.filter(no_procurement=True).values_list("fiscal_year", "fiscal_month")) == [
        (2569, 4)
    ]
    this_year = MonthlySummaryPage.objects.filter(fiscal_year=2570).values_list("fiscal_month", flat=True)
    assert sorted(this_year) == [10]  # October 2569; November's is made once November is over
    today = dt.date(2026, 11, 26)
    assert not MonthlySummaryRow.objects.filter(contract_date__gt=today).exists()  # no contract in the future
    for page in MonthlySummaryPage.objects.filter(no_procurement=False):
        rows = list(page.rows.all())
        assert 5 <= len(rows) <= 7
        assert all(r.agreed_price <= r.reference_price <= r.budget_amount for r in rows)
    assert MonthlySummaryPage.objects.filter(rows__supplier_name="บริษัท ฮอดเมดิคอล จำกัด").exists()
    assert {p.owner_unit.name for p in MonthlySummaryPage.objects.select_related("owner_unit")} == {"งานพัสดุ"}


def test_demo_has_two_fiscal_years_of_plans_analyses_and_integrity_with_pdfs(loaded):
    plans = ProcurementPlanPage.objects.filter(category="plan")
    assert sorted(plans.values_list("fiscal_year", flat=True)) == [2569, 2570]
    assert all(p.operating_budget_document.file.name.endswith(".pdf") for p in plans)
    assert ProcurementPlanPage.objects.filter(category="progress", fiscal_year=2569).count() == 4
    assert sorted(ProcurementAnalysisPage.objects.values_list("fiscal_year", flat=True)) == [2568, 2569]
    statements = IntegrityStatementPage.objects.all()
    assert sorted(set(statements.values_list("fiscal_year", flat=True))) == [2569, 2570]
    assert set(statements.values_list("category", flat=True)) == {"announcement", "up_to_100k", "over_100k"}
    assert ProcurementAnnouncementPage.objects.filter(category="winner").exists()
    assert ProcurementAnnouncementPage.objects.filter(category="invitation").exists()


def test_demo_pages_render_and_export(loaded, client):
    with freeze_time("2026-11-26 10:00:00+07:00"):
        assert client.get("/procurement/monthly-summary/2569-10/").status_code == 200
        assert client.get("/procurement/monthly-summary/2569-11/").status_code == 404  # November not yet over
        assert client.get("/procurement/monthly-summary/2569-04/pdf/").status_code == 200
        assert client.get("/procurement/monthly-summary/2568-10/xlsx/").status_code == 200
        for page in Page.objects.filter(url_path__startswith="/home/procurement/").specific():
            assert client.get(page.url).status_code == 200, page.url


def test_demo_is_idempotent(loaded):
    counts = Page.objects.count()
    with freeze_time("2026-11-26 10:00:00+07:00"):
        builder = DemoBuilder(Site.objects.get(is_default_site=True))
        loader.load(builder)
    assert Page.objects.count() == counts
    assert [item for item in builder.created if item.startswith("page:")] == []
