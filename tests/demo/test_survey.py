"""The survey and visit-statistics part of the demo: the page in its section with service topics and
its workflow, about 14 months of visits and anonymous responses, and a second run changes nothing."""

from wagtail.models import Site, WorkflowPage

import pytest

from demo.builder import DemoBuilder
from demo.loaders import hospital
from demo.loaders import survey as loader
from eservices.models import DailyVisits, StatisticsPage, SurveyResponse, SurveyTopicScore

pytestmark = pytest.mark.django_db


def build():
    builder = DemoBuilder(Site.objects.get(is_default_site=True))
    hospital.load(builder)
    loader.load(builder)
    return builder


def test_demo_places_the_page_with_topics_history_and_responses(home_page, client):
    builder = build()
    page = builder.find("services/statistics")
    assert isinstance(page, StatisticsPage) and page.live
    assert page.topics.filter(is_active=True).count() == 5
    assert WorkflowPage.objects.filter(page=page, workflow__name="เผยแพร่: สถิติและความพึงพอใจ").exists()
    assert DailyVisits.objects.count() > 400
    assert DailyVisits.objects.filter(visitors__gt=0).count() == DailyVisits.objects.count()
    assert SurveyResponse.objects.count() == 240
    assert SurveyResponse.objects.exclude(comment="").count() >= 30
    assert SurveyTopicScore.objects.count() > 200
    html = client.get(page.url, HTTP_USER_AGENT="Mozilla/5.0 Firefox/131.0").content.decode()
    assert 'class="bar-chart"' in html and '<svg class="stats-chart__svg"' in html

    created = len(build().created)
    assert created == 0
    assert SurveyResponse.objects.count() == 240
