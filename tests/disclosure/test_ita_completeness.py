"""The ITA/MOIT dashboard's website completeness checks (R3.4): contact block, executives, No Gift Policy,
news, the OIA information centre, policy pages and webmasters."""

import datetime as dt

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Site

import pytest

from disclosure.ita.completeness import (
    check_contact,
    check_executives,
    check_news,
    check_no_gift,
    check_oia,
    check_policies,
    check_webmasters,
)
from disclosure.models import (
    Executive,
    ExecutivesPage,
    NewsIndexPage,
    NewsPage,
    OIAEntry,
    OIAIndexPage,
)
from disclosure.models.oia import SECTIONS
from home.models import FooterSettings, HomePage
from home.roles import WEBMASTERS
from tests.conftest import add_page
from tests.disclosure import factories
from tests.disclosure.ita_fixtures import FY, make_user

pytestmark = pytest.mark.django_db


# -- website completeness -----------------------------------------------------------------------


def test_contact_check(home_page):
    assert check_contact(Site.objects.get(is_default_site=True)).passed
    from home.models import ContactSettings

    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.fax, contact.latitude = "", None
    contact.save()
    check = check_contact(Site.objects.get(is_default_site=True))
    assert not check.passed and "โทรสาร" in check.explanation and "แผนที่" in check.explanation
    assert "contactsettings" in check.fix_url


def test_executives_check(site_tree):
    assert not check_executives().passed
    page = add_page(
        site_tree["about"],
        ExecutivesPage,
        title="ทำเนียบผู้บริหาร",
        slug="executives",
        owner_unit=site_tree["owner"],
        period_start=dt.date(2025, 10, 1),
        executives=[
            Executive(
                full_name="นายแพทย์ธนกร วงศ์ศรีสุข", position="ผู้อำนวยการ", phone="053-461-037", photo=factories.image()
            )
        ],
    )
    assert check_executives().passed
    Executive.objects.create(page=page, full_name="นางวรรณา ศรีวงค์", position="หัวหน้ากลุ่มงาน", phone="", photo=None)
    check = check_executives()
    assert not check.passed and "นางวรรณา ศรีวงค์" in check.explanation


def test_no_gift_check(home_page):
    site = Site.objects.get(is_default_site=True)
    in_the_year = dt.date(2026, 3, 10)
    assert not check_no_gift(site, FY, today=in_the_year).passed
    HomePage.objects.filter(pk=home_page.pk).update(no_gift_fiscal_year=FY - 1, no_gift_image=factories.image())
    check = check_no_gift(site, FY, today=in_the_year)
    assert not check.passed and str(FY - 1) in check.explanation
    HomePage.objects.filter(pk=home_page.pk).update(no_gift_fiscal_year=FY)
    assert check_no_gift(site, FY, today=in_the_year).passed


def _publish_home_at(home_page, fiscal_year, when):
    home = HomePage.objects.get(pk=home_page.pk)
    home.no_gift_fiscal_year, home.no_gift_image = fiscal_year, factories.image()
    home.save_revision().publish()
    entry = PageLogEntry.objects.filter(page=home, action="wagtail.publish").order_by("-pk").first()
    PageLogEntry.objects.filter(pk=entry.pk).update(timestamp=when)


def test_no_gift_of_a_past_year_counts_when_the_home_page_showed_it_in_that_year(home_page):
    """FY2569's policy was on the home page in FY2569; now (FY2570) the home page rightly shows FY2570's."""
    site = Site.objects.get(is_default_site=True)
    now = dt.date(2026, 12, 3)  # fiscal year 2570
    _publish_home_at(home_page, FY, dt.datetime(2025, 10, 6, 9, tzinfo=dt.UTC))
    _publish_home_at(home_page, FY + 1, dt.datetime(2026, 10, 5, 9, tzinfo=dt.UTC))
    past = check_no_gift(site, FY, today=now)
    assert past.passed and str(FY + 1) in past.explanation
    assert check_no_gift(site, FY + 1, today=now).passed
    # A year whose policy never reached the home page in its year still fails, with a reason in Thai.
    older = check_no_gift(site, FY - 1, today=now)
    assert not older.passed and str(FY - 1) in older.explanation and "ประวัติ" in older.explanation


def test_no_gift_of_a_past_year_published_only_after_the_year_ended_does_not_count(home_page):
    site = Site.objects.get(is_default_site=True)
    _publish_home_at(home_page, FY, dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC))  # FY2569 ended 30 Sep 2026
    _publish_home_at(home_page, FY + 1, dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC))
    assert not check_no_gift(site, FY, today=dt.date(2026, 12, 3)).passed


def test_news_check(site_tree):
    news = add_page(site_tree["transparency"], NewsIndexPage, title="ข่าว", slug="news")
    add_page(
        news, NewsPage, title="ข่าวเก่า", slug="old", owner_unit=site_tree["owner"], period_start=dt.date(2024, 5, 1)
    )
    Page.objects.filter(slug="old").update(first_published_at=timezone.make_aware(dt.datetime(2024, 5, 1)))
    check = check_news(FY)
    assert not check.passed and "newspage" in check.fix_url
    add_page(
        news, NewsPage, title="ข่าวปีนี้", slug="new", owner_unit=site_tree["owner"], period_start=dt.date(2026, 1, 15)
    )
    assert check_news(FY).passed


def test_oia_check(site_tree):
    assert not check_oia().passed
    page = add_page(
        site_tree["transparency"],
        OIAIndexPage,
        title="ศูนย์ข้อมูลข่าวสาร",
        slug="oia",
        owner_unit=site_tree["owner"],
        period_start=dt.date(2025, 10, 1),
    )
    for key, _label, _text in SECTIONS[:-1]:
        OIAEntry.objects.create(page=page, section=key, title=f"ข้อมูล {key}", linked_page=site_tree["about"])
    check = check_oia()
    assert not check.passed and "มาตรา 9 (8)" in check.explanation
    OIAEntry.objects.create(page=page, section=SECTIONS[-1][0], title="อื่น ๆ", linked_page=site_tree["about"])
    assert check_oia().passed


def test_policies_check(home_page):
    site = Site.objects.get(is_default_site=True)
    assert not check_policies(site).passed
    footer = FooterSettings.for_site(site)
    footer.privacy_page = add_page(home_page, title="นโยบายคุ้มครองข้อมูลส่วนบุคคล", slug="privacy")
    footer.website_policy_page = add_page(home_page, title="นโยบายเว็บไซต์", slug="website-policy")
    footer.save()
    check = check_policies(site)
    assert not check.passed and "ความมั่นคงปลอดภัย" in check.explanation
    footer.security_policy_page = add_page(home_page, title="นโยบายความมั่นคงปลอดภัยเว็บไซต์", slug="security-policy")
    footer.save()
    assert check_policies(site).passed


def test_webmasters_check(db):
    group = Group.objects.create(name=WEBMASTERS)
    make_user("webmaster", group)
    assert not check_webmasters().passed
    make_user("webmaster2", group)
    assert check_webmasters().passed
