"""The demo hospital has every disclosure category of this app, for two fiscal years, with files and owners."""

from wagtail.models import Page, Site

import pytest

from demo.builder import DemoBuilder
from demo.loaders import disclosure as loader
from demo.loaders import disclosure_ita, hospital
from disclosure.models import (
    ActionPlanPage,
    BudgetPage,
    ExecutivesPage,
    ITAYearPage,
    KnowledgePage,
    MoitItem,
    NewsPage,
    OIAIndexPage,
)
from home.thai_dates import current_fiscal_year

pytestmark = pytest.mark.django_db

PATHS = [
    "about/history",
    "about/vision-mission",
    "about/structure",
    "about/powers-duties",
    "about/ethics",
    "about/executives",
    "about/executive-policy",
    "plans/policy-strategy",
    "plans/action-plan",
    "plans/budget",
    "transparency/complaint-procedures",
    "transparency/complaint-reports",
    "transparency/laws",
    "transparency/information-centre",
    "transparency/ita",
    "knowledge",
    "news",
    "services/weblinks",
]


def build():
    """The hospital's part, this app's part and the finish, as ``load_demo_data`` runs them (other apps left out)."""
    builder = DemoBuilder(Site.objects.get(is_default_site=True))
    hospital.load(builder)
    loader.load(builder)
    disclosure_ita.load(builder)
    disclosure_ita.finish(builder)
    hospital.finish(builder)
    return builder


def test_demo_builds_every_disclosure_category_once(client):
    build()
    counts = (Page.objects.count(), MoitItem.objects.count())
    assert build().created == []  # a second run creates nothing
    assert (Page.objects.count(), MoitItem.objects.count()) == counts
    for path in PATHS:
        page = Page.objects.get(url_path=f"/home/{path}/")
        assert client.get(page.url).status_code == 200, path
    fy = current_fiscal_year()

    executives = ExecutivesPage.objects.get()
    assert executives.executives.count() == 5 and all(e.photo_id for e in executives.executives.all())
    for model in (ActionPlanPage, BudgetPage):
        assert set(model.objects.values_list("fiscal_year", flat=True)) == {fy - 1, fy}
        assert model.objects.filter(category="report", fiscal_year=fy - 1).count() == 4
        assert all(p.documents() for p in model.objects.all())  # generated PDFs attached

    news = NewsPage.objects.all()
    assert news.count() >= 10 and news.filter(category="job").exists()
    assert any(p.gallery_images.exists() for p in news)
    assert len({p.period_fiscal_year for p in news}) >= 2
    assert client.get("/").content.decode().count('class="news-card"') >= 1  # the home page's latest news

    knowledge = KnowledgePage.objects.all()
    assert knowledge.count() == 6 and knowledge.filter(slug="dengue", source__contains="กรมควบคุมโรค").exists()
    assert set(knowledge.values_list("category", flat=True)) == {
        "article",
        "infographic",
        "video",
        "statistics",
        "research",
    }

    centre = OIAIndexPage.objects.get()
    covered, total = centre.coverage()
    assert total == 13 and covered >= 9
    sections = set(centre.entries.values_list("section", flat=True))
    assert {"7_5", "9_1", "9_5", "9_6", "9_7"} <= sections  # no section the law names is left empty
    answered_by_file = centre.entries.filter(section__in=["7_5", "9_1", "9_6", "9_7"]).select_related("document")
    assert all(e.document and e.document.file.name.endswith(".pdf") for e in answered_by_file)

    assert set(ITAYearPage.objects.values_list("fiscal_year", flat=True)) == {fy - 1, fy}
    assert MoitItem.objects.filter(fiscal_year=fy).count() == 22
    html = client.get(ITAYearPage.objects.get(fiscal_year=fy - 1).url).content.decode()
    assert html.count('<article class="ita-item') == 22
