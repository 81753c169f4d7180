"""The complaint and feedback demo: the four pages, staff accounts, complaints in every state; idempotent."""

import datetime as dt
import zoneinfo

from django.contrib.auth import get_user_model

from wagtail.models import Site

import pytest
from freezegun import freeze_time

from demo.builder import DemoBuilder
from demo.loaders import complaints as loader
from eservices.complaints import codes
from eservices.models import Complaint, Feedback
from home.models import StandardPage
from home.roles import COMPLAINT_CENTRE, CORRUPTION_WORKING_GROUP
from tests.conftest import add_page

pytestmark = pytest.mark.django_db
BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


@pytest.fixture
def loaded(home_page):
    services = add_page(home_page, StandardPage, title="บริการประชาชน", slug="services")
    add_page(services, StandardPage, title="บริการอิเล็กทรอนิกส์", slug="e-services")
    with freeze_time("2026-11-26 10:00:00+07:00"):
        builder = DemoBuilder(Site.objects.get(is_default_site=True))
        loader.load(builder)
        yield builder


def test_demo_places_the_four_pages_under_e_services(loaded, client):
    for slug in ("complaint", "complaint-status", "complaint-statistics", "feedback"):
        page = loaded.find(f"services/e-services/{slug}")
        assert page is not None and page.live and page.show_in_menus, slug
        assert client.get(page.url).status_code == 200


def test_demo_has_complaints_in_every_state_and_both_kinds(loaded):
    assert set(Complaint.objects.values_list("status", flat=True)) == set(Complaint.Status.values)
    assert set(Complaint.objects.values_list("kind", flat=True)) == {"service", "corruption"}
    assert all(codes.normalise_code(c) == c for c in Complaint.objects.values_list("tracking_code", flat=True))
    anonymous = Complaint.objects.filter(kind="corruption")
    assert all(c.is_anonymous and not c.name for c in anonymous)
    assert Feedback.objects.filter(is_published=True).count() == 3


def test_demo_statistics_page_counts_last_year(loaded, client):
    page = loaded.find("services/e-services/complaint-statistics")
    with freeze_time("2026-11-26 10:00:00+07:00"):
        html = client.get(page.url + "?year=2569&round=12").content.decode()
    start = dt.datetime(2025, 10, 1, tzinfo=BANGKOK)
    end = dt.datetime(2026, 10, 1, tzinfo=BANGKOK)
    counted = Complaint.objects.filter(received_at__gte=start, received_at__lt=end).count()
    assert counted >= 8  # the demo's year of complaints falls mostly in FY2569
    assert f'id="stats-total">{counted}<' in html


def test_demo_accounts_are_in_the_complaint_groups(loaded):
    User = get_user_model()
    assert User.objects.get(username="integrity").groups.filter(name=CORRUPTION_WORKING_GROUP).exists()
    assert User.objects.get(username="complaints").groups.filter(name=COMPLAINT_CENTRE).exists()


def test_loading_twice_changes_nothing(loaded):
    counts = (Complaint.objects.count(), Feedback.objects.count())
    with freeze_time("2026-11-26 10:00:00+07:00"):
        again = DemoBuilder(Site.objects.get(is_default_site=True))
        loader.load(again)
    assert again.created == []
    assert (Complaint.objects.count(), Feedback.objects.count()) == counts
