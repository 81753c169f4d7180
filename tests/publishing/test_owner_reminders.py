"""Owners without an account are told by e-mail: expiry coming (7 days) and items due for review."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from wagtail.models import Page

import pytest

from disclosure.models import OrganisationInfoPage
from home.models import StandardPage
from publishing import jobs
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def about_item(home_page, department):
    about = add_page(home_page, StandardPage, title="เกี่ยวกับโรงพยาบาล", slug="about")
    return add_page(
        about,
        OrganisationInfoPage,
        title="ประวัติความเป็นมา",
        slug="history",
        topic="history",
        owner_unit=department,
        owner_email="owner@example.org",
        period_start=dt.date(2025, 10, 1),
    )


def test_owner_is_warned_once_seven_days_before_expiry(about_item):
    Page.objects.filter(pk=about_item.pk).update(expire_at=timezone.now() + dt.timedelta(days=6))
    mail.outbox.clear()
    assert jobs.expiry_warnings() == "sent 1"
    assert jobs.expiry_warnings() == "sent 0"
    message = mail.outbox[-1]
    assert "ใกล้ครบกำหนด" in message.subject
    assert {"owner@example.org", "pr@hodhospital.go.th"} <= set(message.to)


def test_no_warning_for_items_expiring_later(about_item):
    Page.objects.filter(pk=about_item.pk).update(expire_at=timezone.now() + dt.timedelta(days=30))
    assert jobs.expiry_warnings() == "sent 0"


def test_owner_of_an_item_past_its_review_period_is_reminded_once(about_item):
    # "about" is reviewed every 12 months in the responsibility table.
    Page.objects.filter(pk=about_item.pk).update(last_published_at=timezone.now() - dt.timedelta(days=400))
    mail.outbox.clear()
    assert jobs.stale_item_reminders() == "sent 1"
    assert jobs.stale_item_reminders() == "sent 0"
    assert "owner@example.org" in mail.outbox[-1].to and "ถึงรอบทบทวน" in mail.outbox[-1].subject
    assert [page.pk for page, _row in jobs.stale_items()] == [about_item.pk]


def test_recently_updated_items_are_not_due(about_item):
    assert jobs.stale_items() == []
