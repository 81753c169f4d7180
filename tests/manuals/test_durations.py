"""Adding up step durations in mixed units and writing the total in Thai (วันทำการ ชั่วโมง นาที)."""

from django.utils import translation

import pytest

from manuals import durations
from manuals.models import OperationsManualPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def thai():
    with translation.override("th"):
        yield


@pytest.mark.parametrize(
    ("amount", "unit", "minutes"),
    [(30, "minutes", 30), (2, "hours", 120), (1, "days", 420), (3, "days", 1260), (0, "hours", 0), (5, "weeks", 0)],
)
def test_each_unit_counts_in_working_minutes(amount, unit, minutes):
    assert durations.to_minutes(amount, unit) == minutes


def test_a_working_day_is_seven_hours():
    assert durations.MINUTES_PER_WORKING_DAY == 7 * 60
    assert durations.split(420 + 60 + 5) == (1, 1, 5)


@pytest.mark.parametrize(
    ("minutes", "label"),
    [
        (30, "30 นาที"),
        (60, "1 ชั่วโมง"),
        (75, "1 ชั่วโมง 15 นาที"),
        (2 * 420 + 30, "2 วันทำการ 30 นาที"),
        (420 * 5, "5 วันทำการ"),
        (0, ""),
    ],
)
def test_total_is_written_in_thai_units(minutes, label):
    assert durations.duration_label(minutes) == label


def step(amount, unit):
    return {
        "type": "step",
        "value": {"title": "ขั้นตอน", "duration": amount, "duration_unit": unit, "responsible": "งาน"},
    }


def test_total_of_mixed_units_carries_minutes_into_hours_and_hours_into_days():
    # 45 min + 30 min + 6 h + 2 days = 2 days 7 h 15 min = 3 working days 15 min
    page = OperationsManualPage(steps=[step(45, "minutes"), step(30, "minutes"), step(6, "hours"), step(2, "days")])
    assert page.total_minutes == 45 + 30 + 6 * 60 + 2 * 420
    assert page.total_duration_label == "3 วันทำการ 15 นาที"
    assert page.total_duration_text == "รวม 3 วันทำการ 15 นาที"


def test_total_of_the_example_in_the_brief():
    page = OperationsManualPage(steps=[step(2, "days"), step(30, "minutes")])
    assert page.total_duration_text == "รวม 2 วันทำการ 30 นาที"


def test_each_step_keeps_its_own_unit():
    page = OperationsManualPage(steps=[step(3, "hours"), step(1, "days")])
    assert [block.value.duration_label() for block in page.steps] == ["3 ชั่วโมง", "1 วันทำการ"]


def test_total_is_the_same_for_steps_assigned_as_block_values():
    value = {"title": "ขั้นตอน", "description": "", "duration": 90, "duration_unit": "minutes", "responsible": "งาน"}
    assert OperationsManualPage(steps=[("step", value), ("step", value)]).total_duration_label == "3 ชั่วโมง"


def test_no_steps_means_no_total():
    page = OperationsManualPage(steps=[])
    assert page.total_minutes == 0
    assert page.total_duration_text == ""
