"""The urgent publication's "approved verbally at" is typed and shown in the Buddhist Era (home/admin_dates.py),
not in the browser's Christian-Era datetime-local picker."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest
from freezegun import freeze_time

from home.models import StandardPage
from publishing.models import UrgentPublication
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(hospital):
    page = add_page(hospital["news"], StandardPage, title="แจ้งงดบริการชั่วคราว", slug="urgent", publish=False)
    page.save_revision(user=hospital["users"]["editor"])
    return page


@freeze_time("2026-12-03 14:40:00+07:00")
def test_the_verbal_approval_time_is_shown_and_read_in_the_buddhist_era(client, hospital, item):
    users = hospital["users"]
    client.force_login(users["webmaster"])
    url = reverse("publishing_urgent_publish", args=[item.pk])
    form = client.get(url).content.decode()
    assert 'value="03/12/2569 14:40"' in form and 'type="datetime-local"' not in form
    response = client.post(url, {"verbal_approver": users["head"].pk, "verbal_approved_at": "03/12/2569 14:05"})
    assert response.status_code == 302
    record = UrgentPublication.objects.get(page=item)
    assert timezone.localtime(record.verbal_approved_at) == timezone.make_aware(dt.datetime(2026, 12, 3, 14, 5))


@freeze_time("2026-12-03 14:40:00+07:00")
def test_a_christian_era_year_for_the_verbal_approval_is_refused_in_thai(client, hospital, item):
    users = hospital["users"]
    client.force_login(users["webmaster"])
    url = reverse("publishing_urgent_publish", args=[item.pk])
    response = client.post(url, {"verbal_approver": users["head"].pk, "verbal_approved_at": "03/12/2026 14:05"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "น่าจะเป็นปี ค.ศ." in html and "2569" in html and 'value="03/12/2026 14:05"' in html
    assert not Page.objects.get(pk=item.pk).live
