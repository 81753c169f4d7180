"""Shared fixtures: a hospital site built in code, and users for each role."""

import os

from django.contrib.auth import get_user_model
from django.test.client import ClientMixin

from wagtail.models import Page, Site

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice

from home.models import ContactSettings, Department, FooterSettings, HomePage, StandardPage

# The benchmark (tests/bench) builds a database at volume and runs a server: only `make bench` (BENCH=1).
collect_ignore = [] if os.environ.get("BENCH") == "1" else ["bench"]


@pytest.fixture(autouse=True)
def two_factor_verified_logins(request, monkeypatch):
    """Sessions the test client signs in (``force_login``, ``login``) have passed two-factor, as if the user
    had entered a code: the suite tests what each role may do, not the sign-in. ADMIN_2FA_REQUIRED stays on;
    tests marked ``real_two_factor`` (tests/home/test_security_two_factor.py) get plain sessions and go
    through the code screens themselves."""
    if request.node.get_closest_marker("real_two_factor"):
        return
    original = ClientMixin._login

    def _login(client, user, backend=None):
        original(client, user, backend)
        device, _ = StaticDevice.objects.get_or_create(user=user, name="pytest-verified")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(ClientMixin, "_login", _login)


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
