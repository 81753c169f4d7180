"""E-services records. Each service keeps its models in its own module, re-exported here."""

from .survey import StatisticsPage, SurveyResponse, SurveyTopic, SurveyTopicScore  # noqa: F401
from .visits import DailyVisitor, DailyVisits  # noqa: F401
