"""Complaint handling in the admin (wagtail-modeladmin): list, filter, search, the case form, the
attachment download, and the access log.

Every view of a case, every export and every attachment download is written to
``ComplaintAccessLog``. A user sees only the kinds of complaint ``eservices.complaints.rules.visible_kinds``
allows; opening a case of another kind is refused (Wagtail's "permission denied" redirect) and the
attachment of such a case answers 404.
"""

from django.conf import settings
from django.contrib.admin import SimpleListFilter
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import CreateView, EditView, IndexView, ModelFormView

from eservices.complaints import rules
from eservices.complaints.forms import ComplaintAdminForm
from eservices.models import Complaint, ComplaintAccessLog
from home.models import Department
from home.thai_dates import thai_datetime

# Dates, type, channel, anonymity and consent are shown above the form (Buddhist-Era dates, plain words);
# the panels show what the person wrote, read-only.
SUBMISSION_PANELS = [
    FieldPanel("subject", read_only=True),
    FieldPanel("details", read_only=True),
    FieldRowPanel([FieldPanel("incident_when", read_only=True), FieldPanel("incident_where", read_only=True)]),
    FieldRowPanel(
        [FieldPanel("name", read_only=True), FieldPanel("phone", read_only=True), FieldPanel("email", read_only=True)]
    ),
]

HANDLING_PANELS = [
    FieldRowPanel([FieldPanel("status"), FieldPanel("department")]),
    FieldPanel("forwarded_to"),
    FieldPanel("response"),
    FieldPanel("note"),
]

EDIT_HANDLER = ObjectList(
    [
        MultiFieldPanel(SUBMISSION_PANELS, heading=_("As received")),
        MultiFieldPanel(HANDLING_PANELS, heading=_("Handling")),
    ],
    base_form_class=ComplaintAdminForm,
)

CREATE_HANDLER = ObjectList(
    [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("channel"), FieldPanel("received_at")]),
        FieldPanel("subject"),
        FieldPanel("details"),
        FieldRowPanel([FieldPanel("incident_when"), FieldPanel("incident_where")]),
        FieldPanel("is_anonymous"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("department"),
        FieldPanel("note"),
    ],
    base_form_class=ComplaintAdminForm,
)


class ComplaintPermissionHelper(PermissionHelper):
    def user_can_list(self, user):
        return bool(rules.visible_kinds(user))

    def user_can_create(self, user):
        return bool(rules.visible_kinds(user))

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_edit_obj(self, user, obj):
        return rules.can_see(user, obj)

    def user_can_delete_obj(self, user, obj):
        # Complaints are official records: they are closed, never deleted.
        return False


