"""The Buddhist Era where Wagtail builds its own date inputs: StreamField date blocks, the date filters of the
admin's listings and reports, and the hospital-holiday editor (home/admin_dates.py)."""

import datetime as dt
import json
import re

from django.utils import timezone

from wagtail import blocks
from wagtail.admin.telepath import JSContext
from wagtail.admin.views.generic.history import HistoryFilterSet
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.views.reports.aging_pages import AgingPagesReportFilterSet
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet
from wagtail.admin.views.reports.workflows import WorkflowReportFilterSet, WorkflowTasksReportFilterSet
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.contrib.forms.views import SubmissionsListFilterSet
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportFilterSet
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.views.users import UserFilterSet

import pytest
from freezegun import freeze_time

from home.admin_dates import BuddhistEraDateInput, BuddhistEraDateRangeField, BuddhistEraDateRangeWidget
from home.models import HospitalHoliday, StandardPage
from tests.conftest import add_page


@pytest.fixture(autouse=True)
def _today():
    with freeze_time("2026-12-03 10:00:00+07:00"):  # B.E. 2569
        yield


def _stream():
    return blocks.StreamBlock(
        [
            ("meeting", blocks.DateBlock(label="วันประชุม")),
            ("deadline", blocks.DateTimeBlock(label="กำหนดส่ง")),
        ]
    )


def _post(stream, children):
    data = nested_form_data({"body": streamfield(children)})
    return stream.value_from_datadict(data, {}, "body")


# --- StreamField date blocks ---------------------------------------------------------------------------


def test_the_block_editor_is_sent_a_plain_buddhist_era_input_and_value():
    stream = _stream()
    meeting = stream.child_blocks["meeting"]
    packed = JSContext().pack(meeting)
    widget_html = packed["_args"][1]["_args"][0]
    assert 'class="hod-be-date"' in widget_html and "(พ.ศ.)" in widget_html
    assert "w-date" not in widget_html  # not Wagtail's ค.ศ. picker
    assert meeting.get_form_state(dt.date(2026, 12, 3)) == "03/12/2569"
    deadline = stream.child_blocks["deadline"]
    aware = timezone.make_aware(dt.datetime(2026, 12, 10, 9, 0))
    assert deadline.get_form_state(aware) == "10/12/2569 09:00"
    assert 'class="hod-be-datetime"' in JSContext().pack(deadline)["_args"][1]["_args"][0]


def test_a_buddhist_era_date_typed_in_a_block_is_stored_as_iso_christian_era():
    stream = _stream()
    value = stream.clean(_post(stream, [("meeting", "03/12/2569"), ("deadline", "10/12/2569 09:00")]))
    field = StreamField(stream)
    stored = json.loads(
        json.dumps(field.get_prep_value(value), cls=field.json_field.encoder)
    )  # the JSON the database keeps
    assert [child["value"] for child in stored] == ["2026-12-03", "2026-12-10T09:00:00+07:00"]
    # Read back from that JSON: shown in พ.ศ. again.
    again = stream.to_python(stored)
    assert stream.child_blocks["meeting"].get_form_state(again[0].value) == "03/12/2569"


def test_a_christian_era_year_in_a_block_is_refused_naming_the_block_and_the_be_year():
    stream = _stream()
    with pytest.raises(StreamBlockValidationError) as info:
        stream.clean(_post(stream, [("meeting", "03/12/2026"), ("deadline", "10/12/2026 09:00")]))
    errors = info.value.block_errors
    meeting, deadline = errors[0].messages[0], errors[1].messages[0]
    assert meeting.startswith("วันประชุม:") and "ค.ศ." in meeting and "2569" in meeting
    assert deadline.startswith("กำหนดส่ง:") and "ค.ศ." in deadline and "2569" in deadline


# --- Filters of Wagtail's listings and reports ------------------------------------------------------------


@pytest.mark.parametrize(
    ("filterset", "name"),
    [
        (HistoryFilterSet, "timestamp"),  # page and snippet history, Site history (audit log)
        (LockedPagesReportFilterSet, "locked_at"),
        (WorkflowReportFilterSet, "created_at"),
        (WorkflowTasksReportFilterSet, "started_at"),
        (WorkflowTasksReportFilterSet, "finished_at"),
        (PageFilterSet, "latest_revision_created_at"),  # the page explorer and page search
        (UserFilterSet, "last_login"),
        (SubmissionsListFilterSet, "date"),
        (SearchTermsReportFilterSet, "hit_date"),
    ],
)
def test_every_date_range_filter_of_wagtail_reads_the_buddhist_era(filterset, name):
    field = filterset.base_filters[name].field
    assert isinstance(field, BuddhistEraDateRangeField)
    assert isinstance(field.widget, BuddhistEraDateRangeWidget)
    assert all(isinstance(widget, BuddhistEraDateInput) for widget in field.widget.widgets)
    assert field.widget.suffixes == ["from", "to"]  # Wagtail's query parameters are unchanged
    window = field.clean(["01/10/2568", "๓๐/๐๙/๒๕๖๙"])
    assert timezone.localtime(window.start) == timezone.make_aware(dt.datetime(2025, 10, 1))
    assert timezone.localtime(window.stop).date() == dt.date(2026, 9, 30)  # the whole last day


