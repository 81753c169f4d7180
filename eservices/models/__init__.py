"""E-services records. Each service keeps its models in its own module, re-exported here."""

from .complaints import (  # noqa: F401
    Complaint,
    ComplaintAccessLog,
    ComplaintEvent,
    ComplaintFormPage,
    ComplaintKind,
    ComplaintStatisticsPage,
    ComplaintTrackingPage,
)
from .feedback import Feedback, FeedbackPage  # noqa: F401
from .privacy import PersonalDataRequest  # noqa: F401
from .survey import StatisticsPage, SurveyResponse, SurveyTopic, SurveyTopicScore  # noqa: F401
from .visits import DailyVisitor, DailyVisits  # noqa: F401
