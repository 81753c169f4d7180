"""The manuals part of the demo: both index pages, manuals and guides of real units, two fiscal years, PDFs.

Building the demo takes seconds (it renders PDFs), so each test checks one whole outcome of one build.
"""

from wagtail.models import Site

import pytest

from demo.builder import DemoBuilder
from demo.loaders import hospital
from demo.loaders import manuals as loader
from home.thai_dates import current_fiscal_year
from manuals.models import CitizenGuideIndexPage, CitizenGuidePage, OperationsManualIndexPage, OperationsManualPage

pytestmark = pytest.mark.django_db


def build():
    builder = DemoBuilder(Site.objects.get(is_default_site=True))
    hospital.load(builder)
    loader.load(builder)
    return builder


def test_demo_builds_both_sections_with_manuals_and_guides_of_real_units_over_two_years(home_page, client):
    builder = build()
    fy = current_fiscal_year()
    assert isinstance(builder.find("transparency/operations-manuals"), OperationsManualIndexPage)
    assert isinstance(builder.find("services/citizen-guides"), CitizenGuideIndexPage)

    manuals = list(OperationsManualPage.objects.live().select_related("owner_unit"))
    assert 5 <= len(manuals) <= 7
    assert len({m.owner_unit.name for m in manuals}) >= 5
    assert {m.category for m in manuals} == set(OperationsManualPage.Category.values)  # both complaint manuals too

    guides = list(CitizenGuidePage.objects.live().select_related("owner_unit"))
    assert 4 <= len(guides) <= 5
    assert {"กลุ่มงานทันตสาธารณสุข", "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข"} <= {g.owner_unit.name for g in guides}
    assert any(g.free_of_charge for g in guides) and any(len(g.fees) for g in guides)

    for items in (manuals, guides):
        assert {fy - 1, fy} <= {item.period_fiscal_year for item in items}

    for page in [*manuals, *guides]:
        assert page.total_minutes > 0, page.title
        documents = page.documents()
        assert documents, page.title
        for document in documents:
            with document.file.open("rb") as handle:
                assert handle.read(5) == b"%PDF-", document.title
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.total_duration_text in response.content.decode()

    for url in ("/transparency/operations-manuals/", "/services/citizen-guides/"):
        assert client.get(url).status_code == 200


def test_loading_the_demo_again_creates_nothing(home_page):
    build()
    again = DemoBuilder(Site.objects.get(is_default_site=True))
    loader.load(again)
    assert again.created == []
