"""Complaint statistics for the 6- and 12-month rounds (MOIT 10): counts only, on the page and as XLSX."""

import datetime as dt
import io
import zoneinfo

import pytest
from freezegun import freeze_time
from openpyxl import load_workbook

from eservices.complaints.stats import complaint_statistics
from tests.eservices.complaints_support import build_pages, make_complaint

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


def at(y, m, d, h=10):
    return dt.datetime(y, m, d, h, 0, tzinfo=BANGKOK)


@pytest.fixture
def known(db):
    """FY2569 (1 Oct 2025 – 30 Sep 2026): 4 service and 2 corruption complaints, one just outside."""
    make_complaint("service", channel="website", status="resolved", received_at=at(2025, 10, 3), name="นายก")
    make_complaint("service", channel="phone", status="closed", received_at=at(2025, 12, 15))
    make_complaint("service", channel="website", status="in_progress", received_at=at(2026, 3, 31, 23))
    make_complaint("service", channel="box", status="received", received_at=at(2026, 4, 1, 0))
    make_complaint("corruption", channel="website", status="closed", received_at=at(2026, 1, 20), subject="ลับมาก")
    make_complaint("corruption", channel="post", status="in_progress", received_at=at(2026, 9, 30, 23))
    make_complaint("service", channel="website", status="received", received_at=at(2026, 10, 1, 0))  # FY2570


def row(rows, label):
    return next(r for r in rows if r["label"] == label)


def test_twelve_month_round_counts_by_type_status_channel_and_month(known):
    stats = complaint_statistics(2569, 12)
    assert stats["totals"] == [4, 2] and stats["total"] == 6
    assert row(stats["by_status"], "ยุติเรื่อง")["counts"] == [1, 1]
    assert row(stats["by_status"], "กำลังดำเนินการ")["counts"] == [1, 1]
    assert row(stats["by_channel"], "เว็บไซต์")["counts"] == [2, 1]
    assert row(stats["by_channel"], "ไปรษณีย์")["counts"] == [0, 1]
    assert [r["label"] for r in stats["by_channel"]] == ["เว็บไซต์", "โทรศัพท์", "ไปรษณีย์", "ตู้รับความคิดเห็น"]
    months = [r["total"] for r in stats["by_month"]]
    assert months == [1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1]  # Oct … Sep, in Bangkok time
    assert stats["by_month"][0]["label"] == "ต.ค. 2568"
    assert stats["resolved"] == 3


def test_six_month_round_ends_on_31_march_bangkok_time(known):
    stats = complaint_statistics(2569, 6)
    # 31 Mar 23:00 is in; 1 Apr 00:00 Bangkok (31 Mar 17:00 UTC) is not
    assert stats["totals"] == [3, 1]
    assert len(stats["by_month"]) == 6
    assert stats["end"] == dt.date(2026, 3, 31)


def test_public_page_shows_counts_and_no_personal_data(client, home_page, known):
    pages = build_pages(home_page)
    with freeze_time("2026-11-26 10:00:00+07:00"):
        html = client.get(pages["stats"].url + "?year=2569&round=12").content.decode()
    assert 'id="stats-total">6<' in html
    assert "ต.ค. 2568" in html and "รอบ 12 เดือน" in html
    assert "นายก" not in html and "ลับมาก" not in html and "เรื่องทดสอบ" not in html


def test_bad_query_falls_back_to_the_current_round(client, home_page, known):
    pages = build_pages(home_page)
    with freeze_time("2026-11-26 10:00:00+07:00"):
        response = client.get(pages["stats"].url + "?year=abc&round=7")
    assert response.status_code == 200
    assert 'id="stats-total">1<' in response.content.decode()  # FY2570, 12-month round so far


def test_xlsx_reads_back_with_the_same_counts(client, home_page, known):
    pages = build_pages(home_page)
    with freeze_time("2026-11-26 10:00:00+07:00"):
        response = client.get(pages["stats"].url + "xlsx/?year=2569&round=6")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="complaint-statistics-2569-6m.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c for c in r] for r in sheet.iter_rows(values_only=True)]
    assert "รอบ 6 เดือน" in values[0][0] and "2569" in values[0][0]
    totals = next(r for r in values if r[0] == "เรื่องร้องเรียนทั้งหมด")
    assert list(totals[1:4]) == [3, 1, 4]
    march = next(r for r in values if r[0] == "มี.ค. 2569")
    assert list(march[1:4]) == [1, 0, 1]
    text = " ".join(str(c) for r in values for c in r if c is not None)
    assert "นายก" not in text and "ลับมาก" not in text
