"""Urgent publishing on verbal approval (R2.6), written approval afterwards, and the reports."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry

import pytest

from home.models import StandardPage
from home.thai_dates import add_working_days
from publishing.models import UrgentPublication
from publishing.urgent import is_overdue
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


def new_item(hospital, slug="urgent"):
    page = add_page(hospital["news"], StandardPage, title="แจ้งงดบริการชั่วคราว", slug=slug, publish=False)
    page.save_revision(user=hospital["users"]["editor"])
    return page


def test_webmaster_publishes_urgently_only_with_who_and_when(client, hospital):
    users = hospital["users"]
    page = new_item(hospital)
    client.force_login(users["webmaster"])
    url = reverse("publishing_urgent_publish", args=[page.pk])
    response = client.post(url, {"verbal_approver": "", "verbal_approved_at": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"verbal_approver", "verbal_approved_at"}
    assert not Page.objects.get(pk=page.pk).live
    when = timezone.localtime() - dt.timedelta(minutes=10)
    response = client.post(
        url, {"verbal_approver": users["head"].pk, "verbal_approved_at": when.strftime("%Y-%m-%dT%H:%M")}
    )
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).live
    record = UrgentPublication.objects.get(page=page)
    assert record.awaiting_written_approval and record.verbal_approver == users["head"]
    assert PageLogEntry.objects.filter(page=page, action="hodsite.urgent_publish", user=users["webmaster"]).exists()


def test_editors_and_heads_cannot_publish_urgently(client, hospital):
    page = new_item(hospital)
    for role in ("editor", "head", "director"):
        client.force_login(hospital["users"][role])
        response = client.post(reverse("publishing_urgent_publish", args=[page.pk]), {})
        assert response.status_code in (302, 403), role
    assert not Page.objects.get(pk=page.pk).live


def test_written_approval_by_the_head_and_not_by_the_webmaster(client, hospital):
    from publishing.urgent import urgent_publish

    users = hospital["users"]
    record = urgent_publish(new_item(hospital), users["webmaster"], users["head"], timezone.now())
    for refused in ("webmaster", "other_head"):  # the admin answers a refusal by sending them home
        client.force_login(users[refused])
        response = client.post(reverse("publishing_written_approval", args=[record.pk]), {"confirm": "on"})
        assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
        record.refresh_from_db()
        assert record.written_approved_at is None, refused
    client.force_login(users["head"])
    response = client.post(reverse("publishing_written_approval", args=[record.pk]), {"confirm": "on"})
    assert response["Location"] == reverse("publishing_urgent_list")
    record.refresh_from_db()
    assert record.written_approved_by == users["head"]
    assert PageLogEntry.objects.filter(action="hodsite.written_approval").count() == 1


def test_overdue_after_three_working_days():
    friday = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
    assert add_working_days(friday, 3) == dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)  # Mon, Tue, Wed
    record = UrgentPublication(published_at=friday)
    assert not is_overdue(record, now=friday + dt.timedelta(days=4))
    assert is_overdue(record, now=friday + dt.timedelta(days=6))


@pytest.mark.parametrize("name", ["publishing_urgent_list", "publishing_review_times", "publishing_stale_items"])
def test_reports_for_webmasters_director_and_heads_not_editors(client, hospital, name):
    for role, allowed in (("webmaster", True), ("director", True), ("head", True), ("editor", False)):
        client.force_login(hospital["users"][role])
        response = client.get(reverse(name))
        assert (response.status_code == 200) is allowed, (role, response.status_code)


def test_dashboard_warns_when_fewer_than_two_webmasters(client, hospital):
    client.force_login(hospital["users"]["director"])
    assert "ผู้ดูแลเว็บไซต์น้อยกว่า 2 คน" not in client.get("/admin/").content.decode()
    hospital["users"]["webmaster2"].is_active = False
    hospital["users"]["webmaster2"].save()
    assert "ผู้ดูแลเว็บไซต์น้อยกว่า 2 คน" in client.get("/admin/").content.decode()
    from publishing.checks import check_two_webmasters

    assert [w.id for w in check_two_webmasters(None)] == ["publishing.W001"]
