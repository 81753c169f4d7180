"""The news RSS feed (R1.8): valid RSS 2.0 of the newest 20 live items, announced on the news pages."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from disclosure.models import NewsIndexPage, NewsPage
from tests.conftest import add_page

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page):
    index = add_page(home_page, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news", intro="ข่าวของโรงพยาบาลฮอด")
    owner = f.department("งานประชาสัมพันธ์")
    for i in range(25):
        page = add_page(
            index,
            NewsPage,
            title=f"ข่าวที่ {i + 1}",
            slug=f"news-{i + 1}",
            intro=f"สรุปข่าวที่ {i + 1}",
            category="announcement" if i % 2 else "news",
            period_start=dt.date(2026, 1, 1),
            owner_unit=owner,
        )
        f.published(page, f.aware(2026, 1, 1) + dt.timedelta(days=i))
    add_page(
        index,
        NewsPage,
        title="ข่าวฉบับร่าง",
        slug="draft",
        publish=False,
        category="news",
        period_start=dt.date(2026, 1, 1),
        owner_unit=owner,
    )
    return index


def test_feed_is_valid_rss_with_the_newest_20_items(client, news):
    response = client.get("/news/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 — our own feed; raises unless well-formed XML
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == "ข่าวประชาสัมพันธ์"
    assert channel.findtext("language") == "th"
    items = channel.findall("item")
    assert len(items) == 20
    assert [i.findtext("title") for i in items[:3]] == ["ข่าวที่ 25", "ข่าวที่ 24", "ข่าวที่ 23"]
    first = items[0]
    assert first.findtext("link") == "http://localhost/news/news-25/"
    assert first.findtext("description") == "สรุปข่าวที่ 25"
    assert first.findtext("category") == "ข่าวทั่วไป"
    assert "2026" in first.findtext("pubDate") and first.findtext("guid")
    assert "ข่าวฉบับร่าง" not in response.content.decode()


def test_news_index_announces_its_feed(client, news):
    text = client.get(news.url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="ข่าวประชาสัมพันธ์ (RSS)" href="/news/rss/">' in text


def test_feed_of_an_empty_section_is_still_valid(client, home_page):
    add_page(home_page, NewsIndexPage, title="ข่าว", slug="news")
    root = ET.fromstring(client.get("/news/rss/").content)  # noqa: S314 — our own feed
    assert root.find("channel").findall("item") == []
