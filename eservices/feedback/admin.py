"""Answering the public's comments and questions in the admin (wagtail-modeladmin)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin

from eservices.models import Feedback

logger = logging.getLogger(__name__)


class FeedbackAdminForm(WagtailAdminModelForm):
    """Records who answered and when, and when the Q&A went public."""

    def save(self, commit=True):
        previous = Feedback(
            answer=self.initial.get("answer") or "", is_published=bool(self.initial.get("is_published"))
        )
        self.instance.record_answer(self.for_user, previous)
        item = super().save(commit=commit)
        if item.email and item.answer.strip() and previous.answer != item.answer:
            send_answer(item)
        return item


def send_answer(item):
    """The answer to the person who asked, when they gave an e-mail address (the form promises it)."""
    context = {"item": item}
    try:
        send_mail(
            settings.EMAIL_SUBJECT_PREFIX
            + render_to_string("eservices/feedback/email/answer_subject.txt", context).strip(),
            render_to_string("eservices/feedback/email/answer_body.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [item.email],
        )
    except OSError:
        logger.exception("Could not send the answer to feedback %s", item.pk)


class FeedbackPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False  # comments and questions come from the public form only

    def user_can_delete_obj(self, user, obj):
        return user.is_superuser  # spam only; answered questions are records


class FeedbackAdmin(ModelAdmin):
    model = Feedback
    menu_label = _("Comments and questions")
    menu_icon = "help"
    menu_order = 260
    add_to_admin_menu = True
    permission_helper_class = FeedbackPermissionHelper
    history_view_enabled = False  # modeladmin's history view checks no permission
    edit_handler = ObjectList(Feedback.panels, base_form_class=FeedbackAdminForm)
    list_display = ["subject", "kind", "received_thai", "answered", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["subject", "message"]
    list_per_page = 50

    @staticmethod
    def received_thai(obj):
        from home.thai_dates import thai_datetime

        return thai_datetime(obj.received_at)

    received_thai.short_description = _("received")

    @staticmethod
    def answered(obj):
        return bool(obj.answer.strip())

    answered.short_description = _("answered")
    answered.boolean = True
