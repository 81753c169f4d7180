"""The satisfaction survey's results report in the admin, for webmasters, the director and admins: a
round's chart and table, its comments, and the XLSX file."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from eservices.models import SurveyResponse
from eservices.permissions import can_see_statistics
from eservices.survey import results as survey_results
from eservices.survey.exports import results_xlsx
from home.exports import XLSX_CONTENT_TYPE
from home.models import ContactSettings


def survey_report_view(request):
    """Admin: results of a round with the chart and table, and the comments of that round."""
    if not can_see_statistics(request.user):
        raise PermissionDenied
    fy, months = survey_results.selected_round(request.GET)
    data = survey_results.round_results(fy, months)
    if request.GET.get("format") == "xlsx":
        hospital = ContactSettings.for_request(request).hospital_name
        response = HttpResponse(results_xlsx(data, hospital), content_type=XLSX_CONTENT_TYPE)
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
