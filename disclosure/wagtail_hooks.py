"""Admin for the ITA checklist: *MOIT items* (the titles and due periods of each fiscal year's items) and
the ITA/MOIT dashboard (menu item, admin-home panel, views in ``disclosure.ita.views``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from disclosure.ita import views
from disclosure.ita.access import dashboard_access
from disclosure.ita.completeness import completeness_checks
from disclosure.ita.report import year_report
from disclosure.models import MoitItem
from home import thai_dates


class MoitItemViewSet(SnippetViewSet):
    """Webmasters keep each year's MOIT titles here; the ITA year pages read them."""

    model = MoitItem
    icon = "list-ol"
    menu_label = _("MOIT items")
    menu_name = "moit-items"
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        Column("fiscal_year", label=_("fiscal year (B.E.)"), sort_key="fiscal_year"),
        Column("number", label=_("MOIT number"), sort_key="number"),
        "title",
        Column("due_label", label=_("due")),
    ]
    list_filter = ["fiscal_year", "indicator", "frequency"]
    search_fields = ["title"]
    ordering = ["-fiscal_year", "number"]
    list_per_page = 50


register_snippet(MoitItemViewSet)


# -- ITA/MOIT dashboard (R3.4) -------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_ita_urls():
    return [
        path("ita/", views.dashboard_view, name="disclosure_ita_dashboard"),
        path("ita/<int:fiscal_year>/export.<str:fmt>", views.export_view, name="disclosure_ita_export"),
        path("ita/copy-year/", views.copy_year_view, name="disclosure_ita_copy_year"),
    ]


class ITADashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return dashboard_access(request.user) is not None


@hooks.register("register_admin_menu_item")
def ita_dashboard_menu_item():
    return ITADashboardMenuItem(
        _("ITA/MOIT dashboard"),
        reverse("disclosure_ita_dashboard"),
        name="ita-dashboard",
        icon_name="tasks",
        order=240,
    )


class ITADashboardPanel(Component):
    """Admin home: how many MOIT periods of the current fiscal year need attention, and failed checks."""

    name = "ita_dashboard"
    order = 60
    template_name = "disclosure/admin/ita_dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        fy = thai_dates.current_fiscal_year()
        report = year_report(fy)
        failed = [check for check in completeness_checks(fy) if not check.passed]
        return {"fy": fy, "rows": report.count_rows(), "failed": failed, "url": reverse("disclosure_ita_dashboard")}


@hooks.register("construct_homepage_panels")
def add_ita_dashboard_panel(request, panels):
    if dashboard_access(request.user) is not None:
        panels.append(ITADashboardPanel(request))
