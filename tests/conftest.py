"""Shared fixtures: a hospital site built in code, and users for each role."""

from django.contrib.auth import get_user_model

from wagtail.models import Page, Site

import pytest

from home.models import ContactSettings, Department, FooterSettings, HomePage, StandardPage


@pytest.fixture
def home_page(db):
    """The site root created by home/migrations/0002, set up with the hospital's contact block."""
    home = HomePage.objects.get(depth=2)
    home.title = "โรงพยาบาลฮอด"
    home.hero_title = "โรงพยาบาลฮอด"
    home.hero_message = "บริการด้วยใจ ใส่ใจคุณภาพ"
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    contact = ContactSettings.for_site(site)
    contact.address = "169 หมู่ 1 ตำบลหางดง อำเภอฮอด จังหวัดเชียงใหม่ 50240"
    contact.phone = "053-461-037"
    contact.fax = "053-461-038"
    contact.email = "saraban@hodhospital.go.th"
    contact.latitude = "18.194900"
    contact.longitude = "98.611300"
    contact.save()
    return home


def add_page(parent, model=StandardPage, publish=True, **fields):
    """Create a child page in code, published unless told otherwise."""
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
    fields.setdefault("live", False)  # as the admin creates pages: live only once published
    page = model(**fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def section(home_page):
    return add_page(home_page, title="เกี่ยวกับโรงพยาบาล", slug="about", show_in_menus=True, intro="ข้อมูลพื้นฐานของโรงพยาบาล")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "admin-pass-123")


@pytest.fixture
def footer(home_page):
    site = Site.objects.get(is_default_site=True)
    footer = FooterSettings.for_site(site)
    return footer


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def department(db):
    return Department.objects.create(name="งานประชาสัมพันธ์", kind=Department.Kind.UNIT, email="pr@hodhospital.go.th")


@pytest.fixture
def other_department(db):
    return Department.objects.create(name="กลุ่มงานพัฒนายุทธศาสตร์", kind=Department.Kind.GROUP)
