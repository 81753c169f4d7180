"""generate_volume: many live pages and documents written in bulk, a valid tree, found by the search."""

import io

from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

import pytest

from demo import volume
from disclosure.models import ActionPlanIndexPage, BudgetIndexPage, NewsIndexPage, NewsPage
from home.search import thai
from manuals.models import CitizenGuideIndexPage, OperationsManualIndexPage
from procurement.models import (
    MonthlySummaryIndexPage,
    MonthlySummaryPage,
    ProcurementAnnouncementIndexPage,
    ProcurementIndexPage,
)
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

GENERATED = r"^vol[0-9]+-"


@pytest.fixture
def indexes(home_page, department):
    """The listing pages generate_volume fills, as the demo hospital has them."""
    news = add_page(home_page, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    procurement = add_page(home_page, ProcurementIndexPage, title="การจัดซื้อจัดจ้าง", slug="procurement")
    plans = add_page(home_page, title="แผนงาน", slug="plans")
    services = add_page(home_page, title="บริการ", slug="services")
    add_page(procurement, ProcurementAnnouncementIndexPage, title="ประกาศจัดซื้อจัดจ้าง", slug="announcements")
    add_page(procurement, MonthlySummaryIndexPage, title="สรุปผล สขร.1", slug="monthly")
    add_page(plans, ActionPlanIndexPage, title="แผนปฏิบัติการ", slug="action-plan")
    add_page(plans, BudgetIndexPage, title="แผนการใช้จ่ายงบประมาณ", slug="budget")
    add_page(services, OperationsManualIndexPage, title="คู่มือการปฏิบัติงาน", slug="manuals")
    add_page(services, CitizenGuideIndexPage, title="คู่มือสำหรับประชาชน", slug="guides")
    return news


def generate(*args):
    out = io.StringIO()
    call_command("generate_volume", *args, stdout=out)
    return out.getvalue()


@override_settings(SEARCH_RATE_LIMIT=(100_000, 60))
def test_adds_live_pages_and_documents_in_a_valid_tree(indexes, client):
    output = generate("--pages=400", "--documents=1000", "--seed=7")
    assert "400 pages, 1,000 documents" in output

    generated = Page.objects.filter(slug__regex=GENERATED)
    assert generated.count() == 400
    assert not generated.filter(live=False).exists()
    assert all(not problems for problems in Page.find_problems())  # paths, depths and numchild agree
    assert NewsIndexPage.objects.get(pk=indexes.pk).numchild == NewsPage.objects.child_of(indexes).count()
    # One สขร.1 per month since October 2559 (FY2560), each with its rows.
    months = MonthlySummaryPage.objects.filter(slug__regex=GENERATED)
    assert months.count() >= 120
    assert len({(p.fiscal_year, p.fiscal_month) for p in months}) == months.count()
    assert all(page.rows.exists() for page in months[:5])
    dates = sorted(NewsPage.objects.filter(slug__regex=GENERATED).values_list("first_published_at", flat=True))
    assert (dates[-1] - dates[0]).days > 8 * 365  # spread over ten years

    Document = get_document_model()
    private = Document.objects.filter(collection__name=volume.PRIVATE_COLLECTION)
    assert Document.objects.count() == 1000 and private.count() == 50
    attached = set(ReferenceIndex.objects.values_list("to_object_id", flat=True))
    assert not attached & {str(pk) for pk in private.values_list("pk", flat=True)}

    news = NewsPage.objects.filter(slug__regex=GENERATED).order_by("pk").first()
    response = client.get(news.url)
    assert response.status_code == 200 and news.title in response.content.decode()
    assert news.documents() and client.get(news.documents()[0].url).status_code == 200
    assert client.get(indexes.url, {"page": 3}).status_code == 200
    # The search index holds the new pages and the attached documents, cut into Thai words.
    assert news.title in client.get("/search/", {"q": news.title}).content.decode()
    assert news.documents()[0].title in client.get("/search/", {"q": news.documents()[0].title}).content.decode()


def test_refuses_a_second_batch_unless_asked(indexes):
    generate("--pages=150", "--documents=20")
    with pytest.raises(CommandError, match="already holds 150 generated pages"):
        generate("--pages=150", "--documents=20")
    assert "Generated batch 2" in generate("--pages=150", "--documents=20", "--add")
    assert Page.objects.filter(slug__regex=GENERATED).count() == 300


def test_refuses_without_the_demo_hospital(home_page):
    with pytest.raises(CommandError, match="load_demo_data"):
        generate("--pages=10")


def test_cached_cutting_gives_the_index_the_same_words():
    words = volume.Words(3)
    texts = [words.fill(words.pick(key), volume.FIRST_DAY) for key in ("news_titles", "plan_titles") * 20]
    texts += [" ".join(words.paragraphs(2)) for _ in range(10)]
    for text in texts:
        assert volume.cached_index_text(text) == thai.index_text(text)
    assert volume.cached_index_text("ประกาศจัดซื้อจัดจ้าง", limit=6) == thai.index_text("ประกาศจัดซื้อจัดจ้าง", limit=6)
