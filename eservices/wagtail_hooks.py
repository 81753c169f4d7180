"""Admin wiring of the e-services, one block per service: complaints and feedback (modeladmin), the
personal-data requests screen and its audit-log actions (PDPA), and the satisfaction-survey and
visit-statistics reports in the Reports menu (webmasters, director, admin)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import modeladmin_register

from eservices.complaints.admin import ComplaintAdmin, attachment_view
from eservices.feedback.admin import FeedbackAdmin
from eservices.permissions import can_see_statistics
from eservices.privacy.search import can_use as can_use_personal_data
from eservices.privacy.views import personal_data_view
from eservices.survey.report import survey_report_view
from eservices.visits.views import visits_report_view

# -- complaints and feedback ---------------------------------------------------------------------
modeladmin_register(ComplaintAdmin)
modeladmin_register(FeedbackAdmin)


@hooks.register("register_admin_urls")
def register_complaint_urls():
    return [path("eservices/complaint/<int:pk>/attachment/", attachment_view, name="eservices_complaint_attachment")]


# -- personal data requests (PDPA) ---------------------------------------------------------------
@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return [path("eservices/personal-data/", personal_data_view, name="eservices_personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_personal_data(request.user)


@hooks.register("register_admin_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data requests"),
        reverse("eservices_personal_data"),
        name="personal-data",
        icon_name="user",
        order=265,
    )


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    actions.register_action("eservices.pdpa.search", _("Personal data: search"), _("Searched for a person's records"))
    actions.register_action("eservices.pdpa.export", _("Personal data: export"), _("Exported a person's records"))
    actions.register_action(
        "eservices.pdpa.erase", _("Personal data: erased on request"), _("Erased a person's data on request")
    )
    actions.register_action(
        "eservices.pdpa.retention",
        _("Personal data: erased past retention"),
        _("Erased personal data past the retention period"),
    )


# -- satisfaction survey and visit statistics ----------------------------------------------------
@hooks.register("register_admin_urls")
def register_survey_and_visits_urls():
    return [
        path("eservices/survey/", survey_report_view, name="eservices_survey_report"),
        path("eservices/visits/", visits_report_view, name="eservices_visits_report"),
    ]


class StatisticsReportItem(MenuItem):
    def is_shown(self, request):
        return can_see_statistics(request.user)


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
