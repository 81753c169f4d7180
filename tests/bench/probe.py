"""Run in its own process on the benchmark's database (``python -m tests.bench.probe urls|queries``).

``urls`` prints, as JSON, the URLs measured for each page type, chosen from what the database holds (so
the same probe works on the demo hospital alone and at volume). ``queries URL`` requests the URL twice with
Django's test client and prints the SQL queries of each request (``CaptureQueriesContext``): the first
request, then the second one, which a page cache may answer. One process per URL, so a request that takes
too long can be given up (``tests.bench.build.query_counts``).
"""

import json
import math
import os
import sys
from urllib.parse import urlencode

SEARCHES = {"search_procurement": "จัดซื้อ", "search_vaccine": "วัคซีนไข้หวัดใหญ่", "search_manual": "คู่มือการปฏิบัติงาน"}
SAMPLES = 20


def _spread(items, count=SAMPLES):
    """``count`` items evenly spread over ``items`` (old and new alike)."""
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def urls():
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from disclosure.models import NewsIndexPage, NewsPage
    from procurement.models import MonthlySummaryIndexPage, MonthlySummaryPage

    news_index = NewsIndexPage.objects.live().order_by("path").first()
    news = NewsPage.objects.live().public().child_of(news_index)
    pages = max(1, math.ceil(news.count() / news_index.per_page))
    years = sorted(set(news.values_list("period_start__year", flat=True)), reverse=True)[:6]
    sorkhor_index = MonthlySummaryIndexPage.objects.live().order_by("path").first()
    sorkhor = MonthlySummaryPage.objects.live().public().child_of(sorkhor_index)
    fiscal_years = sorted(set(sorkhor.values_list("fiscal_year", flat=True)), reverse=True)[:9]
    Document = get_document_model()
    public = Document.objects.filter(collection=Collection.get_first_root_node()).order_by("pk")
    news_url = news_index.url
    return {
        "home": ["/"],
        "news_index": [news_url]
        + [f"{news_url}?category={value}" for value in NewsPage.Category.values]
        + [f"{news_url}?fy={year + 543}" for year in years][: SAMPLES - 6],
        "news_deep": [f"{news_url}?page={max(1, pages - k * 7)}" for k in range(min(10, pages))],
        "news_item": [page.url for page in _spread(list(news.order_by("path").only("url_path")))],
        "sorkhor_index": [sorkhor_index.url] + [f"{sorkhor_index.url}?fy={fy}" for fy in fiscal_years],
        "sorkhor_item": [page.url for page in _spread(list(sorkhor.order_by("path").only("url_path")))],
        **{
            name: [f"/search/?{urlencode({'q': query})}"]
            + [f"/search/?{urlencode({'q': query, 'page': n})}" for n in (2, 3)]
            for name, query in SEARCHES.items()
        },
        "document": [doc.url for doc in _spread(list(public.only("id", "file")), SAMPLES)],
    }


def queries(url):
    """SQL queries of two requests for ``url`` (the second may be answered by a page cache), and statuses."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts, statuses = [], []
    for _ in range(2):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
            b"".join(response) if response.streaming else response.content
            response.close()
        counts.append(len(context.captured_queries))
        statuses.append(response.status_code)
    return {"url": url, "first": counts[0], "second": counts[1], "status": statuses}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.settings")
    import django

    django.setup()
    if sys.argv[1:] == ["urls"]:
        print(json.dumps(urls(), ensure_ascii=False))
    elif sys.argv[1:2] == ["queries"] and len(sys.argv) == 3:
        print(json.dumps(queries(sys.argv[2]), ensure_ascii=False))
    else:
        sys.exit("usage: python -m tests.bench.probe urls | queries URL")


if __name__ == "__main__":
    main()
