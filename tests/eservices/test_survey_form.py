"""The public satisfaction survey: validation in Thai next to the field, nothing typed is lost, and
the abuse guards (CSRF, honeypot, per-address rate limit, size limit, one response per visitor per day)."""

import re

from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

import pytest
from freezegun import freeze_time

from eservices.models import SurveyResponse, SurveyTopicScore
from home.abuse import visitor_key

from .survey_fixtures import VISITOR_IP, browser_headers, make_statistics_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_page):
    return make_statistics_page(home_page)


def rate_url(page):
    return page.url + page.reverse_subpage("rate")


def answers(page, **extra):
    topics = list(page.topics.order_by("sort_order"))
    data = {"website_score": "5", f"topic_{topics[0].pk}": "4", f"topic_{topics[2].pk}": "2", "comment": ""}
    data.update(extra)
    return data


def post(client, page, data, **headers):
    return client.post(rate_url(page), data, **{**browser_headers(), **headers})


def field_group(html, field_id):
    """The HTML of one field's group (fieldset or div) on the form."""
    match = re.search(rf'<(fieldset|div)[^>]*id="{field_id}-group".*?</\1>', html, re.S)
    assert match, field_id
    return match.group(0)


def test_the_form_asks_the_website_and_each_active_topic_with_a_honeypot_and_csrf(client, page):
    html = client.get(rate_url(page), **browser_headers()).content.decode()
    assert "พึงพอใจต่อเว็บไซต์นี้โดยรวม" in html
    for topic in page.topics.all():
        assert topic.name in html
    assert 'name="website_url"' in html and 'class="hp-wrap" aria-hidden="true"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "ไม่เก็บที่อยู่ IP" in html  # the privacy note is shown before the answers are sent


def test_a_valid_rating_is_stored_anonymously_and_leads_to_the_thanks_page(client, page):
    response = post(client, page, answers(page, comment="ค้นหาข้อมูลง่ายดี"))
    assert response.status_code == 302
    assert response["Location"] == page.url + page.reverse_subpage("thanks")
    saved = SurveyResponse.objects.get()
    assert saved.website_score == 5 and saved.comment == "ค้นหาข้อมูลง่ายดี"
    assert saved.day == timezone.localdate()
    assert re.fullmatch(r"[0-9a-f]{64}", saved.visitor_key)
    scores = dict(SurveyTopicScore.objects.values_list("topic_name", "score"))
    assert scores == {"บริการผู้ป่วยนอก": 4, "บริการทันตกรรม": 2}  # the unrated topic is left out
    thanks = client.get(response["Location"], **browser_headers()).content.decode()
    assert "ขอบคุณที่ร่วมประเมิน" in thanks and 'class="bar-chart' in thanks


def test_no_ip_address_is_stored_with_a_response(client, page):
    post(client, page, answers(page, comment="ดีมาก"))
    for row in SurveyResponse.objects.values():
        assert not any(VISITOR_IP in str(value) for value in row.values())
    for row in SurveyTopicScore.objects.values():
        assert not any(VISITOR_IP in str(value) for value in row.values())


def test_missing_website_score_is_explained_in_thai_next_to_it_and_the_answers_are_kept(client, page):
    topic = page.topics.order_by("sort_order").first()
    data = answers(page, comment="ห้องน้ำสะอาด")
    del data["website_score"]
    response = post(client, page, data)
    assert response.status_code == 200
    html = response.content.decode()
    group = field_group(html, "id_website_score")
    assert "กรุณาเลือกระดับความพึงพอใจต่อเว็บไซต์" in group
    assert 'aria-describedby="id_website_score-error"' in group
    assert "ห้องน้ำสะอาด</textarea>" in html
    assert re.search(rf'name="topic_{topic.pk}" value="4" id="[^"]+" checked', html)
    assert not SurveyResponse.objects.exists()


def test_a_too_long_comment_is_refused_next_to_the_comment_and_kept(client, page):
    long_comment = "ก" * 1001
    response = post(client, page, answers(page, comment=long_comment))
    html = response.content.decode()
    group = field_group(html, "id_comment")
    assert "ไม่เกิน 1000 ตัวอักษร" in group and 'aria-invalid="true"' in group
    assert long_comment in group
    assert not SurveyResponse.objects.exists()


def test_a_score_outside_one_to_five_is_refused(client, page):
    topic = page.topics.first()
    response = post(client, page, answers(page, website_score="9", **{f"topic_{topic.pk}": "0"}))
    html = response.content.decode()
    assert "กรุณาเลือกหนึ่งในห้าระดับ" in field_group(html, "id_website_score")
    assert "หรือเว้นว่างไว้" in field_group(html, f"id_topic_{topic.pk}")
    assert not SurveyResponse.objects.exists()


