"""Listings cost the same number of SQL queries with 5 items as with 200 (images and files prefetched)."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from disclosure.models import ActionPlanIndexPage, ActionPlanPage, NewsIndexPage, NewsPage
from tests.conftest import add_page

from . import factories as f

pytestmark = pytest.mark.django_db


def grow_news(index, owner, doc, start, count):
    for i in range(start, start + count):
        page = NewsPage(
            title=f"ข่าว {i}",
            slug=f"news-{i}",
            category="news",
            owner_unit=owner,
            live=True,
            period_start=dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
            listing_image=f.image(f"ภาพ {i}", f"ภาพข่าว {i}"),
            attachments=[("document", {"document": doc, "title": ""})],
            first_published_at=f.aware(2026, 1, 1) + dt.timedelta(hours=i),
        )
        index.add_child(instance=page)


def count_queries(client, url):
    client.get(url)  # first view makes the image renditions; count the steady state
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_news_index_queries_do_not_grow_with_the_number_of_items(client, home_page, django_assert_num_queries):
    index = add_page(home_page, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    owner, doc = f.department(), f.document()
    grow_news(index, owner, doc, 0, 5)
    few, response = count_queries(client, index.url)
    assert len(response.context["items"].object_list) == 5
    grow_news(index, owner, doc, 5, 195)
    client.get(index.url)  # renditions of the newest 20 images
    with django_assert_num_queries(few):
        response = client.get(index.url)
    assert len(response.context["items"].object_list) == 20  # one page of the 200
    assert response.context["items"].paginator.count == 200
    assert response.content.decode().count('class="news-card__img"') == 20


def test_news_feed_queries_do_not_grow_with_the_number_of_items(client, home_page, django_assert_num_queries):
    index = add_page(home_page, NewsIndexPage, title="ข่าว", slug="news")
    owner, doc = f.department(), f.document()
    grow_news(index, owner, doc, 0, 5)
    few, _response = count_queries(client, "/news/rss/")
    grow_news(index, owner, doc, 5, 40)
    with django_assert_num_queries(few):
        client.get("/news/rss/")


def test_action_plan_index_with_files_costs_the_same_for_5_and_200(client, home_page, django_assert_num_queries):
    index = add_page(f.sections()["plans"], ActionPlanIndexPage, title="แผน", slug="action-plan")
    owner, doc = f.department(), f.document()

    def grow(start, count):
        for i in range(start, start + count):
            index.add_child(
                instance=ActionPlanPage(
                    title=f"รายงาน {i}",
                    slug=f"r-{i}",
                    category="report",
                    fiscal_year=2500 + 50 + i % 20,
                    fiscal_quarter=i % 4 + 1,
                    owner_unit=owner,
                    live=True,
                    attachments=[("document", {"document": doc, "title": ""})],
                )
            )

    grow(0, 5)
    few, response = count_queries(client, index.url)
    assert "PDF · 12 KB" in response.content.decode()
    grow(5, 195)
    with django_assert_num_queries(few):
        response = client.get(index.url)
    assert response.context["items"].paginator.count == 200
