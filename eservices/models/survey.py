"""The satisfaction survey (R1.16): an anonymous rating of the website and of a few services, and
the public page "สถิติและความพึงพอใจ" that shows its results beside the visit statistics.

One response per visitor per day: ``visitor_key`` is the daily-salted key of ``home.abuse``
(never an IP address), and a unique constraint on (day, visitor_key) makes the database refuse a
second response of the same day even when two arrive at the same moment. Once the day is over the
periodic job ``purge_visitor_keys`` empties the key (NULL): a past response is linked to nobody.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.search.fields import ThaiSearchMixin

from .routing import RegisteredViewsMixin

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
COMMENT_MAX_LENGTH = 1000


class StatisticsPage(RegisteredViewsMixin, ThaiSearchMixin, RoutablePageMixin, Page):
    """สถิติและความพึงพอใจ: visit statistics, the survey results by fiscal-year round, and the survey
    form itself at ``rate/`` (thanks at ``thanks/``). The service topics rated are edited here."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    survey_intro = models.TextField(
        _("text above the survey form"),
        blank=True,
        max_length=600,
        help_text=_("Shown above the questions, e.g. why the hospital asks and what it does with the answers"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("survey_intro"), InlinePanel("topics", label=_("service topics rated"), max_num=8)],
            heading=_("Satisfaction survey"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    live_data = True  # the ITA dashboard counts it current in every period (disclosure.ita.evidence)
    parent_page_types = ["home.StandardPage", "home.HomePage"]
    subpage_types = []
    max_count = 1
    template = "eservices/survey/statistics_page.html"

    class Meta:
        verbose_name = _("statistics and satisfaction page")

    def active_topics(self):
        return list(self.topics.filter(is_active=True).order_by("sort_order", "pk"))

    @path("")
    def index_route(self, request):
        return self.call_view("statistics_index", request)

    @path("rate/", name="rate")
    def rate_route(self, request):
        return self.call_view("rate", request)

    @path("thanks/", name="thanks")
    def thanks_route(self, request):
        return self.call_view("thanks", request)


class SurveyTopic(Orderable):
    """A service the public rates 1–5 (e.g. the out-patient department). Switch one off rather than
    delete it: results of earlier rounds keep its name either way."""

    page = ParentalKey(StatisticsPage, on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(_("service topic"), max_length=120)
    is_active = models.BooleanField(_("asked in the survey"), default=True)

    panels = [FieldPanel("name"), FieldPanel("is_active")]

    class Meta(Orderable.Meta):
        verbose_name = _("service topic")
        verbose_name_plural = _("service topics")

    def __str__(self):
        return self.name


class SurveyResponse(models.Model):
    """One anonymous response: the website's score, an optional comment (seen only by staff)."""

    day = models.DateField(_("day"), db_index=True)
    # NULL once the day is over (purge_visitor_keys); unique per day while set.
    visitor_key = models.CharField(_("visitor key"), max_length=64, null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    website_score = models.PositiveSmallIntegerField(_("website score"), validators=SCORE_VALIDATORS)
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "visitor_key"],
                condition=models.Q(visitor_key__isnull=False),
                name="eservices_one_response_per_visitor_day",
            ),
            models.CheckConstraint(
                condition=models.Q(website_score__gte=1, website_score__lte=5), name="eservices_website_score_1_5"
            ),
        ]

    def __str__(self):
        return f"{self.day}: {self.website_score}"


class SurveyTopicScore(models.Model):
    """A response's score for one service topic (topics the visitor did not use are left out)."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="topic_scores")
    topic = models.ForeignKey(SurveyTopic, null=True, on_delete=models.SET_NULL, related_name="+")
    topic_name = models.CharField(_("service topic"), max_length=120)
    score = models.PositiveSmallIntegerField(_("score"), validators=SCORE_VALIDATORS)

    class Meta:
        verbose_name = _("service topic score")
        verbose_name_plural = _("service topic scores")
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="eservices_topic_score_1_5"),
        ]

    def __str__(self):
        return f"{self.topic_name}: {self.score}"
