"""Survey results by fiscal-year round with known data, on the public page (no comments there) and
in the admin report (webmasters, director and administrators only), and the visit report by role."""

import datetime as dt
import hashlib
from decimal import Decimal

from django.urls import reverse

import pytest
from freezegun import freeze_time

from eservices.models import DailyVisits, SurveyResponse, SurveyTopicScore
from eservices.survey import results as survey_results

from .survey_fixtures import browser_headers, make_role_users, make_statistics_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_page):
    return make_statistics_page(home_page)


def respond(number, day, website, comment=""):
    return SurveyResponse.objects.create(
        day=day, visitor_key=hashlib.sha256(str(number).encode()).hexdigest(), website_score=website, comment=comment
    )


@pytest.fixture
def known_data(page):
    """FY2569 (1 Oct 2025 – 30 Sep 2026): three responses in the first half, one in the second;
    one in FY2568, outside every FY2569 round. Out-patients rated 5, 4, 3, 4; the pharmacy 4, 2, 5."""
    opd, pharmacy, _dental = page.topics.order_by("sort_order")
    respond(1, dt.date(2025, 10, 5), 5, "ดีมาก")
    respond(2, dt.date(2026, 1, 10), 4)
    respond(3, dt.date(2026, 3, 31), 2, "รอนาน")
    respond(4, dt.date(2026, 4, 1), 5, "หาข้อมูลง่าย")
    respond(5, dt.date(2025, 9, 30), 1, "ปีที่แล้ว")
    responses = list(SurveyResponse.objects.order_by("day"))
    for response, (o, p) in zip(responses[1:5], [(5, 4), (4, None), (3, 2), (4, 5)], strict=True):
        SurveyTopicScore.objects.create(response=response, topic=opd, topic_name=opd.name, score=o)
        if p:
            SurveyTopicScore.objects.create(response=response, topic=pharmacy, topic_name=pharmacy.name, score=p)
    return {"opd": opd, "pharmacy": pharmacy}


@freeze_time("2026-11-26 10:00:00+07:00")
def test_the_12_month_round_counts_and_averages_a_whole_fiscal_year(known_data):
    data = survey_results.round_results(2569, 12)
    assert (data["start"], data["end"]) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))
    assert data["count"] == 4
    assert data["website_mean"] == Decimal("4.00")  # (5 + 4 + 2 + 5) / 4
    assert data["website_percent"] == Decimal("80.0") and str(data["website_level"]) == "มาก"
    assert [(row["score"], row["count"]) for row in data["distribution"]] == [(5, 2), (4, 1), (3, 0), (2, 1), (1, 0)]
    assert [row["percent"] for row in data["distribution"]] == [Decimal("50.0"), Decimal("25.0"), 0, Decimal("25.0"), 0]
    topics = {row["name"]: (row["count"], row["mean"]) for row in data["topics"]}
    assert topics == {"บริการผู้ป่วยนอก": (4, Decimal("4.00")), "บริการห้องยา": (3, Decimal("3.67"))}
    assert [row["name"] for row in data["topics"]] == ["บริการผู้ป่วยนอก", "บริการห้องยา"]  # the page's order


@freeze_time("2026-11-26 10:00:00+07:00")
def test_the_6_month_round_ends_on_31_march(known_data):
    data = survey_results.round_results(2569, 6)
    assert data["end"] == dt.date(2026, 3, 31)
    assert data["count"] == 3 and data["website_mean"] == Decimal("3.67")


@freeze_time("2026-11-26 10:00:00+07:00")
def test_a_deleted_topic_keeps_its_results_under_its_name(known_data):
    known_data["pharmacy"].delete()
    names = [row["name"] for row in survey_results.round_results(2569, 12)["topics"]]
    assert names == ["บริการผู้ป่วยนอก", "บริการห้องยา"]


@freeze_time("2026-11-26 10:00:00+07:00")
def test_the_public_page_shows_the_round_chosen_and_never_the_comments(client, page, known_data):
    html = client.get(page.url + "?year=2569&round=6", **browser_headers()).content.decode()
    assert "รอบ 6 เดือน (ตุลาคม–มีนาคม) ปีงบประมาณ พ.ศ. 2569" in html
    assert "1 ตุลาคม 2568 ถึง 31 มีนาคม 2569" in html
    assert "3.67" in html and 'class="bar-chart"' in html and "<table" in html
    for comment in ("ดีมาก", "รอนาน", "หาข้อมูลง่าย"):
        assert comment not in html


@freeze_time("2026-11-26 10:00:00+07:00")
@pytest.mark.parametrize("query", ["?year=abc&round=x", "?year=1999&round=7", "?year=&round="])
def test_a_wrong_round_in_the_link_falls_back_to_the_current_year(client, page, query):
    response = client.get(page.url + query, **browser_headers())
    assert response.status_code == 200
    assert "รอบ 12 เดือน (ตุลาคม–กันยายน) ปีงบประมาณ พ.ศ. 2570" in response.content.decode()


