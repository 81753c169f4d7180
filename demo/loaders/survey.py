"""Demo of the satisfaction survey and visit statistics: the page "สถิติและความพึงพอใจ" under
บริการประชาชน with five service topics, about 14 months of visit history and some 240 anonymous
responses with Thai comments, so every chart has something to show.

The topics, the introduction and the comments are data: ``demo/data/survey.toml``.

Idempotent: the page is created if missing; history and responses only when there are none yet
(real counts and real responses are never touched).
"""

import datetime as dt
import random

from django.utils import timezone

from demo import content
from eservices.models import DailyVisits, StatisticsPage, SurveyResponse, SurveyTopic, SurveyTopicScore
from publishing.setup import setup_roles

DATA = content.read("survey")
PATH = DATA["path"]
TOPICS = DATA["topics"]
SURVEY_INTRO = DATA["intro"]
COMMENTS = DATA["comments"]


def load(builder):
    page = statistics_page(builder)
    if page is not None:
        visit_history(builder)
        responses(builder, page)


def statistics_page(builder):
    services = builder.find("services")
    if services is None:
        return None
    existing = builder.find(PATH)
    if existing is not None:
        return existing if isinstance(existing, StatisticsPage) else None
    title, intro, body = content.section_text(PATH)
    page = builder.page(
        services,
        StatisticsPage,
        PATH.split("/")[1],
        title=title,
        intro=intro,
        body=body,
        survey_intro=SURVEY_INTRO,
        show_in_menus=True,
        topics=[SurveyTopic(name=name, sort_order=index) for index, name in enumerate(TOPICS)],
    )
    # The section is new since the publishing loader ran: give it its permissions and workflow.
    setup_roles()
    return page


def visit_history(builder, days=425):
    """Page views and visitors per day: more on weekdays, a little growth over the months."""
    if DailyVisits.objects.exists():
        return
    rng = random.Random(2569)  # noqa: S311 — demo numbers, not security
    today = timezone.localdate()
    rows = []
    for back in range(days, -1, -1):
        day = today - dt.timedelta(days=back)
        growth = 1 + (days - back) / days * 0.35
        base = rng.randint(60, 110) if day.weekday() >= 5 else rng.randint(140, 260)
        visitors = int(base * growth)
        if back == 0:  # today is not over yet
            visitors = max(1, visitors * min(timezone.localtime().hour, 20) // 24)
        views = int(visitors * rng.uniform(2.4, 3.8))
        rows.append(DailyVisits(day=day, views=views, visitors=visitors))
    DailyVisits.objects.bulk_create(rows, ignore_conflicts=True)
    builder.created.append(f"visit statistics: {len(rows)} days")


def responses(builder, page, count=240):
    """Anonymous responses spread over the last 14 months (never today, so a demo visitor can rate)."""
    if SurveyResponse.objects.exists():
        return
    rng = random.Random(2570)  # noqa: S311 — demo answers, not security
    topics = list(page.topics.order_by("sort_order"))
    today = timezone.localdate()
    scores = [5, 4, 3, 2, 1]
    weights = [46, 34, 13, 5, 2]
    topic_scores = []
    for number in range(count):
        day = today - dt.timedelta(days=rng.randint(1, 425))
        submitted = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(7, 21), rng.randint(0, 59))))
        comment = COMMENTS[number % len(COMMENTS)] if number % 6 == 0 else ""
        response = SurveyResponse.objects.create(
            day=day,
            visitor_key=None,  # past days: the purge job has emptied their keys
            submitted_at=submitted,
            website_score=rng.choices(scores, weights)[0],
            comment=comment,
        )
        for topic in rng.sample(topics, rng.randint(0, len(topics))):
            topic_scores.append(
                SurveyTopicScore(
                    response=response, topic=topic, topic_name=topic.name, score=rng.choices(scores, weights)[0]
                )
            )
    SurveyTopicScore.objects.bulk_create(topic_scores)
    builder.created.append(f"survey responses: {count}")