class OverdueFilter(SimpleListFilter):
    title = _("time limits")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("acknowledge", _("Not acknowledged in time")), ("resolve", _("Not finished in time"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "resolve":
            cutoff = now - timezone.timedelta(days=settings.COMPLAINTS_RESOLVE_DAYS)
            return queryset.filter(finished_at__isnull=True, received_at__lt=cutoff)
        if self.value() == "acknowledge":
            waiting = queryset.filter(acknowledged_at__isnull=True, finished_at__isnull=True)
            late = [
                pk for pk, received in waiting.values_list("pk", "received_at") if now > rules.acknowledge_due(received)
            ]
            return queryset.filter(pk__in=late)
        return queryset


class DepartmentFilter(SimpleListFilter):
    """By assigned unit (Django's related-field filter needs django.contrib.admin, which we do not run)."""

    title = _("assigned unit")
    parameter_name = "unit"

    def lookups(self, request, model_admin):
        return [(str(d.pk), d.name) for d in Department.objects.filter(is_active=True)]

    def queryset(self, request, queryset):
        return queryset.filter(department_id=self.value()) if self.value() else queryset


class ComplaintIndexView(IndexView):
    def as_spreadsheet(self, queryset, spreadsheet_format):
        complaints = list(queryset)
        filters = "&".join(f"{k}={v}" for k, v in sorted(self.params.items()) if v)
        ComplaintAccessLog.record(
            self.request.user,
            complaints,
            ComplaintAccessLog.Action.EXPORT,
            f"{spreadsheet_format} {len(complaints)} {filters}".strip(),
        )
        return super().as_spreadsheet(complaints, spreadsheet_format)


class ComplaintEditView(EditView):
    def get_edit_handler(self):
        return EDIT_HANDLER.bind_to_model(Complaint)

    def get(self, request, *args, **kwargs):
        ComplaintAccessLog.record(request.user, [self.instance], ComplaintAccessLog.Action.VIEW)
        return super().get(request, *args, **kwargs)

    def form_invalid(self, form):
        # The case is shown again with its contents: that is a view too.
        ComplaintAccessLog.record(self.request.user, [self.instance], ComplaintAccessLog.Action.VIEW)
        return super().form_invalid(form)

    def form_valid(self, form):
        # Not Wagtail's audit log: its site history lists every entry to superusers and to anyone with a
        # complaint permission, which would show corruption cases' codes to the service centre.
        # ComplaintEvent records the change instead.
        return ModelFormView.form_valid(self, form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        complaint = self.instance
        context.update(
            complaint=complaint,
            events=complaint.events.select_related("user"),
            access_log=complaint.access_log.select_related("user")[:50],
            now=timezone.now(),
        )
        return context

    def get_template_names(self):
        return ["eservices/complaints/admin/edit.html"]


class ComplaintCreateView(CreateView):
    def get_edit_handler(self):
        return CREATE_HANDLER.bind_to_model(Complaint)

    def form_valid(self, form):
        return ModelFormView.form_valid(self, form)  # recorded as a ComplaintEvent, see ComplaintEditView


class ComplaintAdmin(ModelAdmin):
    model = Complaint
    menu_label = _("Complaints")
    menu_icon = "warning"
    menu_order = 250
    add_to_admin_menu = True
    permission_helper_class = ComplaintPermissionHelper
    history_view_enabled = False  # modeladmin's history view checks no permission; ours is on the case page
    index_view_class = ComplaintIndexView
    edit_view_class = ComplaintEditView
    create_view_class = ComplaintCreateView
    list_display = ["tracking_code", "kind", "subject", "channel", "received_thai", "status", "department", "flags"]
    list_filter = ["kind", "status", "channel", OverdueFilter, DepartmentFilter]
    search_fields = ["tracking_code", "subject"]
    list_export = [
        "tracking_code",
        "kind",
        "channel",
        "status",
        "received_thai",
        "department",
        "acknowledged_thai",
        "finished_thai",
    ]
    export_filename = "complaints"
    list_per_page = 50

    def get_queryset(self, request):
        return rules.visible_complaints(request.user, super().get_queryset(request).select_related("department"))

    # Methods, not staticmethods: modeladmin reads short_description from the function it gets back, and a
    # staticmethod's attribute stays on the wrapper ("Received thai", "Flags" were shown).
    def received_thai(self, obj):
        return thai_datetime(timezone.localtime(obj.received_at))

    received_thai.short_description = _("received")

    def acknowledged_thai(self, obj):
        return thai_datetime(obj.acknowledged_at) if obj.acknowledged_at else ""

    acknowledged_thai.short_description = _("acknowledged")

    def finished_thai(self, obj):
        return thai_datetime(obj.finished_at) if obj.finished_at else ""

    finished_thai.short_description = _("finished")

    def flags(self, obj):
        now = timezone.now()
        labels = []
        if obj.acknowledged_at is None and obj.finished_at is None and obj.acknowledge_overdue(now):
            labels.append(_("Not acknowledged in time"))
        if obj.finished_at is None and obj.resolve_overdue(now):
            labels.append(_("Not finished in time"))
        if not labels:
            return ""
        return format_html(
            '<span class="w-status w-status--label" style="background:#fbe3e3;color:#7a1212">{}</span>',
            " · ".join(str(label) for label in labels),
        )

    flags.short_description = _("overdue")


def attachment_view(request, pk):
    """The complaint's attachment, for staff who may see the complaint; logged."""
    complaint = get_object_or_404(Complaint, pk=pk)
    if not rules.can_see(request.user, complaint) or not complaint.attachment:
        raise Http404
    ComplaintAccessLog.record(request.user, [complaint], ComplaintAccessLog.Action.ATTACHMENT)
    name = complaint.attachment.name.rsplit("/", 1)[-1]
    response = FileResponse(complaint.attachment.open("rb"), as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
