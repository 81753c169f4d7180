"""The site the former website is imported into: home, an about section, the news, two owner units."""

import shutil
from pathlib import Path

import pytest

from home.models import Department, StandardPage
from tests.conftest import add_page

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def target_site(home_page):
    from disclosure.models import NewsIndexPage

    about = add_page(home_page, StandardPage, title="เกี่ยวกับโรงพยาบาล", slug="about")
    news = add_page(home_page, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    pr = Department.objects.create(name="งานประชาสัมพันธ์", kind=Department.Kind.UNIT)
    admin = Department.objects.create(name="กลุ่มงานบริหารทั่วไป", kind=Department.Kind.GROUP)
    return {"home": home_page, "about": about, "news": news, "pr": pr, "admin_unit": admin}


@pytest.fixture
def media_dir(tmp_path):
    """A copy of the former site's wp-content/uploads."""
    target = tmp_path / "uploads"
    shutil.copytree(FIXTURES / "uploads", target)
    return target


@pytest.fixture
def documents_site(target_site):
    """Add the plans section with its action plans, the ITA section and the strategy group."""
    from disclosure.models import ActionPlanIndexPage, ITAIndexPage

    plans = add_page(target_site["home"], StandardPage, title="นโยบายและแผน", slug="plans")
    target_site["action_plans"] = add_page(plans, ActionPlanIndexPage, title="แผนปฏิบัติการ", slug="action-plan")
    transparency = add_page(target_site["home"], StandardPage, title="ความโปร่งใส", slug="transparency")
    target_site["ita"] = add_page(transparency, ITAIndexPage, title="ITA", slug="ita")
    target_site["strategy"] = Department.objects.create(name="กลุ่มงานพัฒนายุทธศาสตร์", kind=Department.Kind.GROUP)
    return target_site
