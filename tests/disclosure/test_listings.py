"""Listings: newest first, filtered by fiscal year (พ.ศ.), quarter and category; nonsense filters are ignored."""

import datetime as dt
from decimal import Decimal

import pytest

from disclosure.models import (
    ActionPlanIndexPage,
    ActionPlanPage,
    BudgetIndexPage,
    BudgetPage,
    ComplaintReportIndexPage,
    ComplaintReportPage,
    KnowledgeIndexPage,
    KnowledgePage,
    LawIndexPage,
    LawPage,
    NewsIndexPage,
    NewsPage,
)
from tests.conftest import add_page

from . import factories as f

pytestmark = pytest.mark.django_db


def titles(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return [item.title for item in response.context["items"].object_list]


@pytest.fixture
def action_plans(home_page):
    index = add_page(f.sections()["plans"], ActionPlanIndexPage, title="แผนปฏิบัติการ", slug="action-plan")
    owner = f.department()
    add_page(index, ActionPlanPage, title="แผน 2569", slug="p69", category="plan", fiscal_year=2569, owner_unit=owner)
    add_page(index, ActionPlanPage, title="แผน 2570", slug="p70", category="plan", fiscal_year=2570, owner_unit=owner)
    for q in (1, 2, 3, 4):
        add_page(
            index,
            ActionPlanPage,
            title=f"รายงาน 2569 Q{q}",
            slug=f"r69-{q}",
            category="report",
            fiscal_year=2569,
            fiscal_quarter=q,
            owner_unit=owner,
        )
    return index


def test_action_plans_filter_by_fiscal_year_quarter_and_category(client, action_plans):
    assert titles(client, action_plans)[:2] == ["แผน 2570", "รายงาน 2569 Q4"]
    assert set(titles(client, action_plans, "?fy=2570")) == {"แผน 2570"}
    assert titles(client, action_plans, "?fy=2569&q=2") == ["รายงาน 2569 Q2"]
    assert set(titles(client, action_plans, "?fy=2569&category=plan")) == {"แผน 2569"}
    assert len(titles(client, action_plans, "?category=report")) == 4
    assert len(titles(client, action_plans, "?fy=abc&q=9&category=nonsense")) == 6


def test_listing_offers_the_filters_people_use(client, action_plans):
    response = client.get(action_plans.url + "?fy=2569")
    text = response.content.decode()
    assert response.context["filters"]["fiscal_years"] == [2570, 2569]
    assert '<option value="2569" selected>พ.ศ. 2569</option>' in text
    assert 'name="q"' in text and 'name="category"' in text
    assert "แผนประจำปี" in text and "รายงานผลรายไตรมาส" in text  # category choices, in Thai
    assert "PDF" not in text  # no attachments here: nothing pretends to be a file


def test_budget_listing_shows_amounts_and_filters_by_quarter(client, home_page):
    index = add_page(f.sections()["plans"], BudgetIndexPage, title="งบประมาณ", slug="budget")
    owner = f.department()
    add_page(
        index,
        BudgetPage,
        title="แผนการใช้จ่าย 2569",
        slug="p",
        category="plan",
        fiscal_year=2569,
        allocated_amount=Decimal("48500000"),
        owner_unit=owner,
    )
    add_page(
        index,
        BudgetPage,
        title="ผลการใช้จ่าย Q1",
        slug="q1",
        category="report",
        fiscal_year=2569,
        fiscal_quarter=1,
        allocated_amount=Decimal("48500000"),
        spent_amount=Decimal("11240000"),
        owner_unit=owner,
    )
    assert titles(client, index, "?fy=2569&q=1") == ["ผลการใช้จ่าย Q1"]
    text = client.get(index.url).content.decode()
    assert "11,240,000.00" in text and "(23.2%)" in text


def test_complaint_reports_filter_by_round_quarter_and_category(client, home_page):
    index = add_page(f.sections()["transparency"], ComplaintReportIndexPage, title="รายงาน", slug="reports")
    owner = f.department()
    for round_, category in (("6", "service"), ("12", "service"), ("12", "corruption")):
        add_page(
            index,
            ComplaintReportPage,
            title=f"{category} {round_}",
            slug=f"{category}-{round_}",
            round=round_,
            category=category,
            fiscal_year=2569,
            received_count=4,
            resolved_count=3,
            in_progress_count=1,
            owner_unit=owner,
        )
    assert titles(client, index, "?q=2") == ["service 6"]
    assert set(titles(client, index, "?q=4")) == {"service 12", "corruption 12"}
    assert titles(client, index, "?category=corruption") == ["corruption 12"]


def test_laws_filter_by_category_and_by_the_fiscal_year_they_took_effect(client, home_page):
    index = add_page(f.sections()["transparency"], LawIndexPage, title="กฎหมาย", slug="laws")
    owner = f.department()
    add_page(
        index,
        LawPage,
        title="พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล",
        slug="pdpa",
        category="act",
        source="ราชกิจจานุเบกษา",
        period_start=dt.date(2022, 6, 1),
        owner_unit=owner,
    )
    add_page(
        index,
        LawPage,
        title="ระเบียบงานสารบรรณ",
        slug="saraban",
        category="regulation",
        source="ราชกิจจานุเบกษา",
        period_start=dt.date(1983, 6, 1),
        owner_unit=owner,
    )
    assert titles(client, index) == ["พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล", "ระเบียบงานสารบรรณ"]
    assert titles(client, index, "?category=regulation") == ["ระเบียบงานสารบรรณ"]
    assert titles(client, index, "?fy=2565") == ["พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล"]


def test_knowledge_filters_by_kind_and_shows_sources(client, home_page):
    index = add_page(home_page, KnowledgeIndexPage, title="คลังความรู้", slug="knowledge")
    owner = f.department()
    add_page(
        index,
        KnowledgePage,
        title="บทความ PM2.5",
        slug="pm25",
        category="article",
        source="กรมอนามัย",
        period_start=dt.date(2026, 2, 10),
        owner_unit=owner,
    )
    add_page(
        index,
        KnowledgePage,
        title="สถิติเบาหวาน",
        slug="ncd",
        category="statistics",
        source="HDC",
        period_start=dt.date(2026, 10, 20),
        owner_unit=owner,
    )
    assert titles(client, index, "?category=statistics") == ["สถิติเบาหวาน"]
    assert titles(client, index, "?fy=2569") == ["บทความ PM2.5"]
    assert "แหล่งที่มา: กรมอนามัย" in client.get(index.url).content.decode()


def test_news_is_newest_published_first_and_filters_by_category(client, home_page):
    index = add_page(home_page, NewsIndexPage, title="ข่าว", slug="news")
    owner = f.department()
    for i, (category, day) in enumerate((("news", 5), ("job", 20), ("announcement", 12))):
        page = add_page(
            index,
            NewsPage,
            title=f"{category}",
            slug=f"n{i}",
            category=category,
            owner_unit=owner,
            period_start=dt.date(2026, 11, day),
            period_end=dt.date(2026, 12, 30),
        )
        f.published(page, f.aware(2026, 11, day))
    assert titles(client, index) == ["job", "announcement", "news"]
    assert titles(client, index, "?category=job") == ["job"]
    text = client.get(index.url).content.decode()
    assert "ประกาศรับสมัครงาน" in text and "20 พฤศจิกายน 2569" in text
