"""Working days skip weekends, Thai public holidays (the ``holidays`` package) and the hospital's own
holidays kept in *Settings › Hospital holidays*; complaint and urgent-approval deadlines use them."""

import datetime as dt

from django.urls import reverse

import pytest

from home.models import HospitalHoliday
from home.thai_dates import add_working_days, is_working_day, public_holiday_name

pytestmark = pytest.mark.django_db
BANGKOK = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2026, 4, 10), True),  # Friday before Songkran
        (dt.date(2026, 4, 13), False),  # Songkran, Monday to Wednesday
        (dt.date(2026, 4, 14), False),
        (dt.date(2026, 4, 15), False),
        (dt.date(2026, 4, 16), True),
        (dt.date(2026, 12, 5), False),  # Father's Day, a Saturday …
        (dt.date(2026, 12, 7), False),  # … so Monday is the day in lieu
        (dt.date(2026, 12, 8), True),
        (dt.date(2026, 12, 10), False),  # Constitution Day
        (dt.date(2026, 12, 31), False),  # New Year's Eve
        (dt.date(2026, 12, 30), True),
    ],
)
def test_thai_public_holidays_are_not_working_days(day, working):
    assert is_working_day(day) is working


def test_public_holidays_have_thai_names():
    assert public_holiday_name(dt.date(2026, 4, 13)) == "วันสงกรานต์"
    assert public_holiday_name(dt.date(2026, 4, 16)) is None


def test_three_working_days_jump_over_songkran():
    friday = dt.datetime(2026, 4, 10, 9, 0, tzinfo=BANGKOK)
    # Mon–Wed are Songkran: Thursday 16, Friday 17, Monday 20.
    assert add_working_days(friday, 3) == dt.datetime(2026, 4, 20, 9, 0, tzinfo=BANGKOK)


def test_december_holidays_and_new_years_eve():
    # Fri 4 Dec: Sat 5, Sun 6, Mon 7 (in lieu) off; Tue 8, Wed 9 working; Thu 10 off; Fri 11 working.
    assert add_working_days(dt.date(2026, 12, 4), 3) == dt.date(2026, 12, 11)
    # Tue 29 Dec: Wed 30 working, Thu 31 and Fri 1 Jan off, weekend, Mon 4 Jan.
    assert add_working_days(dt.date(2026, 12, 29), 2) == dt.date(2027, 1, 4)


def test_days_are_counted_in_bangkok_time():
    # 20:00 UTC on Friday 10 April is 03:00 on Saturday in Bangkok: Songkran still counts as off.
    start = dt.datetime(2026, 4, 10, 20, 0, tzinfo=dt.UTC)
    assert add_working_days(start, 1) == dt.datetime(2026, 4, 15, 20, 0, tzinfo=dt.UTC)  # Thu 16, 03:00 Bangkok


def test_hospital_holidays_are_skipped_and_forgotten_when_deleted():
    monday = dt.date(2026, 11, 30)
    assert add_working_days(monday, 1) == dt.date(2026, 12, 1)
    holiday = HospitalHoliday.objects.create(date=dt.date(2026, 12, 1), name="วันหยุดพิเศษตามมติคณะรัฐมนตรี")
    assert not is_working_day(dt.date(2026, 12, 1))
    assert add_working_days(monday, 1) == dt.date(2026, 12, 2)
    holiday.delete()
    assert add_working_days(monday, 1) == dt.date(2026, 12, 1)


def test_hospital_holidays_are_read_once_per_period(settings, django_assert_num_queries):
    settings.HOSPITAL_HOLIDAYS_CACHE_SECONDS = 60
    HospitalHoliday.objects.create(date=dt.date(2026, 12, 1), name="ปิดทำการ")  # clears the copy
    with django_assert_num_queries(1):
        for _ in range(20):
            add_working_days(dt.date(2026, 11, 27), 3)
    HospitalHoliday.objects.all().delete()  # a queryset delete sends post_delete per row too


def test_complaint_acknowledgement_deadline_skips_holidays(settings):
    from eservices.complaints.rules import acknowledge_due

    settings.COMPLAINTS_ACKNOWLEDGE_WORKING_DAYS = 3
    received = dt.datetime(2026, 12, 4, 10, 0, tzinfo=BANGKOK)  # Friday before the 5th/7th and the 10th
    assert acknowledge_due(received) == dt.datetime(2026, 12, 11, 10, 0, tzinfo=BANGKOK)


def test_webmasters_keep_the_holidays_in_the_admin_with_buddhist_era_dates(admin_client):
    url = reverse("wagtailsnippets_home_hospitalholiday:add")
    response = admin_client.post(url, {"date": "2026-12-28", "name": "วันปิดทำการประจำปีของโรงพยาบาล"})
    assert response.status_code == 302
    listing = admin_client.get(reverse("wagtailsnippets_home_hospitalholiday:list")).content.decode()
    assert "28 ธันวาคม 2569" in listing and "วันปิดทำการประจำปีของโรงพยาบาล" in listing
    response = admin_client.post(url, {"date": "2026-12-28", "name": "ซ้ำ"})
    assert response.status_code == 200
    assert "วันนี้เป็นวันหยุดของโรงพยาบาลอยู่แล้ว" in response.content.decode()
    response = admin_client.post(url, {"date": "", "name": ""})
    assert set(response.context["form"].errors) == {"date", "name"}
