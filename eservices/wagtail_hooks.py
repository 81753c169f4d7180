"""Admin wiring of the e-services: the satisfaction-survey and visit-statistics reports in the
Reports menu, shown to webmasters, the director and administrators only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import survey_views, visits_views


@hooks.register("register_admin_urls")
def register_survey_and_visits_urls():
    return [
        path("eservices/survey/", survey_views.survey_report_view, name="eservices_survey_report"),
        path("eservices/visits/", visits_views.visits_report_view, name="eservices_visits_report"),
    ]


class StatisticsReportItem(MenuItem):
    def is_shown(self, request):
        return survey_views.can_see_statistics(request.user)


@hooks.register("register_reports_menu_item")
def survey_report_item():
    return StatisticsReportItem(
        _("Satisfaction survey"), reverse("eservices_survey_report"), name="survey-results", icon_name="form", order=680
    )


@hooks.register("register_reports_menu_item")
def visits_report_item():
    return StatisticsReportItem(
        _("Website visits"), reverse("eservices_visits_report"), name="website-visits", icon_name="view", order=690
    )