def test_the_honeypot_refuses_robots(client, page):
    response = post(client, page, answers(page, website_url="http://spam.example"))
    assert response.status_code == 200
    assert "ส่งแบบฟอร์มไม่สำเร็จ" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(rate_url(page), answers(page), **browser_headers())
    assert response.status_code == 403
    assert not SurveyResponse.objects.exists()


def test_a_second_rating_the_same_day_is_refused_in_thai_and_the_next_day_allowed(client, page):
    with freeze_time("2026-11-26 09:00:00+07:00"):
        assert post(client, page, answers(page)).status_code == 302
        response = post(client, page, answers(page, website_score="1", comment="อีกครั้ง"))
        html = response.content.decode()
        assert "วันนี้คุณได้ประเมินความพึงพอใจต่อเว็บไซต์แล้ว" in html
        assert "อีกครั้ง</textarea>" in html  # what they typed is still there
        assert SurveyResponse.objects.count() == 1
        again = client.get(rate_url(page), **browser_headers()).content.decode()
        assert "วันนี้คุณได้ประเมินความพึงพอใจต่อเว็บไซต์แล้ว" in again and '<form class="survey-form"' not in again
    with freeze_time("2026-11-27 08:00:00+07:00"):
        assert post(client, page, answers(page, website_score="4")).status_code == 302
    assert list(SurveyResponse.objects.order_by("day").values_list("website_score", flat=True)) == [5, 4]


def test_the_database_refuses_a_second_response_of_the_same_visitor_and_day(rf, page):
    """Two posts racing past any check in Python still cannot both count: the unique key decides."""
    request = rf.get("/", **browser_headers())
    day = timezone.localdate()
    SurveyResponse.objects.create(day=day, visitor_key=visitor_key(request, day), website_score=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyResponse.objects.create(day=day, visitor_key=visitor_key(request, day), website_score=3)
    assert SurveyResponse.objects.count() == 1


def test_one_vote_per_day_holds_while_keys_of_past_days_are_emptied(rf, page):
    """The purge empties past keys (NULL, any number per day); a set key stays unique per day."""
    from eservices.models.visits import purge_visitor_keys

    request = rf.get("/", **browser_headers())
    with freeze_time("2026-11-25 09:00:00+07:00"):
        day = timezone.localdate()
        SurveyResponse.objects.create(day=day, visitor_key=visitor_key(request, day), website_score=5)
        SurveyResponse.objects.create(day=day, visitor_key=visitor_key(rf.get("/"), day), website_score=4)
    with freeze_time("2026-11-26 09:00:00+07:00"):
        purge_visitor_keys()
        assert list(SurveyResponse.objects.values_list("visitor_key", flat=True)) == [None, None]
        today = timezone.localdate()
        SurveyResponse.objects.create(day=today, visitor_key=visitor_key(request, today), website_score=3)
        with pytest.raises(IntegrityError), transaction.atomic():
            SurveyResponse.objects.create(day=today, visitor_key=visitor_key(request, today), website_score=1)
    assert SurveyResponse.objects.count() == 3


def test_another_visitor_on_the_same_day_may_rate(client, page):
    assert post(client, page, answers(page)).status_code == 302
    other = browser_headers(ip="198.51.100.20")
    assert post(client, page, answers(page, website_score="3"), **other).status_code == 302
    assert SurveyResponse.objects.count() == 2


def test_too_many_posts_from_one_address_are_refused_and_the_answers_kept(client, page, settings):
    settings.SURVEY_RATE_LIMIT = (2, 3600)
    for number in range(2):  # different browsers behind one address (a waiting-room Wi-Fi)
        headers = browser_headers(agent=f"Mozilla/5.0 Firefox/{120 + number}.0")
        assert post(client, page, answers(page), **headers).status_code == 302
    response = post(client, page, answers(page, comment="ขอบคุณค่ะ"), HTTP_USER_AGENT="Mozilla/5.0 Safari/605")
    assert response.status_code == 429
    html = response.content.decode()
    assert "ส่งแบบประเมินจากเครือข่ายของคุณมากเกินไป" in html
    assert "ขอบคุณค่ะ</textarea>" in html
    assert SurveyResponse.objects.count() == 2


def test_an_oversized_post_is_refused_without_an_error_page(client, page):
    response = post(client, page, answers(page, comment="ก" * 40_000))
    assert response.status_code == 413
    assert "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_topic_switched_off_is_no_longer_asked(client, page):
    topic = page.topics.order_by("sort_order").first()
    topic.is_active = False
    topic.save()
    html = client.get(rate_url(page), **browser_headers()).content.decode()
    assert f'name="topic_{topic.pk}"' not in html
    response = post(client, page, answers(page))  # a stale form still posting it: ignored, not stored
    assert response.status_code == 302
    assert not SurveyTopicScore.objects.filter(topic=topic).exists()
