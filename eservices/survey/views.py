"""Views of the satisfaction survey: the public statistics page, the form and its thanks page (routes of
``StatisticsPage``), and the results report in the admin for webmasters, the director and admins."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.abuse import rate_limited, visitor_key
from publishing.roles import DIRECTOR, WEBMASTERS

from . import survey_results, visits, visits_stats
from .models import SurveyResponse, SurveyTopicScore
from .survey_forms import SurveyForm

# Per client address: a hospital's waiting-room Wi-Fi puts many honest visitors behind one address,
# so the limit is generous; one response per visitor per day is enforced by the database.
DEFAULT_RATE_LIMIT = (20, 3600)
MAX_BODY_BYTES = 32 * 1024


def can_see_statistics(user):
    """Webmasters, the director and administrators see survey comments and the visit report."""
    return user.is_active and (user.is_superuser or user.groups.filter(name__in=[WEBMASTERS, DIRECTOR]).exists())


def _visit_chart_context():
    rows = visits_stats.monthly(visits_stats.last_months(12))
    return {
        "visit_rows": rows,
        "visit_chart": visits_stats.column_chart(
            rows, [("views", _("Page views"), "views"), ("visitors", _("Visitors"), "visitors")]
        ),
        "counter": visits.counter_numbers(),
    }


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


def rate(page, request):
    topics = page.active_topics()
    status = 200
    already = False
    page_error = ""
    if request.method == "POST":
        limit, seconds = getattr(settings, "SURVEY_RATE_LIMIT", DEFAULT_RATE_LIMIT)
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


def thanks(page, request):
    fy, months = survey_results.selected_round({})
    context = page.get_context(request)
    context.update({"results": survey_results.round_results(fy, months), "results_url": page.url})
    return TemplateResponse(request, "eservices/survey/thanks.html", context)


def survey_report_view(request):
    """Admin: results of a round with the chart and table, and the comments of that round."""
    if not can_see_statistics(request.user):
        raise PermissionDenied
    fy, months = survey_results.selected_round(request.GET)
    data = survey_results.round_results(fy, months)
    if request.GET.get("format") == "xlsx":
        from home.models import ContactSettings

        from .survey_exports import results_xlsx

        hospital = ContactSettings.for_request(request).hospital_name
        response = HttpResponse(
            results_xlsx(data, hospital),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="survey-{fy}-{months}m.xlsx"'
        return response
    comments = (
        SurveyResponse.objects.filter(day__gte=data["start"], day__lte=data["end"])
        .exclude(comment="")
        .prefetch_related("topic_scores")
    )
    page_number = request.GET.get("p") or 1
    comments_page = Paginator(comments, 25).get_page(page_number)
    context = {
        "results": data,
        "years": survey_results.available_years(),
        "rounds": survey_results.ROUNDS,
        "comments": comments_page,
        "header_title": _("Satisfaction survey results"),
        "page_title": _("Satisfaction survey results"),
        "header_icon": "form",
    }
    return TemplateResponse(request, "eservices/survey/admin_report.html", context)
