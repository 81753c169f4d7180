"""Answering the public's comments and questions in the admin (wagtail-modeladmin)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin

from eservices.feedback.notify import send_answer
from eservices.models import Feedback
from home.thai_dates import thai_datetime


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

    def received_thai(self, obj):
        return thai_datetime(obj.received_at)

    received_thai.short_description = _("received")

    def answered(self, obj):
        return bool(obj.answer.strip())

    answered.short_description = _("answered")
    answered.boolean = True
