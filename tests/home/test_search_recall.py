"""The Thai query set (tests/home/search_queries.py) against the demo hospital: recall in the top ten.

Runs on SQLite and on PostgreSQL (``DATABASE_URL``): both go through the same segmentation, and the
SQLite FTS5 table keeps Thai words whole (home/migrations/0008).
"""

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Site

import pytest

from home.models import HospitalDocument
from home.search.status import index_is_thai
from tests.home.search_queries import QUERIES

pytestmark = pytest.mark.django_db

TOP = 10
REQUIRED_RECALL = 0.95


def found(hits, kind, title):
    return any(hit.kind == kind and (hit.title == title or hit.title.startswith(title)) for hit in hits)


@override_settings(DEBUG=True)
def test_thai_query_set_recall_in_the_top_ten(client):
    call_command("load_demo_data")
    assert index_is_thai(Site.objects.get(is_default_site=True).root_page)  # `make run` leaves it built
    form = HospitalDocument.objects.get(file__endswith=".docx", title__startswith="แบบคำขอตรวจดู")
    assert "สำเนาที่มีคำรับรองถูกต้อง" in form.search_text  # the demo's Word file, read on upload
    assert len(QUERIES) >= 40
    expected = missed = 0
    misses = []
    for query, items in QUERIES:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200, query
        hits = list(response.context["results"].object_list)[:TOP] if response.context.get("results") else []
        for kind, title in items:
            expected += 1
            if not found(hits, kind, title):
                missed += 1
                misses.append(f"{query!r} did not find {kind} {title!r}; got {[hit.title for hit in hits]}")
    recall = (expected - missed) / expected
    assert recall >= REQUIRED_RECALL, f"recall {recall:.3f}:\n" + "\n".join(misses)
    print(f"recall@{TOP} = {recall:.3f} over {len(QUERIES)} queries, {expected} expected items")
    if misses:
        print("\n".join(misses))
