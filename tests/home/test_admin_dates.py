"""Admin dates in the Buddhist Era: shown as พ.ศ., read as พ.ศ., impossible years refused in Thai."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest
from freezegun import freeze_time

from home.admin_dates import (
    BuddhistEraDateField,
    BuddhistEraDateInput,
    BuddhistEraDateTimeField,
    BuddhistEraDateTimeInput,
    ThaiPublishingPanel,
)
from home.models import StandardPage


@pytest.fixture(autouse=True)
def _today():
    with freeze_time("2026-12-03 10:00:00+07:00"):  # B.E. 2569, fiscal year 2570
        yield


def _error(field, text):
    with pytest.raises(ValidationError) as info:
        field.clean(text)
    return info.value


@pytest.mark.parametrize(
    "text",
    ["03/12/2569", "3/12/2569", "03-12-2569", "03.12.2569", "๐๓/๑๒/๒๕๖๙", "3 ธ.ค. 2569", "3 ธันวาคม 2569", "2026-12-03"],
)
def test_a_date_is_read_in_the_buddhist_era(text):
    assert BuddhistEraDateField(label="ข้อมูลตั้งแต่วันที่").clean(text) == dt.date(2026, 12, 3)


def test_a_christian_era_year_is_refused_with_the_field_and_the_be_year_it_meant():
    error = _error(BuddhistEraDateField(label="ข้อมูลตั้งแต่วันที่"), "03/12/2026")
    assert error.code == "christian_era_year"
    message = error.messages[0]
    assert message.startswith("ข้อมูลตั้งแต่วันที่:") and "ค.ศ." in message and "2569" in message


def test_impossible_dates_are_refused_in_thai_naming_the_field():
    field = BuddhistEraDateField(label="ข้อมูลถึงวันที่")
    assert _error(field, "31/02/2569").messages[0].startswith("ข้อมูลถึงวันที่: ไม่มีวันที่นี้")
    assert _error(field, "พรุ่งนี้").messages[0].startswith("ข้อมูลถึงวันที่: กรุณาใส่วันที่")
    far = _error(field, "01/01/2580")  # more than five years ahead
    assert far.code == "too_far" and "2580" in far.messages[0] and far.messages[0].startswith("ข้อมูลถึงวันที่")
    assert field.clean("30/09/2574") == dt.date(2031, 9, 30)  # a five-year plan's end is fine


def test_a_date_time_is_read_in_the_buddhist_era_and_bangkok_time():
    field = BuddhistEraDateTimeField(label="วันเวลาเริ่มเผยแพร่")
    expected = dt.datetime(2026, 12, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    for text in ("10/12/2569 09:00", "10/12/2569 9.00 น.", "๑๐/๑๒/๒๕๖๙ ๐๙:๐๐", "2026-12-10 09:00"):
        assert field.clean(text) == expected, text


def test_a_schedule_years_ahead_or_in_the_christian_era_is_refused():
    field = BuddhistEraDateTimeField(label="วันเวลาสิ้นสุดการเผยแพร่")
    assert _error(field, "10/12/2026 09:00").code == "christian_era_year"
    far = _error(field, "10/12/2572 09:00")
    assert far.code == "too_far" and far.messages[0].startswith("วันเวลาสิ้นสุดการเผยแพร่:")
    assert _error(field, "10/12/2569 25:00").messages[0].startswith("วันเวลาสิ้นสุดการเผยแพร่: ไม่มีเวลานี้")
    assert field.clean("10/12/2566 09:00").year == 2023  # a go-live of years ago stays saveable


def test_inputs_show_the_buddhist_era():
    assert 'value="01/10/2569"' in BuddhistEraDateInput().render("period_start", dt.date(2026, 10, 1))
    aware = timezone.make_aware(dt.datetime(2026, 12, 10, 9, 0))
    html = BuddhistEraDateTimeInput().render("go_live_at", aware)
    assert 'value="10/12/2569 09:00"' in html and "(พ.ศ.)" in html
    assert 'value="10/12/2026 09:00"' in BuddhistEraDateTimeInput().render("x", "10/12/2026 09:00")  # as typed


def test_page_forms_use_the_buddhist_era_for_facts_and_the_schedule():
    form_class = StandardPage.get_edit_handler().get_form_class()
    assert isinstance(form_class.base_fields["go_live_at"], BuddhistEraDateTimeField)
    assert isinstance(form_class.base_fields["go_live_at"].widget, BuddhistEraDateTimeInput)
    assert isinstance(form_class.base_fields["expire_at"].widget, BuddhistEraDateTimeInput)
    panels = StandardPage.get_edit_handler().children
    settings = next(p for p in panels if any(isinstance(c, ThaiPublishingPanel) for c in p.children))
    assert settings is not None


def test_item_page_data_period_uses_the_buddhist_era():
    from disclosure.models import NewsPage

    form_class = NewsPage.get_edit_handler().get_form_class()
    assert isinstance(form_class.base_fields["period_start"], BuddhistEraDateField)
    assert isinstance(form_class.base_fields["period_start"].widget, BuddhistEraDateInput)


def _edit_data(page, **extra):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    return nested_form_data(
        {"title": page.title, "slug": page.slug, "intro": "", "body": streamfield([]), "list_children": True, **extra}
    )


def test_saving_a_page_with_a_christian_era_go_live_keeps_the_work_and_says_why(client, superuser, section):
    client.force_login(superuser)
    url = f"/admin/pages/{section.pk}/edit/"
    response = client.post(url, _edit_data(section, title="เกี่ยวกับโรงพยาบาล (แก้ไข)", go_live_at="10/12/2026 09:00"))
    html = response.content.decode()
    assert response.status_code == 200  # the form again, not a 500, with what was typed
    assert "น่าจะเป็นปี ค.ศ." in html and "2569" in html
    assert "เกี่ยวกับโรงพยาบาล (แก้ไข)" in html and 'value="10/12/2026 09:00"' in html
    response = client.post(url, _edit_data(section, go_live_at="10/12/2569 09:00"))
    assert response.status_code == 302
    section.refresh_from_db()  # the saved revision, not the fixture's in-memory one
    revision = section.get_latest_revision()
    assert timezone.localtime(revision.as_object().go_live_at) == timezone.make_aware(dt.datetime(2026, 12, 10, 9))
    edit = client.get(url).content.decode()
    assert 'value="10/12/2569 09:00"' in edit
