"""The ranked search statement (home/search/ranking.py): the full-text match is evaluated once and drives it.

Wagtail's SQLite search ranks by a correlated scalar subquery that runs the FTS5 ``MATCH`` again for every
candidate row (over 60 s at ten-year volume); its PostgreSQL search matches ``title || body``, which no
index can answer. These tests read the plans of the statements a real search runs, on SQLite and on
PostgreSQL (``DATABASE_URL``), so the old shape fails them.
"""

from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction
from wagtail.search.query import And, Or, PlainText

import pytest

from home.search import ranking, thai
from home.search.query import visible_pages
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


def index_statements(client, q):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    return response, [query["sql"] for query in queries if "wagtailsearch_indexentry" in query["sql"]]


def plan(sql):
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # As at volume, where a sequential scan of the index would be the slow path: may an index answer?
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        rows = cursor.fetchall()
    # SQLite: the rows below a correlated subquery are re-run per outer row; none of them may search the index.
    children = {}
    for node, parent, _unused, detail in rows:
        children.setdefault(parent, []).append((node, detail))
    per_row = []
    stack = [node for node, _parent, _unused, detail in rows if "CORRELATED" in detail]
    while stack:
        for node, detail in children.get(stack.pop(), []):
            per_row.append(detail)
            stack.append(node)
    assert not [detail for detail in per_row if "VIRTUAL TABLE" in detail], rows
    return "\n".join(str(row[-1]) for row in rows)


def test_a_search_matches_the_index_once_per_kind_and_the_match_drives_the_statement(client, section):
    for number in range(12):
        add_page(section, title=f"ข่าวกิจกรรมที่ {number}", slug=f"news-{number}", intro="กิจกรรมของโรงพยาบาล")
    response, statements = index_statements(client, "กิจกรรม")
    assert len(response.context["results"].paginator.object_list) == 12
    # One ranked statement for pages, one for documents: no statement per hit, no second pass.
    assert len(statements) == 2, statements
    for sql in statements:
        explained = plan(sql)
        if connection.vendor == "sqlite":
            assert explained.count("VIRTUAL TABLE INDEX") == 1, explained  # the FTS5 MATCH runs once
            assert sql.count(" MATCH ") == 1
        else:
            # The match is applied to the index entries first, on their own (a materialised step the GIN
            # indexes of title and body can answer), never once per visible row joined to the index.
            matched = explained.split("CTE matched", 1)[-1].split("CTE visible", 1)[0]
            assert "CTE matched" in explained, explained
            assert "on wagtailsearch_indexentry" in matched and "@@" in matched, explained
            assert "Seq Scan on wagtailsearch_indexentry" not in explained, explained


def test_the_ranked_ids_are_only_visible_pages_best_first_and_bounded(section):
    public = [add_page(section, title=f"วัคซีนไข้หวัดใหญ่ รอบที่ {n}", slug=f"flu-{n}") for n in range(6)]
    add_page(section, title="วัคซีนไข้หวัดใหญ่ ฉบับร่าง", slug="flu-draft", publish=False)
    private = add_page(section, title="วัคซีนไข้หวัดใหญ่ ภายใน", slug="flu-private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    below = add_page(private, title="วัคซีนไข้หวัดใหญ่ ภายใน ย่อย", slug="flu-private-child")
    query = thai.search_query("วัคซีนไข้หวัดใหญ่")
    visible = visible_pages(section.get_parent())

    ids = ranking.ranked_ids(Page, visible, query)
    assert sorted(ids) == sorted(page.pk for page in public)
    assert private.pk not in ids and below.pk not in ids
    assert len(ranking.ranked_ids(Page, visible, query, limit=4)) == 4
    assert ranking.ranked_ids(Page, visible, thai.search_query("ไม่มีคำนี้ในเว็บไซต์เลยจริงๆ")) == []


def test_the_match_expressions_keep_the_thai_words_and_bind_everything():
    query = thai.search_query("จัดซื้อจัดจ้าง")
    assert ranking.fts5_expression(query) == '("จัดซื้อจัดจ้าง" OR ("จัดซื้อ" AND "จัดจ้าง"))'
    assert ranking.tsquery_expression(query) == "('จัดซื้อจัดจ้าง' | ('จัดซื้อ' & 'จัดจ้าง'))"
    assert ranking.any_word_tsquery(query) == "'จัดซื้อจัดจ้าง' | 'จัดซื้อ' | 'จัดจ้าง'"
    # Quotes in a word (never produced by the segmenter, but code may build queries) stay inside the word.
    odd = And([PlainText('a"b'), Or([PlainText("o'k"), PlainText("x\\y")])])
    assert ranking.fts5_expression(odd) == '("a""b" AND ("o\'k" OR "x\\y"))'
    assert ranking.tsquery_expression(odd) == "('a\"b' & ('o''k' | 'x\\\\y'))"


def test_the_statement_has_no_typed_text_in_it(section):
    text = "จัดซื้อ'; DROP TABLE wagtailcore_page; --"
    statement = ranking.ranked_sql(Page, visible_pages(section.get_parent()), thai.search_query(text))
    assert statement is not None
    sql, params = statement
    assert "จัดซื้อ" not in sql and "DROP" not in sql
    assert any("จัดซื้อ" in str(param) for param in params)
