"""Answering the public's comments and questions in the admin (wagtail-modeladmin)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin

from eservices.models import Feedback


class FeedbackAdminForm(WagtailAdminModelForm):
    """Records who answered and when, and when the Q&A went public."""

    def save(self, commit=True):
        previous = Feedback(
            answer=self.initial.get("answer") or "", is_published=bool(self.initial.get("is_published"))
        )
        self.instance.record_answer(self.for_user, previous)
        return super().save(commit=commit)


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
    edit_handler = ObjectList(Feedback.panels, base_form_class=FeedbackAdminForm)
    list_display = ["subject", "kind", "received_at", "answered", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["subject", "message"]
    list_per_page = 50

    @staticmethod
    def answered(obj):
        return bool(obj.answer.strip())

    answered.short_description = _("answered")
    answered.boolean = True
