"""Admin wiring of the e-services. Each service registers its own admin here, one block each."""

from django.urls import path

from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from eservices.complaints_admin import ComplaintAdmin, attachment_view
from eservices.feedback_admin import FeedbackAdmin

# -- complaints and feedback ---------------------------------------------------------------------
modeladmin_register(ComplaintAdmin)
modeladmin_register(FeedbackAdmin)


@hooks.register("register_admin_urls")
def register_complaint_urls():
    return [path("eservices/complaint/<int:pk>/attachment/", attachment_view, name="eservices_complaint_attachment")]
