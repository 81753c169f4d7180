"""Listings: filters by fiscal year, month and kind; the twelve-month status; constant queries at any length."""

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from procurement.models import Method, MonthlySummaryPage, ProcurementAnnouncementPage
from tests.conftest import add_page
from tests.procurement.conftest import add_month, make_row

pytestmark = pytest.mark.django_db


def listed_titles(html):
    """Titles of the items of a listing page, in order."""
    body = html.split('class="page-article index-page"')[1].split("</main>")[0]
    return [chunk.split(">", 1)[1].split("</a>")[0] for chunk in body.split('<th scope="row"><a href=')[1:]]


@pytest.fixture
def months(listings, supplies_unit):
    parent = listings["monthly-summary"]
    pages = {}
    for fy, month in [(2569, 10), (2569, 11), (2569, 4), (2568, 10), (2568, 11)]:
        rows = [] if (fy, month) == (2569, 4) else [make_row(1, agreed_price=Decimal("1000") * month)]
        pages[(fy, month)] = add_month(
            parent, supplies_unit, fy, month, rows=rows, no_procurement=not rows, title=f"สขร.1 เดือน {month} ปี {fy}"
        )
    return pages


def test_monthly_index_lists_newest_month_first(client, months):
    titles = listed_titles(client.get("/procurement/monthly-summary/").content.decode())
    # FY2569: April (quarter 3) is newer than November and October (quarter 1)
    assert titles == [
        "สขร.1 เดือน 4 ปี 2569",
        "สขร.1 เดือน 11 ปี 2569",
        "สขร.1 เดือน 10 ปี 2569",
        "สขร.1 เดือน 11 ปี 2568",
        "สขร.1 เดือน 10 ปี 2568",
    ]


def test_monthly_index_filters_by_fiscal_year(client, months):
    titles = listed_titles(client.get("/procurement/monthly-summary/?fy=2568").content.decode())
    assert titles == ["สขร.1 เดือน 11 ปี 2568", "สขร.1 เดือน 10 ปี 2568"]


def test_monthly_index_filters_by_month_and_by_year_and_month(client, months):
    titles = listed_titles(client.get("/procurement/monthly-summary/?m=10").content.decode())
    assert titles == ["สขร.1 เดือน 10 ปี 2569", "สขร.1 เดือน 10 ปี 2568"]
    titles = listed_titles(client.get("/procurement/monthly-summary/?fy=2569&m=11").content.decode())
    assert titles == ["สขร.1 เดือน 11 ปี 2569"]


def test_monthly_index_ignores_nonsense_filters_and_says_when_nothing_matches(client, months):
    assert len(listed_titles(client.get("/procurement/monthly-summary/?fy=abc&m=13").content.decode())) == 5
    html = client.get("/procurement/monthly-summary/?fy=2560").content.decode()
    assert listed_titles(html) == [] and "ไม่พบรายการตามเงื่อนไขที่เลือก" in html


def test_monthly_index_shows_counts_totals_and_downloads(client, months):
    html = client.get("/procurement/monthly-summary/?fy=2569").content.decode()
    assert "11,000.00" in html and "10,000.00" in html  # agreed totals of November and October
    assert "ไม่มีการจัดซื้อจัดจ้าง" in html  # April
    assert 'href="/procurement/monthly-summary/2569-11/pdf/"' in html
    assert 'href="/procurement/monthly-summary/2569-11/xlsx/"' in html


def test_monthly_index_shows_which_months_of_the_year_are_published(client, months):
    html = client.get("/procurement/monthly-summary/?fy=2569").content.decode()
    status = html.split('class="sorkhor1-months"')[1].split("</section>")[0]
    assert "ปีงบประมาณ พ.ศ. 2569: เผยแพร่แล้ว 3 จาก 12 เดือน" in status
    assert status.count("is-published") == 3 and status.count("is-missing") == 9  # FY2569 has ended
    assert "ต.ค. 2568" in status and "ก.ย. 2569" in status


def test_unpublished_months_are_not_listed(client, months, listings, supplies_unit):
    add_month(
        listings["monthly-summary"], supplies_unit, 2569, 12, no_procurement=True, title="ร่าง ธ.ค.", publish=False
    )
    assert "ร่าง ธ.ค." not in client.get("/procurement/monthly-summary/").content.decode()


def test_announcement_listing_filters_by_kind_and_fiscal_year(client, listings, supplies_unit):
    for slug, category, day in [
        ("inv", "invitation", dt.date(2026, 1, 12)),
        ("win", "winner", dt.date(2026, 2, 16)),
        ("old", "winner", dt.date(2025, 3, 1)),
    ]:
        add_page(
            listings["announcements"],
            ProcurementAnnouncementPage,
            title=f"ประกาศ {slug}",
            slug=slug,
            category=category,
            project_name="ซื้อเครื่องเอกซเรย์",
            method=Method.E_BIDDING,
            winner_name="บริษัท ฮอดเมดิคอล จำกัด",
            contract_amount=Decimal("1"),
            period_start=day,
            owner_unit=supplies_unit,
        )
    html = client.get("/procurement/announcements/?category=winner").content.decode()
    assert "ประกาศ win" in html and "ประกาศ old" in html and "ประกาศ inv" not in html
    html = client.get("/procurement/announcements/?category=winner&fy=2569").content.decode()
    assert "ประกาศ win" in html and "ประกาศ old" not in html
    assert 'value="winner" selected' in html


def count_queries(client, url):
    client.get(url)  # warm the per-site caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_monthly_index_costs_the_same_queries_at_5_and_200_months(
    client, listings, supplies_unit, django_assert_num_queries
):
    parent = listings["monthly-summary"]
    months = [(fy, m) for fy in range(2569, 2550, -1) for m in (9, 8, 7, 6, 5, 4, 3, 2, 1, 12, 11, 10)]
    for fy, month in months[:5]:
        add_month(parent, supplies_unit, fy, month, rows=[make_row(1), make_row(2)])
    url = "/procurement/monthly-summary/"
    few, response = count_queries(client, url)
    assert len(response.context["items"].object_list) == 5
    for fy, month in months[5:200]:
        add_month(
            parent, supplies_unit, fy, month, rows=[make_row(1)] if month % 2 else [], no_procurement=not month % 2
        )
    assert MonthlySummaryPage.objects.live().count() == 200
    client.get(url)
    with django_assert_num_queries(few):
        response = client.get(url)
    assert len(response.context["items"].object_list) == 24  # one page of the list
    assert response.context["items"].paginator.count == 200
