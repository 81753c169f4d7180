"""Thai dates: Buddhist Era, Thai month names, fiscal years and quarters."""

import datetime as dt
import zoneinfo

from django.template import Context, Template

import pytest
from hypothesis import given
from hypothesis import strategies as st

from home import thai_dates as td

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


def test_fiscal_year_2569_runs_from_october_2025_to_september_2026():
    assert td.fiscal_year(dt.date(2025, 10, 1)) == 2569
    assert td.fiscal_year(dt.date(2026, 9, 30)) == 2569
    assert td.fiscal_year(dt.date(2025, 9, 30)) == 2568
    assert td.fiscal_year(dt.date(2026, 10, 1)) == 2570
    assert td.fiscal_year_range(2569) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))


def test_fiscal_quarters_start_in_october():
    assert [td.fiscal_quarter(dt.date(2025, m, 15)) for m in (10, 11, 12)] == [1, 1, 1]
    assert [td.fiscal_quarter(dt.date(2026, m, 15)) for m in range(1, 10)] == [2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert td.fiscal_quarter_range(2569, 1) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert td.fiscal_quarter_range(2569, 2) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert td.fiscal_quarter_range(2569, 4) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    with pytest.raises(ValueError):
        td.fiscal_quarter_range(2569, 5)


def test_thai_date_formats():
    d = dt.date(2026, 11, 26)
    assert td.thai_date(d) == "26 พฤศจิกายน 2569"
    assert td.thai_date(d, short=True) == "26 พ.ย. 2569"
    assert td.thai_date(d, thai_digits=True) == "๒๖ พฤศจิกายน ๒๕๖๙"
    assert td.thai_month_year(d) == "พฤศจิกายน 2569"
    assert td.fiscal_year_label(2569) == "ปีงบประมาณ พ.ศ. 2569"
    assert td.fiscal_quarter_label(1, 2569, thai_digits=True) == "ไตรมาสที่ ๑/๒๕๖๙"
    assert td.thai_date(None) == ""


def test_aware_datetimes_are_shown_in_bangkok_time():
    # 20:30 UTC on 30 Sep 2026 is 03:30 on 1 Oct 2026 in Bangkok: a new day, month and fiscal year.
    utc = dt.datetime(2026, 9, 30, 20, 30, tzinfo=dt.UTC)
    assert td.thai_datetime(utc) == "1 ต.ค. 2569 03:30 น."
    assert td.fiscal_year(utc) == 2570


def test_template_filters(settings):
    template = Template(
        "{% load thai_date_tags %}{{ d|thai_date }}|{{ d|thai_date:'short' }}|{{ d|be_year }}|"
        "{{ d|fiscal_year }}|{{ d|fiscal_quarter }}|{{ '2569'|thai_digits }}|{{ 3|thai_month:'short' }}|{{ none|thai_date }}"
    )
    text = template.render(Context({"d": dt.date(2025, 12, 5), "none": None}))
    assert text == "5 ธันวาคม 2568|5 ธ.ค. 2568|2568|2569|1|๒๕๖๙|มี.ค.|"


def test_parse_rejects_nonsense_with_a_thai_message():
    with pytest.raises(ValueError, match="อ่านวันที่ไม่ได้"):
        td.parse_thai_date("yesterday")
    with pytest.raises(ValueError, match="ไม่รู้จักชื่อเดือน"):
        td.parse_thai_date("5 Smarch 2569")


@given(dates, st.booleans(), st.booleans())
def test_thai_date_round_trips(d, short, thai_digits):
    assert td.parse_thai_date(td.thai_date(d, short=short, thai_digits=thai_digits)) == d


@given(st.integers(min_value=0, max_value=10**12))
def test_thai_digits_round_trip(n):
    assert td.from_thai_digits(td.to_thai_digits(n)) == str(n)
    assert not any(c in "0123456789" for c in td.to_thai_digits(n))


@given(dates)
def test_be_year_round_trip(d):
    assert td.ce_year(td.be_year(d)) == d.year
    assert td.be_year(d) == d.year + 543


@given(dates)
def test_every_date_lies_in_its_fiscal_year_and_quarter(d):
    fy = td.fiscal_year(d)
    start, end = td.fiscal_year_range(fy)
    assert start <= d <= end
    q = td.fiscal_quarter(d)
    q_start, q_end = td.fiscal_quarter_range(fy, q)
    assert q_start <= d <= q_end
    assert (d.year, d.month) in td.fiscal_months(fy)


@given(st.integers(min_value=2450, max_value=2750))
def test_fiscal_year_quarters_tile_the_year(fy):
    start, end = td.fiscal_year_range(fy)
    ranges = [td.fiscal_quarter_range(fy, q) for q in (1, 2, 3, 4)]
    assert ranges[0][0] == start and ranges[-1][1] == end
    for (_, a_end), (b_start, _) in zip(ranges, ranges[1:], strict=False):
        assert b_start - a_end == dt.timedelta(days=1)
    assert sum((e - s).days + 1 for s, e in ranges) == (end - start).days + 1
    assert len(td.fiscal_months(fy)) == 12 and td.fiscal_months(fy)[0] == (start.year, 10)
