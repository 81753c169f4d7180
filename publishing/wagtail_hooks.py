"""Admin wiring of the publishing process: audit-log actions, the urgent-publish and request-form
buttons, reports in the Reports menu, and a dashboard warning when fewer than two webmasters are
active (R3.2)."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import views, webmasters  # noqa: F401 — webmasters registers the bulk-action guard
from .changes import changes_requested, changes_requested_for
from .checks import active_webmaster_count
from .models import UrgentPublication
from .paperwork.records import can_download_form, has_draft, has_record
from .urgent import is_overdue, is_webmaster


@hooks.register("register_log_actions")
def register_publishing_log_actions(actions):
    actions.register_action(
        "hodsite.urgent_publish", _("Urgent publication on verbal approval"), _("Published urgently on verbal approval")
    )
    actions.register_action(
        "hodsite.written_approval", _("Written approval of an urgent publication"), _("Approved in writing")
    )
    actions.register_action(
        "hodsite.schedule_expired",
        _("Scheduled publication cancelled: already expired"),
        _("Not published: expired before going live"),
    )


@hooks.register("register_admin_urls")
def register_publishing_urls():
    return [
        path("publishing/urgent/", views.urgent_list_view, name="publishing_urgent_list"),
        path("publishing/urgent/<int:pk>/approve/", views.written_approval_view, name="publishing_written_approval"),
        path("publishing/urgent/page/<int:page_id>/", views.urgent_publish_view, name="publishing_urgent_publish"),
        path("publishing/review-times/", views.review_times_view, name="publishing_review_times"),
        path("publishing/stale/", views.stale_items_view, name="publishing_stale_items"),
        path("publishing/report/", views.publication_report_view, name="publishing_report"),
        path("publishing/request-form/<int:page_id>/", views.request_form_view, name="publishing_request_form"),
        path(
            "publishing/request-form/<int:page_id>/draft/",
            views.request_form_draft_view,
            name="publishing_request_form_draft",
        ),
        path(
            "publishing/request-form/<int:page_id>/<str:kind>/<int:pk>/",
            views.request_form_view,
            name="publishing_request_form_record",
        ),
    ]


class UrgentPublishButton(PageMenuItem):
    label = _("Publish urgently (verbal approval)")
    icon_name = "warning"

    @property
    def url(self):
        return reverse("publishing_urgent_publish", args=[self.page.pk])

    def is_shown(self, user):
        return is_webmaster(user) and not self.page.is_root() and self.page.has_unpublished_changes


@hooks.register("register_page_header_buttons")
def urgent_publish_header_button(page, user, view_name, next_url=None):
    yield UrgentPublishButton(page=page, priority=55)


@hooks.register("register_page_listing_more_buttons")
def urgent_publish_listing_button(page, user, next_url=None):
    yield UrgentPublishButton(page=page, priority=45)


class RequestFormButton(PageMenuItem):
    """Download the publication request form (PDF) of the page's latest publication."""

    label = _("Publication request form (PDF)")
    icon_name = "doc-full"

    @property
    def url(self):
        return reverse("publishing_request_form", args=[self.page.pk])

    def is_shown(self, user):
        if self.page.is_root() or self.page.depth < 2 or not self.page.first_published_at:
            return False
        return has_record(self.page) and can_download_form(user, self.page)


@hooks.register("register_page_header_buttons")
def request_form_header_button(page, user, view_name, next_url=None):
    yield RequestFormButton(page=page, priority=60)


@hooks.register("register_page_listing_more_buttons")
def request_form_listing_button(page, user, next_url=None):
    yield RequestFormButton(page=page, priority=50)


class DraftRequestFormButton(PageMenuItem):
    """Download the request form of the submission now in review, marked as a draft (ฉบับร่าง)."""

    label = _("Publication request form, draft (PDF)")
    icon_name = "doc-empty"

    @property
    def url(self):
        return reverse("publishing_request_form_draft", args=[self.page.pk])

    def is_shown(self, user):
        if self.page.is_root() or self.page.depth < 2:
            return False
        return has_draft(self.page) and can_download_form(user, self.page)


@hooks.register("register_page_header_buttons")
def draft_request_form_header_button(page, user, view_name, next_url=None):
    yield DraftRequestFormButton(page=page, priority=61)


@hooks.register("register_page_listing_more_buttons")
def draft_request_form_listing_button(page, user, next_url=None):
    yield DraftRequestFormButton(page=page, priority=51)


class ReportItem(MenuItem):
    def is_shown(self, request):
        return views.can_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def urgent_report_item():
    return ReportItem(
        _("Urgent publications"),
        reverse("publishing_urgent_list"),
        name="urgent-publications",
        icon_name="warning",
        order=650,
    )


@hooks.register("register_reports_menu_item")
def review_times_item():
    return ReportItem(
        _("Review times"), reverse("publishing_review_times"), name="review-times", icon_name="time", order=660
    )


@hooks.register("register_reports_menu_item")
def stale_items_item():
    return ReportItem(
        _("Items due for review"), reverse("publishing_stale_items"), name="stale-items", icon_name="date", order=670
    )


@hooks.register("register_reports_menu_item")
def publication_report_item():
    return ReportItem(
        _("Publication report"),
        reverse("publishing_report"),
        name="publication-report",
        icon_name="doc-full",
        order=640,
    )


class ProcessWarningsPanel(Component):
    """Dashboard: fewer than two webmasters (R3.2); urgent publications awaiting written approval."""

    name = "publishing_warnings"
    order = 50
    template_name = "publishing/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        awaiting = list(UrgentPublication.objects.filter(written_approved_at__isnull=True).select_related("page")[:50])
        return {
            "webmaster_count": active_webmaster_count(),
            "awaiting_count": len(awaiting),
            "overdue_count": sum(is_overdue(r) for r in awaiting),
            "show_urgent": views.can_see_reports(self.request.user),
        }


@hooks.register("construct_homepage_panels")
def add_process_warnings(request, panels):
    panels.append(ProcessWarningsPanel(request))


@hooks.register("before_edit_page")
def show_why_changes_were_requested(request, page):
    """A banner on the edit screen of an item sent back: the reason, who asked and when (R2.4)."""
    if request.method != "GET":
        return None
    entry = changes_requested(page)
    if entry is not None:
        messages.warning(
            request,
            _("Changes requested by %(name)s on %(date)s (%(step)s): %(reason)s")
            % {"name": entry.by, "date": entry.at_label, "step": entry.task, "reason": entry.reason},
        )
    return None


class ChangesRequestedPanel(Component):
    """Dashboard "ต้องแก้ไข": the user's items sent back, each with the reason, who asked and when."""

    name = "publishing_changes_requested"
    order = 60
    template_name = "publishing/admin/changes_requested_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {"entries": self.entries}

    def render_html(self, parent_context=None):
        self.entries = changes_requested_for(self.request.user)
        return super().render_html(parent_context) if self.entries else ""


@hooks.register("construct_homepage_panels")
def add_changes_requested(request, panels):
    panels.append(ChangesRequestedPanel(request))
