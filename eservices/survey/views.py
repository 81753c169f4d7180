"""Views of the satisfaction survey: the public statistics page, the form and its thanks page (routes of
``StatisticsPage``). The admin report is in ``report``."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from eservices.models import StatisticsPage, SurveyResponse, SurveyTopicScore
from eservices.survey import results as survey_results
from eservices.survey.forms import SurveyForm
from eservices.visits import stats as visits_stats
from eservices.visits.counter import counter_numbers
from home.abuse import rate_limited, visitor_key

MAX_BODY_BYTES = 32 * 1024


def _visit_chart_context():
    rows = visits_stats.monthly(visits_stats.last_months(12))
    return {
        "visit_rows": rows,
        "visit_chart": visits_stats.column_chart(
            rows, [("views", _("Page views"), "views"), ("visitors", _("Visitors"), "visitors")]
        ),
        "counter": counter_numbers(),
    }


@StatisticsPage.view("statistics_index")
def statistics_index(page, request):
    fy, months = survey_results.selected_round(request.GET)
    context = page.get_context(request)
    context.update(_visit_chart_context())
    context.update(
        {
            "results": survey_results.round_results(fy, months),
            "years": survey_results.available_years(),
            "rounds": survey_results.ROUNDS,
            "rate_url": page.url + page.reverse_subpage("rate"),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def _already_rated(request, day):
    return SurveyResponse.objects.filter(day=day, visitor_key=visitor_key(request, day)).exists()


def save_response(request, form):
    """Store the response; None when this visitor already responded today (unique key refused it)."""
    day = timezone.localdate()
    key = visitor_key(request, day)  # outside the transaction: a new day's salt is committed at once
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                day=day,
                visitor_key=key,
                website_score=form.cleaned_data["website_score"],
                comment=form.cleaned_data["comment"],
            )
            SurveyTopicScore.objects.bulk_create(
                SurveyTopicScore(response=response, topic=topic, topic_name=topic.name, score=score)
                for topic, score in form.topic_scores()
            )
    except IntegrityError:
        return None
    return response


@StatisticsPage.view("rate")
def rate(page, request):
    topics = page.active_topics()
    status = 200
    already = False
    page_error = ""
    if request.method == "POST":
        limit, seconds = settings.SURVEY_RATE_LIMIT
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
            # Already parsed by CsrfViewMiddleware (bounded by DATA_UPLOAD_MAX_MEMORY_SIZE), but not used:
            # the form comes back empty, with the reason.
            form = SurveyForm(topics=topics)
            page_error = _("The answers sent were too large. Please shorten your comment and try again.")
            status = 413
        elif rate_limited(request, "survey", limit, seconds):
            form = SurveyForm(request.POST, topics=topics)
            form.is_valid()
            form.add_error(
                None,
                _("Too many surveys have been sent from your network just now. Please try again in an hour."),
            )
            status = 429
        else:
            form = SurveyForm(request.POST, topics=topics)
            if form.is_valid():
                if save_response(request, form):
                    return redirect(page.url + page.reverse_subpage("thanks"))
                form.add_error(
                    None,
                    _("You have already rated the website today. Thank you! You can rate it again tomorrow."),
                )
                already = True
    else:
        form = SurveyForm(topics=topics)
        already = _already_rated(request, timezone.localdate())
    context = page.get_context(request)
    context.update({"form": form, "page_error": page_error, "already_rated": already, "results_url": page.url})
    return TemplateResponse(request, "eservices/survey/rate.html", context, status=status)


@StatisticsPage.view("thanks")
def thanks(page, request):
    fy, months = survey_results.selected_round({})
    context = page.get_context(request)
    context.update({"results": survey_results.round_results(fy, months), "results_url": page.url})
    return TemplateResponse(request, "eservices/survey/thanks.html", context)