@freeze_time("2026-11-26 10:00:00+07:00")
def test_the_public_page_shows_the_visit_chart_with_its_table(client, page):
    DailyVisits.objects.create(day=dt.date(2026, 10, 3), views=1234, visitors=456)
    DailyVisits.objects.create(day=dt.date(2026, 11, 25), views=90, visitors=30)
    html = client.get(page.url, **browser_headers()).content.decode()
    assert '<svg class="stats-chart__svg"' in html and 'role="img"' in html
    assert '<th scope="row">ตุลาคม 2569</th><td class="num">1,234</td><td class="num">456</td>' in html
    assert "ต.ค. 69" in html  # the chart's axis: Thai month, Buddhist-Era year


@freeze_time("2026-11-26 10:00:00+07:00")
def test_the_footer_counter_shows_today_this_month_and_total(client, page):
    DailyVisits.objects.create(day=dt.date(2026, 10, 3), views=1234, visitors=1000)
    DailyVisits.objects.create(day=dt.date(2026, 11, 2), views=90, visitors=30)
    DailyVisits.objects.create(day=dt.date(2026, 11, 26), views=20, visitors=7)
    html = client.get("/", **browser_headers()).content.decode()
    assert '<dd data-counter="today">7</dd>' in html
    assert '<dd data-counter="month">37</dd>' in html
    assert '<dd data-counter="total">1,037</dd>' in html
    assert f'href="{page.url}"' in html


@freeze_time("2026-11-26 10:00:00+07:00")
def test_the_footer_counter_costs_no_query_once_cached(client, page, django_assert_num_queries):
    from eservices.visits.counter import counter_numbers

    counter_numbers()
    with django_assert_num_queries(0):
        assert counter_numbers()["total_visitors"] == 0


@freeze_time("2026-11-26 10:00:00+07:00")
@pytest.mark.parametrize("name", ["eservices_survey_report", "eservices_visits_report"])
def test_reports_for_webmasters_director_and_admin_not_heads_or_editors(client, page, known_data, name):
    users = make_role_users()
    for role, allowed in (("admin", True), ("director", True), ("webmaster", True), ("head", False), ("editor", False)):
        client.force_login(users[role])
        response = client.get(reverse(name))
        assert (response.status_code == 200) is allowed, (role, response.status_code)
        menu = client.get("/admin/").content.decode()
        assert (reverse(name) in menu) is allowed, role


@freeze_time("2026-11-26 10:00:00+07:00")
def test_the_admin_survey_report_shows_the_round_and_its_comments(client, page, known_data):
    client.force_login(make_role_users()["webmaster"])
    html = client.get(reverse("eservices_survey_report") + "?year=2569&round=12").content.decode()
    assert "ผลการประเมินความพึงพอใจ" in html and 'class="bar-chart"' in html
    assert "รอนาน" in html and "หาข้อมูลง่าย" in html and "ดีมาก" in html
    assert "ปีที่แล้ว" not in html  # FY2568 is another round


@freeze_time("2026-11-26 10:00:00+07:00")
def test_the_admin_visit_report_shows_each_day_of_the_month_and_each_month(client, page):
    DailyVisits.objects.create(day=dt.date(2026, 11, 3), views=321, visitors=123)
    DailyVisits.objects.create(day=dt.date(2026, 10, 3), views=1000, visitors=400)
    client.force_login(make_role_users()["director"])
    html = client.get(reverse("eservices_visits_report") + "?month=2026-11").content.decode()
    assert "รายวัน เดือนพฤศจิกายน 2569" in html
    assert '<th scope="row">3 พ.ย. 2569</th><td class="num">321</td><td class="num">123</td>' in html
    assert "รายเดือน ปีงบประมาณ พ.ศ. 2570" in html
    assert '<th scope="row">ตุลาคม 2569</th><td class="num">1,000</td>' in html
    for bad in ("?month=2030-01", "?month=junk", "?month=2026-13"):
        assert client.get(reverse("eservices_visits_report") + bad).status_code == 200


def test_the_page_and_its_topics_can_be_edited_in_the_admin(client, page):
    client.force_login(make_role_users()["admin"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "บริการที่ให้ประเมิน" in html and "บริการห้องยา" in html
    assert "ข้อความเหนือแบบประเมิน" in html


@freeze_time("2026-11-26 10:00:00+07:00")
def test_the_round_downloads_as_xlsx_without_the_comments(client, page, known_data):
    import io

    from openpyxl import load_workbook

    users = make_role_users()
    client.force_login(users["editor"])
    refused = client.get(reverse("eservices_survey_report") + "?year=2569&round=12&format=xlsx")
    assert refused.status_code != 200
    client.force_login(users["director"])
    response = client.get(reverse("eservices_survey_report") + "?year=2569&round=12&format=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="survey-2569-12m.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell for cell in row if cell is not None] for row in sheet.iter_rows(values_only=True)]
    assert values[1] == ["รอบ 12 เดือน (ตุลาคม–กันยายน) ปีงบประมาณ พ.ศ. 2569"]
    assert ["จำนวนผู้ตอบ", 4] in values and ["คะแนนเฉลี่ย", 4.0] in values
    assert ["5 · พึงพอใจมากที่สุด", 2, 50.0] in values
    assert ["บริการห้องยา", 3.67, 73.4, "มาก", 3] in values
    text = str(values)
    assert "รอนาน" not in text and "หาข้อมูลง่าย" not in text  # comments stay in the admin
