"""Listings under volume: fiscal years from the database, pages bounded, footer links in one query,
and the same number of SQL queries with 10 items as with 200 (issue #13, performance)."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site

import pytest

from disclosure.models import ActionPlanIndexPage, ActionPlanPage, NewsIndexPage, NewsPage
from home import thai_dates
from home.listing import BoundedPaginator, fiscal_year_expression
from home.models import FooterSettings
from tests.conftest import add_page

from . import factories as f

pytestmark = pytest.mark.django_db


def news(index, owner, number, period_start, published=None):
    page = NewsPage(
        title=f"ข่าว {number}",
        slug=f"news-{number}",
        category="news",
        owner_unit=owner,
        live=True,
        period_start=period_start,
        first_published_at=published or f.aware(2026, 1, 1) + dt.timedelta(hours=number),
    )
    index.add_child(instance=page)
    return page


def grow(index, owner, start, count):
    for number in range(start, start + count):
        news(index, owner, number, dt.date(2024, 1, 1) + dt.timedelta(days=number * 5))


def queries(client, url):
    client.get(url)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_fiscal_year_choices_come_from_the_database_and_match_the_thai_calendar(client, home_page):
    index = add_page(home_page, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    owner = f.department()
    # 30 Sep is the last day of a fiscal year, 1 Oct the first of the next.
    for number, day in enumerate(
        (dt.date(2025, 9, 30), dt.date(2025, 10, 1), dt.date(2024, 3, 2), dt.date(2025, 9, 1))
    ):
        news(index, owner, number, day)
    expected = sorted({thai_dates.fiscal_year(d) for d in NewsPage.objects.values_list("period_start", flat=True)})
    years = index.specific.fiscal_year_choices(index.specific.listing_base())
    assert years == [2569, 2568, 2567] == sorted(expected, reverse=True)


def test_fiscal_year_of_a_publish_date_is_taken_in_bangkok_time(home_page):
    page = add_page(home_page, title="ประกาศ", slug="late")
    # 30 Sep 2025 20:00 UTC is 1 Oct 2025 03:00 in Bangkok: fiscal year 2569, not 2568.
    when = dt.datetime(2025, 9, 30, 20, 0, tzinfo=dt.UTC)
    Page.objects.filter(pk=page.pk).update(first_published_at=when)
    years = Page.objects.filter(pk=page.pk).annotate(fy=fiscal_year_expression("first_published_at"))
    assert list(years.values_list("fy", flat=True)) == [thai_dates.fiscal_year(when)] == [2569]


def test_fiscal_year_choices_cost_one_query_whatever_the_number_of_items(home_page, django_assert_num_queries):
    index = add_page(home_page, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    owner = f.department()
    grow(index, owner, 0, 60)
    base = index.listing_base()  # (Wagtail's ``public()`` reads the view restrictions here)
    with django_assert_num_queries(1):
        years = index.fiscal_year_choices(base)
    assert years == [2568, 2567]  # 1 Jan 2024 … 22 Oct 2024


def test_deep_pages_stop_at_the_deepest_allowed_page_with_a_thai_note(client, home_page, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "per_page", 2)
    monkeypatch.setattr(NewsIndexPage, "max_pages", 3)
    index = add_page(home_page, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    grow(index, f.department(), 0, 9)  # 5 pages of 2, only 3 shown
    for page_number in (3, 4, 5, 100000):
        response = client.get(index.url, {"page": page_number})
        assert response.status_code == 200
        items = response.context["items"]
        assert items.number == 3 and items.paginator.num_pages == 3
        assert [p.title for p in items.object_list] == ["ข่าว 4", "ข่าว 3"]
        html = response.content.decode()
        assert "หน้า 3 จาก 3" in html
        assert "แสดงเฉพาะ 3 หน้าล่าสุด เลือกปีงบประมาณด้านบนเพื่อดูรายการที่เก่ากว่า" in html
        assert 'rel="next"' not in html
    first = client.get(index.url).content.decode()
    assert "แสดงเฉพาะ" not in first  # the note is on the last page only
    # The fiscal-year filter still applies under the bound.
    assert client.get(index.url, {"fy": 2567}).context["items"].paginator.count == 9


def test_bounded_paginator_never_offsets_past_its_last_page():
    paginator = BoundedPaginator(list(range(1000)), 20, max_pages=5)
    assert paginator.num_pages == 5 and paginator.truncated
    assert list(paginator.get_page(9999).object_list) == list(range(80, 100))
    small = BoundedPaginator(list(range(30)), 20, max_pages=5)
    assert small.num_pages == 2 and not small.truncated


def test_news_index_costs_the_same_queries_for_10_and_200_items(client, home_page, django_assert_max_num_queries):
    index = add_page(home_page, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    owner = f.department()
    grow(index, owner, 0, 10)
    few, _response = queries(client, index.url)
    deep_few, _response = queries(client, f"{index.url}?page=1&fy=2567")
    grow(index, owner, 10, 190)
    client.get(index.url)  # steady state again: per-process caches refilled after the new pages
    with django_assert_max_num_queries(few):
        response = client.get(index.url)
    assert response.context["items"].paginator.count == 200
    assert response.context["filters"]["fiscal_years"] == [2569, 2568, 2567]
    with django_assert_max_num_queries(few):
        response = client.get(index.url, {"page": 10})
    assert response.context["items"].number == 10
    with django_assert_max_num_queries(deep_few):
        client.get(index.url, {"page": 1, "fy": 2567})


def test_fiscal_period_index_costs_the_same_queries_for_10_and_200_items(
    client, home_page, django_assert_max_num_queries
):
    index = add_page(f.sections()["plans"], ActionPlanIndexPage, title="แผน", slug="action-plan")
    owner = f.department()

    def grow_plans(start, count):
        for number in range(start, start + count):
            index.add_child(
                instance=ActionPlanPage(
                    title=f"รายงาน {number}",
                    slug=f"r-{number}",
                    category="report",
                    fiscal_year=2560 + number % 10,
                    fiscal_quarter=number % 4 + 1,
                    owner_unit=owner,
                    live=True,
                )
            )

    grow_plans(0, 10)
    few, _response = queries(client, index.url)
    grow_plans(10, 190)
    client.get(index.url)  # steady state again: per-process caches refilled after the new pages
    with django_assert_max_num_queries(few):
        response = client.get(index.url)
    assert response.context["items"].paginator.count == 200
    assert response.context["filters"]["fiscal_years"] == list(range(2569, 2559, -1))


def test_footer_links_cost_one_query_however_many_are_set(client, home_page):
    site = Site.objects.get(is_default_site=True)
    footer = FooterSettings.for_site(site)
    pages = [add_page(home_page, title=f"นโยบาย {n}", slug=f"policy-{n}") for n in range(6)]
    for name in ("website_policy_page", "security_policy_page", "accessibility_page", "contact_page"):
        setattr(footer, name, None)
    footer.sitemap_page = pages[0]
    footer.privacy_page = None
    footer.save()
    one, _response = queries(client, "/")
    footer.privacy_page, footer.website_policy_page, footer.security_policy_page = pages[1:4]
    footer.accessibility_page, footer.contact_page = pages[4:6]
    footer.save()
    six, response = queries(client, "/")
    assert six == one
    html = response.content.decode()
    assert all(page.url in html for page in pages)