def test_the_aging_pages_date_filter_reads_the_buddhist_era():
    field = AgingPagesReportFilterSet.base_filters["last_published_at"].field
    assert isinstance(field.widget, BuddhistEraDateInput)
    assert field.clean("03/12/2569") == timezone.make_aware(dt.datetime(2026, 12, 3))
    with pytest.raises(Exception, match="2569"):
        field.clean("03/12/2026")


@pytest.fixture
def locked_pages(section, superuser):
    """Two locked pages: one locked in fiscal year 2569 (1 Oct 2025 – 30 Sep 2026), one in December 2026."""
    pages = []
    for title, when in (
        ("ล็อกในปีงบ 2569", dt.datetime(2026, 3, 15, 10)),
        ("ล็อกเดือนธันวาคม", dt.datetime(2026, 12, 1, 9)),
    ):
        page = add_page(section, StandardPage, title=title)
        page.locked, page.locked_by, page.locked_at = True, superuser, timezone.make_aware(when)
        page.save()
        pages.append(page)
    return pages


def test_the_locked_pages_report_filters_by_a_buddhist_era_range(client, superuser, locked_pages):
    client.force_login(superuser)
    response = client.get("/admin/reports/locked/", {"locked_at_from": "01/10/2568", "locked_at_to": "30/09/2569"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "ล็อกในปีงบ 2569" in html and "ล็อกเดือนธันวาคม" not in html
    assert 'value="01/10/2568"' in html and 'value="30/09/2569"' in html  # the inputs keep the พ.ศ. typed
    assert "1 ตุลาคม 2568 - 30 กันยายน 2569" in html  # the active-filter chip in พ.ศ.


def test_a_christian_era_year_in_a_report_filter_is_refused_in_thai_not_a_500(client, superuser, locked_pages):
    client.force_login(superuser)
    response = client.get("/admin/reports/locked/", {"locked_at_from": "01/10/2025"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "น่าจะเป็นปี ค.ศ." in html and "2568" in html
    assert "ล็อกเมื่อ (ตั้งแต่)" in html  # the message names the filter and which end
    assert 'value="01/10/2025"' in html  # what was typed stays, to be corrected


def test_the_site_history_report_filters_by_a_buddhist_era_date(client, superuser, section):
    from wagtail.models import PageLogEntry

    PageLogEntry.objects.log_action(section, "wagtail.edit", user=superuser)
    entry = PageLogEntry.objects.get(page=section, action="wagtail.edit")
    PageLogEntry.objects.filter(pk=entry.pk).update(timestamp=timezone.make_aware(dt.datetime(2026, 3, 15, 10)))
    client.force_login(superuser)
    url = "/admin/reports/site-history/results/"
    inside = client.get(url, {"timestamp_from": "15/03/2569", "timestamp_to": "15/03/2569"}).content.decode()
    # The page's other entries (created, published) are of today, 3 December 2569: outside both windows.
    outside = client.get(url, {"timestamp_from": "01/03/2569", "timestamp_to": "14/03/2569"}).content.decode()
    assert section.title in inside and section.title not in outside


# --- The hospital-holiday editor -------------------------------------------------------------------------


def test_a_hospital_holiday_is_typed_in_the_buddhist_era_and_stored_in_the_christian_era(client, superuser):
    client.force_login(superuser)
    add = "/admin/snippets/home/hospitalholiday/add/"
    form = client.get(add).content.decode()
    assert re.search(r'<input[^>]*name="date"[^>]*class="hod-be-date"', form)
    response = client.post(add, {"date": "05/12/2569", "name": "วันหยุดชดเชยของโรงพยาบาล"})
    assert response.status_code == 302
    holiday = HospitalHoliday.objects.get()
    assert holiday.date == dt.date(2026, 12, 5)
    edit = client.get(f"/admin/snippets/home/hospitalholiday/edit/{holiday.pk}/").content.decode()
    assert 'value="05/12/2569"' in edit
    listing = client.get("/admin/snippets/home/hospitalholiday/").content.decode()
    assert "5 ธันวาคม 2569" in listing


def test_a_christian_era_holiday_is_refused_in_thai_and_nothing_is_saved(client, superuser):
    client.force_login(superuser)
    response = client.post(
        "/admin/snippets/home/hospitalholiday/add/", {"date": "05/12/2026", "name": "วันหยุดชดเชยของโรงพยาบาล"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "วันที่: ปี 2026 น่าจะเป็นปี ค.ศ." in html and "2569" in html
    assert 'value="05/12/2026"' in html and "วันหยุดชดเชยของโรงพยาบาล" in html  # what was typed stays
    assert not HospitalHoliday.objects.exists()
